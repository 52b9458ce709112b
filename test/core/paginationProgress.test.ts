import { describe, expect, it } from "@effect/vitest"
import { PlivoClient } from "@plivo-effect/core"
import { StubHttpClient } from "@plivo-effect/testing"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"

const Item = Schema.Struct({ id: Schema.Number })

// Requests the current test's server answered (tests of a file run one after another).
let served = 0

/**
 * Pages of `limit` 5 that always claim more; `ids` picks the ids from the request number
 * and offset. Past `maxRequests` (51) requests the stub fails the walk itself.
 */
const server = (ids: (n: number, offset: number) => ReadonlyArray<number>, maxRequests = 51) => {
  let n = 0
  return StubHttpClient.layerClient((request) => {
    const offset = Number(request.query["offset"])
    served = ++n
    if (n > maxRequests) return StubHttpClient.json(500, { api_id: "a", error: "runaway" })
    return StubHttpClient.json(200, {
      api_id: "a",
      meta: { limit: 5, offset, total_count: 1000, next: "/v1/Account/X/Thing/?more" },
      objects: ids(n, offset).map((id) => ({ id }))
    })
  })
}

const run = (options: { readonly concurrency?: number; readonly keyed: boolean; readonly take?: number }) =>
  Effect.gen(function*() {
    const client = yield* PlivoClient
    const emitted: Array<number> = []
    const exit = yield* client.paginate(["Thing"], {
      item: Item,
      limit: 5,
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      ...(options.keyed ? { itemKey: (item: { readonly id: number }) => String(item.id) } : {})
    }).pipe(
      Stream.take(options.take ?? 200),
      Stream.runForEach((item) => Effect.sync(() => void emitted.push(item.id))),
      Effect.exit
    )
    return { emitted, exit, requests: served }
  })

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i)

/** Ignores offset and cycles through three pages. */
const cycling = (n: number) => range(((n - 1) % 3) * 5, 5)

describe("paginate with itemKey", () => {
  for (const concurrency of [1, 4]) {
    it.effect(`a server cycling through pages: each item once, then DecodeError (concurrency ${concurrency})`, () =>
      Effect.gen(function*() {
        const { emitted, exit, requests } = yield* run({ concurrency, keyed: true })
        expect(emitted).toEqual(range(0, 15))
        const error = yield* Effect.flip(exit)
        expect(error._tag === "DecodeError" && error.issue).toContain("3 full pages in a row with nothing new")
        expect(error._tag === "DecodeError" && error.path).toBe("Thing/")
        expect(requests).toBeLessThanOrEqual(6 + concurrency)
      }).pipe(Effect.provide(server(cycling))))
  }

  it.effect("a row repeated on the next page (a late write above the walk) is emitted once, and the walk goes on", () =>
    Effect.gen(function*() {
      const { emitted, exit } = yield* run({ keyed: true })
      expect(exit._tag).toBe("Success")
      expect(emitted).toEqual(range(0, 12))
    }).pipe(Effect.provide(server((_n, offset) => offset === 0 ? range(0, 5) : offset === 5 ? range(4, 5) : range(9, 3)))))

  it.effect("remembers only the latest 2,000 keys: one repeated from further back is emitted again", () =>
    Effect.gen(function*() {
      // 410 pages of 5 (2,050 rows), then one page repeating rows 0-4 and a last short page.
      const pages = 410
      const { emitted, exit } = yield* run({ keyed: true, take: 3_000 })
      expect(exit._tag).toBe("Success")
      expect(emitted).toEqual([...range(0, pages * 5), ...range(0, 5), ...range(pages * 5, 3)])
    }).pipe(Effect.provide(server((_n, offset) => {
      const page = offset / 5
      return page < 410 ? range(offset, 5) : page === 410 ? range(0, 5) : range(410 * 5, 3)
    }, 500))))

  it.effect("without itemKey, nothing is filtered: the cycling server is only cut off by take", () =>
    Effect.gen(function*() {
      const { emitted, exit } = yield* run({ keyed: false })
      expect(exit._tag).toBe("Success")
      expect(emitted).toHaveLength(200)
    }).pipe(Effect.provide(server(cycling))))
})

describe("a page longer than limit", () => {
  for (const concurrency of [1, 4]) {
    it.effect(`is a DecodeError before any of it is emitted, keyed or not (concurrency ${concurrency})`, () =>
      Effect.gen(function*() {
        for (const keyed of [false, true]) {
          const { emitted, exit } = yield* run({ concurrency, keyed })
          expect(emitted).toEqual(range(0, 5))
          const error = yield* Effect.flip(exit)
          expect(error._tag === "DecodeError" && error.issue).toContain("holds 7 items, more than the limit of 5")
        }
      }).pipe(Effect.provide(server((_n, offset) => range(offset, offset === 0 ? 5 : 7)))))
  }
})

describe("an odd total_count does not fail the walk", () => {
  for (const total of [null, "7", "many"]) {
    for (const concurrency of [1, 4]) {
      it.effect(`total_count ${JSON.stringify(total)}, concurrency ${concurrency}: every item, in order`, () =>
        Effect.gen(function*() {
          const client = yield* PlivoClient
          const items = yield* client.paginate(["Thing"], { item: Item, limit: 2, concurrency }).pipe(Stream.runCollect)
          expect(Array.from(items, (item) => item.id)).toEqual(range(0, 7))
        }).pipe(Effect.provide(StubHttpClient.layerClient((request) => {
          const offset = Number(request.query["offset"])
          return StubHttpClient.json(200, {
            api_id: "a",
            meta: { limit: 2, offset, total_count: total, next: offset + 2 < 7 ? "/v1/Account/X/Thing/?more" : null },
            objects: range(offset, Math.max(0, Math.min(2, 7 - offset))).map((id) => ({ id }))
          })
        }))))
    }
  }
})
