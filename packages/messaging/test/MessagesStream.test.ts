import { describe, expect, it } from "@effect/vitest"
import { formatFilter, PlivoClient } from "@plivo-effect/core"
import { StubHttpClient } from "@plivo-effect/testing"
import * as Chunk from "effect/Chunk"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import * as TestClock from "effect/TestClock"
import { Message, Messages } from "../src/index.js"
import { requests, stubbed } from "./messagingSupport.js"

const NOW = Date.parse("2024-06-01T12:00:00Z")
const DAY = 86_400_000
const IST = 5.5 * 3_600_000

/** Plivo's message timestamp in the account zone (+05:30 here), as Plivo sends it. */
const plivoTime = (ms: number) => new Date(ms + IST).toISOString().replace("T", " ").replace("Z", "+05:30")

/** Reads Plivo's UTC filter syntax `YYYY-MM-DD HH:MM:SS.ffffff`. */
const filterTime = (value: string | undefined) => (value === undefined ? undefined : Date.parse(`${value.replace(" ", "T")}Z`))

interface Row {
  readonly uuid: string
  readonly ms: number
}

/**
 * A tiny `GET Message/`: honours the message_time bounds, newest first, limit/offset, and
 * runs `between` before answering every page after the first (rows arriving meanwhile).
 */
const store = (initial: ReadonlyArray<Row>, between: (rows: Array<Row>, page: number) => void = () => {}) => {
  const rows = [...initial]
  let page = 0
  const handler: StubHttpClient.Handler = (request) => {
    if (page++ > 0) between(rows, page)
    const q = request.query
    const [gt, gte, lt, lte] = [q.message_time__gt, q.message_time__gte, q.message_time__lt, q.message_time__lte].map(filterTime)
    const limit = Number(q.limit ?? 20)
    const offset = Number(q.offset ?? 0)
    const matching = rows
      .filter((r) =>
        (gt === undefined || r.ms > gt) && (gte === undefined || r.ms >= gte) &&
        (lt === undefined || r.ms < lt) && (lte === undefined || r.ms <= lte)
      )
      .sort((a, b) => b.ms - a.ms || a.uuid.localeCompare(b.uuid))
    const objects = matching.slice(offset, offset + limit).map((r) => ({
      message_uuid: r.uuid,
      message_time: plivoTime(r.ms),
      message_direction: "outbound",
      message_state: "delivered",
      message_type: "sms",
      from_number: "14155550100",
      to_number: "14155550123",
      units: 1,
      total_rate: "0.00500",
      total_amount: "0.00500",
      error_code: "000"
    }))
    const more = offset + limit < matching.length
    return StubHttpClient.json(200, {
      api_id: `page-${page}`,
      meta: { limit, offset, next: more ? `/v1/Account/X/Message/?limit=${limit}&offset=${offset + limit}` : null },
      objects
    })
  }
  return handler
}

/** 47 messages over the last 30 days, at distinct times. */
const history: ReadonlyArray<Row> = Array.from({ length: 47 }, (_, i) => ({
  uuid: `m-${String(i).padStart(2, "0")}`,
  ms: NOW - (i + 1) * 15 * 3_600_000
}))
const newestFirst = history.map((r) => r.uuid)

/** Three new messages per page fetch, all sent after the stream started. */
const arrivals = (rows: Array<Row>, page: number) => {
  for (let i = 0; i < 3; i++) rows.push({ uuid: `new-${page}-${i}`, ms: NOW + page * 1_000 + i })
}

const uuids = (all: Chunk.Chunk<Message>) => Chunk.toReadonlyArray(all).map((m) => m.message_uuid)

describe("Messages.stream", () => {
  it.effect("walks every page once, in order, with the upper bound pinned on every page", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const all = yield* Stream.runCollect((yield* Messages).stream({ limit: 10, message_direction: "outbound" }))
      expect(uuids(all)).toEqual(newestFirst)
      const seen = yield* requests
      expect(seen.map((r) => r.query.offset)).toEqual(["0", "10", "20", "30", "40"])
      for (const request of seen) {
        expect(request.method).toBe("GET")
        expect(request.resource).toBe("Message/")
        expect(request.query.message_time__lte).toBe("2024-06-01 12:00:00.000000")
        // The whole 90-day look-back, starting one hour inside it.
        expect(request.query.message_time__gte).toBe(formatFilter(new Date(NOW - 90 * DAY + 3_600_000)))
        expect(request.query.limit).toBe("10")
        expect(request.query.message_direction).toBe("outbound")
      }
    }).pipe(Effect.provide(stubbed(store(history, arrivals)))))

  it.effect("control: without the pinned bound, the same arrivals repeat rows", () =>
    Effect.gen(function*() {
      const client = yield* PlivoClient
      const all = yield* Stream.runCollect(client.paginate(["Message"], { item: Message, limit: 10 }))
      const ids = uuids(all)
      expect(new Set(ids).size).toBeLessThan(ids.length)
    }).pipe(Effect.provide(stubbed(store(history, arrivals)))))

  it.effect("a late row slipped in above the walk is not emitted twice and pushes nothing out", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const all = yield* Stream.runCollect((yield* Messages).stream({ limit: 10 }))
      expect(uuids(all)).toEqual(newestFirst)
    }).pipe(Effect.provide(stubbed(store(history, (rows, page) => {
      // Written late with a timestamp before the pin, e.g. under clock skew.
      if (page === 2) rows.push({ uuid: "late", ms: NOW - 1_000 })
    })))))

  it.effect("an upper bound in the past is kept; one in the future is pinned to now", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const messages = yield* Messages
      const past = new Date(NOW - 10 * DAY)
      const earlier = yield* Stream.runCollect(messages.stream({ message_time__lt: past }))
      expect(uuids(earlier)).toEqual(history.filter((r) => r.ms < past.getTime()).map((r) => r.uuid))
      yield* Stream.runDrain(messages.stream({ message_time__lte: DateTime.unsafeMake(NOW + DAY) }))
      const seen = yield* requests
      const first = seen[0]
      const last = seen[seen.length - 1]
      expect(first?.query.message_time__lt).toBe(formatFilter(past))
      expect(first?.query.message_time__lte).toBeUndefined()
      expect(last?.query.message_time__lte).toBe(formatFilter(new Date(NOW)))
    }).pipe(Effect.provide(stubbed(store(history)))))

  it.effect("a caller's lower bound replaces the default look-back", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const since = DateTime.unsafeMake(NOW - 5 * DAY)
      const recent = yield* Stream.runCollect((yield* Messages).stream({ message_time__gt: since }))
      expect(uuids(recent)).toEqual(history.filter((r) => r.ms > NOW - 5 * DAY).map((r) => r.uuid))
      const [request] = yield* requests
      expect(request?.query.message_time__gt).toBe(formatFilter(DateTime.toDateUtc(since)))
      expect(request?.query.message_time__gte).toBeUndefined()
      expect(request?.query.message_time__lte).toBe(formatFilter(new Date(NOW)))
    }).pipe(Effect.provide(stubbed(store(history)))))

  it.effect("an empty history is one request", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      expect(Chunk.size(yield* Stream.runCollect((yield* Messages).stream()))).toBe(0)
      expect(yield* requests).toHaveLength(1)
    }).pipe(Effect.provide(stubbed(store([])))))

  it.effect("a failing page ends the stream with the typed error", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const error = yield* Effect.flip(Stream.runDrain((yield* Messages).stream({ limit: 10 })))
      expect(error._tag).toBe("BadRequestError")
    }).pipe(
      Effect.provide(stubbed((request) =>
        request.query.offset === "0"
          ? store(history)(request)
          : StubHttpClient.json(400, { api_id: "x", error: "too many requests" })
      ))
    ))

  it.effect("a server answering the same full page forever, next link and all, ends the walk with DecodeError", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const emitted: Array<string> = []
      const error = yield* Effect.flip(
        Stream.runForEach((yield* Messages).stream(), (m) => Effect.sync(() => void emitted.push(m.message_uuid)))
      )
      expect(error._tag).toBe("DecodeError")
      // core's paginate stops a repeated page before the stream's own check sees it
      expect(error.message).toContain("repeats the page before it")
      expect(emitted).toEqual(newestFirst.slice(0, 20))
      expect(yield* requests).toHaveLength(2)
    }).pipe(
      Effect.provide(stubbed((request) => {
        // Bounded for the code under test: past 50 requests the stub fails the walk itself.
        if (Number(request.query.offset) > 50 * 20) return StubHttpClient.json(500, { api_id: "x", error: "runaway" })
        const page = store(history)({ ...request, query: { ...request.query, offset: "0", limit: "20" } })
        return page
      }))
    ))

  it.effect("a server cycling through two pages ends the walk too; nothing is emitted twice", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const emitted: Array<string> = []
      const error = yield* Effect.flip(
        Stream.runForEach((yield* Messages).stream({ limit: 10 }), (m) => Effect.sync(() => void emitted.push(m.message_uuid)))
      )
      expect(error._tag).toBe("DecodeError")
      expect(emitted).toEqual(newestFirst.slice(0, 20))
      expect((yield* requests).length).toBeLessThanOrEqual(6)
    }).pipe(
      Effect.provide(stubbed((request) => {
        const offset = Number(request.query.offset)
        if (offset > 50 * 10) return StubHttpClient.json(500, { api_id: "x", error: "runaway" })
        return store(history)({ ...request, query: { ...request.query, offset: String(offset % 20) } })
      }))
    ))

  it.effect("a row pushed back further than 40 rows is still not emitted twice", () => {
    // 130 messages an hour apart; before the fourth page, 41 late rows written above the
    // walk push every row 41 places back, so the fourth page repeats rows 19..38.
    const long: ReadonlyArray<Row> = Array.from({ length: 130 }, (_, i) => ({
      uuid: `h-${String(i).padStart(3, "0")}`,
      ms: NOW - (i + 1) * 3_600_000
    }))
    return Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const all = uuids(yield* Stream.runCollect((yield* Messages).stream({ limit: 20 })))
      expect(all).toEqual(long.map((r) => r.uuid))
    }).pipe(Effect.provide(stubbed(store(long, (rows, page) => {
      if (page === 4) for (let i = 0; i < 41; i++) rows.push({ uuid: `late-${i}`, ms: NOW - 1_000 - i })
    }))))
  })
})
