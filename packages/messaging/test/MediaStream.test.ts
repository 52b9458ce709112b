import { describe, expect, it } from "@effect/vitest"
import { StubHttpClient } from "@plivo-effect/testing"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { Media } from "../src/index.js"
import { requests, stubbed } from "./messagingSupport.js"

const item = (media_id: string) => ({
  media_id,
  content_type: "image/png",
  size: 1,
  media_url: `https://media.plivo.com/${media_id}`,
  upload_time: "2024-01-01 00:00:00.000000+00:00"
})
const pageA = [item("A1"), item("A2")]
const pageB = [item("B1"), item("B2")]

/**
 * A `GET Media/` whose every page claims more (`next` and a huge `total_count`); `objects`
 * picks the items from the request number and offset. Past 50 requests it fails the walk
 * itself, so a walk that never ends still ends here.
 */
const server = (objects: (n: number, offset: number) => ReadonlyArray<ReturnType<typeof item>>) => {
  let n = 0
  return stubbed((request) => {
    const offset = Number(request.query.offset)
    if (n++ > 50) return StubHttpClient.json(500, { api_id: "x", error: "runaway" })
    return StubHttpClient.json(200, {
      api_id: "x",
      meta: { limit: 2, offset, total_count: 1e9, next: `/v1/Account/X/Media/?limit=2&offset=${offset + 2}`, previous: null },
      objects: objects(n, offset)
    })
  })
}

/** Runs `Media.stream({ limit: 2 })`, recording what it emitted before it ended. */
const walk = Effect.gen(function*() {
  const emitted: Array<string> = []
  const exit = yield* Stream.runForEach(
    (yield* Media).stream({ limit: 2 }),
    (m) => Effect.sync(() => void emitted.push(m.media_id))
  ).pipe(Effect.exit)
  return { emitted, exit, requests: (yield* requests).length }
})

describe("Media.stream against a server that does not page properly", () => {
  it.effect("the same items reordered on every page: emitted once, then DecodeError", () =>
    Effect.gen(function*() {
      const { emitted, exit, requests } = yield* walk
      expect(emitted).toEqual(["A1", "A2"])
      const error = yield* Effect.flip(exit)
      expect(error._tag).toBe("DecodeError")
      expect(error.message).toContain("3 full pages in a row with nothing new")
      expect(requests).toBe(4)
    }).pipe(Effect.provide(server((n) => (n % 2 === 1 ? pageA : [...pageA].reverse()))))
  )

  it.effect("two pages alternating whatever the offset: each item once, then DecodeError", () =>
    Effect.gen(function*() {
      const { emitted, exit, requests } = yield* walk
      expect(emitted).toEqual(["A1", "A2", "B1", "B2"])
      expect((yield* Effect.flip(exit))._tag).toBe("DecodeError")
      expect(requests).toBe(5)
    }).pipe(Effect.provide(server((n) => (n % 2 === 1 ? pageA : pageB))))
  )

  it.effect("a page longer than the limit asked for is a DecodeError, with nothing of it emitted", () =>
    Effect.gen(function*() {
      const { emitted, exit, requests } = yield* walk
      expect(emitted).toEqual([])
      const error = yield* Effect.flip(exit)
      expect(error._tag).toBe("DecodeError")
      expect(error.message).toContain("holds 5 items, more than the limit of 2")
      expect(requests).toBe(1)
    }).pipe(Effect.provide(server((_n, offset) => Array.from({ length: 5 }, (_, i) => item(`I${offset + i}`)))))
  )

  it.effect("a server that pages properly is walked to the end", () =>
    Effect.gen(function*() {
      const all = yield* Stream.runCollect((yield* Media).stream({ limit: 2 }))
      expect(Chunk.toReadonlyArray(all).map((m) => m.media_id)).toEqual(["I0", "I1", "I2", "I3", "I4"])
    }).pipe(
      Effect.provide(server((_n, offset) => Array.from({ length: Math.max(0, Math.min(2, 5 - offset)) }, (_, i) => item(`I${offset + i}`))))
    ))
})
