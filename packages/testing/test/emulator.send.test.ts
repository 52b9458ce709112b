import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { PlivoEmulator } from "../src/PlivoEmulator.js"
import { call, decode, ErrorBody, GetMessageResponse, sendSms, SendResponse } from "./emulator.support.js"

const withEmulator = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.provide(effect, PlivoEmulator.layer({ lifecycle: { auto: false } }))

const refused = (json: unknown) =>
  Effect.gen(function*() {
    const r = yield* call("POST", "Message/", { json })
    return { status: r.status, error: (yield* decode(ErrorBody)(r.body)).error }
  })

describe("PlivoEmulator POST Message/", () => {
  it.effect("queues one message per valid destination and echoes invalid ones", () =>
    withEmulator(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const body = yield* sendSms({ dst: "+1 (415) 555-0123<not-a-number<14155550124<14155550123" })
      expect(body.message_uuid).toHaveLength(2)
      expect(body.invalid_number).toEqual(["not-a-number"])
      const sent = yield* emulator.sentMessages
      expect(sent.map((m) => m.to)).toEqual(["14155550123", "14155550124"])
      expect(sent.map((m) => m.messageUuid)).toEqual(body.message_uuid)
      expect(sent[0]?.requestBody).toMatchObject({ src: "14155550100", text: "hello" })
    })))

  it.effect("omits invalid_number when every destination is valid", () =>
    withEmulator(Effect.gen(function*() {
      const body = yield* sendSms({ dst: "14155550123" })
      expect(body.invalid_number).toBeUndefined()
      expect(body.message_uuid).toHaveLength(1)
    })))

  it.effect("400 when every destination is invalid, with Plivo's wording", () =>
    withEmulator(Effect.gen(function*() {
      expect(yield* refused({ src: "14155550100", dst: "1111111", text: "x" })).toEqual({
        status: 400,
        error: "'1111111' is not a valid phone number."
      })
    })))

  it.effect("400 on broken JSON", () =>
    withEmulator(Effect.gen(function*() {
      const r = yield* call("POST", "Message/", { body: "{\"src\": " })
      expect(r.status).toBe(400)
      expect((yield* decode(ErrorBody)(r.body)).error).toBe("invalid json data sent in raw POST")
    })))

  it.effect("400 for each parameter rule", () =>
    withEmulator(Effect.gen(function*() {
      const cases: ReadonlyArray<readonly [unknown, RegExp]> = [
        [{ dst: "14155550123", text: "x" }, /either src or powerpack_uuid/],
        [{ src: "14155550100", powerpack_uuid: "pp", dst: "14155550123", text: "x" }, /cannot both/],
        [{ src: "14155550100", text: "x" }, /dst is required/],
        [{ src: "14155550100", dst: "14155550123" }, /text is required for sms/],
        [{ src: "14155550100", dst: "14155550123", text: "x", type: "fax" }, /invalid type 'fax'/],
        [{ src: "14155550100", dst: "14155550123", text: "x".repeat(1601) }, /too long/],
        [{ src: "14155550100", dst: "14155550123", text: "é€😀".repeat(246) }, /too long/],
        [{ src: "14155550100", dst: "14155550123", text: "x", message_expiry: 4 }, /message_expiry/],
        [{ src: "14155550100", dst: "14155550123", text: "x", message_expiry: 10800 }, /message_expiry/],
        [{ src: "14155550100", dst: "14155550123", text: "x", url: "ftp://x" }, /url/],
        [{ src: "14155550100", dst: "14155550123", text: "x", method: "PUT" }, /method/],
        [{ src: "14155550100", dst: "14155550123", text: "x", log: "sometimes" }, /log/],
        [{ src: "14155550100", dst: "14155550123", text: "x", units: 1, src_extra: true, trackable: "yes" }, /trackable/],
        [{ src: "14155550100", dst: "14155550123", type: "mms" }, /media_urls or media_ids/],
        [
          { src: "14155550100", dst: "14155550123", type: "mms", media_urls: Array(11).fill("https://x.test/a.png") },
          /at most 10 media/
        ],
        [{ src: "14155550100", dst: "14155550123", type: "mms", media_ids: ["nope"] }, /media_ids entry 'nope'/],
        [{ src: "14155550100", dst: "14155550123", text: "x", media_urls: ["https://x.test/a.png"] }, /only valid for mms/],
        [{ src: "14155550100", dst: "14155550123", text: "x", template: { name: "t", language: "en" } }, /whatsapp/],
        [{ powerpack_uuid: "pp", dst: "14155550123", type: "whatsapp", text: "x" }, /src is required for whatsapp/],
        [{ src: "ABCDEFGHIJKL", dst: "14155550123", text: "x" }, /not a valid src/],
        [{ src: "14155550100", dst: "14155550123", text: "x", dlt_template_category: "spam" }, /dlt_template_category/],
        [[1, 2], /invalid request/],
        [{ src: 14155550100, dst: "14155550123", text: "x" }, /invalid value for src/]
      ]
      for (const [json, pattern] of cases) {
        const r = yield* refused(json)
        expect(r.status, JSON.stringify(json)).toBe(400)
        expect(r.error, JSON.stringify(json)).toMatch(pattern)
      }
      const emulator = yield* PlivoEmulator
      expect(yield* emulator.sentMessages).toHaveLength(0)
    })))

  it.effect("400 over 1,000 unique destinations", () =>
    withEmulator(Effect.gen(function*() {
      const dst = Array.from({ length: 1001 }, (_, i) => `1415${String(1_000_000 + i)}`).join("<")
      expect((yield* refused({ src: "14155550100", dst, text: "x" })).error).toMatch(/1000/)
    })))

  it.effect("403 for a barred destination country", () =>
    withEmulator(Effect.gen(function*() {
      for (const dst of ["850212345678", "5351234567", "989121234567", "963944123456"]) {
        const r = yield* refused({ src: "14155550100", dst: `14155550123<${dst}`, text: "x" })
        expect(r.status, dst).toBe(403)
        expect(r.error).toMatch(/Geo Permissions/)
      }
    })))

  it.effect("barred prefixes are configurable", () =>
    Effect.gen(function*() {
      expect((yield* refused({ src: "14155550100", dst: "447700900123", text: "x" })).status).toBe(403)
      expect((yield* sendSms({ dst: "850212345678" })).message_uuid).toHaveLength(1)
    }).pipe(Effect.provide(PlivoEmulator.layer({ barredPrefixes: ["44"] }))))

  it.effect("MMS goes to US/Canada only; other destinations are invalid", () =>
    withEmulator(Effect.gen(function*() {
      const body = yield* sendSms({
        type: "mms",
        dst: "14155550123<447700900123",
        media_urls: ["https://example.com/cat.png"],
        text: undefined
      })
      expect(body.invalid_number).toEqual(["447700900123"])
      const media = yield* call("GET", `Message/${body.message_uuid[0]}/Media/`)
      expect(media.body).toMatchObject({ objects: [{ content_type: "image/png", file_name: "cat.png" }] })
    })))

  it.effect("GET Message/{uuid}/ returns every documented field", () =>
    withEmulator(Effect.gen(function*() {
      const { message_uuid } = yield* sendSms({ dst: "14155550123", text: "a".repeat(161), url: "https://cb.test/" })
      const r = yield* call("GET", `Message/${message_uuid[0]}/`)
      expect(r.status).toBe(200)
      const record = yield* decode(GetMessageResponse)(r.body)
      expect(record).toMatchObject({
        message_uuid: message_uuid[0],
        message_direction: "outbound",
        message_state: "queued",
        message_type: "sms",
        from_number: "14155550100",
        to_number: "14155550123",
        units: 2,
        total_rate: "0.00650",
        total_amount: "0.01300",
        error_code: null,
        error_message: "",
        destination_country_iso2: "US",
        resource_uri: `/v1/Account/${(yield* PlivoEmulator).authId}/Message/${message_uuid[0]}/`
      })
      expect(record.message_sent_time).toBeUndefined()
    })))

  it.effect("UCS-2 text is billed in 70/67-character units", () =>
    withEmulator(Effect.gen(function*() {
      const { message_uuid } = yield* sendSms({ dst: "14155550123", text: "ü".repeat(60) + "😀".repeat(10) })
      const emulator = yield* PlivoEmulator
      const m = Option.getOrThrow(yield* emulator.message(message_uuid[0] ?? ""))
      expect(m.units).toBe(2)
    })))

  it.effect("a Powerpack send uses a pool sender and records the Powerpack", () =>
    withEmulator(Effect.gen(function*() {
      const created = yield* call("POST", "Powerpack/", { json: { name: "send-test" } })
      const { number_pool, uuid } = yield* decode(Schema.Struct({ uuid: Schema.String, number_pool: Schema.String }))(
        created.body
      )
      const pool = number_pool.split("/")[5] ?? ""
      expect((yield* call("POST", `NumberPool/${pool}/Number/14155550101/`, { json: {} })).status).toBe(200)
      const r = yield* call("POST", "Message/", { json: { powerpack_uuid: uuid, dst: "14155550123", text: "x" } })
      expect(r.status).toBe(202)
      const { message_uuid } = yield* decode(SendResponse)(r.body)
      const get = yield* call("GET", `Message/${message_uuid[0]}/`)
      expect(get.body).toMatchObject({ powerpack_id: uuid, from_number: "14155550101" })
    })))

  it.effect("log=false masks the destination number", () =>
    withEmulator(Effect.gen(function*() {
      const { message_uuid } = yield* sendSms({ dst: "14155550123", log: "false" })
      const get = yield* call("GET", `Message/${message_uuid[0]}/`)
      expect(get.body).toMatchObject({ to_number: "14155550***", log: "false" })
    })))
})
