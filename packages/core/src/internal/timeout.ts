import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as DefaultServices from "effect/DefaultServices"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"

/** The clock every fiber has unless a `TestClock` or `Effect.withClock` replaced it. */
const liveClock = Context.get(DefaultServices.liveServices, Clock.Clock)

/** Longer than this, a JavaScript timer fires at once; Effect's clock never fires then. */
const MAX_TIMER_MILLIS = 2 ** 31 - 1

/**
 * A timeout of `duration`: `self`, or `onTimeout()` once `duration` has passed without its
 * end; then `self` is interrupted, and its interruption awaited, before the failure is
 * returned, as with `Effect.timeoutFail`.
 *
 * `Effect.timeoutFail` races `self` against a sleep, in two forked fibers: on every request
 * that is measurable. Under the live clock the sleep needs no fiber, only a timer; so `self`
 * is forked alone and whichever ends first, its exit or the timer, resumes the caller. Under
 * any other clock (a `TestClock`, `Effect.withClock`) the sleep belongs to that clock, and
 * `Effect.timeoutFail` is used as it is.
 *
 * The caller waits uninterruptibly, but an interruption it receives reaches the forked
 * `self` at once (a fiber passes interruption on to its children), whose exit then resumes
 * it.
 */
export const make = (duration: Duration.Duration) => {
  const millis = Duration.toMillis(duration)
  return <A, E, R, E2>(self: Effect.Effect<A, E, R>, onTimeout: () => E2): Effect.Effect<A, E | E2, R> =>
    Effect.clockWith((clock) => {
      if (clock !== liveClock) return Effect.timeoutFail(self, { duration, onTimeout })
      if (!(millis <= MAX_TIMER_MILLIS)) return self
      return Effect.uninterruptibleMask((restore) =>
        Effect.flatMap(Effect.fork(restore(self)), (fiber) =>
          // One parameter: `Effect.async` makes an `AbortController` for a second one.
          Effect.async<A, E | E2>((resume) => {
            let settled = false
            const timer = setTimeout(() => {
              if (settled) return
              settled = true
              resume(Effect.zipRight(Fiber.interrupt(fiber), Effect.fail(onTimeout())))
            }, millis)
            fiber.addObserver((exit: Exit.Exit<A, E>) => {
              if (settled) return
              settled = true
              clearTimeout(timer)
              resume(exit)
            })
          }))
      )
    })
}
