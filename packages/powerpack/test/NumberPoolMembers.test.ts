import { describe, expect, it, layer } from "@effect/vitest"
import { RetryPolicy } from "@plivo-effect/core"
import { PlivoEmulator, StubHttpClient, TestTracer } from "@plivo-effect/testing"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import { NumberPool, Powerpack, Powerpacks } from "../src/index.js"
import { expectInvalid, fixture, requests } from "./powerpackSupport.js"

const stubbed = (handler: StubHttpClient.Handler) =>
  NumberPool.layer.pipe(Layer.provideMerge(StubHttpClient.layerClient(handler, { retry: RetryPolicy.none })))

const POOL = "659c7f88-c819-46e2-8af4-2d8a84249099"
const SHORTCODE = () => fixture("plivo-go/numberpoolSingleShortcodeResponse.json")
const SHORTCODES = () => fixture("plivo-go/numberpoolShortCodeResponse.json")
const TOLLFREE = () => fixture("plivo-go/numberpoolSingleTollfreeResponse.json")
const TOLLFREES = () => fixture("plivo-go/numberpoolTollfreeResponse.json")
const ACK = () => fixture("plivo-go/powerpackDeleteResponse.json")

/** Answers by the path's member kind: short codes, toll-free, or the delete acknowledgement. */
const byPath = stubbed((request) => {
  if (request.method === "DELETE") return StubHttpClient.json(200, ACK())
  const single = request.resource.split("/").length > 4
  if (request.resource.includes("/Shortcode/")) return StubHttpClient.json(200, single ? SHORTCODE() : SHORTCODES())
  return StubHttpClient.json(200, single ? TOLLFREE() : TOLLFREES())
})

describe("NumberPool short codes and toll-free: wire requests", () => {
  it.effect("listShortcodes / listTollfree: GET with limit and offset only", () =>
    Effect.gen(function*() {
      const pool = yield* NumberPool
      yield* pool.listShortcodes(POOL, { limit: 5, offset: 10 })
      yield* pool.listTollfree(POOL, { limit: 2 })
      yield* pool.listTollfree(POOL)
      expect((yield* requests).map((r) => [r.method, r.resource, r.query])).toEqual([
        ["GET", `NumberPool/${POOL}/Shortcode/`, { limit: "5", offset: "10" }],
        ["GET", `NumberPool/${POOL}/Tollfree/`, { limit: "2" }],
        ["GET", `NumberPool/${POOL}/Tollfree/`, {}]
      ])
    }).pipe(Effect.provide(byPath)))

  it.effect("streamShortcodes / streamTollfree: the page size on every page, offset by the walk", () =>
    Effect.gen(function*() {
      const pool = yield* NumberPool
      const codes = yield* Stream.runCollect(pool.streamShortcodes(POOL, { limit: 1 }))
      const tollfree = yield* Stream.runCollect(pool.streamTollfree(POOL, { limit: 1 }))
      expect(Chunk.toReadonlyArray(codes).map((s) => s.shortcode)).toEqual(["444444"])
      expect(Chunk.toReadonlyArray(tollfree).map((n) => n.number)).toEqual(["18772209942"])
      expect((yield* requests).map((r) => `${r.resource}?${new URLSearchParams(r.query)}`)).toEqual([
        `NumberPool/${POOL}/Shortcode/?limit=1&offset=0`,
        `NumberPool/${POOL}/Shortcode/?limit=1&offset=1`,
        `NumberPool/${POOL}/Tollfree/?limit=1&offset=0`,
        `NumberPool/${POOL}/Tollfree/?limit=1&offset=1`
      ])
    }).pipe(Effect.provide(stubbed((request) => {
      const page = request.resource.endsWith("/Shortcode/") ? SHORTCODES() : TOLLFREES()
      // A full page that announces another, then an empty one that ends the walk.
      return request.query.offset === "0"
        ? StubHttpClient.json(200, { ...page, meta: { limit: 1, offset: 0, next: `/v1/Account/MA/x/?offset=1`, previous: "" } })
        : StubHttpClient.json(200, { api_id: "x", meta: { next: "", previous: "" }, objects: [] })
    }))))

  it.effect("getShortcode / removeShortcode: GET and DELETE .../Shortcode/{code}/ with no body", () =>
    Effect.gen(function*() {
      const pool = yield* NumberPool
      const code = yield* pool.getShortcode(POOL, "444444")
      expect(code).toMatchObject({ shortcode: "444444", number_pool_uuid: POOL, country_iso2: "CA" })
      yield* pool.removeShortcode(POOL, "444444")
      expect((yield* requests).map((r) => [r.method, r.resource, r.text])).toEqual([
        ["GET", `NumberPool/${POOL}/Shortcode/444444/`, ""],
        ["DELETE", `NumberPool/${POOL}/Shortcode/444444/`, ""]
      ])
    }).pipe(Effect.provide(byPath)))

  it.effect("addTollfree / getTollfree: POST (empty JSON object, + dropped) and GET .../Tollfree/{number}/", () =>
    Effect.gen(function*() {
      const pool = yield* NumberPool
      const added = yield* pool.addTollfree(POOL, "+18772209942")
      expect(added).toMatchObject({ number: "18772209942", type: "tollfree", number_pool_uuid: POOL })
      yield* pool.getTollfree(POOL, "18772209942")
      const all = yield* requests
      expect(all.map((r) => [r.method, r.resource])).toEqual([
        ["POST", `NumberPool/${POOL}/Tollfree/18772209942/`],
        ["GET", `NumberPool/${POOL}/Tollfree/18772209942/`]
      ])
      expect(all[0]?.json).toStrictEqual({})
    }).pipe(Effect.provide(byPath)))

  it.effect("removeTollfree: DELETE with unrent as a JSON boolean (false by default); 204 succeeds", () =>
    Effect.gen(function*() {
      const pool = yield* NumberPool
      yield* pool.removeTollfree(POOL, "18772209942")
      yield* pool.removeTollfree(POOL, "18772209942", { unrent: true })
      expect((yield* requests).map((r) => [r.method, r.resource, r.text])).toEqual([
        ["DELETE", `NumberPool/${POOL}/Tollfree/18772209942/`, "{\"unrent\":false}"],
        ["DELETE", `NumberPool/${POOL}/Tollfree/18772209942/`, "{\"unrent\":true}"]
      ])
    }).pipe(Effect.provide(stubbed((request) =>
      request.text.includes("true") ? StubHttpClient.empty(204) : StubHttpClient.json(200, ACK())
    ))))

  it.effect("every call is traced by name with the pool uuid and the member", () =>
    Effect.gen(function*() {
      const pool = yield* NumberPool
      const { spans } = yield* TestTracer.withRecording(Effect.all([
        pool.listShortcodes(POOL),
        Stream.runDrain(pool.streamShortcodes(POOL)),
        pool.getShortcode(POOL, "444444"),
        pool.removeShortcode(POOL, "444444"),
        pool.listTollfree(POOL),
        Stream.runDrain(pool.streamTollfree(POOL)),
        pool.addTollfree(POOL, "18772209942"),
        pool.getTollfree(POOL, "18772209942"),
        pool.removeTollfree(POOL, "18772209942")
      ]))
      const ours = spans.filter((s) => s.name.startsWith("NumberPool."))
      expect(ours.map((s) => s.name).sort()).toEqual([
        "NumberPool.addTollfree",
        "NumberPool.getShortcode",
        "NumberPool.getTollfree",
        "NumberPool.listShortcodes",
        "NumberPool.listTollfree",
        "NumberPool.removeShortcode",
        "NumberPool.removeTollfree",
        "NumberPool.streamShortcodes",
        "NumberPool.streamTollfree"
      ])
      for (const span of ours) {
        expect(span.attributes.get("plivo.resource"), span.name).toBe("NumberPool")
        expect(span.attributes.get("plivo.number_pool_uuid"), span.name).toBe(POOL)
      }
      const member = (name: string, key: string) => ours.find((s) => s.name === name)?.attributes.get(key)
      expect(member("NumberPool.getShortcode", "plivo.shortcode")).toBe("444444")
      expect(member("NumberPool.removeShortcode", "plivo.shortcode")).toBe("444444")
      expect(member("NumberPool.addTollfree", "plivo.number")).toBe("18772209942")
      expect(member("NumberPool.removeTollfree", "plivo.number")).toBe("18772209942")
    }).pipe(Effect.provide(byPath)))
})

const Stub = stubbed(() => StubHttpClient.json(500, { error: "should not have been sent" }))

// Cases the types already forbid go through `unknown`, as plain JavaScript could send them.
type Call = (pool: NumberPool.Service) => Effect.Effect<unknown, { readonly _tag: string; readonly message: string }>
const page = (params: unknown): NumberPool.PageParams => params as NumberPool.PageParams

describe("NumberPool short codes and toll-free: validation, nothing is sent", () => {
  const cases: ReadonlyArray<readonly [string, Call, string]> = [
    ["getShortcode with a +", (p) => p.getShortcode(POOL, "+444444"), "NumberPool.getShortcode: invalid parameters: shortcode must be 3 to 8 digits, got \"+444444\""],
    ["removeShortcode with letters", (p) => p.removeShortcode(POOL, "SHORT"), "NumberPool.removeShortcode: invalid parameters: shortcode must be 3 to 8 digits"],
    ["a 9-digit short code", (p) => p.getShortcode(POOL, "123456789"), "shortcode must be 3 to 8 digits"],
    ["listShortcodes with limit 0", (p) => p.listShortcodes(POOL, { limit: 0 }), "NumberPool.listShortcodes: invalid parameters: limit must be an integer from 1 to 20"],
    ["listShortcodes with a filter", (p) => p.listShortcodes(POOL, page({ country_iso2: "US" })), "unknown parameter \"country_iso2\""],
    ["streamShortcodes with an offset", (p) => Stream.runDrain(p.streamShortcodes(POOL, page({ offset: 5 }))), "NumberPool.streamShortcodes: invalid parameters: unknown parameter \"offset\""],
    ["listTollfree with a negative offset", (p) => p.listTollfree(POOL, { offset: -1 }), "NumberPool.listTollfree: invalid parameters: offset must be a non-negative integer"],
    ["listTollfree with a type filter", (p) => p.listTollfree(POOL, page({ type: "toll-free" })), "unknown parameter \"type\""],
    ["streamTollfree with limit 21", (p) => Stream.runDrain(p.streamTollfree(POOL, { limit: 21 })), "NumberPool.streamTollfree: invalid parameters: limit must be an integer from 1 to 20"],
    ["addTollfree with letters", (p) => p.addTollfree(POOL, "1800FLOWERS"), "NumberPool.addTollfree: invalid parameters: number must be 3 to 15 digits"],
    ["getTollfree with spaces", (p) => p.getTollfree(POOL, "1 800 555 0100"), "NumberPool.getTollfree: invalid parameters: number must be"],
    ["removeTollfree with unrent \"true\"", (p) => p.removeTollfree(POOL, "18005550100", { unrent: "true" as unknown as boolean }), "NumberPool.removeTollfree: invalid parameters: unrent must be a boolean, got \"true\""],
    ["removeTollfree with an unknown option", (p) => p.removeTollfree(POOL, "18005550100", { unrent_numbers: true } as { readonly unrent?: boolean }), "unknown parameter \"unrent_numbers\""]
  ]
  for (const [title, call, issue] of cases) {
    it.effect(title, () =>
      Effect.flatMap(NumberPool, (pool) => expectInvalid(call(pool), issue)).pipe(Effect.provide(Stub)))
  }
})

layer(Powerpack.layer.pipe(Layer.provideMerge(PlivoEmulator.layerClient())))(
  "short codes, toll-free and buy-and-add against the emulator (Powerpack.layer)",
  (it) => {
    it.effect("a seeded short code: list, stream, get, remove (it stays gone, nothing unrented)", () =>
      Effect.gen(function*() {
        const emulator = yield* PlivoEmulator
        yield* emulator.reset
        const pack = yield* (yield* Powerpacks).create({ name: "codes" })
        yield* emulator.seedShortcode({ powerpackUuid: pack.uuid, shortcode: "444444", country_iso2: "CA" })
        const pool = yield* NumberPool
        const page = yield* pool.listShortcodes(pack.number_pool_uuid)
        expect(page.objects.map((s) => [s.shortcode, s.country_iso2, s.number_pool_uuid])).toEqual([
          ["444444", "CA", pack.number_pool_uuid]
        ])
        expect(page.meta.next).toBe("")
        expect(Chunk.size(yield* Stream.runCollect(pool.streamShortcodes(pack.number_pool_uuid)))).toBe(1)
        expect((yield* pool.getShortcode(pack.number_pool_uuid, "444444")).added_on).toBeDefined()
        yield* pool.removeShortcode(pack.number_pool_uuid, "444444")
        const gone = yield* Effect.flip(pool.getShortcode(pack.number_pool_uuid, "444444"))
        expect(gone._tag).toBe("NotFoundError")
        expect((yield* pool.listShortcodes(pack.number_pool_uuid)).objects).toEqual([])
      }))

    it.effect("toll-free: add, get, list, stream, remove with unrent (gone from the account)", () =>
      Effect.gen(function*() {
        const emulator = yield* PlivoEmulator
        yield* emulator.reset
        const pack = yield* (yield* Powerpacks).create({ name: "tollfree" })
        const pool = yield* NumberPool
        yield* pool.addNumber(pack.number_pool_uuid, "14155550100")
        const added = yield* pool.addTollfree(pack.number_pool_uuid, "18005550100")
        expect(added).toMatchObject({ number: "18005550100", type: "tollfree", number_pool_uuid: pack.number_pool_uuid })
        expect((yield* pool.getTollfree(pack.number_pool_uuid, "18005550100")).country_iso2).toBe("US")
        // Tollfree/ lists the toll-free members only; Number/ lists every member.
        expect((yield* pool.listTollfree(pack.number_pool_uuid)).objects.map((n) => n.number)).toEqual(["18005550100"])
        const streamed = yield* Stream.runCollect(pool.streamTollfree(pack.number_pool_uuid, { limit: 1 }))
        expect(Chunk.toReadonlyArray(streamed).map((n) => n.number)).toEqual(["18005550100"])
        expect((yield* pool.listNumbers(pack.number_pool_uuid)).objects).toHaveLength(2)
        // A long code is not a toll-free member.
        expect((yield* Effect.flip(pool.getTollfree(pack.number_pool_uuid, "14155550100")))._tag).toBe("NotFoundError")
        expect((yield* Effect.flip(pool.addTollfree(pack.number_pool_uuid, "14155550101")))._tag).toBe("BadRequestError")
        yield* pool.removeTollfree(pack.number_pool_uuid, "18005550100", { unrent: true })
        expect((yield* emulator.accountNumbers).map((n) => n.number)).not.toContain("18005550100")
        expect((yield* pool.listTollfree(pack.number_pool_uuid)).objects).toEqual([])
      }))

    it.effect("buyNumber: by number and by search, each rented into the account; a search with no result", () =>
      Effect.gen(function*() {
        const emulator = yield* PlivoEmulator
        yield* emulator.reset
        const pack = yield* (yield* Powerpacks).create({ name: "bought" })
        const pool = yield* NumberPool
        const chosen = yield* pool.buyNumber(pack.number_pool_uuid, { number: "14155550199", service: "mms" })
        expect(chosen).toMatchObject({ number: "14155550199", service: "mms", number_pool_uuid: pack.number_pool_uuid })
        const searched = yield* pool.buyNumber(pack.number_pool_uuid, { country_iso: "CA" })
        expect(searched).toMatchObject({ number: "16045550123", country_iso2: "CA", service: "sms" })
        const owned = (yield* emulator.accountNumbers).map((n) => n.number)
        expect(owned).toEqual(expect.arrayContaining(["14155550199", "16045550123"]))
        expect((yield* emulator.availableNumbers).map((n) => n.number)).not.toContain("16045550123")
        const none = yield* Effect.flip(pool.buyNumber(pack.number_pool_uuid, { country_iso: "CA" }))
        expect(none._tag).toBe("NotFoundError")
        expect(none.message).toContain("no number offered to rent matches country_iso=CA&services=sms")
        // A number no one offers is Plivo's 400 for the add itself.
        const unknown = yield* Effect.flip(pool.buyNumber(pack.number_pool_uuid, { number: "14155550999" }))
        expect(unknown._tag).toBe("BadRequestError")
        expect((yield* pool.listNumbers(pack.number_pool_uuid)).objects.map((n) => n.number).sort()).toEqual([
          "14155550199",
          "16045550123"
        ])
      }))
  }
)
