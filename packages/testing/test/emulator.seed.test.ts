import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as TestClock from "effect/TestClock"
import { PlivoEmulator } from "../src/PlivoEmulator.js"
import { call, decode, MessageList } from "./emulator.support.js"

const NOW = Date.UTC(2024, 4, 1, 12, 0, 0)

const page = (offset: number) =>
  Effect.gen(function*() {
    const started = performance.now()
    const r = yield* call("GET", `Message/?limit=20&offset=${offset}`)
    const body = yield* decode(MessageList)(r.body)
    return { body, millis: performance.now() - started }
  })

describe("PlivoEmulator seeding", () => {
  it.effect("seeds 100,000 messages and pages them at any offset", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const emulator = yield* PlivoEmulator
      const seedStart = performance.now()
      const uuids = yield* emulator.seedMessages({ count: 100_000, to: ["14155550123", "447700900123"] })
      const seedMillis = performance.now() - seedStart
      expect(uuids).toHaveLength(100_000)

      const first = yield* page(0)
      const last = yield* page(99_980)
      const past = yield* page(100_000)
      console.log(
        `seed 100k: ${seedMillis.toFixed(0)} ms; page@0: ${first.millis.toFixed(1)} ms; ` +
          `page@99980: ${last.millis.toFixed(1)} ms`
      )

      expect(first.body.objects.map((m) => m.message_uuid)).toEqual(uuids.slice(99_980).reverse())
      expect(first.body.meta.next).toMatch(/offset=20/)
      expect(last.body.objects.map((m) => m.message_uuid)).toEqual(uuids.slice(0, 20).reverse())
      expect(last.body.meta.next).toBeNull()
      expect(past.body.objects).toHaveLength(0)
      // Spread over the last 24 h, newest exactly now.
      expect(first.body.objects[0]?.message_time).toBe("2024-05-01 12:00:00+00:00")
      expect(last.body.objects[19]?.message_time.startsWith("2024-04-30 12:00:00")).toBe(true)
      expect(new Set(last.body.objects.map((m) => m.to_number))).toEqual(new Set(["14155550123", "447700900123"]))
    }).pipe(Effect.provide(PlivoEmulator.layer())), 60_000)

  it.effect("merges seeds older than existing messages into time order", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const emulator = yield* PlivoEmulator
      const newer = yield* emulator.seedMessages({ count: 3, start: NOW - 3_600_000, end: NOW })
      const older = yield* emulator.seedMessages({ count: 3, start: NOW - 7_200_000, end: NOW - 3_600_000 })
      const body = yield* decode(MessageList)((yield* call("GET", "Message/")).body)
      expect(body.objects.map((m) => m.message_uuid)).toEqual([...older, ...newer].reverse())
      const seeded = yield* emulator.seedMessage({ state: "undelivered" })
      expect(seeded.errorCode).toBe("1000")
      expect(seeded.json).toMatchObject({ message_state: "undelivered", error_message: "Unknown error" })
      expect(yield* emulator.sentMessages).toHaveLength(0)
    }).pipe(Effect.provide(PlivoEmulator.layer())))
})
