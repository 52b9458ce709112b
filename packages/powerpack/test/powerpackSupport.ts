import { RetryPolicy } from "@plivo-effect/core"
import { StubHttpClient } from "@plivo-effect/testing"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { expect } from "vitest"
import { Powerpacks } from "../src/index.js"

export { allFixtures, fixture, fixturesDir, type IndexRow, indexRows } from "../../../test/fixtures/recorded.js"

/** Powerpacks over a stub; no retries, so each answer surfaces as is. */
export const stubbed = (handler: StubHttpClient.Handler) =>
  Powerpacks.layer.pipe(Layer.provideMerge(StubHttpClient.layerClient(handler, { retry: RetryPolicy.none })))

export const requests = Effect.flatMap(StubHttpClient, (stub) => stub.requests)

/** Expects `effect` to fail with `InvalidParamsError` whose message holds `issue`, and no request at all. */
export const expectInvalid = <A, E extends { readonly _tag: string; readonly message: string }, R>(
  effect: Effect.Effect<A, E, R>,
  issue: string | RegExp
) =>
  Effect.gen(function*() {
    const error = yield* Effect.flip(effect)
    expect(error._tag).toBe("InvalidParamsError")
    expect(error.message).toMatch(issue)
    expect(yield* requests).toHaveLength(0)
  })

export const objectsOf = (json: Record<string, unknown>): ReadonlyArray<Record<string, unknown>> => {
  const objects = json.objects
  if (!Array.isArray(objects)) throw new Error("no objects")
  return objects.map((o) => ({ ...o }))
}

/** Fields of hand-written fixtures that are no API field (the console's name for Sticky Sender). */
const IGNORED = new Set(["smart_sender"])

/**
 * Checks that every field of a wire Powerpack survived decoding: `created_on` as the same
 * instant, `""` as absent, a numeric `application_id` as its digits, and `number_pool_uuid`
 * as the segment after `NumberPool` in `number_pool`.
 */
export const expectPowerpackFrom = (raw: Record<string, unknown>, decoded: object): void => {
  const out = new Map(Object.entries(decoded))
  for (const [key, value] of Object.entries(raw)) {
    if (IGNORED.has(key)) expect(out.has(key), key).toBe(false)
    else if (value === "" || value === null) expect(out.has(key), key).toBe(false)
    else if (key === "created_on") {
      const got = out.get(key)
      expect(DateTime.isDateTime(got) && DateTime.toEpochMillis(got), key).toBe(Date.parse(String(value)))
    } else if (key === "application_id") expect(out.get(key), key).toBe(String(value))
    else expect(out.get(key), key).toEqual(value)
  }
  expect(out.get("number_pool_uuid")).toBe(String(raw.number_pool).split("/")[5])
}
