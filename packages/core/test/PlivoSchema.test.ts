import { describe, expect, it } from "@effect/vitest"
import { PlivoDateTime, PlivoSchema } from "@plivo-effect/core"
import * as DateTime from "effect/DateTime"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"

describe("PlivoSchema.optional", () => {
  it("leaves a missing key absent and refuses an explicit undefined", () => {
    const S = Schema.Struct({ a: PlivoSchema.optional(Schema.String) })
    const decoded = Schema.decodeUnknownSync(S)({})
    expect("a" in decoded).toBe(false)
    expect(Schema.decodeUnknownSync(S)({ a: "x" })).toStrictEqual({ a: "x" })
    expect(Either.isLeft(Schema.decodeUnknownEither(S)({ a: undefined }))).toBe(true)
  })
})

describe("PlivoSchema.OpenEnum", () => {
  const State = PlivoSchema.OpenEnum("queued", "delivered")
  it("decodes known and unknown strings, and refuses non-strings", () => {
    expect(Schema.decodeUnknownSync(State)("delivered")).toBe("delivered")
    expect(Schema.decodeUnknownSync(State)("brand_new_state")).toBe("brand_new_state")
    expect(Either.isLeft(Schema.decodeUnknownEither(State)(3))).toBe(true)
  })
  it("keeps the known values", () => {
    expect(State.members[0].literals).toStrictEqual(["queued", "delivered"])
  })
})

describe("PlivoSchema.blankAsAbsent", () => {
  const S = Schema.Struct({ at: PlivoSchema.blankAsAbsent(PlivoDateTime) })
  it("reads missing, null and empty as absent", () => {
    for (const input of [{}, { at: null }, { at: "" }]) {
      expect("at" in Schema.decodeUnknownSync(S)(input)).toBe(false)
    }
  })
  it("decodes anything else through the schema, failing as it fails", () => {
    const { at } = Schema.decodeUnknownSync(S)({ at: "2024-01-01 10:00:00+00:00" })
    expect(at === undefined ? undefined : DateTime.formatIso(at)).toBe("2024-01-01T10:00:00.000Z")
    expect(Either.isLeft(Schema.decodeUnknownEither(S)({ at: "yesterday" }))).toBe(true)
  })
})

describe("PlivoSchema.ListPage", () => {
  const Item = Schema.Struct({ id: Schema.String })
  const Page = Schema.Struct({ api_id: Schema.String, ...PlivoSchema.ListPage(Item, "brands").fields })
  it("decodes the items under the given key and meta, missing or null meta as {}", () => {
    expect(Schema.decodeUnknownSync(Page)({ api_id: "a", meta: { limit: 1, next: null }, brands: [{ id: "b" }] }))
      .toStrictEqual({ api_id: "a", meta: { limit: 1, next: null }, brands: [{ id: "b" }] })
    expect(Schema.decodeUnknownSync(Page)({ api_id: "a", meta: null, brands: [] }).meta).toStrictEqual({})
    expect(Schema.decodeUnknownSync(PlivoSchema.ListPage(Item, "objects"))({ objects: [] }))
      .toStrictEqual({ meta: {}, objects: [] })
  })
  it("fails when the items are missing or malformed", () => {
    expect(Either.isLeft(Schema.decodeUnknownEither(Page)({ api_id: "a", objects: [] }))).toBe(true)
    expect(Either.isLeft(Schema.decodeUnknownEither(Page)({ api_id: "a", brands: [{ id: 1 }] }))).toBe(true)
  })
})
