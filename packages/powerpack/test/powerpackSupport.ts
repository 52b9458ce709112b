import { RetryPolicy } from "@plivo-effect/core"
import { StubHttpClient } from "@plivo-effect/testing"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { readdirSync, readFileSync } from "node:fs"
import { expect } from "vitest"
import { Powerpacks } from "../src/index.js"

/** The recorded bodies the repository holds (see its README and INDEX.md for their sources). */
export const fixturesDir = new URL("../../../test/fixtures/recorded/", import.meta.url)

export const fixture = (name: string): Record<string, unknown> => {
  const json: unknown = JSON.parse(readFileSync(new URL(name, fixturesDir), "utf8"))
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw new Error(`${name} is not an object`)
  return { ...json }
}

/** Every fixture file under the SDK folders, as `plivo-go/x.json`. */
export const allFixtures = (): ReadonlyArray<string> =>
  readdirSync(fixturesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) => readdirSync(new URL(`${dir.name}/`, fixturesDir)).map((file) => `${dir.name}/${file}`))

/** One row of INDEX.md. */
export interface IndexRow {
  readonly file: string
  readonly method: string
  readonly path: string
  readonly notes: string
}

/** The rows of INDEX.md's fixture tables: `| \`file\` | source | METHOD | path | notes |`. */
export const indexRows = (): ReadonlyArray<IndexRow> =>
  readFileSync(new URL("INDEX.md", fixturesDir), "utf8")
    .split("\n")
    .flatMap((line) => {
      const cells = line.split("|").map((cell) => cell.trim())
      const file = /^`([^`]+\.json)`$/.exec(cells[1] ?? "")?.[1]
      return file === undefined
        ? []
        : [{ file, method: cells[3] ?? "", path: (cells[4] ?? "").replace(/`/g, ""), notes: cells[5] ?? "" }]
    })

/** Powerpacks over a stub; no retries, so each answer surfaces as is. */
export const stubbed = (handler: StubHttpClient.Handler) =>
  Powerpacks.layer.pipe(Layer.provideMerge(StubHttpClient.layerClient(handler, { retry: RetryPolicy.none })))

export const requests = Effect.flatMap(StubHttpClient, (stub) => stub.requests)

/** The one request a call made. */
export const onlyRequest = Effect.gen(function*() {
  const all = yield* requests
  expect(all).toHaveLength(1)
  const [request] = all
  if (request === undefined) throw new Error("no request")
  return request
})

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
