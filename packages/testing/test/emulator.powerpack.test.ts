import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { PlivoEmulator } from "../src/PlivoEmulator.js"
import {
  addNumber,
  createPowerpack,
  PoolNumber,
  PoolShortcode,
  poolList,
  PowerpackObject,
  PowerpackResponse,
  Success
} from "./emulator.powerpack.support.js"
import { call, decode, ErrorBody, Meta } from "./emulator.support.js"

const withEmulator = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.provide(effect, PlivoEmulator.layer({ lifecycle: { auto: false } }))

const numbersOf = (u: unknown) => Effect.map(decode(poolList(PoolNumber))(u), (l) => l.objects.map((n) => n.number))

const errorOf = (status: number, method: "GET" | "POST" | "DELETE", path: string, json?: unknown) =>
  Effect.gen(function*() {
    const r = yield* call(method, path, json === undefined ? {} : { json })
    expect(r.status, `${method} ${path}: ${r.text}`).toBe(status)
    return (yield* decode(ErrorBody)(r.body)).error
  })

describe("PlivoEmulator account numbers", () => {
  it.effect("the account owns a documented handful out of the box, and offers a few to rent", () =>
    withEmulator(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const owned = yield* emulator.accountNumbers
      expect(owned.map((n) => [n.number, n.countryIso2, n.type, n.sms, n.mms])).toEqual([
        ["14155550100", "US", "fixed", true, true],
        ["14155550101", "US", "fixed", true, true],
        ["12125550100", "US", "fixed", true, true],
        ["18005550100", "US", "tollfree", true, true],
        ["447700900100", "GB", "mobile", true, false]
      ])
      expect((yield* emulator.availableNumbers).length).toBeGreaterThan(0)
    })))

  it.effect("seedNumbers rents into the account with defaults; reset restores the defaults", () =>
    withEmulator(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const [seeded] = yield* emulator.seedNumbers([{ number: "+1 (604) 555-0100" }])
      expect(seeded).toEqual({ number: "16045550100", countryIso2: "CA", type: "fixed", sms: true, mms: true })
      expect((yield* emulator.seedNumbers([{ number: "18885550100" }]))[0]?.type).toBe("tollfree")
      expect((yield* emulator.seedNumbers([{ number: "4915200000000" }]))[0]).toMatchObject({ countryIso2: "DE", mms: false })
      expect((yield* emulator.accountNumbers).map((n) => n.number)).toContain("16045550100")
      yield* emulator.reset
      expect((yield* emulator.accountNumbers).map((n) => n.number)).not.toContain("16045550100")
      expect((yield* emulator.accountNumbers)).toHaveLength(5)
    })))

  it.effect("GET PhoneNumber/ searches the numbers offered to rent", () =>
    withEmulator(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      yield* emulator.seedAvailableNumbers([{ number: "14155550177", sms: true, mms: false }])
      const Search = Schema.Struct({
        api_id: Schema.String,
        meta: Meta,
        objects: Schema.Array(Schema.Struct({ number: Schema.String, type: Schema.String, mms_enabled: Schema.Boolean }))
      })
      const search = (q: string) => Effect.flatMap(call("GET", `PhoneNumber/?${q}`), (r) => decode(Search)(r.body))
      const us = yield* search("country_iso=US&type=fixed&pattern=415")
      expect(us.objects.map((o) => o.number)).toEqual(["14155550199", "14155550177"])
      expect((yield* search("country_iso=US&type=fixed&pattern=415&services=sms,mms")).objects.map((o) => o.number))
        .toEqual(["14155550199"])
      expect((yield* search("country_iso=US&type=tollfree")).objects.map((o) => o.type)).toEqual(["tollfree"])
      expect((yield* search("country_iso=GB")).objects.map((o) => o.number)).toEqual(["447700900200"])
      expect(yield* errorOf(400, "GET", "PhoneNumber/?type=fixed")).toBe("country_iso is required")
    })))
})

describe("PlivoEmulator Powerpacks", () => {
  it.effect("the full life cycle: create, read, update, list, pool numbers, toll-free, short codes, delete", () =>
    withEmulator(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const created = yield* createPowerpack({ name: "alerts" })
      expect(created).toMatchObject({
        name: "alerts",
        sticky_sender: true,
        local_connect: true,
        application_type: "",
        application_id: "",
        number_priority: []
      })
      expect(created.number_pool).toBe(`/v1/Account/${emulator.authId}/NumberPool/${created.pool}/`)

      const got = yield* call("GET", `Powerpack/${created.uuid}/`)
      expect(got.status).toBe(200)
      expect(yield* decode(PowerpackResponse)(got.body)).toMatchObject({ uuid: created.uuid, name: "alerts" })

      const priority = [{
        country_iso: "US",
        service_type: "SMS",
        priority: { priority1: "shortcode", priority2: "tollfree", priority3: "longcode" }
      }]
      const updated = yield* call("POST", `Powerpack/${created.uuid}/`, {
        json: {
          name: "alerts-2",
          local_connect: false,
          application_type: "xml",
          application_id: "33660394121755210",
          number_priority: priority
        }
      })
      expect(updated.status).toBe(200)
      expect(yield* decode(PowerpackResponse)(updated.body)).toMatchObject({
        name: "alerts-2",
        sticky_sender: true,
        local_connect: false,
        application_type: "XML",
        application_id: "33660394121755210",
        number_priority: priority
      })
      const cleared = yield* call("POST", `Powerpack/${created.uuid}/`, { json: { application_id: "none" } })
      expect(cleared.body).toMatchObject({ application_type: "", application_id: "" })

      yield* createPowerpack({ name: "second", sticky_sender: false })
      const List = Schema.Struct({ api_id: Schema.String, meta: Meta, objects: Schema.Array(PowerpackObject) })
      const listed = yield* Effect.flatMap(call("GET", "Powerpack/?limit=1"), (r) => decode(List)(r.body))
      expect(listed.meta).toMatchObject({ limit: 1, offset: 0, total_count: 2, previous: null })
      expect(listed.meta.next).toContain("offset=1")
      expect(listed.objects.map((p) => p.name)).toEqual(["alerts-2"])

      // Pool numbers: only rented, capable numbers; `service` defaults to sms.
      const pool = created.pool
      const added = yield* addNumber(pool, "14155550100")
      expect(added).toMatchObject({ number: "14155550100", number_pool_uuid: pool, type: "fixed", service: "sms", country_iso2: "US" })
      expect(added.account_phone_number_resource).toBe(`/v1/Account/${emulator.authId}/Number/14155550100/`)
      yield* addNumber(pool, "12125550100", { service: "mms" })
      yield* addNumber(pool, "447700900100")
      const tollfree = yield* addNumber(pool, "18005550100", {}, "Tollfree")
      expect(tollfree.type).toBe("tollfree")

      const list = (q = "") => Effect.flatMap(call("GET", `NumberPool/${pool}/Number/${q}`), (r) => numbersOf(r.body))
      expect(yield* list()).toEqual(["14155550100", "12125550100", "447700900100", "18005550100"])
      expect(yield* list("?country_iso2=US&starts_with=212,800")).toEqual(["12125550100", "18005550100"])
      expect(yield* list("?type=mobile")).toEqual(["447700900100"])
      expect(yield* list("?type=toll-free")).toEqual(["18005550100"])
      expect(yield* list("?service=mms")).toEqual(["12125550100"])
      expect(yield* list("?country_iso2=GB")).toEqual(["447700900100"])
      const page = yield* Effect.flatMap(call("GET", `NumberPool/${pool}/Number/?limit=2&offset=2`), (r) =>
        decode(poolList(PoolNumber))(r.body))
      expect(page.meta).toMatchObject({ limit: 2, offset: 2, total_count: 4, next: "" })
      expect(page.meta.previous).toContain("offset=0")
      const first = yield* Effect.flatMap(call("GET", `NumberPool/${pool}/Number/?limit=20`), (r) =>
        decode(poolList(PoolNumber))(r.body))
      expect(first.meta).toMatchObject({ next: "", previous: "" })
      expect(yield* errorOf(400, "GET", `NumberPool/${pool}/Number/?starts_with=415`)).toBe("starts_with requires country_iso2")

      const one = yield* call("GET", `NumberPool/${pool}/Number/12125550100/`)
      expect(yield* decode(Schema.extend(PoolNumber, Schema.Struct({ api_id: Schema.String })))(one.body))
        .toMatchObject({ number: "12125550100", service: "mms" })
      expect((yield* call("GET", `NumberPool/${pool}/Number/19995550100/`)).status).toBe(404)

      // Toll-free endpoints see only toll-free members.
      const tf = yield* Effect.flatMap(call("GET", `NumberPool/${pool}/Tollfree/`), (r) => numbersOf(r.body))
      expect(tf).toEqual(["18005550100"])
      expect((yield* call("GET", `NumberPool/${pool}/Tollfree/18005550100/`)).body).toMatchObject({ type: "tollfree" })
      expect((yield* call("GET", `NumberPool/${pool}/Tollfree/14155550100/`)).status).toBe(404)

      // Short codes come through the handle: one US and one Canadian per Powerpack.
      yield* emulator.seedShortcode({ powerpackUuid: created.uuid, shortcode: "44444", country_iso2: "US" })
      yield* emulator.seedShortcode({ powerpackUuid: created.uuid, shortcode: "55555", country_iso2: "CA" })
      const second = yield* emulator.seedShortcode({ powerpackUuid: created.uuid, shortcode: "33333", country_iso2: "US" })
        .pipe(Effect.flip)
      expect(second.message).toContain("already has the US short code 44444")
      const codes = yield* Effect.flatMap(call("GET", `NumberPool/${pool}/Shortcode/`), (r) =>
        decode(poolList(PoolShortcode))(r.body))
      expect(codes.objects.map((s) => [s.shortcode, s.country_iso2])).toEqual([["44444", "US"], ["55555", "CA"]])
      expect((yield* call("GET", `NumberPool/${pool}/Shortcode/44444/`)).body).toMatchObject({ shortcode: "44444" })
      expect(yield* decode(Success)((yield* call("DELETE", `NumberPool/${pool}/Shortcode/55555/`)).body)).toBeTruthy()
      expect((yield* call("GET", `NumberPool/${pool}/Shortcode/55555/`)).status).toBe(404)

      // Removal without unrent keeps the number in the account; with unrent releases it.
      const removed = yield* call("DELETE", `NumberPool/${pool}/Number/14155550100/`, { json: { unrent: false } })
      expect(yield* decode(Success)(removed.body)).toBeTruthy()
      expect((yield* emulator.accountNumbers).map((n) => n.number)).toContain("14155550100")
      yield* call("DELETE", `NumberPool/${pool}/Number/447700900100/`, { json: { unrent: true } })
      expect((yield* emulator.accountNumbers).map((n) => n.number)).not.toContain("447700900100")
      yield* call("DELETE", `NumberPool/${pool}/Tollfree/18005550100/?unrent=true`)
      expect((yield* emulator.accountNumbers).map((n) => n.number)).not.toContain("18005550100")
      expect(yield* list()).toEqual(["12125550100"])

      // Buy and add: search, then POST with rent "true" (as every SDK sends it).
      const search = yield* call("GET", "PhoneNumber/?country_iso=US&type=fixed&services=sms")
      const offered = yield* decode(Schema.Struct({ objects: Schema.NonEmptyArray(Schema.Struct({ number: Schema.String })) }))(
        search.body
      )
      const buy = offered.objects[0].number
      const bought = yield* addNumber(pool, buy, { rent: "true", service: "mms" })
      expect(bought).toMatchObject({ number: buy, service: "mms" })
      expect((yield* emulator.accountNumbers).map((n) => n.number)).toContain(buy)
      expect((yield* emulator.availableNumbers).map((n) => n.number)).not.toContain(buy)

      // Delete with unrent_numbers releases what is left in the pool.
      const deleted = yield* call("DELETE", `Powerpack/${created.uuid}/`, { json: { unrent_numbers: true } })
      expect(yield* decode(Success)(deleted.body)).toBeTruthy()
      const left = (yield* emulator.accountNumbers).map((n) => n.number)
      expect(left).not.toContain(buy)
      expect(left).not.toContain("12125550100")
      expect(left).toContain("14155550100")
      expect((yield* call("GET", `Powerpack/${created.uuid}/`)).status).toBe(404)
      expect((yield* call("GET", `NumberPool/${pool}/Number/`)).status).toBe(404)
    })))

  it.effect("delete without unrent_numbers keeps the pool's numbers in the account", () =>
    withEmulator(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const p = yield* createPowerpack({ name: "keep" })
      yield* addNumber(p.pool, "14155550101")
      const r = yield* call("DELETE", `Powerpack/${p.uuid}/`, { json: { unrent_numbers: false } })
      expect(r.status).toBe(200)
      expect((yield* emulator.accountNumbers).map((n) => n.number)).toContain("14155550101")
      // The number is free again for another pool.
      const other = yield* createPowerpack({ name: "other" })
      expect((yield* addNumber(other.pool, "14155550101")).number_pool_uuid).toBe(other.pool)
    })))

  it.effect("a number is in one pool at most, and only if the account can use it for the service", () =>
    withEmulator(Effect.gen(function*() {
      const a = yield* createPowerpack({ name: "a" })
      const b = yield* createPowerpack({ name: "b" })
      yield* addNumber(a.pool, "14155550100")
      expect(yield* errorOf(400, "POST", `NumberPool/${b.pool}/Number/14155550100/`, {}))
        .toContain("already in another number pool")
      expect(yield* errorOf(400, "POST", `NumberPool/${a.pool}/Number/447700900100/`, { service: "mms" }))
        .toContain("not MMS capable")
      expect(yield* errorOf(400, "POST", `NumberPool/${a.pool}/Number/18005550100/`, {})).toContain("Tollfree/")
      expect(yield* errorOf(400, "POST", `NumberPool/${a.pool}/Tollfree/14155550101/`, {})).toContain("not a toll-free")
      expect(yield* errorOf(400, "POST", `NumberPool/${a.pool}/Number/14155550101/`, { service: "voice" }))
        .toBe("service must be sms or mms")
      expect(yield* errorOf(400, "POST", `NumberPool/${a.pool}/Number/19995550000/`, { rent: "true" }))
        .toContain("not available to rent")
    })))
  it.effect("a refused buy-and-add rents nothing: the number stays offered and out of the account", () =>
    withEmulator(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      yield* emulator.seedAvailableNumbers([
        { number: "18335550177" },
        { number: "447700900177", sms: true, mms: false }
      ])
      const p = yield* createPowerpack({ name: "buy" })
      expect(yield* errorOf(400, "POST", `NumberPool/${p.pool}/Number/18335550177/`, { rent: "true" })).toContain("Tollfree/")
      expect(yield* errorOf(400, "POST", `NumberPool/${p.pool}/Number/447700900177/`, { rent: "true", service: "mms" }))
        .toContain("not MMS capable")
      const owned = (yield* emulator.accountNumbers).map((n) => n.number)
      expect(owned).not.toContain("18335550177")
      expect(owned).not.toContain("447700900177")
      const offered = (yield* emulator.availableNumbers).map((n) => n.number)
      expect(offered).toEqual(expect.arrayContaining(["18335550177", "447700900177"]))
      // The same number, bought for SMS, joins the pool.
      const ok = yield* call("POST", `NumberPool/${p.pool}/Number/447700900177/`, { json: { rent: "true" } })
      expect(ok.status).toBe(200)
      expect((yield* emulator.accountNumbers).map((n) => n.number)).toContain("447700900177")
    })))
})

describe("PlivoEmulator Powerpack errors", () => {
  it.effect("404 for an unknown Powerpack or pool, in Plivo's {api_id, error} shape", () =>
    withEmulator(Effect.gen(function*() {
      const unknown = "00000000-0000-4000-8000-000000000000"
      expect(yield* errorOf(404, "GET", `Powerpack/${unknown}/`)).toBe("not found")
      expect(yield* errorOf(404, "POST", `Powerpack/${unknown}/`, { name: "x" })).toBe("not found")
      expect(yield* errorOf(404, "DELETE", `Powerpack/${unknown}/`)).toBe("not found")
      expect(yield* errorOf(404, "GET", `NumberPool/${unknown}/Number/`)).toBe("not found")
      expect(yield* errorOf(404, "POST", `NumberPool/${unknown}/Number/14155550100/`, {})).toBe("not found")
      expect(yield* errorOf(404, "GET", `NumberPool/${unknown}/Shortcode/`)).toBe("not found")
      expect(yield* errorOf(404, "GET", `NumberPool/${unknown}/Tollfree/`)).toBe("not found")
    })))

  it.effect("400 for a number that is not in the account", () =>
    withEmulator(Effect.gen(function*() {
      const p = yield* createPowerpack({ name: "pp" })
      expect(yield* errorOf(400, "POST", `NumberPool/${p.pool}/Number/14155559999/`, {}))
        .toBe("number 14155559999 is not in the account")
      expect(yield* errorOf(400, "POST", `NumberPool/${p.pool}/Tollfree/18885559999/`, {}))
        .toBe("number 18885559999 is not in the account")
      // Offered to rent is not rented: without rent it is still not in the account.
      expect(yield* errorOf(400, "POST", `NumberPool/${p.pool}/Number/14155550199/`, { rent: "false" }))
        .toBe("number 14155550199 is not in the account")
    })))

  it.effect("400 for a duplicate name, on create and on update", () =>
    withEmulator(Effect.gen(function*() {
      yield* createPowerpack({ name: "taken" })
      const other = yield* createPowerpack({ name: "free" })
      expect(yield* errorOf(400, "POST", "Powerpack/", { name: "taken" })).toBe("Powerpack with name 'taken' already exists")
      expect(yield* errorOf(400, "POST", `Powerpack/${other.uuid}/`, { name: "taken" }))
        .toBe("Powerpack with name 'taken' already exists")
      // Renaming to its own name is no conflict.
      expect((yield* call("POST", `Powerpack/${other.uuid}/`, { json: { name: "free" } })).status).toBe(200)
    })))

  it.effect("400 for other invalid parameters", () =>
    withEmulator(Effect.gen(function*() {
      expect(yield* errorOf(400, "POST", "Powerpack/", {})).toBe("name is required")
      expect(yield* errorOf(400, "POST", "Powerpack/", { name: "x", application_id: "123" }))
        .toBe("application_type is required when application_id is given")
      expect(yield* errorOf(400, "POST", "Powerpack/", { name: "x", sticky_sender: "yes" })).toBe("sticky_sender must be a boolean")
      expect(yield* errorOf(400, "POST", "Powerpack/", { name: "x", number_priority: [{ country_iso: "US" }] }))
        .toContain("number_priority items need")
      const r = yield* call("POST", "Powerpack/", { body: "{not json" })
      expect(r.status).toBe(400)
      expect(yield* errorOf(400, "GET", "Powerpack/?limit=50")).toBe("limit must be an integer between 1 and 20")
    })))
})
