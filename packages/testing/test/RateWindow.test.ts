import { describe, expect, it } from "@effect/vitest"
import * as RateWindow from "../src/RateWindow.js"

describe("RateWindow.maxInWindow", () => {
  it("counts the busiest sliding window (t - window, t], timestamps in any order", () => {
    expect(RateWindow.maxInWindow([], 5_000)).toBe(0)
    expect(RateWindow.maxInWindow([4_999, 0, 5_000, 1_000], "5 seconds")).toBe(3)
    // Equal timestamps share every window.
    expect(RateWindow.maxInWindow([7, 7, 7, 10_000], "1 second")).toBe(3)
    // 300 evenly spread over 5 s fit; one more at the end of the first window does not.
    const spread = Array.from({ length: 300 }, (_, i) => i * (5_000 / 300))
    expect(RateWindow.maxInWindow(spread, "5 seconds")).toBe(300)
    expect(RateWindow.maxInWindow([...spread, 4_999], "5 seconds")).toBe(301)
    expect(RateWindow.maxInWindow([...spread, 5_000], "5 seconds")).toBe(300)
  })
})
