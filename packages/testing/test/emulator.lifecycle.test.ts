import { describe, expect, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import * as TestClock from "effect/TestClock"
import { PlivoEmulator, testNumber } from "../src/PlivoEmulator.js"
import { call, decode, GetMessageResponse, sendSms } from "./emulator.support.js"

const stateOf = (uuid: string) =>
  Effect.gen(function*() {
    const r = yield* call("GET", `Message/${uuid}/`)
    const m = yield* decode(GetMessageResponse)(r.body)
    return { state: m.message_state, errorCode: m.error_code, sentTime: m.message_sent_time }
  })

const sendOne = (dst: string, extra: Record<string, unknown> = {}) =>
  Effect.map(sendSms({ dst, ...extra }), (r) => r.message_uuid[0] ?? "")

describe("PlivoEmulator message lifecycle", () => {
  it.effect("queued → sent → delivered on the Clock", () =>
    Effect.gen(function*() {
      const uuid = yield* sendOne("14155550123")
      expect(yield* stateOf(uuid)).toEqual({ state: "queued", errorCode: null, sentTime: undefined })
      yield* TestClock.adjust("100 millis")
      const sent = yield* stateOf(uuid)
      expect(sent.state).toBe("sent")
      expect(sent.sentTime).toBe("1970-01-01 00:00:00.1+00:00")
      yield* TestClock.adjust("199 millis")
      expect((yield* stateOf(uuid)).state).toBe("sent")
      yield* TestClock.adjust("1 millis")
      expect(yield* stateOf(uuid)).toMatchObject({ state: "delivered", errorCode: "000" })
    }).pipe(Effect.provide(PlivoEmulator.layer())))

  it.effect("timing is configurable", () =>
    Effect.gen(function*() {
      const uuid = yield* sendOne("14155550123")
      yield* TestClock.adjust("1 second")
      expect((yield* stateOf(uuid)).state).toBe("queued")
      yield* TestClock.adjust("1 second")
      expect((yield* stateOf(uuid)).state).toBe("sent")
      yield* TestClock.adjust("5 seconds")
      expect((yield* stateOf(uuid)).state).toBe("delivered")
    }).pipe(Effect.provide(PlivoEmulator.layer({ lifecycle: { sentAfter: "2 seconds", deliveredAfter: "5 seconds" } }))))

  it.effect("reserved destinations end as documented", () =>
    Effect.gen(function*() {
      const undelivered = yield* sendOne(testNumber("undelivered", "30"))
      const failed = yield* sendOne(testNumber("failed", "900"))
      const staysSent = yield* sendOne(testNumber("sent"))
      const staysQueued = yield* sendOne(testNumber("queued"))
      const explicit = yield* sendOne("+1 555 3 0070 12")
      yield* TestClock.adjust("100 millis")
      expect(yield* stateOf(failed)).toMatchObject({ state: "failed", errorCode: "900", sentTime: undefined })
      yield* TestClock.adjust("1 second")
      expect(yield* stateOf(undelivered)).toMatchObject({ state: "undelivered", errorCode: "30" })
      expect(yield* stateOf(staysSent)).toMatchObject({ state: "sent", errorCode: null })
      expect(yield* stateOf(staysQueued)).toMatchObject({ state: "queued" })
      expect(yield* stateOf(explicit)).toMatchObject({ state: "undelivered", errorCode: "70" })
      const r = yield* call("GET", `Message/${undelivered}/`)
      expect(r.body).toMatchObject({ error_message: "Spam detected" })
    }).pipe(Effect.provide(PlivoEmulator.layer())))

  it("testNumber encodes outcome and code", () => {
    expect(testNumber("undelivered", "30")).toBe("15553003000")
    expect(testNumber("failed", "420")).toBe("15554042000")
    expect(testNumber("sent")).toBe("15552000000")
    expect(testNumber("queued")).toBe("15555000000")
    expect(testNumber("delivered")).toBe("15551000000")
  })

  it.effect("message_expiry shorter than the queue delay fails with 420", () =>
    Effect.gen(function*() {
      const uuid = yield* sendOne("14155550123", { message_expiry: 5 })
      yield* TestClock.adjust("10 seconds")
      expect(yield* stateOf(uuid)).toMatchObject({ state: "failed", errorCode: "420" })
    }).pipe(Effect.provide(PlivoEmulator.layer({ lifecycle: { sentAfter: "10 seconds" } }))))

  it.effect("MMS over 5 MB fails with 120", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const big = new Uint8Array(2 * 1024 * 1024)
      const media = yield* emulator.uploadMedia([1, 2, 3].map((i) => ({
        fileName: `${i}.jpg`,
        contentType: "image/jpeg",
        content: big
      })))
      const uuid = yield* sendOne("14155550123", { type: "mms", media_ids: media.map((m) => m.mediaId) })
      yield* TestClock.adjust("1 second")
      expect(yield* stateOf(uuid)).toMatchObject({ state: "failed", errorCode: "120" })
    }).pipe(Effect.provide(PlivoEmulator.layer())))

  it.effect("advance moves a message by hand; the automatic walk does not undo it", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const uuid = yield* sendOne("14155550123")
      const advanced = yield* emulator.advance(uuid, "undelivered", { errorCode: "80" })
      expect(advanced.state).toBe("undelivered")
      expect(advanced.json).toMatchObject({ error_code: "80", error_message: "Destination temporarily unavailable" })
      yield* TestClock.adjust("1 second")
      expect(yield* stateOf(uuid)).toMatchObject({ state: "undelivered", errorCode: "80" })
      const missing = yield* Effect.exit(emulator.advance("nope", "delivered"))
      expect(Exit.isFailure(missing) && Cause.isNoSuchElementException(Cause.squash(missing.cause))).toBe(true)
    }).pipe(Effect.provide(PlivoEmulator.layer())))

  it.effect("with auto off, messages wait for advance", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const uuid = yield* sendOne("14155550123")
      yield* TestClock.adjust("1 hour")
      expect((yield* stateOf(uuid)).state).toBe("queued")
      yield* emulator.advance(uuid, "sent")
      yield* emulator.advance(uuid, "delivered")
      const m = Option.getOrThrow(yield* emulator.message(uuid))
      expect([m.state, m.errorCode]).toEqual(["delivered", "000"])
    }).pipe(Effect.provide(PlivoEmulator.layer({ lifecycle: { auto: false } }))))

  it.effect("reset forgets messages and stops walks", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const uuid = yield* sendOne("14155550123")
      yield* emulator.reset
      yield* TestClock.adjust("1 second")
      expect(yield* emulator.message(uuid)).toEqual(Option.none())
      expect(yield* emulator.sentMessages).toHaveLength(0)
      expect((yield* call("GET", `Message/${uuid}/`)).status).toBe(404)
    }).pipe(Effect.provide(PlivoEmulator.layer())))
})
