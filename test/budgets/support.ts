/** Helpers of the budget tests: a TestClock driver (the sliding-window check is `RateWindow`). */
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import * as TestClock from "effect/TestClock"

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
