import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as FiberRef from "effect/FiberRef"
import * as TestClock from "effect/TestClock"
import * as Wire from "../src/internal/wire.js"

const ref = FiberRef.unsafeMake("outside")
const other = FiberRef.unsafeMake(0)

describe("Wire.within (Effect.locally of several refs in one step)", () => {
  it.effect("sets every ref inside and puts back the values before on success, failure and interruption", () =>
    Effect.gen(function*() {
      const locals = [Wire.local(ref, "inside"), Wire.local(other, 7)]
      const seen = yield* Wire.within(Effect.all([FiberRef.get(ref), FiberRef.get(other)]), locals)
      expect(seen).toEqual(["inside", 7])
      expect([yield* FiberRef.get(ref), yield* FiberRef.get(other)]).toEqual(["outside", 0])

      const failed = yield* Effect.exit(Wire.within(Effect.fail("boom"), locals))
      expect(Exit.isFailure(failed)).toBe(true)
      expect(yield* FiberRef.get(ref)).toBe("outside")

      // A ref the effect sets itself (not one of the locals) keeps its new value, as with locally.
      yield* Wire.within(FiberRef.set(other, 42), [Wire.local(ref, "inside")])
      expect([yield* FiberRef.get(ref), yield* FiberRef.get(other)]).toEqual(["outside", 42])

      const fiber = yield* Effect.fork(
        Effect.zipRight(Wire.within(Effect.sleep("1 second"), locals), FiberRef.get(ref))
      )
      yield* TestClock.adjust("10 millis")
      const interrupted = yield* Fiber.interrupt(fiber)
      expect(Exit.isInterrupted(interrupted)).toBe(true)
      const afterInterrupt = yield* Effect.exit(Wire.within(Effect.interrupt, locals))
      expect(Exit.isInterrupted(afterInterrupt)).toBe(true)
      expect(yield* FiberRef.get(ref)).toBe("outside")
    }))

  it.effect("runs `after` once on every exit (success, failure, interruption), with the refs put back", () =>
    Effect.gen(function*() {
      const seen: Array<string> = []
      const after = Effect.map(FiberRef.get(ref), (value) => {
        seen.push(value)
      })
      const locals = [Wire.local(ref, "inside")]
      yield* Wire.within(Effect.void, locals, after)
      yield* Effect.exit(Wire.within(Effect.fail("boom"), locals, after))
      const fiber = yield* Effect.fork(Wire.within(Effect.never, locals, after))
      yield* TestClock.adjust("10 millis")
      yield* Fiber.interrupt(fiber)
      expect(seen).toEqual(["outside", "outside", "outside"])
    }))
})
