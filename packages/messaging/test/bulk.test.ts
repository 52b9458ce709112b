import { describe, expect, it } from "@effect/vitest"
import type { PlivoBudget } from "@plivo-effect/core"
import { EmulatorFault, PlivoEmulator, RateWindow, TestTracer } from "@plivo-effect/testing"
import * as Chunk from "effect/Chunk"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Stream from "effect/Stream"
import { type BulkOutcome, Messages, type SendParams } from "../src/index.js"
import { drive, emulated, src, usNumbers } from "./bulkSupport.js"

const text = "Sale today"

const posts = Effect.map(
  Effect.flatMap(PlivoEmulator, (emulator) => emulator.requests),
  (requests) => requests.filter((r) => r.method === "POST" && /\/Message\/?$/.test(r.path))
)

/** 429s among all requests (a retried request shows once per attempt). */
const tooMany = Effect.map(
  Effect.flatMap(PlivoEmulator, (emulator) => emulator.requests),
  (requests) => requests.filter((r) => r.status === 429).length
)

const small = { limit: 20, window: "5 seconds" } as const

const collect = <E, R>(stream: Stream.Stream<BulkOutcome, E, R>) =>
  Effect.map(Stream.runCollect(stream), Chunk.toReadonlyArray)

/** Every `Queued` outcome names the message the emulator created for that destination. */
const expectQueuedMatchEmulator = (outcomes: ReadonlyArray<BulkOutcome>) =>
  Effect.gen(function*() {
    const sent = yield* Effect.flatMap(PlivoEmulator, (emulator) => emulator.sentMessages)
    const toOf = new Map(sent.map((m) => [m.messageUuid, m.to]))
    for (const outcome of outcomes) {
      if (outcome._tag === "Queued") expect(toOf.get(outcome.message_uuid), outcome.dst).toBe(outcome.dst)
    }
    return sent
  })

describe("Messages.sendBulk against the emulator", () => {
  // With Plivo's numbers the 100 requests fit in one window; with 20 per 5 s on both sides
  // they must be spread over five, so the window check has something to catch.
  const budgets: ReadonlyArray<readonly [string, PlivoEmulator.RateLimits, PlivoBudget.Options]> = [
    ["Plivo's budgets (300 / 5 s)", {}, {}],
    ["20 requests / 5 s on both sides", { account: small }, { account: small }]
  ]
  for (const [name, rateLimits, budget] of budgets) {
    it.effect(`100,000 recipients, ${name}: exactly 100 requests, zero 429s, each recipient once, within the budget`, () =>
      drive(Effect.gen(function*() {
        const messages = yield* Messages
        const outcomes = yield* collect(messages.sendBulk({ src, dst: usNumbers(100_000), text }))
        const requests = yield* posts
        expect(requests).toHaveLength(100)
        expect(yield* tooMany).toBe(0)
        expect(requests.every((r) => r.status === 202)).toBe(true)
        const limit = rateLimits.account?.limit ?? 300
        const window = rateLimits.account?.window ?? "5 seconds"
        expect(RateWindow.maxInWindow(requests.map((r) => DateTime.toEpochMillis(r.at)), window)).toBeLessThanOrEqual(limit)
        expect(outcomes).toHaveLength(100_000)
        expect(outcomes.every((o) => o._tag === "Queued")).toBe(true)
        expect(new Set(outcomes.map((o) => o.dst))).toEqual(new Set(usNumbers(100_000)))
        const sent = yield* expectQueuedMatchEmulator(outcomes)
        expect(sent).toHaveLength(100_000)
        expect(new Set(sent.map((m) => m.to)).size).toBe(100_000)
      }).pipe(Effect.provide(emulated({ requestLogSize: Infinity, rateLimits }, budget)))), { timeout: 120_000 })
  }

  it.effect("recipients are normalised and de-duplicated: one outcome and one destination each", () =>
    Effect.gen(function*() {
      const messages = yield* Messages
      const outcomes = yield* collect(messages.sendBulk({
        src,
        dst: ["+1 (415) 555-0123", "14155550123", "1.415.555.0123", "14155550124", "+14155550124"],
        text
      }))
      expect(outcomes.map((o) => [o._tag, o.dst])).toEqual([["Queued", "14155550123"], ["Queued", "14155550124"]])
      const sent = yield* expectQueuedMatchEmulator(outcomes)
      const body = { src, dst: "14155550123<14155550124", type: "sms", text }
      expect(sent.map((m) => m.requestBody)).toEqual([body, body])
    }).pipe(Effect.provide(emulated())))

  it.effect("what is not a phone number, or is the sender, is Invalid without a request", () =>
    Effect.gen(function*() {
      const messages = yield* Messages
      const outcomes = yield* collect(messages.sendBulk({ src, dst: ["hello", "0415 555 0123", "+1 415 555 0100", "hello"], text }))
      expect(outcomes.map((o) => [o._tag, o.dst])).toEqual([
        ["Invalid", "hello"],
        ["Invalid", "0415 555 0123"],
        ["Invalid", "14155550100"]
      ])
      expect(yield* posts).toHaveLength(0)
    }).pipe(Effect.provide(emulated())))

  it.effect("Plivo's invalid_number are Invalid, and the uuids map to the accepted destinations in order", () =>
    Effect.gen(function*() {
      const messages = yield* Messages
      // Numbers the SDK accepts and the emulator refuses, as Plivo does: a 10-digit +1
      // number, 7 digits, 15 digits. One in seven, across three requests.
      const pad = (i: number, width: number) => String(i).padStart(width, "0")
      const bad = (i: number) => [`1415${pad(i, 6)}`, `44${pad(i, 5)}`, `44${pad(i, 13)}`][i % 3] ?? ""
      const dst = Array.from(usNumbers(2_500), (n, i) => (i % 7 === 3 ? bad(i) : n))
      const outcomes = yield* collect(messages.sendBulk({ src, dst, text }))
      expect(outcomes).toHaveLength(2_500)
      expect(yield* posts).toHaveLength(3)
      const invalid = outcomes.filter((o) => o._tag === "Invalid").map((o) => o.dst)
      expect(invalid.sort()).toEqual(dst.filter((_, i) => i % 7 === 3).sort())
      expect(outcomes.filter((o) => o._tag === "Queued")).toHaveLength(2_500 - invalid.length)
      yield* expectQueuedMatchEmulator(outcomes)
    }).pipe(Effect.provide(emulated())))

  it.effect("a request answered 400 is Rejected for each of its recipients; the others go on", () =>
    Effect.gen(function*() {
      const messages = yield* Messages
      // The second request holds only numbers Plivo refuses: it answers 400.
      const dst = [...usNumbers(1_000), ...Array.from({ length: 1_000 }, (_, i) => `1415${String(i).padStart(6, "0")}`)]
      const outcomes = yield* collect(messages.sendBulk({ src, dst, text }))
      expect(outcomes.slice(0, 1_000).every((o) => o._tag === "Queued")).toBe(true)
      const rejected = outcomes.slice(1_000)
      expect(rejected).toHaveLength(1_000)
      for (const outcome of rejected) {
        expect(outcome._tag).toBe("Rejected")
        expect(outcome._tag === "Rejected" && outcome.error._tag).toBe("BadRequestError")
      }
      expect((yield* posts).map((r) => r.status)).toEqual([202, 400])
    }).pipe(Effect.provide(emulated())))

  it.effect("a 403 (a barred country) rejects its request; a 500 makes it Unknown, never re-sent", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const messages = yield* Messages
      yield* emulator.fault(EmulatorFault.serverError(500), { method: "POST", path: "Message", times: 1 })
      const outcomes = yield* collect(messages.sendBulk({ src, dst: [...usNumbers(1_000), "850212345678"], text }, { concurrency: 1 }))
      expect(new Set(outcomes.slice(0, 1_000).map((o) => o._tag))).toEqual(new Set(["Unknown"]))
      const [last] = outcomes.slice(1_000)
      expect(last?._tag === "Rejected" && [last.dst, last.error._tag]).toEqual(["850212345678", "ForbiddenError"])
      expect((yield* posts).map((r) => r.status)).toEqual([500, 403])
    }).pipe(Effect.provide(emulated())))

  it.effect("the message is checked once, before any recipient is pulled or anything sent", () =>
    Effect.gen(function*() {
      const messages = yield* Messages
      let pulled = 0
      function* counted() {
        for (const n of usNumbers(10)) {
          pulled++
          yield n
        }
      }
      const error = yield* Effect.flip(collect(messages.sendBulk({ src, dst: counted(), text: "" })))
      expect(error._tag).toBe("InvalidParamsError")
      expect(error._tag === "InvalidParamsError" && [error.operation, error.issue]).toEqual(["Messages.sendBulk", "an SMS needs text"])
      const plain = yield* Effect.flip(collect(messages.sendBulk({ src, dst: "14155550123", text })))
      expect(plain.message).toMatch(/not one string/)
      const concurrency = yield* Effect.flip(collect(messages.sendBulk({ src, dst: [], text }, { concurrency: 0 })))
      expect(concurrency.message).toMatch(/concurrency must be an integer from 1 to 100/)
      expect(pulled).toBe(0)
      expect(yield* posts).toHaveLength(0)
    }).pipe(Effect.provide(emulated())))

  it.effect("a Stream source failing midway: the outcomes of requests made, then its error", () =>
    Effect.gen(function*() {
      const messages = yield* Messages
      const dst = Stream.concat(Stream.fromIterable(usNumbers(2_500)), Stream.fail("the database went away"))
      const results = yield* Stream.runCollect(Stream.either(messages.sendBulk({ src, dst, text })))
      const all = Chunk.toReadonlyArray(results)
      expect(all).toHaveLength(2_001)
      expect(all.slice(0, 2_000).every((r) => Either.isRight(r) && r.right._tag === "Queued")).toBe(true)
      expect(all[2_000]).toEqual(Either.left("the database went away"))
      // The last 500 were never sent: a resumed run sends them.
      expect(yield* posts).toHaveLength(2)
    }).pipe(Effect.provide(emulated())))

  it.effect("beforeSend sees each request's destinations before it is made", () =>
    Effect.gen(function*() {
      const messages = yield* Messages
      const journal: Array<number> = []
      const outcomes = yield* collect(messages.sendBulk({ src, dst: usNumbers(2_500), text }, {
        concurrency: 1,
        beforeSend: (destinations) => Effect.sync(() => void journal.push(destinations.length))
      }))
      expect(outcomes).toHaveLength(2_500)
      expect(journal).toEqual([1_000, 1_000, 500])
    }).pipe(Effect.provide(emulated())))

  it.effect("the span Messages.sendBulk carries the counts", () =>
    Effect.gen(function*() {
      const { spans, tracer } = TestTracer.make()
      const messages = yield* Messages
      yield* collect(messages.sendBulk({ src, dst: [...usNumbers(1_500), "14150000000", "nope"], text })).pipe(
        Effect.withTracer(tracer)
      )
      const span = spans.find((s) => s.name === "Messages.sendBulk")
      expect(span && Object.fromEntries(span.attributes)).toMatchObject({
        "plivo.resource": "Message",
        "plivo.bulk.inputs": 1_502,
        "plivo.bulk.duplicates": 1,
        "plivo.bulk.requests": 2,
        "plivo.bulk.queued": 1_500,
        "plivo.bulk.invalid": 1,
        "plivo.bulk.rejected": 0,
        "plivo.bulk.unknown": 0
      })
    }).pipe(Effect.provide(emulated())))
})

describe("Messages.sendEach against the emulator", () => {
  it.effect("2,000 personalised sends with budgets on: zero 429s; outcomes indexed and in order; an invalid one is Rejected, unsent", () =>
    drive(Effect.gen(function*() {
      const messages = yield* Messages
      const numbers = Array.from(usNumbers(2_000))
      const params = numbers.map((dst, i): SendParams => ({ src, dst, text: i === 700 ? "" : `Hello #${i}` }))
      const outcomes = yield* Effect.map(Stream.runCollect(messages.sendEach(params, { concurrency: 20 })), Chunk.toReadonlyArray)
      expect(outcomes.map((o) => o.index)).toEqual(numbers.map((_, i) => i))
      expect(outcomes.map((o) => o.dst)).toEqual(numbers)
      const rejected = outcomes[700]
      expect(rejected?._tag === "Rejected" && rejected.error.message).toBe(
        "Messages.sendEach: invalid parameters: messages[700]: an SMS needs text"
      )
      expect(outcomes.filter((o) => o._tag === "Queued")).toHaveLength(1_999)
      const sent = yield* expectQueuedMatchEmulator(outcomes)
      const textOf = new Map(sent.map((m) => [m.messageUuid, m.text]))
      for (const o of outcomes) if (o._tag === "Queued") expect(textOf.get(o.message_uuid)).toBe(`Hello #${o.index}`)
      expect(yield* posts).toHaveLength(1_999)
      expect(yield* tooMany).toBe(0)
    }).pipe(Effect.provide(emulated({ requestLogSize: Infinity })))), { timeout: 120_000 })

  it.effect("the control: budgets off, 2,000 personalised sends meet 429s, all absorbed by the backoff", () =>
    drive(Effect.gen(function*() {
      const messages = yield* Messages
      const numbers = Array.from(usNumbers(2_000))
      const params = numbers.map((dst, i): SendParams => ({ src, dst, text: `Hello #${i}` }))
      const outcomes = yield* Effect.map(Stream.runCollect(messages.sendEach(params, { concurrency: 20 })), Chunk.toReadonlyArray)
      expect(yield* tooMany).toBeGreaterThan(0)
      expect(outcomes).toHaveLength(2_000)
      expect(outcomes.every((o) => o._tag === "Queued")).toBe(true)
      expect(outcomes.map((o) => o.dst)).toEqual(numbers)
      // Each message was accepted once: a 429 is a refusal, so its retry sends nothing twice.
      expect((yield* posts).filter((r) => r.status === 202)).toHaveLength(2_000)
      expect(yield* expectQueuedMatchEmulator(outcomes)).toHaveLength(2_000)
    }).pipe(Effect.provide(emulated({ requestLogSize: Infinity }, false)))), { timeout: 120_000 })

  it.effect("the span Messages.sendEach carries the counts", () =>
    Effect.gen(function*() {
      const { spans, tracer } = TestTracer.make()
      const messages = yield* Messages
      const params: Array<SendParams> = [{ src, dst: "14155550123", text: "a" }, { src, dst: "14155550124", text: "" }]
      yield* Stream.runDrain(messages.sendEach(params)).pipe(Effect.withTracer(tracer))
      const span = spans.find((s) => s.name === "Messages.sendEach")
      expect(span && Object.fromEntries(span.attributes)).toMatchObject({
        "plivo.bulk.inputs": 2,
        "plivo.bulk.requests": 1,
        "plivo.bulk.queued": 1,
        "plivo.bulk.rejected": 1
      })
    }).pipe(Effect.provide(emulated())))

  it.effect("a message to several destinations gives one outcome per destination, same index", () =>
    Effect.gen(function*() {
      const messages = yield* Messages
      const outcomes = yield* Effect.map(Stream.runCollect(messages.sendEach(Stream.make<Array<SendParams>>(
        { src, dst: ["14155550123", "1415555012"], text: "a" },
        { src, dst: "14155550124", text: "b" }
      ))), Chunk.toReadonlyArray)
      expect(outcomes.map((o) => [o._tag, o.dst, o.index])).toEqual([
        ["Queued", "14155550123", 0],
        ["Invalid", "1415555012", 0],
        ["Queued", "14155550124", 1]
      ])
    }).pipe(Effect.provide(emulated())))
})
