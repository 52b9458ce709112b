import { describe, expect, it } from "@effect/vitest"
import { StubHttpClient, TestTracer } from "@plivo-effect/testing"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import * as TestClock from "effect/TestClock"
import { Media, Messages } from "../src/index.js"
import { requests, stubbed } from "./messagingSupport.js"

const UUID = "aaaaaaaa-0000-0000-0000-000000000001"
const emptyPage = StubHttpClient.json(200, { api_id: "a", meta: { limit: 20, offset: 0, next: null }, objects: [] })

describe("Messages.list query", () => {
  it.effect("every filter is sent under its wire name, times in Plivo's UTC format", () =>
    Effect.gen(function*() {
      const zoned = DateTime.unsafeMakeZoned(Date.parse("2024-05-01T10:00:00Z"), { timeZone: "Asia/Kolkata" })
      const page = yield* (yield* Messages).list({
        subaccount: "SAXXXXXXXXXXXXXXXXXX",
        message_direction: "inbound",
        message_state: "received",
        message_type: "mms",
        message_time__gt: new Date("2024-04-01T00:00:00.5Z"),
        message_time__gte: DateTime.unsafeMake("2024-04-02T00:00:00Z"),
        message_time__lt: zoned,
        message_time__lte: new Date("2024-05-02T00:00:00Z"),
        error_code: 30,
        powerpack_id: "pp-1",
        from_number: "+12025551212",
        to_number: "+12025551313",
        destination_country_iso2: "us",
        tendlc_registration_status: "registered",
        tendlc_campaign_id: "CXXXXXX",
        conversation_id: "conv-1",
        conversation_origin: "utility",
        limit: 5,
        offset: 10
      })
      expect(page.objects).toEqual([])
      const [request] = yield* requests
      expect(request?.method).toBe("GET")
      expect(request?.resource).toBe("Message/")
      expect(request?.query).toEqual({
        subaccount: "SAXXXXXXXXXXXXXXXXXX",
        message_direction: "inbound",
        message_state: "received",
        message_type: "mms",
        message_time__gt: "2024-04-01 00:00:00.500000",
        message_time__gte: "2024-04-02 00:00:00.000000",
        message_time__lt: "2024-05-01 10:00:00.000000",
        message_time__lte: "2024-05-02 00:00:00.000000",
        error_code: "30",
        powerpack_id: "pp-1",
        from_number: "+12025551212",
        to_number: "+12025551313",
        destination_country_iso2: "US",
        tendlc_registration_status: "registered",
        tendlc_campaign_id: "CXXXXXX",
        conversation_id: "conv-1",
        conversation_origin: "utility",
        limit: "5",
        offset: "10"
      })
    }).pipe(Effect.provide(stubbed(() => emptyPage))))

  it.effect("no filters sends no query", () =>
    Effect.gen(function*() {
      yield* (yield* Messages).list()
      expect((yield* requests)[0]?.query).toEqual({})
    }).pipe(Effect.provide(stubbed(() => emptyPage))))
})

describe("message media", () => {
  it.effect("listMedia GETs Message/{uuid}/Media/", () =>
    Effect.gen(function*() {
      const list = yield* (yield* Messages).listMedia(UUID)
      expect(list.objects.map((m) => m.media_url)).toEqual(["https://media.plivo.com/x"])
      const [request] = yield* requests
      expect([request?.method, request?.resource]).toEqual(["GET", `Message/${UUID}/Media/`])
    }).pipe(Effect.provide(stubbed(() =>
      StubHttpClient.json(200, {
        api_id: "a",
        objects: [{ media_id: "m1", media_url: "https://media.plivo.com/x", content_type: "image/png", size: 3 }]
      })
    ))))

  it.effect("deleteMedia DELETEs Message/{uuid}/Media/ and accepts 204", () =>
    Effect.gen(function*() {
      yield* (yield* Messages).deleteMedia(UUID)
      const [request] = yield* requests
      expect([request?.method, request?.resource]).toEqual(["DELETE", `Message/${UUID}/Media/`])
    }).pipe(Effect.provide(stubbed(() => StubHttpClient.empty(204)))))

  it.effect("deleteMedia accepts a JSON acknowledgement", () =>
    Effect.gen(function*() {
      yield* (yield* Messages).deleteMedia(UUID)
      yield* (yield* Messages).deleteMedia(UUID)
      expect(yield* requests).toHaveLength(2)
    }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, {})))))

  it.effect("an id that could leave the resource is refused before sending", () =>
    Effect.gen(function*() {
      const messages = yield* Messages
      const error = yield* Effect.flip(messages.get("../Media"))
      expect(error._tag).toBe("InvalidParamsError")
      expect((yield* Effect.flip(messages.deleteMedia("a/b")))._tag).toBe("InvalidParamsError")
      expect(yield* requests).toHaveLength(0)
    }).pipe(Effect.provide(stubbed(() => StubHttpClient.empty(204)))))

  it.effect("a 404 on get is a NotFoundError", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip((yield* Messages).get(UUID))
      expect(error._tag).toBe("NotFoundError")
    }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(404, { api_id: "a", error: "not found" })))))
})

describe("tracing", () => {
  it.effect("every operation opens a span named after it, with plivo.resource", () => {
    const { spans, tracer } = TestTracer.make()
    return Effect.gen(function*() {
      yield* TestClock.setTime(Date.parse("2024-06-01T00:00:00Z"))
      const messages = yield* Messages
      const media = yield* Media
      yield* messages.send({ src: "14155550100", dst: "14155550123", text: "Hi" })
      yield* Effect.ignore(messages.get(UUID))
      yield* Effect.ignore(messages.list())
      yield* Effect.ignore(Stream.runDrain(messages.stream()))
      yield* Effect.ignore(messages.listMedia(UUID))
      yield* Effect.ignore(messages.deleteMedia(UUID))
      yield* Effect.ignore(media.upload([{ name: "a.png", contentType: "image/png", data: new Uint8Array(1) }]))
      yield* Effect.ignore(media.get("m1"))
      yield* Effect.ignore(media.list())
      yield* Effect.ignore(Stream.runDrain(media.stream()))
      const ours = spans.filter((s) => /^(Messages|Media)\./.test(s.name))
      expect(ours.map((s) => s.name)).toEqual([
        "Messages.send",
        "Messages.get",
        "Messages.list",
        "Messages.stream",
        "Messages.listMedia",
        "Messages.deleteMedia",
        "Media.upload",
        "Media.get",
        "Media.list",
        "Media.stream"
      ])
      for (const span of ours) expect(span.attributes.get("plivo.resource")).toBe(span.name.startsWith("Media") ? "Media" : "Message")
      const send = ours[0]
      expect(send?.attributes.get("plivo.api_id")).toBe("api-1")
      // The client span of the request is a child of the operation's span.
      expect(spans.find((s) => s.name === "Plivo POST Message")?.parent).toBe("Messages.send")
      expect(send?.attributes.get("plivo.message.accepted")).toBe(1)
      // Phone numbers and text are not span attributes.
      expect([...(send?.attributes.values() ?? [])].map(String).join(" ")).not.toMatch(/14155550123|Hi/)
    }).pipe(
      Effect.provide(stubbed((request) =>
        request.method === "POST" && request.resource === "Message/"
          ? StubHttpClient.json(202, { api_id: "api-1", message: "message(s) queued", message_uuid: ["u1"] })
          : emptyPage
      )),
      Effect.withTracer(tracer)
    )
  })
})
