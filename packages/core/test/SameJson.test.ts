import { describe, expect, it } from "@effect/vitest"
import * as FastCheck from "effect/FastCheck"
import { sameJson } from "../src/internal/paginate.js"

// Few distinct leaves and keys, so that two values drawn apart are often equal, or equal but
// for one place; `Infinity` stands for what `JSON.parse` reads from `1e400` (written as `null`).
const leaf = FastCheck.constantFrom(null, 0, -0, 1, 2.5, Infinity, -Infinity, "", "a", "null", "1", true, false)
const key = FastCheck.constantFrom("a", "b", "c", "__proto__")
const { value } = FastCheck.letrec<{ value: unknown }>((tie) => ({
  value: FastCheck.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    FastCheck.array(tie("value"), { maxLength: 3 }),
    // Object.fromEntries defines "__proto__" as an own key, as JSON.parse does.
    FastCheck.uniqueArray(FastCheck.tuple(key, tie("value")), { maxLength: 3, selector: ([k]) => k }).map((entries) =>
      Object.fromEntries(entries)
    )
  )
}))

const byText = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

describe("sameJson", () => {
  it("agrees with comparing the JSON texts, on values drawn apart", () => {
    FastCheck.assert(FastCheck.property(value, value, (a, b) => sameJson(a, b) === byText(a, b)), { numRuns: 5_000 })
  })

  it("is true for a value and its copy through JSON text", () => {
    FastCheck.assert(FastCheck.property(value, (a) => sameJson(a, JSON.parse(JSON.stringify(a)))))
  })

  it("tells apart the same keys in another order, as the texts do", () => {
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false)
    expect(sameJson(JSON.parse("{\"a\":1e400}"), { a: null })).toBe(true)
    expect(sameJson([1, [2]], [1, { 0: 2 }])).toBe(false)
    expect(sameJson({}, [])).toBe(false)
    expect(sameJson([{ a: [1, { b: "x" }] }], [{ a: [1, { b: "y" }] }])).toBe(false)
  })
})
