import { describe, expect, it } from "@effect/vitest"
import { StubHttpClient } from "@plivo-effect/testing"
import * as Chunk from "effect/Chunk"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import * as TestClock from "effect/TestClock"
import { Media, MediaObject, Messages } from "../src/index.js"
import { allFixtures, expectDecodedFrom, fixture, objectsOf, requests, stubbed } from "./messagingSupport.js"

// Every messages/media fixture; INDEX.md flags none of them as hand-written or wrong.
const SEND = [
  "plivo-python/messageSendResponse.json",
  "plivo-go/messageSendResponse.json",
  "plivo-java/messageSendResponse.json",
  "plivo-php/messageSendResponse.json"
]
const SEND_ERROR = ["plivo-php/messageCreate401Response.json"]
const MESSAGE_GET = [
  "plivo-python/messageGetResponse.json",
  "plivo-go/messageGetResponse.json",
  "plivo-java/messageGetResponse.json",
  "plivo-php/messageGetResponse.json"
]
const MESSAGE_LIST = [
  "plivo-python/messageListResponse.json",
  "plivo-go/messageListResponse.json",
  "plivo-java/messageListResponse.json",
  "plivo-php/messageListResponse.json"
]
const MESSAGE_MEDIA_LIST = [
  "plivo-python/messageListMediaResponse.json",
  "plivo-go/mmsMediaListResponse.json",
  "plivo-java/mmsMediaListResponse.json",
  "plivo-php/mediaListResponse.json" // misnamed in php: message-media list shape
]
// GET Message/{uuid}/Media/{media_id}/ is implied by these fixtures but neither documented
// nor implemented by any SDK, so no operation calls it: the item schema is checked directly.
const MESSAGE_MEDIA_ITEM = [
  "plivo-go/mmsMediaGetResponse.json",
  "plivo-java/mmsMediaGetResponse.json",
  "plivo-php/mediaResponse.json"
]
const MEDIA_GET = [
  "plivo-python/mediaGetMediaResponse.json",
  "plivo-go/mediaGetResponse.json",
  "plivo-java/mediaGetResponse.json",
  "plivo-php/mediaGetResponse.json"
]
const MEDIA_LIST = [
  "plivo-python/mediaListResponse.json",
  "plivo-go/mediaListResponse.json",
  "plivo-java/mediaListResponse.json",
  "plivo-php/mmsmediaListResponse.json" // misnamed in php: account media list shape
]
const MEDIA_UPLOAD = ["plivo-php/uploadmedia.json"]

const COVERED = [
  ...SEND,
  ...SEND_ERROR,
  ...MESSAGE_GET,
  ...MESSAGE_LIST,
  ...MESSAGE_MEDIA_LIST,
  ...MESSAGE_MEDIA_ITEM,
  ...MEDIA_GET,
  ...MEDIA_LIST,
  ...MEDIA_UPLOAD
]

const UUID = "5b40a428-bfc7-4daf-9d06-726c558bf3b8"

describe("fixtures", () => {
  it("covers every messages and media fixture", () => {
    const relevant = allFixtures().filter((name) => /message|media|mms|upload/i.test(name))
    expect([...relevant].sort()).toEqual([...COVERED].sort())
  })

  describe("Messages.send", () => {
    for (const name of SEND) {
      it.effect(name, () =>
        Effect.gen(function*() {
          const raw = fixture(name)
          const result = yield* (yield* Messages).send({ src: "14155550100", dst: "14155550123", text: "Hi" })
          expect(result.api_id).toBe(raw.api_id)
          expect(result.message).toBe("message(s) queued")
          expect(result.message_uuid).toEqual(raw.message_uuid)
          expect(result.invalid_number).toEqual(raw.invalid_number ?? [])
        }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(202, fixture(name))))))
    }

    for (const name of SEND_ERROR) {
      it.effect(`${name} (HTTP 401)`, () =>
        Effect.gen(function*() {
          const error = yield* Effect.flip((yield* Messages).send({ src: "14155550100", dst: "14155550123", text: "Hi" }))
          expect(error._tag).toBe("AuthenticationError")
          expect(error.message).toContain("authentication credentials were not provided")
        }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(401, fixture(name))))))
    }
  })

  describe("Messages.get", () => {
    for (const name of MESSAGE_GET) {
      it.effect(name, () =>
        Effect.gen(function*() {
          const message = yield* (yield* Messages).get(UUID)
          expectDecodedFrom(fixture(name), message)
          const [request] = yield* requests
          expect(request?.method).toBe("GET")
          expect(request?.resource).toBe(`Message/${UUID}/`)
        }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, fixture(name))))))
    }
  })

  describe("Messages.list and Messages.stream", () => {
    for (const name of MESSAGE_LIST) {
      it.effect(`list ${name}`, () =>
        Effect.gen(function*() {
          const raw = fixture(name)
          const page = yield* (yield* Messages).list({ limit: 20 })
          expect(page.api_id).toBe(raw.api_id)
          expect(page.meta).toEqual(raw.meta)
          const objects = objectsOf(raw)
          expect(page.objects).toHaveLength(objects.length)
          objects.forEach((o, i) => expectDecodedFrom(o, page.objects[i] ?? {}))
        }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, fixture(name))))))

      it.effect(`stream ${name}`, () =>
        Effect.gen(function*() {
          yield* TestClock.setTime(DateTime.toEpochMillis(DateTime.unsafeMake("2017-06-01T00:00:00Z")))
          const raw = fixture(name)
          const all = yield* Stream.runCollect((yield* Messages).stream())
          expect(Chunk.map(all, (m) => m.message_uuid)).toEqual(Chunk.fromIterable(objectsOf(raw).map((o) => o.message_uuid)))
          // The fixture's meta.next announces a second page; the stub's is empty.
          expect((yield* requests).map((r) => r.query.offset)).toEqual(["0", "20"])
        }).pipe(
          Effect.provide(stubbed((request) =>
            request.query.offset === "0"
              ? StubHttpClient.json(200, fixture(name))
              : StubHttpClient.json(200, { api_id: "x", meta: { next: null }, objects: [] })
          ))
        ))
    }
  })

  describe("Messages.listMedia", () => {
    for (const name of MESSAGE_MEDIA_LIST) {
      it.effect(name, () =>
        Effect.gen(function*() {
          const raw = fixture(name)
          const list = yield* (yield* Messages).listMedia(UUID)
          expect(list.api_id).toBe(raw.api_id)
          const objects = objectsOf(raw)
          expect(list.objects).toHaveLength(objects.length)
          objects.forEach((o, i) => expectDecodedFrom(o, list.objects[i] ?? {}))
          expect((yield* requests)[0]?.resource).toBe(`Message/${UUID}/Media/`)
        }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, fixture(name))))))
    }

    for (const name of MESSAGE_MEDIA_ITEM) {
      it(`${name} decodes as a MediaObject`, () => {
        const raw = fixture(name)
        expectDecodedFrom(raw, Schema.decodeUnknownSync(MediaObject)(raw))
      })
    }
  })

  describe("Media.get", () => {
    for (const name of MEDIA_GET) {
      it.effect(name, () =>
        Effect.gen(function*() {
          const raw = fixture(name)
          const media = yield* (yield* Media).get("d1f1dafc-a124-4e0f-b808-9de53caf005c")
          expectDecodedFrom(raw, media)
          expect(media.media_url).toMatch(/^https?:\/\//)
          expect((yield* requests)[0]?.resource).toBe("Media/d1f1dafc-a124-4e0f-b808-9de53caf005c/")
        }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, fixture(name))))))
    }
  })

  describe("Media.list and Media.stream", () => {
    for (const name of MEDIA_LIST) {
      it.effect(`list ${name}`, () =>
        Effect.gen(function*() {
          const raw = fixture(name)
          const page = yield* (yield* Media).list({ limit: 20, offset: 0 })
          expect(page.api_id).toBe(raw.api_id)
          expect(page.meta).toEqual(raw.meta)
          const objects = objectsOf(raw)
          objects.forEach((o, i) => expectDecodedFrom(o, page.objects[i] ?? {}))
          expect(page.objects.every((m) => typeof m.media_url === "string")).toBe(true)
        }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, fixture(name))))))

      it.effect(`stream ${name}`, () =>
        Effect.gen(function*() {
          const raw = fixture(name)
          const all = yield* Stream.runCollect((yield* Media).stream())
          expect(Chunk.toReadonlyArray(all).map((m) => m.media_id)).toEqual(objectsOf(raw).map((o) => o.media_id))
        }).pipe(
          Effect.provide(stubbed((request) =>
            request.query.offset === "0"
              ? StubHttpClient.json(200, fixture(name))
              : StubHttpClient.json(200, { api_id: "x", meta: { next: null }, objects: [] })
          ))
        ))
    }
  })

  describe("Media.upload", () => {
    for (const name of MEDIA_UPLOAD) {
      it.effect(name, () =>
        Effect.gen(function*() {
          const raw = objectsOf(fixture(name))
          const { objects } = yield* (yield* Media).upload([
            { name: "jpeg.jpeg", contentType: "image/jpeg", data: new Uint8Array([0xff, 0xd8, 0xff]) }
          ])
          expect(objects).toHaveLength(1)
          const [result] = objects
          expect(result?._tag).toBe("Uploaded")
          const { _tag, ...fields } = result ?? { _tag: "none" }
          expect(_tag).toBe("Uploaded")
          raw.forEach((o) => expectDecodedFrom(o, fields))
        }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, fixture(name))))))
    }
  })
})
