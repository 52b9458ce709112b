import { describe, expect, it } from "@effect/vitest"
import { RecentKeys } from "../src/internal/recentKeys.js"

describe("RecentKeys", () => {
  it("holds at most its capacity, however many keys pass through", () => {
    const keys = new RecentKeys(2_000)
    for (let i = 0; i < 100_000; i++) {
      expect(keys.add(`k-${i}`)).toBe(true)
      expect(keys.size).toBeLessThanOrEqual(2_000)
    }
    expect(keys.size).toBe(2_000)
  })

  it("refuses a key among the latest, forgets the oldest first", () => {
    const keys = new RecentKeys(3)
    expect(["a", "b", "c"].map((k) => keys.add(k))).toEqual([true, true, true])
    expect(keys.add("a")).toBe(false)
    // A refused key is not added again, so it does not move to the newest place.
    expect(keys.add("d")).toBe(true) // a is forgotten: b, c, d
    expect(keys.add("a")).toBe(true) // b is forgotten: c, d, a
    expect(keys.add("c")).toBe(false)
    expect(keys.add("b")).toBe(true) // c, d, a -> d, a, b
    expect(keys.add("c")).toBe(true)
    expect(keys.add("a")).toBe(false)
    expect(keys.size).toBe(3)
  })
})
