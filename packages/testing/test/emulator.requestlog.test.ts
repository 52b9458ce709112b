import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { PlivoEmulator } from "../src/PlivoEmulator.js"
import { call } from "./emulator.support.js"

const get = (n: number) => Effect.repeatN(call("GET", "Media/"), n - 1)

describe("PlivoEmulator request log", () => {
  it.effect("keeps the last requestLogSize requests, oldest first, numbered from the start", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      for (let i = 0; i < 7; i++) yield* call("GET", `Message/?offset=${i}`)
      const requests = yield* emulator.requests
      expect(requests.map((r) => [r.seq, r.query])).toEqual([
        [5, "?offset=4"],
        [6, "?offset=5"],
        [7, "?offset=6"]
      ])
      yield* emulator.reset
      yield* call("GET", "Media/")
      expect((yield* emulator.requests).map((r) => r.seq)).toEqual([1])
    }).pipe(Effect.provide(PlivoEmulator.layer({ requestLogSize: 3 }))))

  it.effect("keeps 1,000 requests by default", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      yield* get(1_005)
      const requests = yield* emulator.requests
      expect(requests.length).toBe(1_000)
      expect(requests[0]?.seq).toBe(6)
      expect(requests[999]?.seq).toBe(1_005)
    }).pipe(Effect.provide(PlivoEmulator.layer())))

  it.effect("requestLogSize 0 keeps none", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      yield* get(3)
      expect(yield* emulator.requests).toEqual([])
    }).pipe(Effect.provide(PlivoEmulator.layer({ requestLogSize: 0 }))))
})
