import { describe, expect, it } from "@effect/vitest"
import { RetryPolicy } from "@plivo-effect/core"
import { StubHttpClient, TestTracer } from "@plivo-effect/testing"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { NumberPool } from "../src/index.js"
import { expectInvalid, fixture, requests } from "./powerpackSupport.js"

const stubbed = (handler: StubHttpClient.Handler) =>
  NumberPool.layer.pipe(Layer.provideMerge(StubHttpClient.layerClient(handler, { retry: RetryPolicy.none })))

const POOL = "659c7f88-c819-46e2-8af4-2d8a84249099"
const ADDED = () => fixture("plivo-python/powerpackBuyAndNumberResponse.json")

/** A `GET PhoneNumber/` page offering `numbers`, best first. */
const offered = (...numbers: ReadonlyArray<string>) => ({
  api_id: "5e0d3a9c-0000-4000-8000-000000000001",
  meta: { limit: 20, next: null, offset: 0, previous: null, total_count: numbers.length },
  objects: numbers.map((number) => ({ number, country: "US", type: "fixed", sms_enabled: true, mms_enabled: true }))
})

/** Answers the search with `search` and the add with the recorded buy-and-add item. */
const searchThenAdd = (search: unknown) =>
  stubbed((request) =>
    request.method === "GET" ? StubHttpClient.json(200, search) : StubHttpClient.json(200, ADDED())
  )

describe("NumberPool.buyNumber wire requests", () => {
  it.effect("a chosen number: one POST with rent the string \"true\" and the service, + dropped", () =>
    Effect.gen(function*() {
      const added = yield* (yield* NumberPool).buyNumber(POOL, { number: "+14155550199", service: "mms" })
      expect(added.number_pool_uuid).toBe(ADDED().number_pool_uuid)
      const all = yield* requests
      expect(all.map((r) => [r.method, r.resource])).toEqual([["POST", `NumberPool/${POOL}/Number/14155550199/`]])
      expect(all[0]?.json).toStrictEqual({ rent: "true", service: "mms" })
      expect(all[0]?.text).toContain("\"rent\":\"true\"")
    }).pipe(Effect.provide(searchThenAdd(offered()))))

  it.effect("a chosen number without a service sends rent only (Plivo defaults to sms)", () =>
    Effect.gen(function*() {
      yield* (yield* NumberPool).buyNumber(POOL, { number: "14155550199" })
      expect((yield* requests).map((r) => r.json)).toStrictEqual([{ rent: "true" }])
    }).pipe(Effect.provide(searchThenAdd(offered()))))

  it.effect("a search: GET PhoneNumber/ with every criterion, then rents the first number offered", () =>
    Effect.gen(function*() {
      yield* (yield* NumberPool).buyNumber(POOL, {
        country_iso: "US",
        type: "fixed",
        pattern: "415*",
        region: "California",
        service: "mms"
      })
      const [search, add, ...rest] = yield* requests
      expect(rest).toEqual([])
      expect([search?.method, search?.resource]).toEqual(["GET", "PhoneNumber/"])
      expect(search?.query).toStrictEqual({
        country_iso: "US",
        type: "fixed",
        pattern: "415*",
        region: "California",
        services: "mms"
      })
      expect([add?.method, add?.resource]).toEqual(["POST", `NumberPool/${POOL}/Number/14155550199/`])
      expect(add?.json).toStrictEqual({ rent: "true", service: "mms" })
    }).pipe(Effect.provide(searchThenAdd(offered("14155550199", "14155550198")))))

  it.effect("a search without a service looks for an SMS-capable number (the pool's default service)", () =>
    Effect.gen(function*() {
      yield* (yield* NumberPool).buyNumber(POOL, { country_iso: "GB" })
      const [search, add] = yield* requests
      expect(search?.query).toStrictEqual({ country_iso: "GB", services: "sms" })
      expect(add?.json).toStrictEqual({ rent: "true" })
    }).pipe(Effect.provide(searchThenAdd(offered("447700900200")))))

  it.effect("a search with no result fails with NotFoundError naming the search, and rents nothing", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip((yield* NumberPool).buyNumber(POOL, { country_iso: "US", pattern: "999" }))
      if (error._tag !== "NotFoundError") throw new Error(`expected NotFoundError, got ${error._tag}`)
      expect(error.status).toBe(200)
      expect(error.apiId).toBe(offered().api_id)
      expect(error.method).toBe("GET")
      expect(error.path).toBe("PhoneNumber/")
      expect(error.error).toBe("no number offered to rent matches country_iso=US&pattern=999&services=sms")
      expect(error.message).toContain("no number offered to rent")
      expect((yield* requests).map((r) => r.method)).toEqual(["GET"])
    }).pipe(Effect.provide(searchThenAdd(offered()))))

  it.effect("the NotFoundError of a search with no result names the URL searched without its query, as any 404 does", () =>
    Effect.gen(function*() {
      const pool = yield* NumberPool
      const error = yield* Effect.flip(pool.buyNumber(POOL, { country_iso: "US" }))
      const missing = yield* Effect.flip(pool.getNumber(POOL, "14155550100"))
      const [search, get] = yield* requests
      if (error._tag !== "NotFoundError") throw new Error(`expected NotFoundError, got ${error._tag}`)
      if (missing._tag !== "NotFoundError") throw new Error(`expected NotFoundError, got ${missing._tag}`)
      expect(error.url).toBe(`http://127.0.0.1:9/v1/Account/${StubHttpClient.credentials.authId}/PhoneNumber/`)
      expect(error.url).toBe(search?.url.split("?")[0])
      expect(missing.url).toBe(get?.url)
      expect(error.message).toMatch(/^GET http:\/\/127\.0\.0\.1:9\/v1\/Account\/\w+\/PhoneNumber\/ answered 200: no number/)
    }).pipe(Effect.provide(
      NumberPool.layer.pipe(Layer.provideMerge(StubHttpClient.layerClient(
        (request) =>
          request.resource === "PhoneNumber/"
            ? StubHttpClient.json(200, offered())
            : StubHttpClient.json(404, { api_id: "a", error: "not found" }),
        { retry: RetryPolicy.none, baseUrl: "http://127.0.0.1:9/v1/" }
      )))
    )))

  it.effect("a failed search (Plivo's 400) is that error, and nothing is rented", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip((yield* NumberPool).buyNumber(POOL, { country_iso: "ZZ" }))
      expect(error._tag).toBe("BadRequestError")
      expect((yield* requests).map((r) => r.method)).toEqual(["GET"])
    }).pipe(Effect.provide(stubbed((request) =>
      request.method === "GET"
        ? StubHttpClient.json(400, { api_id: "a", error: "invalid country_iso" })
        : StubHttpClient.json(200, ADDED())
    ))))

  it.effect("traced as NumberPool.buyNumber with the pool and the number it found", () =>
    Effect.gen(function*() {
      const pool = yield* NumberPool
      const { spans } = yield* TestTracer.withRecording(pool.buyNumber(POOL, { country_iso: "US" }))
      const span = spans.find((s) => s.name === "NumberPool.buyNumber")
      expect(span?.attributes.get("plivo.resource")).toBe("NumberPool")
      expect(span?.attributes.get("plivo.number_pool_uuid")).toBe(POOL)
      expect(span?.attributes.get("plivo.number")).toBe("13125550150")
    }).pipe(Effect.provide(searchThenAdd(offered("13125550150")))))
})

const Stub = stubbed(() => StubHttpClient.json(500, { error: "should not have been sent" }))

// Cases the types already forbid go through `unknown`, as plain JavaScript could send them.
const buyUnchecked = (params: unknown) =>
  Effect.flatMap(NumberPool, (p) => p.buyNumber(POOL, params as NumberPool.BuyNumberParams))

describe("NumberPool.buyNumber validation: nothing is sent, nothing searched", () => {
  const cases: ReadonlyArray<readonly [string, unknown, string]> = [
    ["no number and no country_iso", {}, "country_iso (an ISO alpha-2 code such as \"US\") is required without a number"],
    ["a lower-case country_iso", { country_iso: "us" }, "country_iso (an ISO alpha-2 code"],
    ["a number with letters", { number: "1415CALLNOW" }, "number must be 3 to 15 digits"],
    ["a number and a search at once", { number: "14155550199", country_iso: "US" }, "give number or a search (country_iso), not both"],
    ["type tollfree (toll-free joins through Tollfree/)", { country_iso: "US", type: "tollfree" }, "type tollfree cannot be bought into Number/"],
    ["an unknown type", { country_iso: "US", type: "premium" }, "type must be \"any\", \"fixed\", \"local\", \"mobile\" or \"national\""],
    ["a pattern with letters", { country_iso: "US", pattern: "CALL" }, "pattern must be 1 to 15 digits or *"],
    ["a blank region", { country_iso: "US", region: " " }, "region must be a non-blank string"],
    ["a search with service whatsapp", { country_iso: "US", service: "whatsapp" }, "service must be \"sms\" or \"mms\""],
    ["a number with service MMS upper-case", { number: "14155550199", service: "MMS" }, "service must be \"sms\" or \"mms\""],
    ["rent given by the caller", { number: "14155550199", rent: true }, "unknown parameter \"rent\""],
    ["services (the search's name) instead of service", { country_iso: "US", services: "sms" }, "unknown parameter \"services\""],
    ["no parameters object", null, "the parameters must be an object"]
  ]
  for (const [title, params, issue] of cases) {
    it.effect(title, () =>
      expectInvalid(buyUnchecked(params), `NumberPool.buyNumber: invalid parameters: ${issue}`).pipe(Effect.provide(Stub)))
  }
})
