/**
 * A send with `powerpack_uuid` takes its sender from the pool: Sticky Sender, then Local
 * Connect, then `number_priority`; an MMS needs a number added with `service=mms`.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Schedule from "effect/Schedule"
import { PlivoEmulator } from "../src/PlivoEmulator.js"
import { addNumber, createPowerpack } from "./emulator.powerpack.support.js"
import { call, decode, ErrorBody, GetMessageResponse, SendResponse } from "./emulator.support.js"

const withEmulator = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.provide(effect, PlivoEmulator.layer({ lifecycle: { auto: false } }))

/** Sends through a Powerpack and returns the sender of each message, in order. */
const sendersOf = (powerpack_uuid: string, dst: string, extra: Record<string, unknown> = {}) =>
  Effect.gen(function*() {
    const r = yield* call("POST", "Message/", { json: { powerpack_uuid, dst, text: "hi", ...extra } })
    if (r.status !== 202) return yield* Effect.dieMessage(`expected 202, got ${r.status}: ${r.text}`)
    const { message_uuid } = yield* decode(SendResponse)(r.body)
    const out: Array<string> = []
    for (const uuid of message_uuid) {
      const m = yield* Effect.flatMap(call("GET", `Message/${uuid}/`), (g) => decode(GetMessageResponse)(g.body))
      out.push(m.from_number)
    }
    return out
  })

const senderOf = (powerpack: string, dst: string, extra: Record<string, unknown> = {}) =>
  Effect.map(sendersOf(powerpack, dst, extra), (s) => s[0])

const refusal = (powerpack_uuid: string, dst: string, extra: Record<string, unknown> = {}) =>
  Effect.gen(function*() {
    const r = yield* call("POST", "Message/", { json: { powerpack_uuid, dst, text: "hi", ...extra } })
    expect(r.status, r.text).toBe(400)
    return (yield* decode(ErrorBody)(r.body)).error
  })

const mms = { type: "mms", media_urls: ["https://example.com/cat.jpg"] }

describe("PlivoEmulator Powerpack sender selection", () => {
  it.effect("Sticky Sender: a destination keeps its sender; without it the pick follows the pool", () =>
    withEmulator(Effect.gen(function*() {
      for (const sticky of [true, false]) {
        const p = yield* createPowerpack({ name: `sticky-${sticky}`, sticky_sender: sticky, local_connect: false })
        const pool = p.pool
        yield* addNumber(pool, sticky ? "12125550100" : "14155550101")
        const first = yield* senderOf(p.uuid, "14155550123")
        // A San Francisco number joins and Local Connect is switched on: it would now win.
        yield* addNumber(pool, sticky ? "14155550100" : "12125550100")
        yield* call("POST", `Powerpack/${p.uuid}/`, { json: { local_connect: true } })
        if (sticky) {
          expect(first).toBe("12125550100")
          expect(yield* senderOf(p.uuid, "14155550123")).toBe("12125550100")
          expect(yield* senderOf(p.uuid, "14155550123")).toBe("12125550100")
          // Another destination gets the local pick.
          expect(yield* senderOf(p.uuid, "14155550999")).toBe("14155550100")
        } else {
          expect(first).toBe("14155550101")
          yield* call("POST", `Powerpack/${p.uuid}/`, { json: { local_connect: false } })
          yield* call("DELETE", `NumberPool/${pool}/Number/14155550101/`)
          expect(yield* senderOf(p.uuid, "14155550123")).toBe("12125550100")
        }
        yield* call("DELETE", `Powerpack/${p.uuid}/`)
      }
    })))

  it.effect("a sticky sender removed from the pool is no longer used", () =>
    withEmulator(Effect.gen(function*() {
      const p = yield* createPowerpack({ name: "sticky-removed", local_connect: false })
      yield* addNumber(p.pool, "12125550100")
      yield* addNumber(p.pool, "14155550100")
      expect(yield* senderOf(p.uuid, "14155550123")).toBe("12125550100")
      yield* call("DELETE", `NumberPool/${p.pool}/Number/12125550100/`)
      expect(yield* senderOf(p.uuid, "14155550123")).toBe("14155550100")
    })))

  it.effect("Local Connect: the destination's area code (US/CA), else its country", () =>
    withEmulator(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      yield* emulator.seedNumbers([{ number: "16045550100" }])
      const p = yield* createPowerpack({ name: "local", sticky_sender: false })
      for (const n of ["12125550100", "14155550100", "447700900100", "16045550100"]) yield* addNumber(p.pool, n)
      expect(yield* senderOf(p.uuid, "14155550123")).toBe("14155550100")
      expect(yield* senderOf(p.uuid, "12125550123")).toBe("12125550100")
      expect(yield* senderOf(p.uuid, "16045550999")).toBe("16045550100")
      // No number of that area code: one of the country (Toronto → the Canadian number).
      expect(yield* senderOf(p.uuid, "14165550123")).toBe("16045550100")
      expect(yield* senderOf(p.uuid, "447700900999")).toBe("447700900100")
      // One send, several destinations: each gets its own.
      expect(yield* sendersOf(p.uuid, "14155550123<12125550123<447700900999")).toEqual([
        "14155550100",
        "12125550100",
        "447700900100"
      ])

      yield* call("POST", `Powerpack/${p.uuid}/`, { json: { local_connect: false } })
      expect(yield* senderOf(p.uuid, "14155550123")).toBe("12125550100")
      expect(yield* senderOf(p.uuid, "447700900999")).toBe("12125550100")
    })))

  it.effect("number_priority orders short code, toll-free and long code for the country and service", () =>
    withEmulator(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const p = yield* createPowerpack({ name: "priority", sticky_sender: false, local_connect: false })
      yield* addNumber(p.pool, "14155550100", { service: "mms" })
      yield* addNumber(p.pool, "18005550100", { service: "mms" }, "Tollfree")
      yield* emulator.seedShortcode({ powerpackUuid: p.uuid, shortcode: "44444", country_iso2: "US" })
      // The default order puts the short code first.
      expect(yield* senderOf(p.uuid, "14155550123")).toBe("44444")
      const priority = (service_type: string, order: ReadonlyArray<string>) => ({
        country_iso: "US",
        service_type,
        priority: { priority1: order[0], priority2: order[1], priority3: order[2] }
      })
      yield* call("POST", `Powerpack/${p.uuid}/`, {
        json: {
          number_priority: [
            priority("SMS", ["tollfree", "longcode", "shortcode"]),
            priority("MMS", ["longcode", "tollfree", "shortcode"])
          ]
        }
      })
      expect(yield* senderOf(p.uuid, "14155550123")).toBe("18005550100")
      // A short code sends no MMS; the MMS order is its own.
      expect(yield* senderOf(p.uuid, "14155550123", mms)).toBe("14155550100")
      yield* call("POST", `Powerpack/${p.uuid}/`, {
        json: { number_priority: [priority("SMS", ["longcode", "shortcode", "tollfree"])] }
      })
      expect(yield* senderOf(p.uuid, "14155550123")).toBe("14155550100")
      // Canada has no entry: the default order, and the US short code cannot reach it.
      expect(yield* senderOf(p.uuid, "16045550123")).toBe("18005550100")
    })))

  it.effect("an MMS needs a number added with service=mms", () =>
    withEmulator(Effect.gen(function*() {
      const p = yield* createPowerpack({ name: "mms", sticky_sender: false })
      yield* addNumber(p.pool, "14155550100")
      expect(yield* refusal(p.uuid, "14155550123", mms)).toBe(
        `no number in Powerpack ${p.uuid} can send MMS to 14155550123`
      )
      yield* addNumber(p.pool, "12125550100", { service: "mms" })
      // Local Connect would pick the SMS-only 415 number; the MMS goes from the MMS one.
      expect(yield* senderOf(p.uuid, "14155550123", mms)).toBe("12125550100")
      expect(yield* senderOf(p.uuid, "14155550123")).toBe("14155550100")
    })))

  it.effect("an empty or unsuitable pool, or an unknown Powerpack, refuses the send and queues nothing", () =>
    withEmulator(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const p = yield* createPowerpack({ name: "empty" })
      expect(yield* refusal(p.uuid, "14155550123")).toBe(`no number in Powerpack ${p.uuid} can send SMS to 14155550123`)
      // Toll-free reaches only US/CA; a GB number cannot reach the US.
      yield* addNumber(p.pool, "18005550100", {}, "Tollfree")
      expect(yield* refusal(p.uuid, "14155550123<447700900999")).toContain("can send SMS to 447700900999")
      const q = yield* createPowerpack({ name: "gb-only" })
      yield* addNumber(q.pool, "447700900100")
      expect(yield* refusal(q.uuid, "14155550123")).toContain("can send SMS to 14155550123")
      expect(yield* refusal("00000000-0000-4000-8000-000000000000", "14155550123")).toBe(
        "powerpack_uuid '00000000-0000-4000-8000-000000000000' is not a Powerpack of this account"
      )
      expect(yield* emulator.sentMessages).toEqual([])
    })))

  it.live("the message record and every status callback show the chosen sender", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const p = yield* createPowerpack({ name: "callbacks" })
      yield* addNumber(p.pool, "12125550100")
      const r = yield* call("POST", "Message/", {
        json: { powerpack_uuid: p.uuid, dst: "12125550123", text: "hi", url: "http://127.0.0.1:9/status" }
      })
      const { message_uuid } = yield* decode(SendResponse)(r.body)
      const uuid = message_uuid[0] ?? ""
      yield* emulator.advance(uuid, "sent")
      yield* emulator.advance(uuid, "delivered")
      const callbacks = yield* emulator.callbacks.pipe(
        Effect.filterOrFail((cs) => cs.length >= 3),
        Effect.retry(Schedule.spaced("20 millis").pipe(Schedule.upTo("5 seconds")))
      )
      expect(callbacks.map((c) => [c.params["Status"], c.params["From"], c.params["PowerpackUUID"]])).toEqual([
        ["queued", "12125550100", p.uuid],
        ["sent", "12125550100", p.uuid],
        ["delivered", "12125550100", p.uuid]
      ])
      const m = Option.getOrThrow(yield* emulator.message(uuid))
      expect(m.from).toBe("12125550100")
      expect(m.json).toMatchObject({ from_number: "12125550100", powerpack_id: p.uuid })
    }).pipe(
      Effect.provide(
        PlivoEmulator.layer({ lifecycle: { auto: false } }).pipe(
          Layer.provide(Layer.succeed(
            HttpClient.HttpClient,
            HttpClient.make((request) => Effect.succeed(HttpClientResponse.fromWeb(request, new Response("ok"))))
          ))
        )
      )
    ))
})
