import { describe, expect, it } from "@effect/vitest"
import { RetryPolicy } from "@plivo-effect/core"
import { StubHttpClient } from "@plivo-effect/testing"
import * as Chunk from "effect/Chunk"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import { NumberPool } from "../src/index.js"
import { fixture, indexRows, objectsOf, requests } from "./powerpackSupport.js"

const stubbed = (handler: StubHttpClient.Handler) =>
  NumberPool.layer.pipe(Layer.provideMerge(StubHttpClient.layerClient(handler, { retry: RetryPolicy.none })))

const POOL = "659c7f88-c819-46e2-8af4-2d8a84249099"

// Every fixture INDEX.md lists for NumberPool/{pool}/Number/ and does not mark hand-written.
const LIST = [
  "plivo-python/numberpoolListResponse.json",
  "plivo-python/powerpackListNumbersResponse.json",
  "plivo-go/numberpoolNumberRespone.json",
  "plivo-java/numberpoolListResponse.json",
  "plivo-php/numberpoolListResponse.json"
]
const SINGLE = [
  "plivo-python/numberpoolResponse.json",
  "plivo-go/numberpoolSingleNoResponse.json",
  "plivo-java/numberpoolResponse.json",
  "plivo-php/numberpoolResponse.json"
]
const ADDED = [
  "plivo-python/powerpackAddNumberResponse.json",
  "plivo-python/powerpackBuyAndNumberResponse.json" // the rent flow answers the same item
]
const SHORTCODE_LIST = [
  "plivo-python/powerpackListShortcodeResponse.json",
  "plivo-python/shortcodeListResponse.json",
  "plivo-go/numberpoolShortCodeResponse.json",
  "plivo-php/shortcodeListResponse.json"
]
const SHORTCODE = [
  "plivo-python/shortcodeResponse.json",
  "plivo-go/numberpoolSingleShortcodeResponse.json",
  "plivo-php/shortcodeResponse.json"
]
const TOLLFREE_LIST = [
  "plivo-python/powerpackListTollfreeResponse.json", // items name the number `tollfree`
  "plivo-go/numberpoolTollfreeResponse.json",
  "plivo-java/tollfreeListResponse.json"
]
// The INDEX lists these for GET or POST: both getTollfree and addTollfree decode them.
const TOLLFREE = ["plivo-go/numberpoolSingleTollfreeResponse.json", "plivo-java/tollfreeResponse.json"]
const TOLLFREE_ADDED = ["plivo-python/powerpackAddTollfreeResponse.json"]

/** Every field of a wire pool item (number, toll-free or short code) survived decoding. */
const expectItemFrom = (raw: Record<string, unknown>, decoded: object): void => {
  const out = new Map(Object.entries(decoded))
  for (const [key, value] of Object.entries(raw)) {
    if (key === "numberpool_uuid") expect(out.get("number_pool_uuid"), key).toBe(value)
    else if (key === "tollfree") expect([out.get("number"), out.has(key)], key).toEqual([value, false])
    else if (key === "added_on") {
      const got = out.get(key)
      expect(DateTime.isDateTime(got) && DateTime.toEpochMillis(got), key).toBe(Date.parse(String(value)))
    } else if (key === "uuid" || key === "number_pool") expect(out.has(key), key).toBe(false) // synthetic keys, ignored
    else expect(out.get(key), key).toEqual(value)
  }
  expect(typeof out.get("number_pool_uuid")).toBe("string")
}

describe("number pool fixtures", () => {
  it("covers every NumberPool/ fixture the INDEX does not mark hand-written", () => {
    const relevant = indexRows()
      .filter((row) => row.path.startsWith("/v1/Account/{auth_id}/NumberPool/") && !/HAND-WRITTEN/i.test(row.notes))
      .map((row) => row.file)
    const covered = [...LIST, ...SINGLE, ...ADDED, ...SHORTCODE_LIST, ...SHORTCODE, ...TOLLFREE_LIST, ...TOLLFREE, ...TOLLFREE_ADDED]
    expect([...relevant].sort()).toEqual(covered.sort())
  })

  for (const name of LIST) {
    it.effect(`listNumbers ${name}`, () =>
      Effect.gen(function*() {
        const raw = fixture(name)
        const page = yield* (yield* NumberPool).listNumbers(POOL)
        expect(page.api_id).toBe(raw.api_id)
        const objects = objectsOf(raw)
        expect(page.objects).toHaveLength(objects.length)
        objects.forEach((o, i) => expectItemFrom(o, page.objects[i] ?? {}))
        expect((yield* requests)[0]?.resource).toBe(`NumberPool/${POOL}/Number/`)
      }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, fixture(name))))))

    it.effect(`streamNumbers ${name}`, () =>
      Effect.gen(function*() {
        const raw = fixture(name)
        const all = yield* Stream.runCollect((yield* NumberPool).streamNumbers(POOL))
        const unique = [...new Set(objectsOf(raw).map((o) => o.number))]
        expect(Chunk.toReadonlyArray(all).map((n) => n.number)).toEqual(unique)
      }).pipe(
        Effect.provide(stubbed((request) =>
          request.query.offset === "0"
            ? StubHttpClient.json(200, fixture(name))
            : StubHttpClient.json(200, { api_id: "x", meta: { next: "" }, objects: [] })
        ))
      ))
  }

  for (const name of SINGLE) {
    it.effect(`getNumber ${name}`, () =>
      Effect.gen(function*() {
        const number = yield* (yield* NumberPool).getNumber(POOL, "15799140348")
        expectItemFrom(fixture(name), number)
        expect((yield* requests)[0]?.resource).toBe(`NumberPool/${POOL}/Number/15799140348/`)
      }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, fixture(name))))))
  }

  for (const name of ADDED) {
    it.effect(`addNumber ${name}`, () =>
      Effect.gen(function*() {
        const number = yield* (yield* NumberPool).addNumber(POOL, "15799140336")
        expectItemFrom(fixture(name), number)
      }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, fixture(name))))))
  }

  /** A list fixture as the first page, then an empty one: the stream must stop there. */
  const onePage = (name: string) => (request: StubHttpClient.RecordedRequest) =>
    request.query.offset === "0"
      ? StubHttpClient.json(200, fixture(name))
      : StubHttpClient.json(200, { api_id: "x", meta: { next: "" }, objects: [] })

  for (const name of SHORTCODE_LIST) {
    it.effect(`listShortcodes ${name}`, () =>
      Effect.gen(function*() {
        const raw = fixture(name)
        const page = yield* (yield* NumberPool).listShortcodes(POOL)
        expect(page.api_id).toBe(raw.api_id)
        expect(page.meta.next).toBe("")
        const objects = objectsOf(raw)
        expect(page.objects).toHaveLength(objects.length)
        objects.forEach((o, i) => expectItemFrom(o, page.objects[i] ?? {}))
        expect((yield* requests)[0]?.resource).toBe(`NumberPool/${POOL}/Shortcode/`)
      }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, fixture(name))))))

    it.effect(`streamShortcodes ${name}`, () =>
      Effect.gen(function*() {
        const all = yield* Stream.runCollect((yield* NumberPool).streamShortcodes(POOL))
        expect(Chunk.toReadonlyArray(all).map((s) => s.shortcode)).toEqual(objectsOf(fixture(name)).map((o) => o.shortcode))
      }).pipe(Effect.provide(stubbed(onePage(name)))))
  }

  for (const name of SHORTCODE) {
    it.effect(`getShortcode ${name}`, () =>
      Effect.gen(function*() {
        const shortcode = yield* (yield* NumberPool).getShortcode(POOL, "444444")
        expectItemFrom(fixture(name), shortcode)
        expect(shortcode.api_id).toBeUndefined()
        expect((yield* requests)[0]?.resource).toBe(`NumberPool/${POOL}/Shortcode/444444/`)
      }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, fixture(name))))))
  }

  for (const name of TOLLFREE_LIST) {
    it.effect(`listTollfree ${name}`, () =>
      Effect.gen(function*() {
        const raw = fixture(name)
        const page = yield* (yield* NumberPool).listTollfree(POOL)
        expect(page.api_id).toBe(raw.api_id)
        const objects = objectsOf(raw)
        expect(page.objects).toHaveLength(objects.length)
        objects.forEach((o, i) => expectItemFrom(o, page.objects[i] ?? {}))
        expect((yield* requests)[0]?.resource).toBe(`NumberPool/${POOL}/Tollfree/`)
      }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, fixture(name))))))

    it.effect(`streamTollfree ${name}`, () =>
      Effect.gen(function*() {
        const all = yield* Stream.runCollect((yield* NumberPool).streamTollfree(POOL))
        const numbers = objectsOf(fixture(name)).map((o) => o.number ?? o.tollfree)
        expect(Chunk.toReadonlyArray(all).map((n) => n.number)).toEqual(numbers)
      }).pipe(Effect.provide(stubbed(onePage(name)))))
  }

  for (const name of TOLLFREE) {
    it.effect(`getTollfree and addTollfree ${name}`, () =>
      Effect.gen(function*() {
        const pool = yield* NumberPool
        expectItemFrom(fixture(name), yield* pool.getTollfree(POOL, "18772209942"))
        expectItemFrom(fixture(name), yield* pool.addTollfree(POOL, "18772209942"))
        expect((yield* requests).map((r) => `${r.method} ${r.resource}`)).toEqual([
          `GET NumberPool/${POOL}/Tollfree/18772209942/`,
          `POST NumberPool/${POOL}/Tollfree/18772209942/`
        ])
      }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, fixture(name))))))
  }

  for (const name of TOLLFREE_ADDED) {
    it.effect(`addTollfree ${name}`, () =>
      Effect.gen(function*() {
        expectItemFrom(fixture(name), yield* (yield* NumberPool).addTollfree(POOL, "15799140336"))
      }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, fixture(name))))))
  }
})
