import { describe, expect, it } from "@effect/vitest"
import { PlivoClient, RetryPolicy } from "@plivo-effect/core"
import { StubHttpClient } from "@plivo-effect/testing"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/TestClock"

const Ok = Schema.Struct({ api_id: Schema.String })
const ok = StubHttpClient.json(200, { api_id: "ok" })
const tooMany = (headers: Record<string, string> = {}) =>
  StubHttpClient.json(429, { api_id: "rl", error: "too many requests" }, headers)

/** Answers from a script, one entry per request; the last entry repeats. */
const scripted = (...answers: ReadonlyArray<StubHttpClient.Response>) => {
  let n = 0
  return () => answers[Math.min(n++, answers.length - 1)]!
}

const requestCount = Effect.flatMap(StubHttpClient, (stub) => stub.requests).pipe(
  Effect.map((all) => all.length)
)

const getOk = Effect.flatMap(PlivoClient, (client) => client.get(["Message"], { schema: Ok }))
const postOk = Effect.flatMap(PlivoClient, (client) => client.post(["Message"], { schema: Ok, body: { text: "hi" } }))

describe("429 backoff on the TestClock", () => {
  it.effect("Retry-After: 7 waits exactly 7 seconds", () =>
    Effect.gen(function*() {
      const fiber = yield* Effect.fork(postOk)
      yield* TestClock.adjust(Duration.millis(6_999))
      expect(yield* requestCount).toBe(1)
      yield* TestClock.adjust(Duration.millis(1))
      const result = yield* Fiber.join(fiber)
      expect(result.api_id).toBe("ok")
      expect(yield* requestCount).toBe(2)
    }).pipe(Effect.provide(StubHttpClient.layerClient(scripted(tooMany({ "retry-after": "7" }), ok)))))

  it.effect("an HTTP-date Retry-After is measured on the Clock", () =>
    Effect.gen(function*() {
      // TestClock starts at epoch 0; the date is 20 s later.
      const fiber = yield* Effect.fork(getOk)
      yield* TestClock.adjust(Duration.seconds(19))
      expect(yield* requestCount).toBe(1)
      yield* TestClock.adjust(Duration.seconds(1))
      yield* Fiber.join(fiber)
      expect(yield* requestCount).toBe(2)
    }).pipe(
      Effect.provide(
        StubHttpClient.layerClient(scripted(tooMany({ "retry-after": new Date(20_000).toUTCString() }), ok))
      )
    ))

  it.effect("without Retry-After the delays grow", () =>
    Effect.gen(function*() {
      const times: Array<number> = []
      const fiber = yield* Effect.fork(getOk)
      // Step the clock in 50 ms ticks and note when each new request arrives.
      let seen = 1
      for (let t = 0; t < 40_000 && seen < 4; t += 50) {
        yield* TestClock.adjust(Duration.millis(50))
        const count = yield* requestCount
        if (count > seen) {
          times.push(t + 50)
          seen = count
        }
      }
      yield* Fiber.join(fiber)
      expect(times.length).toBe(3)
      const gaps = [times[0]!, times[1]! - times[0]!, times[2]! - times[1]!]
      expect(gaps[0]).toBeGreaterThanOrEqual(800)
      expect(gaps[1]).toBeGreaterThan(gaps[0]!)
      expect(gaps[2]).toBeGreaterThan(gaps[1]!)
    }).pipe(Effect.provide(StubHttpClient.layerClient(scripted(tooMany(), tooMany(), tooMany(), ok)))))

  it.effect("after the limit the caller gets RateLimitError with the attempts counted", () =>
    Effect.gen(function*() {
      const fiber = yield* Effect.fork(Effect.flip(postOk))
      yield* TestClock.adjust(Duration.minutes(10))
      const error = yield* Fiber.join(fiber)
      expect(error._tag).toBe("RateLimitError")
      if (error._tag !== "RateLimitError") return
      expect(error.attempts).toBe(6)
      expect(error.retryAfter).toEqual(Option.some(Duration.seconds(1)))
      expect(error.message).toContain("6 attempts")
      expect(yield* requestCount).toBe(6)
    }).pipe(Effect.provide(StubHttpClient.layerClient(() => tooMany({ "retry-after": "1" })))))

  it.effect("the backoff is capped at 30 seconds", () =>
    Effect.gen(function*() {
      const fiber = yield* Effect.fork(Effect.flip(getOk))
      // 1+2+4+8+16 s with at most +20% jitter, capped at 30 s: all five retries fit in 40 s
      // only if no delay exceeded the cap by much; without the cap the fifth alone is 16-19 s.
      yield* TestClock.adjust(Duration.seconds(1.2 + 2.4 + 4.8 + 9.6 + 19.2))
      const error = yield* Fiber.join(fiber)
      expect(error._tag).toBe("RateLimitError")
      expect(yield* requestCount).toBe(6)
    }).pipe(Effect.provide(StubHttpClient.layerClient(() => tooMany(), { retry: RetryPolicy.make({ cap: "30 seconds" }), budget: false }))))

  it.effect("a jittered backoff leaves the TestClock on a whole millisecond, so spans can still start", () => {
    const answers = scripted(tooMany(), tooMany(), tooMany(), ok)
    const seen: Array<bigint> = []
    // Each retry reads the clock as a span's start does; between two milliseconds that dies
    // with "cannot be converted to a BigInt".
    const handler = () => Effect.map(Clock.currentTimeNanos, (nanos) => (seen.push(nanos), answers()))
    return Effect.gen(function*() {
      const fiber = yield* Effect.fork(getOk)
      yield* TestClock.adjust(Duration.seconds(10))
      yield* Fiber.join(fiber)
      expect(seen).toHaveLength(4)
      expect(seen.every((nanos) => nanos % 1_000_000n === 0n)).toBe(true)
    }).pipe(Effect.provide(StubHttpClient.layerClient(handler, { budget: false })))
  })

  it.effect("a capped policy never waits more than its cap between attempts", () =>
    Effect.gen(function*() {
      const fiber = yield* Effect.fork(Effect.flip(getOk))
      for (let i = 1; i <= 5; i++) {
        yield* TestClock.adjust(Duration.seconds(2))
        expect(yield* requestCount).toBe(i + 1)
      }
      yield* Fiber.join(fiber)
    }).pipe(
      Effect.provide(
        // The policy alone: with budgets on, each retry of this list request also waits for
        // the 20-per-minute list budget (test/budgets covers that).
        StubHttpClient.layerClient(() => tooMany(), {
          retry: RetryPolicy.make({ base: "1 second", cap: "2 seconds" }),
          budget: false
        })
      )
    ))

  it.effect("a Retry-After beyond maxRetryAfter ends the retries at once", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(getOk)
      expect(error._tag).toBe("RateLimitError")
      expect(error._tag === "RateLimitError" && Option.map(error.retryAfter, Duration.toSeconds)).toEqual(
        Option.some(3600)
      )
      expect(yield* requestCount).toBe(1)
    }).pipe(Effect.provide(StubHttpClient.layerClient(() => tooMany({ "retry-after": "3600" })))))

  it.effect("a per-call policy overrides the configured one", () =>
    Effect.gen(function*() {
      const client = yield* PlivoClient
      const error = yield* Effect.flip(client.get(["Message"], { schema: Ok, retry: RetryPolicy.none }))
      expect(error._tag).toBe("RateLimitError")
      expect(error._tag === "RateLimitError" && error.attempts).toBe(1)
      expect(yield* requestCount).toBe(1)
    }).pipe(Effect.provide(StubHttpClient.layerClient(() => tooMany()))))
})

describe("5xx and transport failures", () => {
  it.effect("a POST answered 500 is sent exactly once", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(postOk)
      expect(error._tag).toBe("ServerError")
      expect(yield* requestCount).toBe(1)
    }).pipe(Effect.provide(StubHttpClient.layerClient(() => StubHttpClient.json(500, { error: "boom" })))))

  it.effect("a POST that fails at the transport is sent exactly once and says it may have been delivered", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(postOk)
      expect(error._tag).toBe("TransportError")
      expect(error._tag === "TransportError" && error.mayHaveBeenDelivered).toBe(true)
      expect(yield* requestCount).toBe(1)
    }).pipe(Effect.provide(StubHttpClient.layerClient(() => StubHttpClient.transportFailure("ECONNRESET")))))

  it.effect("a POST whose connection was refused never left, so it is retried", () =>
    Effect.gen(function*() {
      const fiber = yield* Effect.fork(postOk)
      yield* TestClock.adjust(Duration.seconds(5))
      const result = yield* Fiber.join(fiber)
      expect(result.api_id).toBe("ok")
      expect(yield* requestCount).toBe(2)
    }).pipe(
      Effect.provide(StubHttpClient.layerClient(scripted(StubHttpClient.transportFailure("ECONNREFUSED"), ok)))
    ))

  it.effect("a GET answered 503 is retried and succeeds", () =>
    Effect.gen(function*() {
      const fiber = yield* Effect.fork(getOk)
      yield* TestClock.adjust(Duration.seconds(5))
      const result = yield* Fiber.join(fiber)
      expect(result.api_id).toBe("ok")
      expect(yield* requestCount).toBe(2)
    }).pipe(
      Effect.provide(StubHttpClient.layerClient(scripted(StubHttpClient.text(503, "unavailable"), ok)))
    ))

  it.effect("a GET gives up after 2 transient retries", () =>
    Effect.gen(function*() {
      const fiber = yield* Effect.fork(Effect.flip(getOk))
      yield* TestClock.adjust(Duration.minutes(1))
      const error = yield* Fiber.join(fiber)
      expect(error._tag).toBe("ServerError")
      expect(yield* requestCount).toBe(3)
    }).pipe(Effect.provide(StubHttpClient.layerClient(() => StubHttpClient.text(503, "unavailable")))))

  it.effect("a DELETE failing at the transport is retried", () =>
    Effect.gen(function*() {
      const client = yield* PlivoClient
      const fiber = yield* Effect.fork(client.del(["Message", "u1", "Media"], { schema: Schema.Unknown }))
      yield* TestClock.adjust(Duration.seconds(5))
      const result = yield* Fiber.join(fiber)
      expect(Option.isNone(result)).toBe(true)
      expect(yield* requestCount).toBe(2)
    }).pipe(
      Effect.provide(
        StubHttpClient.layerClient(scripted(StubHttpClient.transportFailure("ECONNRESET"), StubHttpClient.empty(204)))
      )
    ))

  it.effect("the timeout yields TransportError", () =>
    Effect.gen(function*() {
      const fiber = yield* Effect.fork(Effect.flip(postOk))
      yield* TestClock.adjust(Duration.seconds(30))
      const error = yield* Fiber.join(fiber)
      expect(error._tag).toBe("TransportError")
      if (error._tag !== "TransportError") return
      expect(error.reason).toBe("Timeout")
      expect(error.mayHaveBeenDelivered).toBe(true)
      expect(yield* requestCount).toBe(1)
    }).pipe(Effect.provide(StubHttpClient.layerClient(() => Effect.never))))

  it.effect("a timed-out GET is retried, each attempt with its own timeout", () =>
    Effect.gen(function*() {
      const fiber = yield* Effect.fork(Effect.flip(getOk))
      yield* TestClock.adjust(Duration.seconds(2))
      expect(yield* requestCount).toBe(1)
      yield* TestClock.adjust(Duration.minutes(1))
      const error = yield* Fiber.join(fiber)
      expect(error._tag === "TransportError" && error.reason).toBe("Timeout")
      expect(yield* requestCount).toBe(3)
    }).pipe(Effect.provide(StubHttpClient.layerClient(() => Effect.never, { timeout: "5 seconds" }))))
})

describe("live clock", () => {
  it.live("the timeout yields TransportError on the live clock too, and the request is interrupted", () => {
    let interrupted = 0
    return Effect.gen(function*() {
      const start = Date.now()
      const error = yield* Effect.flip(postOk)
      expect(error._tag === "TransportError" && error.reason).toBe("Timeout")
      expect(error._tag === "TransportError" && error.mayHaveBeenDelivered).toBe(true)
      expect(Date.now() - start).toBeGreaterThanOrEqual(90)
      expect(yield* requestCount).toBe(1)
      expect(interrupted).toBe(1)
    }).pipe(
      Effect.provide(
        StubHttpClient.layerClient(
          () => Effect.onInterrupt(Effect.never, () => Effect.sync(() => { interrupted++ })),
          { timeout: "100 millis" }
        )
      )
    )
  })

  it.live("retries really wait on the live clock too (short policy)", () =>
    Effect.gen(function*() {
      const start = Date.now()
      const result = yield* getOk
      expect(result.api_id).toBe("ok")
      expect(Date.now() - start).toBeGreaterThanOrEqual(10)
      expect(yield* requestCount).toBe(2)
    }).pipe(
      Effect.provide(
        StubHttpClient.layerClient(scripted(tooMany(), ok), { retry: RetryPolicy.make({ base: "20 millis" }) })
      )
    ))
})
