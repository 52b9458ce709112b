import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { describe, expect, it } from "@effect/vitest"
import { PlivoClient, PlivoConfig, RetryPolicy } from "@plivo-effect/core"
import { StubHttpClient } from "@plivo-effect/testing"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { Media, type MediaFile } from "../src/index.js"
import { requests, stubbed } from "./messagingSupport.js"

const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])
const files: ReadonlyArray<MediaFile> = [
  { name: "photo.jpg", contentType: "image/jpeg", data: jpeg },
  // A Blob's own type is replaced by the declared contentType.
  { name: "doc.pdf", contentType: "application/pdf", data: new Blob(["%PDF-1.4"], { type: "text/plain" }) }
]

const item = (name: string, id: string) => ({
  media_id: id,
  file_name: name,
  content_type: "image/jpeg",
  size: 7,
  status: "success",
  status_code: 201,
  upload_time: "2024-05-01T04:45:30.120456Z",
  url: `https://media.plivo.com/Account/X/Media/${id}`
})

const partsOf = async (form: FormData | undefined) =>
  Promise.all((form?.getAll("file") ?? []).map(async (part) => {
    if (!(part instanceof File)) throw new Error("a file part was sent as a string")
    return { name: part.name, type: part.type, bytes: Array.from(new Uint8Array(await part.arrayBuffer())) }
  }))

describe("Media.upload", () => {
  it.effect("sends each file as a `file` part with its name and content type", () =>
    Effect.gen(function*() {
      const result = yield* (yield* Media).upload(files)
      const [request] = yield* requests
      expect(request?.method).toBe("POST")
      expect(request?.resource).toBe("Media/")
      expect([...(request?.formData?.keys() ?? [])]).toEqual(["file", "file"])
      expect(yield* Effect.promise(() => partsOf(request?.formData))).toEqual([
        { name: "photo.jpg", type: "image/jpeg", bytes: Array.from(jpeg) },
        { name: "doc.pdf", type: "application/pdf", bytes: Array.from(new TextEncoder().encode("%PDF-1.4")) }
      ])
      expect(result.api_id).toBe("up-1")
      expect(result.objects.map((r) => r._tag)).toEqual(["Uploaded", "Uploaded"])
      expect(result.objects.map((r) => r.media_id)).toEqual(["m1", "m2"])
    }).pipe(Effect.provide(stubbed(() =>
      StubHttpClient.json(200, { api_id: "up-1", objects: [item("photo.jpg", "m1"), item("doc.pdf", "m2")] })
    ))))

  it.effect("a file Plivo did not store is a Failed result, not hidden by the 2xx", () =>
    Effect.gen(function*() {
      const { objects } = yield* (yield* Media).upload(files)
      expect(objects[0]?._tag).toBe("Uploaded")
      expect(objects[1]).toEqual({
        _tag: "Failed",
        file_name: "doc.pdf",
        status: "failed",
        status_code: 400,
        error_code: "415",
        error_message: "unsupported media type"
      })
      const stored = objects.flatMap((r) => (r._tag === "Uploaded" ? [r.media_url] : []))
      expect(stored).toEqual(["https://media.plivo.com/Account/X/Media/m1"])
    }).pipe(Effect.provide(stubbed(() =>
      StubHttpClient.json(200, {
        api_id: "up-2",
        objects: [
          item("photo.jpg", "m1"),
          { file_name: "doc.pdf", status: "failed", status_code: 400, error_code: 415, error_message: "unsupported media type" }
        ]
      })
    ))))

  it.effect("an item with a media_id but an error is still Failed", () =>
    Effect.gen(function*() {
      const { objects } = yield* (yield* Media).upload([files[0]!])
      expect(objects[0]?._tag).toBe("Failed")
    }).pipe(Effect.provide(stubbed(() =>
      StubHttpClient.json(200, { api_id: "up-3", objects: [{ ...item("photo.jpg", "m1"), status: "error" }] })
    ))))

  it.effect("exactly 10 files of exactly 2 MiB are sent", () =>
    Effect.gen(function*() {
      const big = Array.from({ length: 10 }, (_, i): MediaFile => ({
        name: `f${i}.jpg`,
        contentType: "image/jpeg",
        data: new Uint8Array(2 * 1024 * 1024)
      }))
      yield* (yield* Media).upload(big)
      expect((yield* requests)[0]?.formData?.getAll("file")).toHaveLength(10)
    }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, { api_id: "a", objects: [] })))))

  it.live("over a loopback server, the multipart body parses back to the files", () =>
    Effect.gen(function*() {
      const received: Array<{ name: string; type: string; size: number }> = []
      const server = createServer((req, res) => {
        const chunks: Array<Buffer> = []
        req.on("data", (chunk: Buffer) => chunks.push(chunk))
        req.on("end", async () => {
          const form = await new Request("http://loopback/", {
            method: "POST",
            headers: { "content-type": req.headers["content-type"] ?? "" },
            body: Buffer.concat(chunks)
          }).formData()
          for (const part of form.getAll("file")) {
            if (part instanceof File) received.push({ name: part.name, type: part.type, size: part.size })
          }
          res.writeHead(200, { "content-type": "application/json" })
          res.end(JSON.stringify({ api_id: "loop", objects: received.map((f, i) => item(f.name, `m${i}`)) }))
        })
      })
      yield* Effect.acquireRelease(
        Effect.async<void>((resume) => {
          server.listen(0, "127.0.0.1", () => resume(Effect.void))
        }),
        () => Effect.sync(() => server.close())
      )
      const { port } = server.address() as AddressInfo
      const client = PlivoClient.layer.pipe(
        Layer.provide(PlivoConfig.layer({
          authId: "MALOOPBACK0000000000",
          authToken: "token",
          baseUrl: `http://127.0.0.1:${port}/v1/`,
          retry: RetryPolicy.none
        }).pipe(Layer.orDie)),
        Layer.provide(FetchHttpClient.layer)
      )
      const result = yield* Effect.flatMap(Media, (media) => media.upload(files)).pipe(
        Effect.provide(Media.layer.pipe(Layer.provide(client)))
      )
      expect(received).toEqual([
        { name: "photo.jpg", type: "image/jpeg", size: jpeg.length },
        { name: "doc.pdf", type: "application/pdf", size: 8 }
      ])
      expect(result.objects.map((r) => r._tag)).toEqual(["Uploaded", "Uploaded"])
    }).pipe(Effect.scoped), { timeout: 10_000 })
})
