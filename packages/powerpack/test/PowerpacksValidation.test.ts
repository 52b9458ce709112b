import { describe, expect, it } from "@effect/vitest"
import { StubHttpClient } from "@plivo-effect/testing"
import * as Effect from "effect/Effect"
import {
  type CreatePowerpackParams,
  type DeletePowerpackParams,
  Powerpacks,
  type UpdatePowerpackParams
} from "../src/index.js"
import { requests, stubbed } from "./powerpackSupport.js"

// Any request reaching the stub fails the tests below: validation must stop it first.
const Stub = stubbed(() => StubHttpClient.json(500, { error: "should not have been sent" }))

const UUID = "86bbb125-97bb-4d72-89fd-81d5c515b015"

/** Runs `effect`, expects InvalidParamsError naming `operation` and `issue`, and no request at all. */
const rejected = <A, E extends { readonly _tag: string; readonly message: string }, R>(
  effect: Effect.Effect<A, E, R>,
  operation: string,
  issue: string | RegExp
) =>
  Effect.gen(function*() {
    const error = yield* Effect.flip(effect)
    expect(error._tag).toBe("InvalidParamsError")
    expect(error.message).toContain(operation)
    expect(error.message).toMatch(issue)
    expect(yield* requests).toHaveLength(0)
  }).pipe(Effect.provide(Stub))

// Cases the types already forbid go through `unknown`, as plain JavaScript could send them.
const createUnchecked = (params: unknown) =>
  Effect.flatMap(Powerpacks, (p) => p.create(params as CreatePowerpackParams))
const updateUnchecked = (params: unknown) =>
  Effect.flatMap(Powerpacks, (p) => p.update(UUID, params as UpdatePowerpackParams))

const item = (over: Record<string, unknown> = {}, priority: Record<string, unknown> = {}) => ({
  country_iso: "US",
  service_type: "SMS",
  priority: { priority1: "shortcode", priority2: "tollfree", priority3: "longcode", ...priority },
  ...over
})

// Rules shared by create and update (create also gets a name).
const FIELD_CASES: ReadonlyArray<readonly [string, Record<string, unknown>, string | RegExp]> = [
  ["a blank name", { name: "  " }, "name must be a non-blank string"],
  ["a numeric name", { name: 5 }, "name must be a non-blank string, got 5"],
  ["sticky_sender as a string", { sticky_sender: "true" }, "sticky_sender must be a boolean"],
  ["local_connect as a number", { local_connect: 1 }, "local_connect must be a boolean"],
  ["application_type upper-case", { application_type: "XML", application_id: "1" }, "application_type must be \"xml\" or \"phlo\""],
  ["an application_id without application_type", { application_id: "20342783288007824" }, "application_type (xml or phlo) is required"],
  ["a blank application_id", { application_id: "" }, "application_id must be a non-blank string"],
  ["a numeric application_id", { application_id: 20342783288007824, application_type: "xml" }, "application_id must be a non-blank string"],
  ["number_priority not an array", { number_priority: item() }, "number_priority must be an array"],
  ["a number_priority item that is no object", { number_priority: ["US"] }, "number_priority[0] must be an object"],
  ["a lower-case country_iso", { number_priority: [item({ country_iso: "us" })] }, "number_priority[0].country_iso must be an ISO alpha-2"],
  ["country_iso2 instead of country_iso", { number_priority: [{ ...item({ country_iso2: "US" }), country_iso: undefined }] }, "country_iso must be"],
  ["a service_type other than SMS/MMS", { number_priority: [item({ service_type: "sms" })] }, "service_type must be \"SMS\" or \"MMS\""],
  ["no priority", { number_priority: [item({ priority: undefined })] }, "number_priority[0].priority must be an object"],
  ["no priority1", { number_priority: [item({}, { priority1: undefined })] }, "priority.priority1 is required"],
  ["an unknown number type", { number_priority: [item({}, { priority2: "mobile" })] }, "priority.priority2 must be shortcode, longcode or tollfree"],
  ["a number type twice", { number_priority: [item(), item({}, { priority3: "shortcode" })] }, "number_priority[1].priority ranks shortcode more than once"],
  ["an unknown rank", { number_priority: [item({}, { priority4: "longcode" })] }, "priority has an unknown key \"priority4\""],
  ["an unknown parameter", { smart_sender: true }, "unknown parameter \"smart_sender\""]
]

describe("Powerpacks validation: nothing is sent", () => {
  it.effect("create without a name", () => rejected(createUnchecked({ sticky_sender: true }), "Powerpacks.create", "name must be a non-blank string"))

  it.effect("create with parameters that are no object", () => rejected(createUnchecked("alerts"), "Powerpacks.create", "the parameters must be an object"))

  for (const [title, params, issue] of FIELD_CASES) {
    it.effect(`create: ${title}`, () => rejected(createUnchecked({ name: "n", ...params }), "Powerpacks.create", issue))
    it.effect(`update: ${title}`, () => rejected(updateUnchecked(params), "Powerpacks.update", issue))
  }

  it.effect("every broken rule is named at once", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(createUnchecked({ sticky_sender: "no", application_type: "soap" }))
      expect(error.message).toContain("name must be")
      expect(error.message).toContain("sticky_sender must be a boolean")
      expect(error.message).toContain("application_type must be")
      expect(yield* requests).toHaveLength(0)
    }).pipe(Effect.provide(Stub)))

  it.effect("delete: unrent_numbers as a string", () =>
    rejected(
      Effect.flatMap(Powerpacks, (p) => p.delete(UUID, { unrent_numbers: "true" } as unknown as DeletePowerpackParams)),
      "Powerpacks.delete",
      "unrent_numbers must be a boolean, got \"true\""
    ))

  it.effect("delete: an unknown option", () =>
    rejected(
      Effect.flatMap(Powerpacks, (p) => p.delete(UUID, { unrent: true } as unknown as DeletePowerpackParams)),
      "Powerpacks.delete",
      "unknown parameter \"unrent\""
    ))

  for (const [title, params, issue] of [
    ["limit 0", { limit: 0 }, "limit must be an integer from 1 to 20"],
    ["limit 21", { limit: 21 }, "limit must be an integer from 1 to 20"],
    ["offset -1", { offset: -1 }, "offset must be a non-negative integer"],
    ["offset 1.5", { offset: 1.5 }, "offset must be a non-negative integer"]
  ] as const) {
    it.effect(`list: ${title}`, () =>
      rejected(Effect.flatMap(Powerpacks, (p) => p.list(params)), "Powerpacks.list", issue))
  }

  it.effect("list: a filter (Go's undocumented service) is refused", () =>
    rejected(
      Effect.flatMap(Powerpacks, (p) => p.list({ service: "sms" } as Powerpacks.ListParams)),
      "Powerpacks.list",
      "unknown parameter \"service\""
    ))
})

describe("Powerpacks validation: what passes", () => {
  it.effect("application_id none without application_type, and phlo with an id", () =>
    Effect.gen(function*() {
      const powerpacks = yield* Powerpacks
      // The stub answers 500: reaching it (an ApiError, not InvalidParamsError) means validation passed.
      const none = yield* Effect.flip(powerpacks.update(UUID, { application_id: "none" }))
      const phlo = yield* Effect.flip(powerpacks.update(UUID, { application_id: "p1", application_type: "phlo" }))
      expect([none._tag, phlo._tag]).not.toContain("InvalidParamsError")
      expect(yield* requests).toHaveLength(2)
    }).pipe(Effect.provide(Stub)))
})
