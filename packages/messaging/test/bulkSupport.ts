import { type PlivoBudget, PlivoClient, PlivoConfig } from "@plivo-effect/core"
import { PlivoEmulator } from "@plivo-effect/testing"
import * as Chunk from "effect/Chunk"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as TestClock from "effect/TestClock"
import { Messaging } from "../src/index.js"

/**
 * The emulator's rate limits (300 requests / 5 s, as Plivo's), on for every bulk test; the
 * client's budgets are on too (`PlivoConfig`'s default, Plivo's numbers) unless a test
 * passes `budget`. `drive` advances the TestClock through the budget's waits.
 */
export const RATE_LIMITS = true

/**
 * Messages over a `PlivoClient` aimed at an in-process emulator (lifecycle off: 100,000
 * queued messages start no timers). The request timeout is an hour so that `drive`, which
 * only jumps to waits due within ten minutes, never fires one while a request is in flight.
 */
export const emulated = (options: PlivoEmulator.Options = {}, budget?: PlivoBudget.Options | false) =>
  Messaging.layer.pipe(
    Layer.provideMerge(Layer.unwrapEffect(Effect.map(PlivoEmulator, (emulator) =>
      PlivoClient.layer.pipe(
        Layer.provideMerge(PlivoConfig.layer({
          authId: emulator.authId,
          authToken: emulator.authToken,
          baseUrl: emulator.baseUrl,
          timeout: "1 hour",
          ...(budget === undefined ? {} : { budget })
        })),
        Layer.orDie
      )))),
    Layer.provideMerge(PlivoEmulator.layer({ rateLimits: RATE_LIMITS, lifecycle: { auto: false }, ...options }))
  )

const NEAR = Duration.toMillis("10 minutes")
const MAX_TURNS = 2_000_000

const macrotask = Effect.promise(() => new Promise<void>((resolve) => setImmediate(resolve)))

/**
 * Runs `effect` under the TestClock, moving the clock to the next wait due within ten
 * minutes (a backoff, a budget) whenever there is one, and otherwise letting real I/O
 * (the in-process emulator's fetch) progress. Request timeouts lie further out and are
 * never reached.
 */
export const drive = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.gen(function*() {
    const fiber = yield* Effect.fork(effect)
    for (let turn = 0; turn < MAX_TURNS; turn++) {
      const exit = yield* Fiber.poll(fiber)
      if (Option.isSome(exit)) return yield* exit.value
      const now = yield* TestClock.currentTimeMillis
      const due = Chunk.toReadonlyArray(yield* TestClock.sleeps()).filter((at) => at - now <= NEAR)
      if (due.length > 0) yield* TestClock.adjust(Math.max(1, Math.min(...due) - now))
      else yield* macrotask
    }
    return yield* Effect.dieMessage(`drive: not done after ${MAX_TURNS} turns`)
  })

/** `count` distinct US numbers from `start`, 11 digits as the emulator wants for `+1`. */
export function* usNumbers(count: number, start = 0): Generator<string> {
  for (let i = start; i < start + count; i++) yield `1415${String(i).padStart(7, "0")}`
}

export const src = "14155550100"
