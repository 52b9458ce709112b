import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { hasNext, ListMeta } from "../src/ListMeta.js"

const decode = Schema.decodeUnknownSync(ListMeta)

describe("ListMeta", () => {
  it("decodes a message list meta (no total_count, previous null)", () => {
    const meta = decode({ limit: 20, next: "/v1/Account/MA1/Message/?limit=20&offset=20", offset: 0, previous: null })
    expect(meta).toStrictEqual({
      limit: 20,
      next: "/v1/Account/MA1/Message/?limit=20&offset=20",
      offset: 0,
      previous: null
    })
  })
  it("decodes number pool meta with empty strings", () => {
    const meta = decode({ limit: 20, next: "", offset: 0, previous: "", total_count: 1 })
    expect(meta.next).toBe("")
    expect(meta.total_count).toBe(1)
  })
  it("decodes toll-free verification meta using count", () => {
    expect(decode({ count: 2, limit: 10, next: null, offset: 10 }).count).toBe(2)
  })
  it("accepts an empty object", () => {
    expect(decode({})).toStrictEqual({})
  })
  it("ignores unknown fields", () => {
    const meta = decode({ limit: 20, offset: 0, next: null, page_token: "abc", extra: { a: 1 } })
    expect(meta).toStrictEqual({ limit: 20, offset: 0, next: null })
    expect("page_token" in meta).toBe(false)
  })
  it("reads total_count and count leniently: a number kept, a numeric string read, anything else absent", () => {
    expect(decode({ total_count: 7, count: 0 })).toStrictEqual({ total_count: 7, count: 0 })
    expect(decode({ total_count: "7", count: " 12 " })).toStrictEqual({ total_count: 7, count: 12 })
    for (const odd of [null, "", "7.5", "-1", "many", true, {}, []]) {
      expect(decode({ limit: 2, total_count: odd, count: odd })).toStrictEqual({ limit: 2 })
    }
  })
  it("rejects wrongly typed fields", () => {
    expect(Either.isLeft(Schema.decodeUnknownEither(ListMeta)({ limit: "20" }))).toBe(true)
    expect(Either.isLeft(Schema.decodeUnknownEither(ListMeta)({ next: 1 }))).toBe(true)
  })
})

describe("hasNext", () => {
  it("is true for a next path", () => {
    expect(hasNext(decode({ next: "/v1/Account/MA1/Message/?limit=20&offset=20" }))).toBe(true)
  })
  it("is false for null, empty, blank or missing next", () => {
    expect(hasNext(decode({ next: null }))).toBe(false)
    expect(hasNext(decode({ next: "" }))).toBe(false)
    expect(hasNext(decode({ next: "  " }))).toBe(false)
    expect(hasNext(decode({ limit: 20, offset: 0 }))).toBe(false)
  })
  it("is false without meta", () => {
    expect(hasNext(undefined)).toBe(false)
  })
})
