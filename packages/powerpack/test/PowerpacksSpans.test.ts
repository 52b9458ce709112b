import { describe, expect, it } from "@effect/vitest"
import { RetryPolicy } from "@plivo-effect/core"
import { StubHttpClient, TestTracer } from "@plivo-effect/testing"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import { NumberPool, Powerpack, Powerpacks } from "../src/index.js"
import { fixture, stubbed } from "./powerpackSupport.js"

const UUID = "86bbb125-97bb-4d72-89fd-81d5c515b015"
const hostile = "x".repeat(1_000_000) + "\r\n\u202e<script>"

/** The `plivo.powerpack_uuid` each uuid-taking operation records for `uuid`, by span name. */
const recorded = (uuid: string) =>
  Effect.gen(function*() {
    const powerpacks = yield* Powerpacks
    const { spans } = yield* TestTracer.withRecording(Effect.all([
      Effect.either(powerpacks.get(uuid)),
      Effect.either(powerpacks.update(uuid, { name: "n" })),
      Effect.either(powerpacks.delete(uuid))
    ]))
    return Object.fromEntries(
      spans
        .filter((span) => span.name.startsWith("Powerpacks."))
        .map((span) => [span.name, span.attributes.get("plivo.powerpack_uuid")])
    )
  }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(404, { api_id: "a", error: "not found" }))))

describe("Powerpacks spans", () => {
  it.effect("every call is traced; create records the new uuid", () =>
    Effect.gen(function*() {
      const powerpacks = yield* Powerpacks
      const { spans } = yield* TestTracer.withRecording(Effect.all([
        powerpacks.create({ name: "n" }),
        powerpacks.list(),
        Stream.runDrain(powerpacks.stream())
      ]))
      const names = spans.map((span) => span.name).filter((name) => name.startsWith("Powerpacks."))
      expect(names).toEqual(expect.arrayContaining(["Powerpacks.create", "Powerpacks.list", "Powerpacks.stream"]))
      const create = spans.find((span) => span.name === "Powerpacks.create")
      expect(create?.attributes.get("plivo.powerpack_uuid")).toBe(UUID)
      expect(create?.attributes.get("plivo.resource")).toBe("Powerpack")
    }).pipe(Effect.provide(stubbed((request) =>
      request.method === "POST"
        ? StubHttpClient.json(200, fixture("plivo-php/powerpackResponse.json"))
        : StubHttpClient.json(200, fixture("plivo-go/powerpackList.json"))
    ))))

  it.effect("a plain uuid is recorded as given", () =>
    Effect.gen(function*() {
      expect(yield* recorded(UUID)).toEqual({
        "Powerpacks.get": UUID,
        "Powerpacks.update": UUID,
        "Powerpacks.delete": UUID
      })
    }))

  it.effect("a huge uuid with CR/LF and a bidi override is recorded quoted, escaped and bounded", () =>
    Effect.gen(function*() {
      const byName = yield* recorded(hostile)
      expect(Object.keys(byName)).toEqual(["Powerpacks.get", "Powerpacks.update", "Powerpacks.delete"])
      for (const value of Object.values(byName)) {
        expect(typeof value === "string" && value.length).toBeLessThanOrEqual(70)
        expect(value).toMatch(/^"x+/)
        expect(value).not.toMatch(/[\r\n\u202e]/)
      }
    }))
})

describe("Powerpack spans under the native tracer (no tracer installed)", () => {
  const POOL = "659c7f88-c819-46e2-8af4-2d8a84249099"
  const NUMBER = "14155550100"

  it.effect("every call leaves the caller's span without the operation's attributes", () =>
    Effect.gen(function*() {
      const powerpacks = yield* Powerpacks
      const pool = yield* NumberPool
      const [created, failed, caller] = yield* Effect.all([
        // create records the uuid only once Plivo answers it.
        powerpacks.create({ name: "n" }),
        // The others record their ids before the request, which the stub answers 404.
        Effect.all([
          powerpacks.get(UUID),
          powerpacks.update(UUID, { name: "n" }),
          powerpacks.delete(UUID),
          pool.listNumbers(POOL),
          pool.addNumber(POOL, NUMBER),
          pool.buyNumber(POOL, { number: NUMBER }),
          pool.getNumber(POOL, NUMBER),
          pool.removeNumber(POOL, NUMBER),
          pool.listShortcodes(POOL),
          pool.getShortcode(POOL, "444444"),
          pool.removeShortcode(POOL, "444444"),
          pool.listTollfree(POOL),
          pool.addTollfree(POOL, NUMBER),
          pool.getTollfree(POOL, NUMBER),
          pool.removeTollfree(POOL, NUMBER)
        ].map((call) => Effect.flip(call))),
        Effect.currentSpan
      ]).pipe(Effect.withSpan("caller"))
      expect(created.uuid).toBe(UUID)
      expect(failed.map((error) => error._tag)).toEqual(Array(15).fill("NotFoundError"))
      expect(caller.name).toBe("caller")
      expect([...caller.attributes.keys()]).toEqual([])
    }).pipe(Effect.provide(Powerpack.layer.pipe(Layer.provideMerge(StubHttpClient.layerClient((request) =>
      request.method === "POST" && request.resource === "Powerpack/"
        ? StubHttpClient.json(200, fixture("plivo-php/powerpackResponse.json"))
        : StubHttpClient.json(404, { api_id: "a", error: "not found" }), { retry: RetryPolicy.none }))))))
})
