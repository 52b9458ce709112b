import { describe, expect, it } from "@effect/vitest"
import { StubHttpClient } from "@plivo-effect/testing"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { Powerpacks } from "../src/index.js"
import { fixture, requests, stubbed } from "./powerpackSupport.js"

const UUID = "86bbb125-97bb-4d72-89fd-81d5c515b015"
const PACK = () => fixture("plivo-php/powerpackResponse.json")
const ACK = () => fixture("plivo-go/powerpackDeleteResponse.json")

const priority = [
  { country_iso: "US", service_type: "SMS", priority: { priority1: "shortcode", priority2: "tollfree", priority3: "longcode" } },
  { country_iso: "CA", service_type: "MMS", priority: { priority1: "longcode" } }
] as const

describe("the wire request of", () => {
  it.effect("create: POST Powerpack/ with every given field as JSON", () =>
    Effect.gen(function*() {
      const pack = yield* (yield* Powerpacks).create({
        name: "alerts",
        sticky_sender: false,
        local_connect: true,
        application_type: "xml",
        application_id: "20342783288007824",
        number_priority: priority
      })
      expect(pack.uuid).toBe(UUID)
      const request = yield* StubHttpClient.onlyRequest
      expect(request.method).toBe("POST")
      expect(request.resource).toBe("Powerpack/")
      expect(request.headers["content-type"]).toMatch(/^application\/json/)
      expect(request.json).toStrictEqual({
        name: "alerts",
        sticky_sender: false,
        local_connect: true,
        application_type: "xml",
        application_id: "20342783288007824",
        number_priority: priority
      })
    }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, PACK())))))

  it.effect("create: only the name when nothing else is given", () =>
    Effect.gen(function*() {
      yield* (yield* Powerpacks).create({ name: "alerts" })
      expect((yield* StubHttpClient.onlyRequest).json).toStrictEqual({ name: "alerts" })
    }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(202, PACK())))))

  it.effect("create: application_id none needs no application_type", () =>
    Effect.gen(function*() {
      yield* (yield* Powerpacks).create({ name: "alerts", application_id: "none" })
      expect((yield* StubHttpClient.onlyRequest).json).toStrictEqual({ name: "alerts", application_id: "none" })
    }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, PACK())))))

  it.effect("get: GET Powerpack/{uuid}/ without query or body", () =>
    Effect.gen(function*() {
      const pack = yield* (yield* Powerpacks).get(UUID)
      expect(pack.number_pool_uuid).toBe("659c7f88-c819-46e2-8af4-2d8a84249099")
      const request = yield* StubHttpClient.onlyRequest
      expect(request.method).toBe("GET")
      expect(request.resource).toBe(`Powerpack/${UUID}/`)
      expect(request.query).toStrictEqual({})
      expect(request.text).toBe("")
    }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, PACK())))))

  it.effect("update: POST Powerpack/{uuid}/ with the given fields only", () =>
    Effect.gen(function*() {
      yield* (yield* Powerpacks).update(UUID, { local_connect: false, number_priority: priority.slice(0, 1) })
      const request = yield* StubHttpClient.onlyRequest
      expect(request.method).toBe("POST")
      expect(request.resource).toBe(`Powerpack/${UUID}/`)
      expect(request.json).toStrictEqual({ local_connect: false, number_priority: priority.slice(0, 1) })
    }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, PACK())))))

  it.effect("update: an empty update sends an empty object", () =>
    Effect.gen(function*() {
      yield* (yield* Powerpacks).update(UUID, {})
      expect((yield* StubHttpClient.onlyRequest).json).toStrictEqual({})
    }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, PACK())))))

  it.effect("delete: DELETE Powerpack/{uuid}/ with unrent_numbers false by default", () =>
    Effect.gen(function*() {
      yield* (yield* Powerpacks).delete(UUID)
      const request = yield* StubHttpClient.onlyRequest
      expect(request.method).toBe("DELETE")
      expect(request.resource).toBe(`Powerpack/${UUID}/`)
      expect(request.json).toStrictEqual({ unrent_numbers: false })
    }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, ACK())))))

  it.effect("delete: unrent_numbers true as a JSON boolean; a 204 succeeds", () =>
    Effect.gen(function*() {
      yield* (yield* Powerpacks).delete(UUID, { unrent_numbers: true })
      const request = yield* StubHttpClient.onlyRequest
      expect(request.json).toStrictEqual({ unrent_numbers: true })
      expect(request.text).toBe("{\"unrent_numbers\":true}")
    }).pipe(Effect.provide(stubbed(() => StubHttpClient.empty(204)))))

  it.effect("list: GET Powerpack/ with limit and offset", () =>
    Effect.gen(function*() {
      yield* (yield* Powerpacks).list({ limit: 5, offset: 10 })
      const request = yield* StubHttpClient.onlyRequest
      expect(request.method).toBe("GET")
      expect(request.resource).toBe("Powerpack/")
      expect(request.query).toStrictEqual({ limit: "5", offset: "10" })
    }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, fixture("plivo-go/powerpackList.json"))))))

  it.effect("list: no query without parameters", () =>
    Effect.gen(function*() {
      yield* (yield* Powerpacks).list()
      expect((yield* StubHttpClient.onlyRequest).query).toStrictEqual({})
    }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, fixture("plivo-go/powerpackList.json"))))))

  it.effect("stream: pages by offset until a short page, each Powerpack once", () =>
    Effect.gen(function*() {
      const all = yield* Stream.runCollect((yield* Powerpacks).stream())
      expect(Chunk.size(all)).toBe(21)
      expect((yield* requests).map((r) => [r.resource, r.query.limit, r.query.offset])).toEqual([
        ["Powerpack/", "20", "0"],
        ["Powerpack/", "20", "20"]
      ])
    }).pipe(
      Effect.provide(stubbed((request) => {
        const offset = Number(request.query.offset)
        const count = offset === 0 ? 20 : 1
        const objects = Array.from({ length: count }, (_, i) => ({
          ...PACK(),
          uuid: `pack-${offset + i}`
        }))
        return StubHttpClient.json(200, {
          api_id: "a",
          meta: { limit: 20, offset, total_count: 21, next: offset === 0 ? "/v1/Account/MA/Powerpack/?offset=20" : null },
          objects
        })
      }))
    ))
})
