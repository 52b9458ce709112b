import { describe, expect, it } from "@effect/vitest"
import { StubHttpClient } from "@plivo-effect/testing"
import * as Effect from "effect/Effect"
import { Messages, type SendParams } from "../src/index.js"
import { requests, stubbed } from "./messagingSupport.js"

const queued = StubHttpClient.json(202, {
  api_id: "api-1",
  message: "message(s) queued",
  message_uuid: ["u1"]
})

const Stub = stubbed(() => queued)

/** Sends and returns the single request the stub saw. */
const sent = (params: SendParams) =>
  Effect.gen(function*() {
    yield* (yield* Messages).send(params)
    const all = yield* requests
    expect(all).toHaveLength(1)
    const [request] = all
    if (request === undefined) throw new Error("no request")
    expect(request.method).toBe("POST")
    expect(request.resource).toBe("Message/")
    expect(request.headers["content-type"]).toMatch(/^application\/json/)
    return request.json
  })

describe("Messages.send wire requests", () => {
  it.effect("SMS to one destination", () =>
    Effect.gen(function*() {
      expect(yield* sent({ src: "14155550100", dst: "+1 (415) 555-0123", text: "Hello" })).toEqual({
        src: "14155550100",
        dst: "14155550123",
        type: "sms",
        text: "Hello"
      })
    }).pipe(Effect.provide(Stub)))

  it.effect("SMS to many: normalised, duplicates dropped, joined with <, every option", () =>
    Effect.gen(function*() {
      const body = yield* sent({
        src: "MyBrand",
        dst: ["+1 415-555-0123", "14155550124", "1.415.555.0123", "+44 20 7946 0958"],
        text: "Sale € 10",
        type: "sms",
        url: "https://example.com/status",
        method: "GET",
        log: false,
        trackable: true,
        message_expiry: 600,
        dlt_entity_id: "1201",
        dlt_template_id: "1207",
        dlt_template_category: "transactional"
      })
      expect(body).toEqual({
        src: "MyBrand",
        dst: "14155550123<14155550124<442079460958",
        type: "sms",
        text: "Sale € 10",
        url: "https://example.com/status",
        method: "GET",
        log: "false",
        trackable: true,
        message_expiry: 600,
        dlt_entity_id: "1201",
        dlt_template_id: "1207",
        dlt_template_category: "transactional"
      })
    }).pipe(Effect.provide(Stub)))

  it.effect("Plivo's own a<b destination form is accepted", () =>
    Effect.gen(function*() {
      const body = yield* sent({ src: "14155550100", dst: "14155550123<14155550124<14155550123", text: "x", log: "content_only" })
      expect(body).toEqual({ src: "14155550100", dst: "14155550123<14155550124", type: "sms", text: "x", log: "content_only" })
    }).pipe(Effect.provide(Stub)))

  it.effect("MMS with media_urls", () =>
    Effect.gen(function*() {
      expect(
        yield* sent({
          src: "14155550100",
          dst: "14155550123",
          type: "mms",
          text: "Look",
          media_urls: ["https://example.com/a.jpg", "https://example.com/b.gif"]
        })
      ).toEqual({
        src: "14155550100",
        dst: "14155550123",
        type: "mms",
        text: "Look",
        media_urls: ["https://example.com/a.jpg", "https://example.com/b.gif"]
      })
    }).pipe(Effect.provide(Stub)))

  it.effect("MMS with media_ids and no text", () =>
    Effect.gen(function*() {
      expect(yield* sent({ src: "14155550100", dst: ["14155550123"], type: "mms", media_ids: ["m1", "m2"] })).toEqual({
        src: "14155550100",
        dst: "14155550123",
        type: "mms",
        media_ids: ["m1", "m2"]
      })
    }).pipe(Effect.provide(Stub)))

  it.effect("MMS with media_urls and media_ids together", () =>
    Effect.gen(function*() {
      expect(
        yield* sent({
          src: "14155550100",
          dst: "14155550123",
          type: "mms",
          media_urls: ["https://example.com/a.jpg"],
          media_ids: ["m1"]
        })
      ).toEqual({
        src: "14155550100",
        dst: "14155550123",
        type: "mms",
        media_urls: ["https://example.com/a.jpg"],
        media_ids: ["m1"]
      })
    }).pipe(Effect.provide(Stub)))

  it.effect("WhatsApp template", () =>
    Effect.gen(function*() {
      const template = {
        name: "order_update",
        language: "en_US",
        components: [
          { type: "header", parameters: [{ type: "media", media: "https://example.com/h.jpg" }] },
          {
            type: "body",
            parameters: [
              { type: "text", text: "#1234" },
              { type: "currency", currency: { fallback_value: "$10", currency_code: "USD", amount_1000: 10_000 } },
              { type: "date_time", date_time: { fallback_value: "May 1" } }
            ]
          },
          { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: "track/1234" }] }
        ]
      } as const
      expect(yield* sent({ src: "14155550100", dst: "14155550123", type: "whatsapp", template })).toEqual({
        src: "14155550100",
        dst: "14155550123",
        type: "whatsapp",
        template
      })
    }).pipe(Effect.provide(Stub)))

  it.effect("WhatsApp interactive", () =>
    Effect.gen(function*() {
      const interactive = {
        type: "list",
        header: { type: "text", text: "Menu" },
        body: { text: "Pick one" },
        footer: { text: "Thanks" },
        action: {
          buttons: [{ title: "Open" }],
          sections: [{ title: "Sizes", rows: [{ id: "s", title: "Small", description: "8 oz" }] }]
        }
      } as const
      expect(yield* sent({ src: "14155550100", dst: "14155550123", type: "whatsapp", text: "x", interactive })).toEqual({
        src: "14155550100",
        dst: "14155550123",
        type: "whatsapp",
        text: "x",
        interactive
      })
    }).pipe(Effect.provide(Stub)))

  it.effect("WhatsApp location", () =>
    Effect.gen(function*() {
      const location = { latitude: "37.7749", longitude: "-122.4194", name: "HQ", address: "1 Market St" }
      expect(yield* sent({ src: "14155550100", dst: "14155550123", type: "whatsapp", location })).toEqual({
        src: "14155550100",
        dst: "14155550123",
        type: "whatsapp",
        location
      })
    }).pipe(Effect.provide(Stub)))

  it.effect("WhatsApp objects are sent without fields Plivo does not document", () =>
    Effect.gen(function*() {
      const location = { latitude: "1", longitude: "2", name: "n", address: "a", secret: "x" }
      expect(yield* sent({ src: "14155550100", dst: "14155550123", type: "whatsapp", location })).toEqual({
        src: "14155550100",
        dst: "14155550123",
        type: "whatsapp",
        location: { latitude: "1", longitude: "2", name: "n", address: "a" }
      })
    }).pipe(Effect.provide(Stub)))

  it.effect("powerpack_uuid instead of src", () =>
    Effect.gen(function*() {
      expect(yield* sent({ powerpack_uuid: "pp-1", dst: "14155550123", text: "Hi" })).toEqual({
        powerpack_uuid: "pp-1",
        dst: "14155550123",
        type: "sms",
        text: "Hi"
      })
    }).pipe(Effect.provide(Stub)))

  it.effect("returns message_uuid and invalid_number, [] when Plivo omits it", () =>
    Effect.gen(function*() {
      const result = yield* (yield* Messages).send({ src: "14155550100", dst: "14155550123", text: "Hi" })
      expect(result).toEqual({ api_id: "api-1", message: "message(s) queued", message_uuid: ["u1"], invalid_number: [] })
    }).pipe(Effect.provide(Stub)))

  it.effect("1,000 distinct destinations (plus duplicates) are one request", () =>
    Effect.gen(function*() {
      const dst = Array.from({ length: 1000 }, (_, i) => `1415555${String(i).padStart(4, "0")}`)
      const body = yield* sent({ src: "MyBrand", dst: ["+1 415 555 0000", ...dst], text: "x" })
      expect(String(Object(body).dst).split("<")).toHaveLength(1000)
    }).pipe(Effect.provide(Stub)))

  it.effect("the longest texts still pass: 1,600 GSM-7 septets, 737 UCS-2 units", () =>
    Effect.gen(function*() {
      const messages = yield* Messages
      yield* messages.send({ src: "14155550100", dst: "14155550123", text: "€".repeat(800) })
      yield* messages.send({ src: "14155550100", dst: "14155550123", text: "ж".repeat(737) })
      expect(yield* requests).toHaveLength(2)
    }).pipe(Effect.provide(Stub)))
})
