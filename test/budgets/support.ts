/** Helpers of the budget tests: the sliding-window check and a TestClock driver. */
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import * as TestClock from "effect/TestClock"

/**
 * The most timestamps found in any sliding window `(t - windowMillis, t]`, the rule the
 * emulator enforces; `times` in any order.
 */
export const maxInWindow = (times: ReadonlyArray<number>, windowMillis: number): number => {
  const sorted = [...times].sort((a, b) => a - b)
  let max = 0
  let start = 0
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[start] ?? 0) <= (sorted[end] ?? 0) - windowMillis) start++
    max = Math.max(max, end - start + 1)
  }
  return max
}

/** Moves the TestClock by `step` until `fiber` is done, at most `maxSteps` times. */
export const drive = <A, E>(
  fiber: Fiber.Fiber<A, E>,
  step: Duration.DurationInput,
  maxSteps: number
): Effect.Effect<A, E | Error> =>
  Effect.gen(function*() {
    for (let i = 0; i < maxSteps; i++) {
      if (Option.isSome(yield* Fiber.poll(fiber))) return yield* Fiber.join(fiber)
      yield* TestClock.adjust(step)
    }
    if (Option.isSome(yield* Fiber.poll(fiber))) return yield* Fiber.join(fiber)
    yield* Fiber.interrupt(fiber)
    return yield* Effect.fail(new Error(`not done after ${maxSteps} steps`))
  })
