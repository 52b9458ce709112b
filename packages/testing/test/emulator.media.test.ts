import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { PlivoEmulator } from "../src/PlivoEmulator.js"
import { call, decode, ErrorBody, MediaObject, Meta, sendSms } from "./emulator.support.js"

const withEmulator = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.provide(effect, PlivoEmulator.layer({ lifecycle: { auto: false } }))

const UploadResponse = Schema.Struct({
  api_id: Schema.String,
  objects: Schema.Array(Schema.extend(
    MediaObject,
    Schema.Struct({ status: Schema.Literal("success"), status_code: Schema.Literal(201) })
  ))
})

const MediaList = Schema.Struct({ api_id: Schema.String, meta: Meta, objects: Schema.Array(MediaObject) })

const form = (files: ReadonlyArray<readonly [name: string, type: string, content: string | Uint8Array]>) => {
  const data = new FormData()
  for (const [name, type, content] of files) data.append("file", new Blob([content], { type }), name)
  return data
}

const upload = (files: ReadonlyArray<readonly [string, string, string | Uint8Array]>) =>
  call("POST", "Media/", { formData: form(files) })

describe("PlivoEmulator media", () => {
  it.effect("uploads files as multipart and serves them back", () =>
    withEmulator(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const r = yield* upload([["cat.jpg", "image/jpeg", "jpeg-bytes"], ["doc.pdf", "application/pdf", "%PDF-1.4"]])
      expect(r.status).toBe(200)
      const body = yield* decode(UploadResponse)(r.body)
      expect(body.objects.map((o) => [o.file_name, o.content_type, o.size])).toEqual([
        ["cat.jpg", "image/jpeg", 10],
        ["doc.pdf", "application/pdf", 8]
      ])
      const id = body.objects[0]?.media_id ?? ""
      expect(body.objects[0]?.media_url).toBe(`https://media.plivo.com/Account/${emulator.authId}/Media/${id}`)

      const get = yield* call("GET", `Media/${id}/`)
      expect(get.status).toBe(200)
      expect(get.body).toMatchObject({ media_id: id, file_name: "cat.jpg", size: 10 })
      expect((yield* decode(Schema.extend(MediaObject, Schema.Struct({ api_id: Schema.String })))(get.body)).api_id)
        .toBeTruthy()
      expect((yield* call("GET", "Media/nope/")).status).toBe(404)

      const stored = yield* emulator.media
      expect(new TextDecoder().decode(stored[0]?.content)).toBe("jpeg-bytes")
    })))

  it.effect("lists media newest first with total_count", () =>
    withEmulator(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const seeded = yield* emulator.uploadMedia([
        { fileName: "a.png", contentType: "image/png", content: "a" },
        { fileName: "b.png", contentType: "image/png", content: "b" },
        { fileName: "c.png", contentType: "image/png", content: "c" }
      ])
      const first = yield* decode(MediaList)((yield* call("GET", "Media/?limit=2")).body)
      expect(first.meta).toMatchObject({ limit: 2, offset: 0, total_count: 3, previous: null })
      expect(first.meta.next).toMatch(/\/Media\/\?limit=2&offset=2$/)
      expect(first.objects.map((m) => m.file_name)).toEqual(["c.png", "b.png"])
      const second = yield* decode(MediaList)((yield* call("GET", "Media/?limit=2&offset=2")).body)
      expect(second.objects.map((m) => m.media_id)).toEqual([seeded[0]?.mediaId])
      expect(second.meta.next).toBeNull()
      expect((yield* call("GET", "Media/?limit=25")).status).toBe(400)
    })))

  it.effect("refuses bad uploads", () =>
    withEmulator(Effect.gen(function*() {
      const notMultipart = yield* call("POST", "Media/", { json: { file: "x" } })
      expect(notMultipart.status).toBe(400)
      expect((yield* decode(ErrorBody)(notMultipart.body)).error).toMatch(/multipart/)
      const noFile = new FormData()
      noFile.append("other", "value")
      expect((yield* call("POST", "Media/", { formData: noFile })).status).toBe(400)
      const eleven = Array.from({ length: 11 }, (_, i) => [`${i}.txt`, "text/plain", "x"] as const)
      const tooMany = yield* upload(eleven)
      expect(tooMany.status).toBe(400)
      expect((yield* decode(ErrorBody)(tooMany.body)).error).toMatch(/10 files/)
    })))

  it.effect("a file over 2 MB fails on its own item", () =>
    withEmulator(Effect.gen(function*() {
      const r = yield* upload([["big.bin", "image/png", new Uint8Array(2 * 1024 * 1024 + 1)], ["ok.txt", "text/plain", "x"]])
      expect(r.status).toBe(200)
      expect(r.body).toMatchObject({
        objects: [{ file_name: "big.bin", status: "error", status_code: 400 }, { file_name: "ok.txt", status: "success" }]
      })
      const emulator = yield* PlivoEmulator
      expect((yield* emulator.media).map((m) => m.fileName)).toEqual(["ok.txt"])
    })))

  it.effect("message media: list and delete", () =>
    withEmulator(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const [media] = yield* emulator.uploadMedia([{ fileName: "p.gif", contentType: "image/gif", content: "GIF89a" }])
      const { message_uuid } = yield* sendSms({
        type: "mms",
        dst: "14155550123",
        media_ids: [media?.mediaId],
        media_urls: ["https://example.com/x.png"]
      })
      const uuid = message_uuid[0] ?? ""
      const listed = yield* call("GET", `Message/${uuid}/Media/`)
      expect(listed.status).toBe(200)
      expect(listed.body).toMatchObject({
        objects: [
          { media_id: media?.mediaId, message_uuid: uuid, content_type: "image/gif", size: 6 },
          { content_type: "image/png", file_name: "x.png" }
        ]
      })
      const del = yield* call("DELETE", `Message/${uuid}/Media/`)
      expect(del.status).toBe(204)
      expect((yield* call("GET", `Message/${uuid}/Media/`)).body).toMatchObject({ objects: [] })
      expect((yield* call("GET", "Message/nope/Media/")).status).toBe(404)
    })))
})
