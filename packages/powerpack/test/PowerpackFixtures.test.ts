import { describe, expect, it } from "@effect/vitest"
import { StubHttpClient } from "@plivo-effect/testing"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import { Powerpack, Powerpacks } from "../src/index.js"
import { allFixtures, expectPowerpackFrom, fixture, indexRows, objectsOf, requests, stubbed } from "./powerpackSupport.js"

// Every fixture INDEX.md lists for a Powerpack/ endpoint and does not mark hand-written.
const CREATE = [
  "plivo-python/powerpackCreatePowerpackResponse.json",
  "plivo-java/powerpackCreateResponse.json"
]
const GET = [
  "plivo-python/powerpackGetPowerpackResponse.json", // numeric application_id, smart_sender, no sticky_sender
  "plivo-python/powerpackResponse.json",
  "plivo-go/powerpack.json",
  "plivo-java/numberPoolPowerPack.json",
  "plivo-php/powerpackResponse.json"
]
const UPDATE = ["plivo-python/powerpackUpdatePowerpackResponse.json"]
const DELETE = [
  "plivo-python/powerpackDeleteResponse.json",
  "plivo-go/powerpackDeleteResponse.json",
  "plivo-php/powerpackDeleteResponse.json"
]
const LIST = [
  "plivo-python/powerpackListPowerpackResponse.json",
  "plivo-python/powerpackListResponse.json",
  "plivo-go/powerpackList.json",
  "plivo-java/powerpackListResponse.json",
  "plivo-php/powerpackListResponse.json"
]
const COVERED = [...CREATE, ...GET, ...UPDATE, ...DELETE, ...LIST]

const UUID = "86bbb125-97bb-4d72-89fd-81d5c515b015"

const isPowerpackEndpoint = (path: string) => path.startsWith("/v1/Account/{auth_id}/Powerpack/")
const isHandWritten = (notes: string) => /HAND-WRITTEN|wrong/i.test(notes)

describe("fixtures", () => {
  it("INDEX.md lists every powerpack and number pool fixture file", () => {
    const listed = new Set(indexRows().map((row) => row.file))
    const files = allFixtures().filter((name) => /powerpack|numberpool/i.test(name))
    expect(files.length).toBeGreaterThan(0)
    expect(files.filter((name) => !listed.has(name))).toEqual([])
  })

  it("covers every Powerpack/ fixture the INDEX does not mark hand-written", () => {
    const relevant = indexRows()
      .filter((row) => isPowerpackEndpoint(row.path) && !isHandWritten(row.notes))
      .map((row) => row.file)
    expect([...relevant].sort()).toEqual([...COVERED].sort())
  })

  describe("Powerpacks.create", () => {
    for (const name of CREATE) {
      it.effect(name, () =>
        Effect.gen(function*() {
          const pack = yield* (yield* Powerpacks).create({ name: "test" })
          expectPowerpackFrom(fixture(name), pack)
        }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, fixture(name))))))
    }
  })

  describe("Powerpacks.get", () => {
    for (const name of GET) {
      it.effect(name, () =>
        Effect.gen(function*() {
          const pack = yield* (yield* Powerpacks).get(UUID)
          expectPowerpackFrom(fixture(name), pack)
          expect((yield* requests)[0]?.resource).toBe(`Powerpack/${UUID}/`)
        }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, fixture(name))))))
    }
  })

  describe("Powerpacks.update", () => {
    for (const name of UPDATE) {
      it.effect(name, () =>
        Effect.gen(function*() {
          const pack = yield* (yield* Powerpacks).update(UUID, { local_connect: true })
          expectPowerpackFrom(fixture(name), pack)
        }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, fixture(name))))))
    }
  })

  describe("Powerpacks.delete", () => {
    for (const name of DELETE) {
      it.effect(name, () =>
        Effect.gen(function*() {
          yield* (yield* Powerpacks).delete(UUID)
          expect((yield* requests).map((r) => r.method)).toEqual(["DELETE"])
        }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, fixture(name))))))
    }
  })

  describe("Powerpacks.list and Powerpacks.stream", () => {
    for (const name of LIST) {
      it.effect(`list ${name}`, () =>
        Effect.gen(function*() {
          const raw = fixture(name)
          const page = yield* (yield* Powerpacks).list({ limit: 20 })
          expect(page.api_id).toBe(raw.api_id)
          const objects = objectsOf(raw)
          expect(page.objects).toHaveLength(objects.length)
          objects.forEach((o, i) => expectPowerpackFrom(o, page.objects[i] ?? {}))
        }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, fixture(name))))))

      it.effect(`stream ${name}`, () =>
        Effect.gen(function*() {
          const raw = fixture(name)
          const all = yield* Stream.runCollect((yield* Powerpacks).stream())
          // A stream emits each uuid once; the python list fixture repeats a placeholder uuid.
          const unique = [...new Set(objectsOf(raw).map((o) => o.uuid))]
          expect(Chunk.toReadonlyArray(all).map((p) => p.uuid)).toEqual(unique)
          expect((yield* requests)[0]?.query).toMatchObject({ limit: "20", offset: "0" })
        }).pipe(
          Effect.provide(stubbed((request) =>
            request.query.offset === "0"
              ? StubHttpClient.json(200, fixture(name))
              : StubHttpClient.json(200, { api_id: "x", meta: { next: null }, objects: [] })
          ))
        ))
    }
  })
})

describe("Powerpack schema", () => {
  const base = {
    uuid: UUID,
    name: "p",
    number_pool: "/v1/Account/MA123/NumberPool/659c7f88-c819-46e2-8af4-2d8a84249099/",
    created_on: "2019-09-03T08:50:09.510692Z"
  }

  it("decodes application_id as a digit string, a number or blank", () => {
    const decode = Schema.decodeUnknownSync(Powerpack)
    expect(decode({ ...base, application_id: "33660394121755210" }).application_id).toBe("33660394121755210")
    expect(decode({ ...base, application_id: 123912833468 }).application_id).toBe("123912833468")
    expect("application_id" in decode({ ...base, application_id: "" })).toBe(false)
    expect(() => decode({ ...base, application_id: 1.5 })).toThrow()
  })

  it("keeps an unknown application_type and a null priority rank as absent", () => {
    const pack = Schema.decodeUnknownSync(Powerpack)({
      ...base,
      application_type: "WEBHOOK",
      number_priority: [{ country_iso: "US", service_type: "SMS", priority: { priority1: "longcode", priority2: null, priority3: null } }]
    })
    expect(pack.application_type).toBe("WEBHOOK")
    expect(pack.number_priority).toEqual([{ country_iso: "US", service_type: "SMS", priority: { priority1: "longcode" } }])
  })

  it("fails on a number_pool that names no pool", () => {
    const result = Schema.decodeUnknownEither(Powerpack)({ ...base, number_pool: "/v1/Account/MA123/" })
    expect(result._tag).toBe("Left")
    expect(String(result._tag === "Left" ? result.left : "")).toContain("number_pool names no NumberPool uuid")
  })
})
