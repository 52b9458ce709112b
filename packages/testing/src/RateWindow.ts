/**
 * Checks a request log against a rate budget: the most requests found in any sliding
 * window, the rule the emulator's `rateLimits` enforce. Tests of code that must stay
 * within Plivo's budgets (300 requests / 5 s per account, 20 / min on `GET Message/`) feed
 * it the timestamps of `emulator.requests`.
 *
 * @since 0.1.0
 */
import * as Duration from "effect/Duration"

/**
 * The most timestamps (epoch millis, in any order) found in any sliding window
 * `(t - window, t]`; a number `window` is millis.
 *
 * @since 0.1.0
 * @category utils
 * @example
 * ```ts
 * import { RateWindow } from "@plivo-effect/testing"
 *
 * RateWindow.maxInWindow([0, 1_000, 4_999, 5_000], "5 seconds") // 3: 0 and 5_000 are 5 s apart, never in one window
 * ```
 */
export const maxInWindow = (times: ReadonlyArray<number>, window: Duration.DurationInput): number => {
  const windowMillis = Duration.toMillis(window)
  const sorted = [...times].sort((a, b) => a - b)
  let max = 0
  let start = 0
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[start] ?? 0) <= (sorted[end] ?? 0) - windowMillis) start++
    max = Math.max(max, end - start + 1)
  }
  return max
}
