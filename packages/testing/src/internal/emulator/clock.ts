/**
 * The emulator's notion of now. Nanoseconds give Plivo's six fractional digits; under
 * TestClock they are whole milliseconds.
 *
 * @internal
 */
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"

/** @internal */
export const nowMicros: Effect.Effect<number> = Effect.map(Clock.currentTimeNanos, (nanos) => Number(nanos / 1000n))
