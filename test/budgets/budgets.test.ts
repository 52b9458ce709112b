/**
 * The rate budgets (issue 13, "Budgets (core)") on the TestClock: against the in-process
 * emulator with its limits on, against a stub for exact timing, and their configuration.
 */
import { describe, expect, it } from "@effect/vitest"
import * as RateLimiter from "@effect/experimental/RateLimiter"
import { PlivoBudget, PlivoClient, PlivoConfig, RetryPolicy } from "@plivo-effect/core"
import { Messages, Messaging } from "@plivo-effect/messaging"
import { PlivoEmulator, RateWindow, StubHttpClient, TestTracer } from "@plivo-effect/testing"
import * as HttpClient from "@effect/platform/HttpClient"
import * as Clock from "effect/Clock"
import * as ConfigError from "effect/ConfigError"
import * as DateTime from "effect/DateTime"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import * as TestClock from "effect/TestClock"
import { drive } from "./support.js"

const Ok = Schema.Struct({ api_id: Schema.String })

/** The SDK's client on an in-process emulator, with `budget` as `PlivoConfig`'s option. */
const onEmulator = (
  emulator: PlivoEmulator.Options,
  budget?: PlivoBudget.Options | false,
  config: Pick<PlivoConfig.Options, "transformClient"> = {}
) =>
  Messaging.layer.pipe(
    Layer.provideMerge(Layer.unwrapEffect(
      Effect.map(PlivoEmulator, (e) =>
        PlivoClient.layer.pipe(
          Layer.provideMerge(
            PlivoConfig.layer({
              authId: e.authId,
              authToken: e.authToken,
              baseUrl: e.baseUrl,
              ...(budget === undefined ? {} : { budget }),
              ...config
            })
          ),
          Layer.orDie
        ))
    )),
    Layer.provideMerge(PlivoEmulator.layer({ requestLogSize: Infinity, ...emulator }))
  )

const sendMany = (n: number) =>
  Effect.flatMap(Messages, (messages) =>
    Effect.forEach(
      Array.from({ length: n }, (_, i) => i),
      (i) => messages.send({ src: "14155550100", dst: [`1415555${String(1000 + i).padStart(4, "0")}`], text: `hi ${i}` }),
      { concurrency: "unbounded" }
    ))

const requestLog = Effect.flatMap(PlivoEmulator, (emulator) => emulator.requests)

const millisOf = (requests: ReadonlyArray<PlivoEmulator.Request>) => requests.map((r) => DateTime.toEpochMillis(r.at))

describe("budgets against the emulator with its limits on", () => {
  it.effect("600 concurrent sends with the default budgets: zero 429s, never 300 in any 5 s", () =>
    Effect.gen(function*() {
      const fiber = yield* Effect.fork(sendMany(600))
      const sent = yield* drive(fiber, "100 millis", 1_000)
      expect(sent).toHaveLength(600)
      const log = yield* requestLog
      expect(log.filter((r) => r.status === 429)).toHaveLength(0)
      expect(log).toHaveLength(600)
      expect(RateWindow.maxInWindow(millisOf(log), 5_000)).toBeLessThanOrEqual(300)
      // At the ceiling, not far below it: 600 requests need a little over two windows.
      const times = millisOf(log)
      expect(Math.max(...times) - Math.min(...times)).toBeLessThan(11_000)
    }).pipe(Effect.provide(onEmulator({ rateLimits: true }))), 120_000)

  it.effect("requests held up in transit at the start (fresh connections) still meet no 429 at the window's turn", () =>
    Effect.gen(function*() {
      const fiber = yield* Effect.fork(sendMany(600))
      const sent = yield* drive(fiber, "50 millis", 1_000)
      expect(sent).toHaveLength(600)
      const log = yield* requestLog
      expect(log.filter((r) => r.status === 429)).toHaveLength(0)
      expect(RateWindow.maxInWindow(millisOf(log), 5_000)).toBeLessThanOrEqual(300)
    }).pipe(Effect.provide(onEmulator({ rateLimits: true }, undefined, {
      // Everything the budget lets go in the first 200 ms reaches Plivo together at 200 ms,
      // as requests waiting on new connections do; Plivo counts arrivals, not departures.
      transformClient: HttpClient.transform((request) =>
        Effect.flatMap(Clock.currentTimeMillis, (now) =>
          now < 200 ? Effect.zipRight(Effect.sleep(Duration.millis(200 - now)), request) : request
        )
      )
    }))), 120_000)

  it.effect("the control: budgets off, the same 600 sends meet 429s, all absorbed by the backoff", () =>
    Effect.gen(function*() {
      const fiber = yield* Effect.fork(sendMany(600))
      const sent = yield* drive(fiber, "100 millis", 2_000)
      expect(sent).toHaveLength(600)
      const log = yield* requestLog
      expect(log.filter((r) => r.status === 429).length).toBeGreaterThan(0)
      expect(log.filter((r) => r.status === 202)).toHaveLength(600)
    }).pipe(Effect.provide(onEmulator({ rateLimits: true }, false))), 120_000)

  it.effect("smaller numbers on both sides: 20 per second, 120 sends, zero 429s", () =>
    Effect.gen(function*() {
      const fiber = yield* Effect.fork(sendMany(120))
      yield* drive(fiber, "50 millis", 1_000)
      const log = yield* requestLog
      expect(log.filter((r) => r.status === 429)).toHaveLength(0)
      expect(RateWindow.maxInWindow(millisOf(log), 1_000)).toBeLessThanOrEqual(20)
    }).pipe(Effect.provide(onEmulator(
      { rateLimits: { account: { limit: 20, window: "1 second" } } },
      { account: { limit: 20, window: "1 second" } }
    ))))

  it.effect("Messages.stream over 2,000 messages: never more than 20 list requests in any minute", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      yield* emulator.seedMessages({ count: 2_000 })
      const messages = yield* Messages
      const fiber = yield* Effect.fork(Stream.runCount(messages.stream()))
      const count = yield* drive(fiber, "1 second", 1_000)
      expect(count).toBe(2_000)
      const log = yield* requestLog
      const lists = log.filter((r) => r.method === "GET" && /\/Message\/$/.test(r.path))
      expect(lists.length).toBeGreaterThanOrEqual(100)
      expect(log.filter((r) => r.status === 429)).toHaveLength(0)
      expect(RateWindow.maxInWindow(millisOf(lists), 60_000)).toBeLessThanOrEqual(20)
    }).pipe(Effect.provide(onEmulator({ rateLimits: true }))))

  it.effect("GET Message/{uuid}/ is not in the list budget", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const [uuid] = yield* emulator.seedMessages({ count: 1 })
      const messages = yield* Messages
      // 40 reads at once: twice the list budget, yet none waits (the account's burst is 15,
      // so the last waits only for the account's pace, a few hundred milliseconds).
      const fiber = yield* Effect.fork(
        Effect.forEach(Array.from({ length: 40 }), () => messages.get(uuid ?? ""), { concurrency: "unbounded" })
      )
      yield* TestClock.adjust("1 second")
      expect(Exit.isSuccess(yield* Fiber.await(fiber))).toBe(true)
    }).pipe(Effect.provide(onEmulator({ rateLimits: true }))))

  it.effect("the in-flight cap: 250 slow requests, at most 100 at once, zero 429s", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      yield* emulator.fault({ _tag: "Delay", duration: Duration.seconds(1) }, { times: 1_000 })
      const client = yield* PlivoClient
      const fiber = yield* Effect.fork(
        Effect.forEach(Array.from({ length: 250 }), () => client.get(["Media"], { schema: Ok }), { concurrency: "unbounded" })
      )
      yield* TestClock.adjust("1 second")
      expect(yield* requestLog).toHaveLength(100)
      yield* TestClock.adjust("1 second")
      expect(yield* requestLog).toHaveLength(200)
      yield* TestClock.adjust("1 second")
      yield* Fiber.join(fiber)
      const log = yield* requestLog
      expect(log).toHaveLength(250)
      expect(log.filter((r) => r.status === 429)).toHaveLength(0)
    }).pipe(Effect.provide(onEmulator(
      { rateLimits: { account: { limit: 10_000, window: "1 second" } } },
      { account: false }
    ))))

  it.effect("the control: without the in-flight cap the emulator refuses the 101st request in flight", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      yield* emulator.fault({ _tag: "Delay", duration: Duration.seconds(1) }, { times: 1_000 })
      const client = yield* PlivoClient
      yield* Effect.fork(
        Effect.forEach(Array.from({ length: 250 }), () => client.get(["Media"], { schema: Ok }), { concurrency: "unbounded" })
      )
      yield* TestClock.adjust("10 millis")
      expect((yield* requestLog).filter((r) => r.status === 429)).toHaveLength(150)
    }).pipe(Effect.provide(onEmulator(
      { rateLimits: { account: { limit: 10_000, window: "1 second" } } },
      { inFlight: false, account: false }
    ))))
})

const stubCount = Effect.flatMap(StubHttpClient, (stub) => stub.requests).pipe(Effect.map((all) => all.length))

/** Answers from a script, one entry per request; the last entry repeats. */
const scripted = (...answers: ReadonlyArray<StubHttpClient.Response>) => {
  let n = 0
  return () => answers[Math.min(n++, answers.length - 1)] ?? StubHttpClient.json(200, { api_id: "ok" })
}
const ok = StubHttpClient.json(200, { api_id: "ok" })
const tooMany = StubHttpClient.json(429, { api_id: "rl", error: "too many requests" }, { "retry-after": "1" })

describe("retries, the adaptive pace and the span, on a stub", () => {
  it.effect("a retry waits for the budget, not only for the backoff", () =>
    Effect.gen(function*() {
      const client = yield* PlivoClient
      const fiber = yield* Effect.fork(client.get(["Message"], { schema: Ok }))
      // Retry-After: 1 alone retries at 1 s. The list budget (5 per 10 s: a burst of 1, then
      // one token every 10.5 s / 2 = 5.25 s, the window and its margin over the limit less
      // the burst and two spare) holds the retry for a token, counted from when it asked (1 s).
      yield* TestClock.adjust("6249 millis")
      expect(yield* stubCount).toBe(1)
      yield* TestClock.adjust("1 millis")
      yield* Fiber.join(fiber)
      expect(yield* stubCount).toBe(2)
    }).pipe(Effect.provide(StubHttpClient.layerClient(scripted(tooMany, ok), {
      budget: { account: false, messageList: { limit: 5, window: "10 seconds", burst: 1 }, adaptive: false }
    }))))

  it.effect("a 429 slows the pace to 0.7 once per crowded moment, and it recovers linearly", () =>
    Effect.gen(function*() {
      const client = yield* PlivoClient
      const budget = yield* PlivoBudget
      expect((yield* budget.pace(client.authId)).account).toBe(1)
      // Ten requests answered 429 at the same moment: one decrease, not ten.
      const fiber = yield* Effect.fork(
        Effect.forEach(Array.from({ length: 10 }), () => client.get(["Media"], { schema: Ok }), { concurrency: "unbounded" })
      )
      yield* TestClock.adjust("10 millis")
      expect((yield* budget.pace(client.authId)).account).toBeCloseTo(0.7, 3)
      yield* TestClock.adjust("5 seconds")
      yield* Fiber.join(fiber)
      // +0.05 of the full pace per 5 s window: 0.75 after one window.
      expect((yield* budget.pace(client.authId)).account).toBeCloseTo(0.75, 2)
      yield* TestClock.adjust("25 seconds")
      expect((yield* budget.pace(client.authId)).account).toBe(1)
      expect((yield* budget.pace(client.authId)).messageList).toBe(1)
    }).pipe(
      Effect.provide(
        StubHttpClient.layerClient(
          (() => {
            let n = 0
            return () => (n++ < 10 ? tooMany : ok)
          })(),
          {}
        ).pipe(Layer.provideMerge(PlivoBudget.layerMemory()))
      )
    ))

  it.effect("a second 429 after the decrease slows it again; the slowed pace spaces requests", () =>
    Effect.gen(function*() {
      const client = yield* PlivoClient
      const budget = yield* PlivoBudget
      const first = yield* Effect.fork(client.get(["Media"], { schema: Ok }))
      // 429 at 0 s (pace 0.7), its retry at 1 s (0.75 by then) 429 again: 0.525.
      yield* TestClock.adjust("1001 millis")
      expect((yield* budget.pace(client.authId)).account).toBeCloseTo(0.75 * 0.7, 3)
      yield* TestClock.adjust("1 second")
      yield* Fiber.join(first)
      // A quiet second: the buckets refill.
      yield* TestClock.adjust("1 second")
      // 10 per second with a burst of 1 keeps one token every 1050 / 7 ms (the window and its
      // margin); at the slowed pace the local limiter spaces requests by that over the pace.
      const pace = (yield* budget.pace(client.authId)).account
      expect(pace).toBeLessThan(1)
      const spacing = 1050 / 7 / pace
      const before = yield* stubCount
      yield* Effect.fork(
        Effect.forEach(Array.from({ length: 5 }), () => client.get(["Media"], { schema: Ok }), { concurrency: "unbounded" })
      )
      yield* TestClock.adjust("1 millis")
      expect((yield* stubCount) - before).toBe(1)
      yield* TestClock.adjust(Math.floor(spacing) - 10)
      expect((yield* stubCount) - before).toBe(1)
      yield* TestClock.adjust("20 millis")
      expect((yield* stubCount) - before).toBe(2)
    }).pipe(
      Effect.provide(
        StubHttpClient.layerClient(scripted(tooMany, tooMany, ok), {}).pipe(
          Layer.provideMerge(PlivoBudget.layerMemory({ account: { limit: 10, window: "1 second", burst: 1 } }))
        )
      )
    ))

  it.effect("the wait shows on the span: plivo.budget.waited_ms", () => {
    const { spans, tracer } = TestTracer.make()
    return Effect.gen(function*() {
      const client = yield* PlivoClient
      yield* client.get(["Message"], { schema: Ok })
      const second = yield* Effect.fork(client.get(["Message"], { schema: Ok }))
      yield* TestClock.adjust("5250 millis")
      yield* Fiber.join(second)
      const calls = spans.filter((s) => s.name === "Plivo GET Message")
      expect(calls).toHaveLength(2)
      expect(calls[0]?.attributes.has("plivo.budget.waited_ms")).toBe(false)
      expect(calls[1]?.attributes.get("plivo.budget.waited_ms")).toBe(5_250)
    }).pipe(
      Effect.withTracer(tracer),
      Effect.provide(StubHttpClient.layerClient(() => ok, {
        budget: { account: false, messageList: { limit: 5, window: "10 seconds", burst: 1 } }
      }))
    )
  })
})

describe("keys", () => {
  /** A memory store that notes every key it is asked about. */
  const recordingStore = (keys: Array<string>) =>
    Layer.effect(
      RateLimiter.RateLimiterStore,
      Effect.map(RateLimiter.RateLimiterStore, (store) =>
        RateLimiter.RateLimiterStore.of({
          fixedWindow: (options) => {
            keys.push(options.key)
            return store.fixedWindow(options)
          },
          tokenBucket: (options) => {
            keys.push(options.key)
            return store.tokenBucket(options)
          }
        }))
    ).pipe(Layer.provide(RateLimiter.layerStoreMemory))

  const clientFor = (authId: string, budget: Layer.Layer<PlivoBudget>) =>
    PlivoClient.make.pipe(
      Effect.provide(PlivoConfig.layer({ authId, authToken: `token-of-${authId}` }).pipe(Layer.orDie)),
      Effect.provide(budget)
    )

  it.effect("two accounts sharing one store never share a budget; keys hold the Auth ID, never the token", () => {
    const keys: Array<string> = []
    return Effect.gen(function*() {
      const budget = yield* Layer.memoize(
        PlivoBudget.layer({ account: { limit: 10, window: "10 seconds", burst: 4 } }).pipe(
          Layer.provide(recordingStore(keys)),
          Layer.orDie
        )
      )
      const a = yield* clientFor("MAAAAAAAAAAAAAAAAAAA", budget)
      const b = yield* clientFor("MABBBBBBBBBBBBBBBBBB", budget)
      // Account A spends its burst of 4; B's 4 still go at once.
      yield* Effect.forEach(Array.from({ length: 4 }), () => a.get(["Media"], { schema: Ok }), { concurrency: "unbounded" })
      const fiber = yield* Effect.fork(
        Effect.forEach(Array.from({ length: 4 }), () => b.get(["Media"], { schema: Ok }), { concurrency: "unbounded" })
      )
      yield* TestClock.adjust("1 millis")
      expect(Exit.isSuccess(yield* Fiber.await(fiber))).toBe(true)
      expect(yield* stubCount).toBe(8)
      expect(new Set(keys)).toStrictEqual(new Set(["MAAAAAAAAAAAAAAAAAAA:account", "MABBBBBBBBBBBBBBBBBB:account"]))
      expect(keys.some((k) => k.includes("token-of"))).toBe(false)
    }).pipe(Effect.scoped, Effect.provide(StubHttpClient.layer(() => ok)))
  })
})

describe("the emulator's budgets, resized", () => {
  const unbudgeted = (rateLimits: PlivoEmulator.RateLimits) =>
    Layer.unwrapEffect(Effect.map(PlivoEmulator, (e) =>
      PlivoClient.layer.pipe(
        Layer.provide(
          PlivoConfig.layer({ authId: e.authId, authToken: e.authToken, baseUrl: e.baseUrl, budget: false, retry: RetryPolicy.none })
        ),
        Layer.orDie
      ))).pipe(Layer.provideMerge(PlivoEmulator.layer({ rateLimits })))

  const status = (effect: Effect.Effect<unknown, { readonly _tag: string }>) =>
    Effect.match(effect, { onFailure: (e) => e._tag, onSuccess: () => "ok" })

  it.effect("account and list budgets take the numbers given", () =>
    Effect.gen(function*() {
      const client = yield* PlivoClient
      const media = status(client.get(["Media"], { schema: Ok }))
      const list = status(client.get(["Message"], { schema: Ok }))
      expect(yield* Effect.all([list, list, list])).toStrictEqual(["ok", "ok", "RateLimitError"])
      expect(yield* Effect.all([media, media, media])).toStrictEqual(["ok", "ok", "ok"])
      // 2 list + 3 media: the account's 5 per second are spent.
      expect(yield* media).toBe("RateLimitError")
      yield* TestClock.adjust("1 second")
      expect(yield* media).toBe("ok")
      expect(yield* list).toBe("RateLimitError")
      yield* TestClock.adjust("9 seconds")
      expect(yield* list).toBe("ok")
    }).pipe(Effect.provide(unbudgeted({
      account: { limit: 5, window: "1 second" },
      messageList: { limit: 2, window: "10 seconds" }
    }))))
})

describe("a failing store", () => {
  const failing = Layer.succeed(
    RateLimiter.RateLimiterStore,
    RateLimiter.RateLimiterStore.of({
      fixedWindow: () => Effect.fail(new RateLimiter.RateLimitStoreError({ message: "down" })),
      tokenBucket: () => Effect.fail(new RateLimiter.RateLimitStoreError({ message: "down" }))
    })
  )

  it.effect("lets calls go ahead unbudgeted rather than failing them", () =>
    Effect.gen(function*() {
      const client = yield* PlivoClient
      yield* Effect.forEach(Array.from({ length: 3 }), () => client.get(["Message"], { schema: Ok }))
      expect(yield* stubCount).toBe(3)
    }).pipe(
      Effect.provide(
        StubHttpClient.layerClient(() => ok, {}).pipe(
          Layer.provideMerge(PlivoBudget.layer().pipe(Layer.provide(failing), Layer.orDie))
        )
      )
    ))
})

describe("configuration", () => {
  const configError = (budget: unknown) =>
    Effect.flip(
      PlivoConfig.make({
        authId: "MAXXXXXXXXXXXXXXXXXX",
        authToken: "secret-token",
        // Deliberately unchecked input, as from JavaScript or a parsed file.
        budget: Schema.decodeUnknownSync(Schema.Any)(budget)
      })
    )

  it.effect("out-of-range numbers fail with a ConfigError naming the option", () =>
    Effect.gen(function*() {
      const cases: ReadonlyArray<readonly [unknown, string]> = [
        [{ account: { limit: 3 } }, "budget.account.limit must be an integer of at least 4, got 3"],
        [{ account: { limit: 10.5 } }, "budget.account.limit"],
        [{ account: { window: "0 seconds" } }, "budget.account.window must be a positive finite duration"],
        [{ messageList: { window: "soon" } }, "budget.messageList.window"],
        [{ messageList: { limit: 20, burst: 18 } }, "budget.messageList.burst must be an integer from 1 to limit - 3 (17), got 18"],
        [{ inFlight: 0 }, "budget.inFlight must be a positive integer or false, got 0"],
        [{ adaptive: "yes" }, "budget.adaptive must be a boolean"],
        [{ account: 300 }, "budget.account must be { limit, window, burst? } or false"],
        ["on", "budget must be budget options or false"]
      ]
      for (const [budget, message] of cases) {
        const error = yield* configError(budget)
        expect(ConfigError.isConfigError(error)).toBe(true)
        expect(String(error), JSON.stringify(budget)).toContain(message)
        expect(String(error)).not.toContain("secret-token")
      }
    }))

  it.effect("PlivoBudget.layerMemory checks the same way", () =>
    Effect.gen(function*() {
      const exit = yield* Effect.exit(Layer.build(PlivoBudget.layerMemory({ inFlight: -1 })).pipe(Effect.scoped))
      expect(Exit.isFailure(exit) && String(exit.cause)).toContain("budget.inFlight")
    }))

  it.effect("defaults are Plivo's numbers; false turns everything off", () =>
    Effect.gen(function*() {
      const on = yield* PlivoConfig.make({ authId: "MAXXXXXXXXXXXXXXXXXX", authToken: "t" })
      expect(on.budget.account?.limit).toBe(300)
      expect(on.budget.account && Duration.toMillis(on.budget.account.window)).toBe(5_000)
      expect(on.budget.messageList?.limit).toBe(20)
      expect(on.budget.messageList && Duration.toMillis(on.budget.messageList.window)).toBe(60_000)
      expect(on.budget.inFlight).toBe(100)
      expect(on.budget.adaptive).toBe(true)
      const off = yield* PlivoConfig.make({ authId: "MAXXXXXXXXXXXXXXXXXX", authToken: "t", budget: false })
      expect(off.budget).toStrictEqual({ account: undefined, messageList: undefined, inFlight: undefined, adaptive: false })
    }))

  it.effect("budgets off: 40 list requests at once all leave at once", () =>
    Effect.gen(function*() {
      const client = yield* PlivoClient
      yield* Effect.forEach(Array.from({ length: 40 }), () => client.get(["Message"], { schema: Ok }), {
        concurrency: "unbounded"
      })
      expect(yield* stubCount).toBe(40)
    }).pipe(Effect.provide(StubHttpClient.layerClient(() => ok, { budget: false, retry: RetryPolicy.none }))))
})
