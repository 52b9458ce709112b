import { describe, expect, it, layer } from "@effect/vitest"
import { RetryPolicy } from "@plivo-effect/core"
import { PlivoEmulator, StubHttpClient, TestTracer } from "@plivo-effect/testing"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import { NumberPool, Powerpacks } from "../src/index.js"
import { expectInvalid, fixture, requests } from "./powerpackSupport.js"

const stubbed = (handler: StubHttpClient.Handler) =>
  NumberPool.layer.pipe(Layer.provideMerge(StubHttpClient.layerClient(handler, { retry: RetryPolicy.none })))

const POOL = "659c7f88-c819-46e2-8af4-2d8a84249099"
const ITEM = () => fixture("plivo-go/numberpoolSingleNoResponse.json")
const LIST = () => fixture("plivo-go/numberpoolNumberRespone.json")

describe("NumberPool wire requests", () => {
  it.effect("listNumbers: GET NumberPool/{pool}/Number/ with every filter", () =>
    Effect.gen(function*() {
      yield* (yield* NumberPool).listNumbers(POOL, {
        starts_with: "415,628",
        country_iso2: "US",
        type: "toll-free",
        service: "mms",
        limit: 5,
        offset: 5
      })
      const request = yield* StubHttpClient.onlyRequest
      expect(request.method).toBe("GET")
      expect(request.resource).toBe(`NumberPool/${POOL}/Number/`)
      expect(request.query).toStrictEqual({
        starts_with: "415,628",
        country_iso2: "US",
        type: "toll-free",
        service: "mms",
        limit: "5",
        offset: "5"
      })
    }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, LIST())))))

  it.effect("streamNumbers: the filters on every page, offset by the walk", () =>
    Effect.gen(function*() {
      const all = yield* Stream.runCollect((yield* NumberPool).streamNumbers(POOL, { service: "sms", limit: 1 }))
      expect(Chunk.size(all)).toBe(1)
      expect((yield* requests).map((r) => r.query)).toEqual([
        { service: "sms", limit: "1", offset: "0" },
        { service: "sms", limit: "1", offset: "1" }
      ])
    }).pipe(Effect.provide(stubbed((request) =>
      request.query.offset === "0"
        // A full page that announces another: the walk asks for it, then stops on the empty one.
        ? StubHttpClient.json(200, { ...LIST(), meta: { limit: 1, offset: 0, next: `/v1/Account/MA/NumberPool/${POOL}/Number/?offset=1`, previous: "" } })
        : StubHttpClient.json(200, { api_id: "x", meta: { next: "" }, objects: [] })
    ))))

  it.effect("addNumber: POST NumberPool/{pool}/Number/{number}/ with service, + dropped", () =>
    Effect.gen(function*() {
      const added = yield* (yield* NumberPool).addNumber(POOL, "+15799140348", { service: "mms" })
      expect(added.number_pool_uuid).toBe(POOL)
      const request = yield* StubHttpClient.onlyRequest
      expect(request.method).toBe("POST")
      expect(request.resource).toBe(`NumberPool/${POOL}/Number/15799140348/`)
      expect(request.json).toStrictEqual({ service: "mms" })
    }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, ITEM())))))

  it.effect("getNumber: GET NumberPool/{pool}/Number/{number}/", () =>
    Effect.gen(function*() {
      yield* (yield* NumberPool).getNumber(POOL, "15799140348")
      const request = yield* StubHttpClient.onlyRequest
      expect([request.method, request.resource, request.text]).toEqual(["GET", `NumberPool/${POOL}/Number/15799140348/`, ""])
    }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, ITEM())))))

  it.effect("removeNumber: DELETE with unrent as a JSON boolean (false by default); 204 succeeds", () =>
    Effect.gen(function*() {
      const pool = yield* NumberPool
      yield* pool.removeNumber(POOL, "15799140348")
      yield* pool.removeNumber(POOL, "15799140348", { unrent: true })
      const all = yield* requests
      expect(all.map((r) => [r.method, r.resource, r.text])).toEqual([
        ["DELETE", `NumberPool/${POOL}/Number/15799140348/`, "{\"unrent\":false}"],
        ["DELETE", `NumberPool/${POOL}/Number/15799140348/`, "{\"unrent\":true}"]
      ])
    }).pipe(Effect.provide(stubbed((request) =>
      request.text.includes("true") ? StubHttpClient.empty(204) : StubHttpClient.json(200, fixture("plivo-go/powerpackDeleteResponse.json"))
    ))))

  it.effect("every call is traced with the pool uuid and number", () =>
    Effect.gen(function*() {
      const pool = yield* NumberPool
      const { spans } = yield* TestTracer.withRecording(pool.getNumber(POOL, "15799140348"))
      const span = spans.find((s) => s.name === "NumberPool.getNumber")
      expect(span?.attributes.get("plivo.number_pool_uuid")).toBe(POOL)
      expect(span?.attributes.get("plivo.number")).toBe("15799140348")
    }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, ITEM())))))
})

const Stub = stubbed(() => StubHttpClient.json(500, { error: "should not have been sent" }))

describe("NumberPool validation: nothing is sent", () => {
  const cases: ReadonlyArray<readonly [string, (pool: NumberPool.Service) => Effect.Effect<unknown, { readonly _tag: string; readonly message: string }>, string]> = [
    ["starts_with without country_iso2", (p) => p.listNumbers(POOL, { starts_with: "415" }), "starts_with needs country_iso2"],
    ["11 prefixes", (p) => p.listNumbers(POOL, { starts_with: Array(11).fill("4").join(","), country_iso2: "US" }), "1 to 10 comma-separated digit prefixes"],
    ["a prefix with a +", (p) => p.listNumbers(POOL, { starts_with: "+1415", country_iso2: "US" }), "digit prefixes"],
    ["type tollfree (the item spelling)", (p) => p.listNumbers(POOL, { type: "tollfree" as "toll-free" }), "type must be \"fixed\", \"mobile\" or \"toll-free\""],
    ["service SMS upper-case", (p) => p.listNumbers(POOL, { service: "SMS" as "sms" }), "service must be \"sms\" or \"mms\""],
    ["limit 21 on a stream", (p) => Stream.runDrain(p.streamNumbers(POOL, { limit: 21 })), "limit must be an integer from 1 to 20"],
    ["a number with letters", (p) => p.getNumber(POOL, "1415CALLNOW"), "number must be 3 to 15 digits"],
    ["addNumber with service whatsapp", (p) => p.addNumber(POOL, "14155550100", { service: "whatsapp" as "sms" }), "service must be"],
    ["removeNumber with unrent \"true\"", (p) => p.removeNumber(POOL, "14155550100", { unrent: "true" as unknown as boolean }), "unrent must be a boolean, got \"true\""]
  ]
  for (const [title, call, issue] of cases) {
    it.effect(title, () =>
      Effect.flatMap(NumberPool, (pool) => expectInvalid(call(pool), issue)).pipe(Effect.provide(Stub)))
  }
})

layer(Layer.mergeAll(Powerpacks.layer, NumberPool.layer).pipe(Layer.provideMerge(PlivoEmulator.layerClient())))(
  "NumberPool against the emulator",
  (it) => {
    it.effect("add, get, list, stream and remove a number of a new Powerpack's pool", () =>
      Effect.gen(function*() {
        const emulator = yield* PlivoEmulator
        yield* emulator.reset
        const pack = yield* (yield* Powerpacks).create({ name: "pool-test" })
        const pool = yield* NumberPool
        const added = yield* pool.addNumber(pack.number_pool_uuid, "14155550100", { service: "mms" })
        expect(added).toMatchObject({ number: "14155550100", number_pool_uuid: pack.number_pool_uuid, service: "mms" })
        yield* pool.addNumber(pack.number_pool_uuid, "12125550100")
        expect((yield* pool.getNumber(pack.number_pool_uuid, "14155550100")).country_iso2).toBe("US")
        const page = yield* pool.listNumbers(pack.number_pool_uuid, { limit: 20 })
        expect(page.objects.map((n) => n.number).sort()).toEqual(["12125550100", "14155550100"])
        const streamed = yield* Stream.runCollect(pool.streamNumbers(pack.number_pool_uuid, { limit: 1 }))
        expect(Chunk.size(streamed)).toBe(2)
        yield* pool.removeNumber(pack.number_pool_uuid, "14155550100")
        const gone = yield* Effect.flip(pool.getNumber(pack.number_pool_uuid, "14155550100"))
        expect(gone._tag).toBe("NotFoundError")
        // Removed without unrent: still rented in the account.
        expect((yield* emulator.accountNumbers).map((n) => n.number)).toContain("14155550100")
        // A number the account does not rent is Plivo's 400, a typed error.
        const foreign = yield* Effect.flip(pool.addNumber(pack.number_pool_uuid, "14155550999"))
        expect(foreign._tag).not.toBe("InvalidParamsError")
      }))
  }
)
