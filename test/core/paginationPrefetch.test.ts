import { describe, expect, it } from "@effect/vitest"
import { PlivoClient } from "@plivo-effect/core"
import { StubHttpClient } from "@plivo-effect/testing"
import * as Chunk from "effect/Chunk"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as FiberId from "effect/FiberId"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import * as TestClock from "effect/TestClock"

const Item = Schema.Struct({ id: Schema.Number })
const LIMIT = 5

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i)

/**
 * `total` items in pages of 5. Each answer runs `before(offset)` first (a delay, a signal);
 * `refuse(offset)` answers 400. `answered` lists the offsets whose answer was completed.
 */
const server = (options: {
  readonly total: number
  readonly before?: (offset: number) => Effect.Effect<void>
  readonly refuse?: (offset: number) => boolean
}) => {
  const answered: Array<number> = []
  const layer = StubHttpClient.layerClient((request) => {
    const offset = Number(request.query["offset"])
    return Effect.gen(function*() {
      if (options.before !== undefined) yield* options.before(offset)
      answered.push(offset)
      if (options.refuse?.(offset) === true) return StubHttpClient.json(400, { api_id: "a", error: "refused" })
      const more = offset + LIMIT < options.total
      return StubHttpClient.json(200, {
        api_id: "a",
        meta: { limit: LIMIT, offset, next: more ? "/v1/Account/X/Thing/?more" : null },
        objects: range(offset, Math.max(0, Math.min(LIMIT, options.total - offset))).map((id) => ({ id }))
      })
    })
  })
  return { layer, answered }
}

const walk = Effect.map(PlivoClient, (client) => client.paginate(["Thing"], { item: Item, limit: LIMIT }))

const offsets = Effect.flatMap(StubHttpClient, (stub) => stub.requests).pipe(
  Effect.map((requests) => requests.map((r) => Number(r.query["offset"])))
)

describe("paginate fetches one page ahead", () => {
  it.live("the next page is requested while the consumer still holds the first item of this one", () => {
    const prefetched = Deferred.unsafeMake<void>(FiberId.none)
    const { layer } = server({
      total: 12,
      before: (offset) => offset === LIMIT ? Deferred.succeed(prefetched, undefined) : Effect.void
    })
    return Effect.gen(function*() {
      const items: Array<number> = []
      yield* Stream.runForEach(yield* walk, (item) =>
        Effect.zipRight(
          // Without the prefetch nothing asks for offset 5 until this item is done: the
          // guard turns that deadlock into a failure.
          item.id === 0 ? Effect.timeoutFail(Deferred.await(prefetched), { duration: "5 seconds", onTimeout: () => "no prefetch" }) : Effect.void,
          Effect.sync(() => void items.push(item.id))
        ))
      expect(items).toEqual(range(0, 12))
      expect(yield* offsets).toEqual([0, 5, 10])
    }).pipe(Effect.provide(layer))
  })

  for (const take of [3, 12]) {
    it.effect(`a take of ${take} requests at most the one page after the last it needs, and that one is interrupted`, () => {
      // Every answer takes 1 second, so the prefetch is still waiting when the take ends.
      const { answered, layer } = server({ total: 100, before: () => Effect.sleep("1 second") })
      return Effect.gen(function*() {
        const fiber = yield* Effect.fork(Stream.runCollect(Stream.take(yield* walk, take)))
        yield* TestClock.adjust("1 minute")
        const items = Chunk.toArray(yield* Fiber.join(fiber)).map((item) => item.id)
        expect(items).toEqual(range(0, take))
        const needed = range(0, Math.ceil(take / LIMIT)).map((page) => page * LIMIT)
        expect(answered).toEqual(needed)
        // The stream ended with the prefetch of the next page in flight (asked for, or not yet
        // started): never answered, and nothing after it.
        const asked = yield* offsets
        expect([needed, [...needed, needed.length * LIMIT]]).toContainEqual(asked)
        yield* TestClock.adjust("1 minute")
        expect(answered).toEqual(needed)
        expect(yield* offsets).toEqual(asked)
      }).pipe(Effect.provide(layer))
    })
  }

  it.live("a prefetch that failed fails the stream only after every item of the page before it", () => {
    const refused = Deferred.unsafeMake<void>(FiberId.none)
    const { layer } = server({
      total: 20,
      before: (offset) => offset === LIMIT ? Deferred.succeed(refused, undefined) : Effect.void,
      refuse: (offset) => offset === LIMIT
    })
    return Effect.gen(function*() {
      const items: Array<number> = []
      const error = yield* Effect.flip(
        Stream.runForEach(yield* walk, (item) =>
          Effect.zipRight(
            // The refusal is in before the first item is done with.
            item.id === 0 ? Effect.timeoutFail(Deferred.await(refused), { duration: "5 seconds", onTimeout: () => "no prefetch" }) : Effect.void,
            Effect.sync(() => void items.push(item.id))
          ))
      )
      expect(items).toEqual(range(0, LIMIT))
      expect(error).toMatchObject({ _tag: "BadRequestError", error: "refused" })
      expect(yield* offsets).toEqual([0, 5])
    }).pipe(Effect.provide(layer))
  })
})
