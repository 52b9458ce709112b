/**
 * The callback records the handle keeps (`callbacks`, `complianceCallbacks`) are bounded by
 * `callbackLogSize`, oldest dropped first, as `requests` is by `requestLogSize`; every
 * callback is still sent.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as TestClock from "effect/TestClock"
import { PlivoEmulator } from "../src/PlivoEmulator.js"
import { createBrand, createProfile, emulatorWith, settle } from "./emulator.compliance.support.js"
import { sendSms } from "./emulator.support.js"

const HOOK = "https://hooks.example/status"

/** A callback is recorded once its attempt is answered, a step after the receiver saw it: waits, bounded. */
const recorded = <A>(log: Effect.Effect<ReadonlyArray<A>>, done: (kept: ReadonlyArray<A>) => boolean) =>
  Effect.gen(function*() {
    for (let i = 0; i < 200 && !done(yield* log); i++) yield* Effect.yieldNow()
    return yield* log
  })

describe("PlivoEmulator callback log", () => {
  it.effect("message callbacks: a log size of 2 keeps the last two of three, all three sent", () => {
    const { layer, received } = emulatorWith({ callbackLogSize: 2 })
    return Effect.provide(
      Effect.gen(function*() {
        const emulator = yield* PlivoEmulator
        const { message_uuid } = yield* sendSms({ dst: "14155550123", url: HOOK })
        yield* TestClock.adjust("1 second")
        yield* settle(() => received.length === 3)
        expect(received).toHaveLength(3)
        const kept = yield* recorded(emulator.callbacks, (cs) => cs.some((c) => c.status === "delivered"))
        expect(kept.map((c) => [c.messageUuid, c.status, c.sequence])).toEqual([
          [message_uuid[0], "sent", 2],
          [message_uuid[0], "delivered", 3]
        ])
        yield* emulator.reset
        expect(yield* emulator.callbacks).toEqual([])
      }),
      layer
    )
  })

  it.effect("compliance callbacks: a log size of 2 keeps the last two of three, all three sent", () => {
    const { layer, received } = emulatorWith({ callbackLogSize: 2 })
    return Effect.provide(
      Effect.gen(function*() {
        const emulator = yield* PlivoEmulator
        const first = yield* createBrand(yield* createProfile(), { url: HOOK })
        yield* settle(() => received.length === 1)
        yield* TestClock.adjust("1 second")
        yield* settle(() => received.length === 2)
        const second = yield* createBrand(yield* createProfile(), { url: HOOK })
        yield* settle(() => received.length === 3)
        expect(received).toHaveLength(3)
        const kept = yield* recorded(emulator.complianceCallbacks, (cs) => cs.some((c) => c.id === second))
        expect(kept.map((c) => [c.id, c.status])).toEqual([
          [first, "registered"],
          [second, "created"]
        ])
        yield* emulator.reset
        expect(yield* emulator.complianceCallbacks).toEqual([])
      }),
      layer
    )
  })

  it.effect("callbackLogSize 0 keeps none, and still sends every callback", () => {
    const { layer, received } = emulatorWith({ callbackLogSize: 0 })
    return Effect.provide(
      Effect.gen(function*() {
        const emulator = yield* PlivoEmulator
        yield* sendSms({ dst: "14155550123", url: HOOK })
        yield* createBrand(yield* createProfile(), { url: HOOK })
        yield* TestClock.adjust("1 second")
        yield* settle(() => received.length === 5)
        expect(received).toHaveLength(5)
        yield* Effect.repeatN(Effect.yieldNow(), 50)
        expect(yield* emulator.callbacks).toEqual([])
        expect(yield* emulator.complianceCallbacks).toEqual([])
      }),
      layer
    )
  })
})
