import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Fiber from "effect/Fiber"
import * as TestClock from "effect/TestClock"
import { EmulatorFault, PlivoEmulator } from "../src/PlivoEmulator.js"
import { call, decode, ErrorBody } from "./emulator.support.js"

const withEmulator = <A, E, R>(effect: Effect.Effect<A, E, R>, options: PlivoEmulator.Options = {}) =>
  Effect.provide(effect, PlivoEmulator.layer({ lifecycle: { auto: false }, ...options }))

const send = call("POST", "Message/", { json: { src: "14155550100", dst: "14155550123", text: "x" } })

describe("PlivoEmulator faults", () => {
  it.effect("429 with Retry-After, once, then normal service", () =>
    withEmulator(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      yield* emulator.fault(EmulatorFault.tooManyRequests({ retryAfter: "1500 millis" }), {
        method: "POST",
        path: "Message"
      })
      const limited = yield* send
      expect(limited.status).toBe(429)
      expect(limited.headers["retry-after"]).toBe("2")
      expect(yield* decode(ErrorBody)(limited.body)).toMatchObject({ error: "too many requests" })
      expect((yield* send).status).toBe(202)
      // A refused send was not processed.
      expect(yield* emulator.sentMessages).toHaveLength(1)
    })))

  it.effect("429 without Retry-After, for a given number of times", () =>
    withEmulator(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      yield* emulator.fault(EmulatorFault.tooManyRequests(), { times: 2 })
      const first = yield* call("GET", "Message/")
      expect(first.status).toBe(429)
      expect(first.headers["retry-after"]).toBeUndefined()
      expect((yield* call("GET", "Media/")).status).toBe(429)
      expect((yield* call("GET", "Media/")).status).toBe(200)
    })))

  it.effect("faults only hit matching method and path", () =>
    withEmulator(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      yield* emulator.fault(EmulatorFault.serverError(500), { method: "GET", path: "Message/*", times: 5 })
      expect((yield* call("GET", "Message/")).status).toBe(200)
      expect((yield* send).status).toBe(202)
      const r = yield* call("GET", "Message/abc/")
      expect(r.status).toBe(500)
      expect(yield* decode(ErrorBody)(r.body)).toMatchObject({ error: "internal server error" })
      yield* emulator.clearFaults
      expect((yield* call("GET", "Message/abc/")).status).toBe(404)
    })))

  it.effect("502 and 503 answer with an HTML page", () =>
    withEmulator(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      yield* emulator.fault(EmulatorFault.serverError(502))
      yield* emulator.fault(EmulatorFault.serverError(503))
      const bad = yield* call("GET", "Message/")
      expect(bad.status).toBe(502)
      expect(bad.headers["content-type"]).toMatch(/^text\/html/)
      expect(bad.text).toMatch(/<html>/)
      const unavailable = yield* call("GET", "Message/")
      expect(unavailable.status).toBe(503)
      expect(unavailable.body).toBeUndefined()
    })))

  it.effect("a malformed body keeps the status and the side effect", () =>
    withEmulator(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      yield* emulator.fault(EmulatorFault.malformedBody)
      const r = yield* send
      expect(r.status).toBe(202)
      expect(r.headers["content-type"]).toMatch(/application\/json/)
      expect(r.body).toBeUndefined()
      expect(r.text.startsWith("{\"api_id\"")).toBe(true)
      expect(yield* emulator.sentMessages).toHaveLength(1)
    })))

  it.effect("a dropped connection fails the in-process fetch; the request is not processed", () =>
    withEmulator(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      yield* emulator.fault(EmulatorFault.disconnect, { method: "POST" })
      const dropped = yield* Effect.either(send)
      expect(Either.isLeft(dropped) && dropped.left._tag).toBe("RequestError")
      expect(Either.isLeft(dropped) && dropped.left.reason).toBe("Transport")
      expect(yield* emulator.sentMessages).toHaveLength(0)
      const [logged] = yield* emulator.requests
      expect([logged?.status, logged?.fault]).toEqual([0, "Disconnect"])
      expect((yield* send).status).toBe(202)
    })))

  it.effect("a delay holds the answer on the emulator's Clock", () =>
    withEmulator(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      yield* emulator.fault(EmulatorFault.delay("30 seconds"))
      const fiber = yield* Effect.fork(call("GET", "Message/"))
      yield* Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 50)))
      expect(fiber.unsafePoll()).toBeNull()
      yield* TestClock.adjust("30 seconds")
      expect((yield* Fiber.join(fiber)).status).toBe(200)
    })))

  it.effect("faults apply before authentication", () =>
    withEmulator(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      yield* emulator.fault(EmulatorFault.serverError(503))
      expect((yield* call("GET", "Message/", { auth: "none" })).status).toBe(503)
    })))

  it.effect("random faults are reproducible from the seed", () =>
    Effect.gen(function*() {
      const run = Effect.gen(function*() {
        const statuses: Array<number> = []
        for (let i = 0; i < 40; i++) statuses.push((yield* call("GET", "Media/")).status)
        return statuses
      })
      const options = {
        seed: 42,
        randomFaults: {
          probability: 0.3,
          faults: [EmulatorFault.serverError(503), EmulatorFault.tooManyRequests()]
        }
      }
      const a = yield* withEmulator(run, options)
      const b = yield* withEmulator(run, options)
      expect(a).toEqual(b)
      expect(a.filter((s) => s !== 200).length).toBeGreaterThan(0)
      expect(a.filter((s) => s === 200).length).toBeGreaterThan(0)
      expect(new Set(a)).toEqual(new Set([200, 429, 503]))
      const c = yield* withEmulator(run, { ...options, seed: 7 })
      expect(c).not.toEqual(a)
    }))

  it.effect("random faults can be switched on and off through the handle", () =>
    withEmulator(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      yield* emulator.randomFaults({ probability: 1, faults: [EmulatorFault.serverError(500)], path: "Media" })
      expect((yield* call("GET", "Media/")).status).toBe(500)
      expect((yield* call("GET", "Message/")).status).toBe(200)
      yield* emulator.randomFaults(undefined)
      expect((yield* call("GET", "Media/")).status).toBe(200)
    })))
})

describe("PlivoEmulator rate limits", () => {
  it.effect("off by default", () =>
    withEmulator(Effect.gen(function*() {
      for (let i = 0; i < 25; i++) expect((yield* call("GET", "Message/")).status).toBe(200)
    })))

  it.effect("20 per minute on GET Message/", () =>
    withEmulator(
      Effect.gen(function*() {
        for (let i = 0; i < 20; i++) expect((yield* call("GET", "Message/")).status).toBe(200)
        const limited = yield* call("GET", "Message/")
        expect(limited.status).toBe(429)
        expect(yield* decode(ErrorBody)(limited.body)).toMatchObject({ error: "too many requests" })
        // Other endpoints keep their own budget.
        expect((yield* call("GET", "Media/")).status).toBe(200)
        yield* TestClock.adjust("1 minute")
        expect((yield* call("GET", "Message/")).status).toBe(200)
      }),
      { rateLimits: true }
    ))

  it.effect("300 per 5 seconds per account, switchable at run time", () =>
    withEmulator(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      yield* emulator.rateLimits(true)
      for (let i = 0; i < 300; i++) {
        const status = (yield* call("GET", "Media/")).status
        if (status !== 200) expect.fail(`request ${i} got ${status}`)
      }
      expect((yield* call("GET", "Media/")).status).toBe(429)
      yield* TestClock.adjust("5 seconds")
      expect((yield* call("GET", "Media/")).status).toBe(200)
      for (let i = 0; i < 300; i++) yield* call("GET", "Media/")
      yield* emulator.rateLimits(false)
      expect((yield* call("GET", "Media/")).status).toBe(200)
    })))
})
