import { describe, expect, it } from "@effect/vitest"
import { PlivoClient } from "@plivo-effect/core"
import { StubHttpClient } from "@plivo-effect/testing"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import * as TestClock from "effect/TestClock"
import { execFile } from "node:child_process"
import { fileURLToPath } from "node:url"

const Item = Schema.Struct({ id: Schema.Number })

type NextStyle = "path" | "null" | "empty" | "missing"

/** A list of `total` items served in pages; `next` on the last page follows `lastNext`. */
const listServer = (options: {
  readonly total: number
  readonly key?: string
  readonly lastNext: NextStyle
  readonly totalCount?: boolean
  readonly delayFor?: (offset: number) => number
}) =>
  StubHttpClient.layerClient((request) => {
    const limit = Number(request.query["limit"])
    const offset = Number(request.query["offset"])
    const items = Array.from({ length: Math.max(0, Math.min(limit, options.total - offset)) }, (_, i) => ({
      id: offset + i
    }))
    const more = offset + limit < options.total
    const next = more ? `/v1/Account/X/Thing/?limit=${limit}&offset=${offset + limit}` : undefined
    const meta: Record<string, unknown> = { limit, offset }
    if (options.totalCount === true) meta.total_count = options.total
    if (next !== undefined) meta.next = next
    else if (options.lastNext === "null") meta.next = null
    else if (options.lastNext === "empty") meta.next = ""
    else if (options.lastNext === "path") meta.next = `/v1/Account/X/Thing/?limit=${limit}&offset=${offset + limit}`
    const answer = StubHttpClient.json(200, { api_id: "a", meta, [options.key ?? "objects"]: items })
    const delay = options.delayFor?.(offset) ?? 0
    return delay === 0 ? answer : Effect.as(Effect.sleep(delay), answer)
  })

const collect = (
  options: { key?: string; limit?: number; offset?: number; concurrency?: number; query?: Record<string, string> }
) =>
  Effect.flatMap(PlivoClient, (client) =>
    client
      .paginate(["Thing"], { item: Item, ...options })
      .pipe(Stream.runCollect, Effect.map((chunk) => Chunk.toArray(chunk).map((item) => item.id))))

const offsets = Effect.flatMap(StubHttpClient, (stub) => stub.requests).pipe(
  Effect.map((requests) => requests.map((r) => Number(r.query["offset"])))
)

const range = (n: number) => Array.from({ length: n }, (_, i) => i)

describe("paginate", () => {
  it.effect("stops on a short last page even when next still points on", () =>
    Effect.gen(function*() {
      expect(yield* collect({ limit: 20 })).toEqual(range(45))
      expect(yield* offsets).toEqual([0, 20, 40])
    }).pipe(Effect.provide(listServer({ total: 45, lastNext: "path" }))))

  for (const style of ["null", "empty", "missing"] as const) {
    it.effect(`stops on a full page whose next is ${style}`, () =>
      Effect.gen(function*() {
        expect(yield* collect({ limit: 20 })).toEqual(range(40))
        expect(yield* offsets).toEqual([0, 20])
      }).pipe(Effect.provide(listServer({ total: 40, lastNext: style }))))
  }

  it.effect("reads 10DLC lists keyed by brands", () =>
    Effect.gen(function*() {
      expect(yield* collect({ key: "brands", limit: 5 })).toEqual(range(12))
    }).pipe(Effect.provide(listServer({ total: 12, key: "brands", lastNext: "null" }))))

  it.effect("a list keyed otherwise than expected is a DecodeError", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(collect({ limit: 5 }))
      expect(error._tag).toBe("DecodeError")
    }).pipe(Effect.provide(listServer({ total: 12, key: "brands", lastNext: "null" }))))

  it.effect("an empty first page gives an empty stream after one request", () =>
    Effect.gen(function*() {
      expect(yield* collect({})).toEqual([])
      expect(yield* offsets).toEqual([0])
    }).pipe(Effect.provide(listServer({ total: 0, lastNext: "null" }))))

  it.effect("filters go with every page", () =>
    Effect.gen(function*() {
      yield* collect({ limit: 10, query: { message_direction: "inbound" } })
      const requests = yield* Effect.flatMap(StubHttpClient, (stub) => stub.requests)
      expect(requests.map((r) => r.query["message_direction"])).toEqual(["inbound", "inbound", "inbound"])
    }).pipe(Effect.provide(listServer({ total: 25, lastNext: "null" }))))

  it.effect("concurrent page fetch keeps the order", () =>
    Effect.gen(function*() {
      // Later pages answer sooner, so completion order is the reverse of offset order.
      const fiber = yield* Effect.fork(collect({ limit: 10, concurrency: 4 }))
      yield* TestClock.adjust("10 seconds")
      const ids = yield* fiber.await.pipe(Effect.flatten)
      expect(ids).toEqual(range(95))
      expect((yield* offsets).sort((a, b) => a - b)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90])
    }).pipe(
      Effect.provide(
        listServer({ total: 95, lastNext: "null", totalCount: true, delayFor: (offset) => 1000 - offset * 10 })
      )
    ))

  it.effect("concurrency without total_count falls back to page after page", () =>
    Effect.gen(function*() {
      expect(yield* collect({ limit: 10, concurrency: 4 })).toEqual(range(35))
      expect(yield* offsets).toEqual([0, 10, 20, 30])
    }).pipe(Effect.provide(listServer({ total: 35, lastNext: "null" }))))

  it.effect("limit outside 1..20 is refused with no request", () =>
    Effect.gen(function*() {
      for (const limit of [0, 21, 2.5]) {
        const error = yield* Effect.flip(collect({ limit }))
        expect(error._tag).toBe("InvalidParamsError")
      }
      expect(yield* offsets).toEqual([])
    }).pipe(Effect.provide(listServer({ total: 5, lastNext: "null" }))))

  it.effect("an offset beyond 1e9 is refused with no request, as list's is, rather than sent as 1e+300", () =>
    Effect.gen(function*() {
      for (const offset of [1e300, -1]) {
        const error = yield* Effect.flip(collect({ limit: 5, offset }))
        expect(error._tag).toBe("InvalidParamsError")
        expect(error.message).toContain("offset must be a non-negative integer up to 1000000000")
      }
      expect(yield* offsets).toEqual([])
    }).pipe(Effect.provide(listServer({ total: 5, lastNext: "null" }))))
})

describe("paginate is bounded by what it fetched, not by what the server claims", () => {
  const root = fileURLToPath(new URL("../..", import.meta.url))

  /** Runs fixtures/lyingTotal.ts with a 64 MB heap: work sized by the claim would not fit. */
  const walkWithClaim = (total: string) =>
    Effect.async<{ readonly code: number; readonly stdout: string; readonly stderr: string }>((resume) => {
      const child = execFile(
        process.execPath,
        [
          "--max-old-space-size=64",
          "--import",
          "tsx",
          "--conditions=@plivo-effect/source",
          "test/core/fixtures/lyingTotal.ts",
          total
        ],
        // A safety net for the machine, not an assertion: a hang would be killed here.
        { cwd: root, timeout: 60_000 },
        (error, stdout, stderr) => {
          const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1
          resume(Effect.succeed({ code, stdout, stderr }))
        }
      )
      return Effect.sync(() => child.kill())
    })

  for (const total of ["1e9", "1e400"]) {
    it.live(`total_count ${total} with concurrency: 70 real items, a bounded number of requests`, () =>
      Effect.gen(function*() {
        const { code, stderr, stdout } = yield* walkWithClaim(total)
        expect(stderr).toBe("")
        expect(code).toBe(0)
        const result: { items: number; requests: number } = JSON.parse(stdout)
        expect(result.items).toBe(70)
        // 4 pages hold the items; at most `concurrency` more may have been in flight.
        expect(result.requests).toBeGreaterThanOrEqual(4)
        expect(result.requests).toBeLessThanOrEqual(4 + 4)
      }), { timeout: 90_000 })
  }

  it.effect("a total_count beyond the items still stops on the short page, with bounded requests", () =>
    Effect.gen(function*() {
      expect(yield* collect({ limit: 10, concurrency: 3 })).toEqual(range(25))
      expect((yield* offsets).length).toBeLessThanOrEqual(3 + 3)
    }).pipe(
      Effect.provide(
        StubHttpClient.layerClient((request) => {
          const offset = Number(request.query["offset"])
          const items = Array.from({ length: Math.max(0, Math.min(10, 25 - offset)) }, (_, i) => ({ id: offset + i }))
          return StubHttpClient.json(200, {
            meta: { total_count: 1e6, next: offset + 10 < 25 ? "/more" : null },
            objects: items
          })
        })
      )
    ))
})

describe("a server that repeats the same full page", () => {
  const samePage = StubHttpClient.layerClient(() =>
    StubHttpClient.json(200, {
      api_id: "a",
      meta: { limit: 5, offset: 0, total_count: 100, next: "/v1/Account/X/Thing/?limit=5&offset=5" },
      objects: range(5).map((id) => ({ id }))
    })
  )

  it.effect("ends the walk with a DecodeError after exactly 2 requests", () =>
    Effect.gen(function*() {
      const client = yield* PlivoClient
      // take(100) so that a walk that never ends still ends here, with duplicates.
      const exit = yield* client.paginate(["Thing"], { item: Item, limit: 5 }).pipe(
        Stream.take(100),
        Stream.runCollect,
        Effect.exit
      )
      expect(exit._tag).toBe("Failure")
      const error = yield* Effect.flip(exit)
      expect(error._tag).toBe("DecodeError")
      expect(error._tag === "DecodeError" && error.issue).toContain("repeats the page before it")
      expect(error._tag === "DecodeError" && error.path).toBe("Thing/")
      expect(yield* offsets).toEqual([0, 5])
    }).pipe(Effect.provide(samePage)))

  it.effect("emits the first page once, then fails", () =>
    Effect.gen(function*() {
      const client = yield* PlivoClient
      const seen: Array<number> = []
      const error = yield* client.paginate(["Thing"], { item: Item, limit: 5 }).pipe(
        Stream.take(100),
        Stream.runForEach((item) => Effect.sync(() => seen.push(item.id))),
        Effect.flip
      )
      expect(error._tag).toBe("DecodeError")
      expect(seen).toEqual(range(5))
    }).pipe(Effect.provide(samePage)))

  it.effect("with concurrency, also fails, after a bounded number of requests", () =>
    Effect.gen(function*() {
      const client = yield* PlivoClient
      const error = yield* client.paginate(["Thing"], { item: Item, limit: 5, concurrency: 4 }).pipe(
        Stream.take(100),
        Stream.runCollect,
        Effect.flip
      )
      expect(error._tag).toBe("DecodeError")
      expect((yield* offsets).length).toBeLessThanOrEqual(1 + 4 + 1)
    }).pipe(Effect.provide(samePage)))

  it.effect("a full page that differs from the one before only deep in its last record is not a repeat", () =>
    Effect.gen(function*() {
      expect(yield* collect({ limit: 5 })).toEqual([...range(5), ...range(5), 0])
      expect(yield* offsets).toEqual([0, 5, 10])
    }).pipe(
      Effect.provide(
        StubHttpClient.layerClient((request) => {
          const offset = Number(request.query["offset"])
          // The same ids on both full pages; only the last record's nested note differs.
          const objects = offset >= 10
            ? [{ id: 0 }]
            : range(5).map((id) => ({ id, note: { tags: ["a", { at: id === 4 ? offset : 0 }] } }))
          return StubHttpClient.json(200, {
            api_id: "a",
            meta: { limit: 5, offset, next: `/v1/Account/X/Thing/?limit=5&offset=${offset + 5}` },
            objects
          })
        })
      )
    ))

  it.effect("two different full pages in a row are not mistaken for a repeat", () =>
    Effect.gen(function*() {
      expect(yield* collect({ limit: 5 })).toEqual(range(12))
    }).pipe(Effect.provide(listServer({ total: 12, lastNext: "path" }))))
})
