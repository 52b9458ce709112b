import { afterEach, beforeEach, describe, expect, it, vi } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as FiberRef from "effect/FiberRef"
import * as TestClock from "effect/TestClock"
import * as Timeout from "../src/internal/timeout.js"

// The timers of an hour-long timeout, told from any other by their delay, and whether each
// was cleared: a timer left behind would hold its closure (and the process) for an hour.
const HOUR = Duration.hours(1)
let armed: Array<ReturnType<typeof setTimeout>> = []
let cleared = new Set<unknown>()
const pending = () => armed.filter((timer) => !cleared.has(timer)).length
beforeEach(() => {
  armed = []
  cleared = new Set()
  const set = globalThis.setTimeout
  const clear = globalThis.clearTimeout
  vi.spyOn(globalThis, "setTimeout").mockImplementation(((handler: () => void, ms?: number) => {
    const timer = set(handler, ms)
    if (ms === Duration.toMillis(HOUR)) armed.push(timer)
    return timer
  }) as typeof setTimeout)
  vi.spyOn(globalThis, "clearTimeout").mockImplementation((timer) => {
    cleared.add(timer)
    clear(timer)
  })
})
afterEach(() => {
  vi.restoreAllMocks()
})
const ref = FiberRef.unsafeMake("outside")

describe("Timeout.make on the live clock (a timer, one fork)", () => {
  it.live("fails with onTimeout once the duration passes, after the effect's interruption has finished", () =>
    Effect.gen(function*() {
      const seen: Array<string> = []
      const hangs = Effect.never.pipe(
        Effect.onInterrupt(() => Effect.zipRight(Effect.sleep("20 millis"), Effect.sync(() => seen.push("finalised"))))
      )
      const start = Date.now()
      const error = yield* Effect.flip(Timeout.make(Duration.millis(50))(hangs, () => "timed out"))
      seen.push("returned")
      expect(error).toBe("timed out")
      expect(Date.now() - start).toBeGreaterThanOrEqual(45)
      expect(seen).toEqual(["finalised", "returned"])
    }))

  it.live("an effect that ends first wins, with its value or its failure, and leaves no timer behind", () =>
    Effect.gen(function*() {
      const timeout = Timeout.make(HOUR)
      expect(yield* timeout(Effect.succeed(1), () => "timed out")).toBe(1)
      expect(yield* timeout(Effect.as(Effect.sleep("10 millis"), 2), () => "timed out")).toBe(2)
      const failed = yield* Effect.exit(timeout(Effect.fail("boom"), () => "timed out"))
      expect(failed).toStrictEqual(Exit.fail("boom"))
      const died = yield* Effect.exit(timeout(Effect.die("defect"), () => "timed out"))
      expect(Exit.isFailure(died) && died.cause._tag).toBe("Die")
      expect(armed).toHaveLength(4)
      expect(pending()).toBe(0)
    }))

  it.live("interrupting the caller interrupts the effect at once and clears the timer", () =>
    Effect.gen(function*() {
      let interrupted = false
      const started = yield* Effect.makeLatch()
      const fiber = yield* Effect.fork(
        Timeout.make(HOUR)(
          Effect.zipRight(started.open, Effect.never).pipe(Effect.onInterrupt(() => Effect.sync(() => { interrupted = true }))),
          () => "timed out"
        )
      )
      yield* started.await
      const exit = yield* Fiber.interrupt(fiber)
      expect(Exit.isInterrupted(exit)).toBe(true)
      expect(interrupted).toBe(true)
      expect(armed).toHaveLength(1)
      expect(pending()).toBe(0)
    }))

  it.live("the effect runs with the caller's fiber refs", () =>
    Effect.gen(function*() {
      const seen = yield* Timeout.make(Duration.seconds(5))(FiberRef.get(ref), () => "timed out").pipe(
        Effect.locally(ref, "inside")
      )
      expect(seen).toBe("inside")
    }))

  it.live("a duration no timer can hold never fires (as Effect's clock treats it)", () =>
    Effect.gen(function*() {
      const value = yield* Timeout.make(Duration.days(30))(Effect.as(Effect.sleep("30 millis"), "answered"), () => "timed out")
      expect(value).toBe("answered")
    }))
})

describe("Timeout.make on another clock (Effect.timeoutFail)", () => {
  it.effect("the TestClock decides when it fires", () =>
    Effect.gen(function*() {
      const fiber = yield* Effect.fork(Effect.flip(Timeout.make(Duration.seconds(30))(Effect.never, () => "timed out")))
      yield* TestClock.adjust(Duration.seconds(29))
      expect(fiber.unsafePoll()).toBeNull()
      yield* TestClock.adjust(Duration.seconds(1))
      expect(yield* Fiber.join(fiber)).toBe("timed out")
    }))
})
