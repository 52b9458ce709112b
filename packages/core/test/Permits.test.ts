import { describe, expect, it } from "@effect/vitest"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as TestClock from "effect/TestClock"
import * as Permits from "../src/internal/permits.js"

// Lets every forked fiber run up to where it waits.
const settle = Effect.repeatN(Effect.yieldNow(), 20)

describe("Permits (the in-flight budget's semaphore)", () => {
  it.effect("runs at most max at once and the rest in arrival order", () =>
    Effect.gen(function*() {
      const permits = Permits.make(3)
      let running = 0
      let most = 0
      const started: Array<number> = []
      const task = (i: number) =>
        permits.withPermit(Effect.gen(function*() {
          started.push(i)
          running++
          most = Math.max(most, running)
          yield* Effect.sleep("1 second")
          running--
          return i
        }))
      const fiber = yield* Effect.fork(Effect.forEach([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], task, { concurrency: "unbounded" }))
      yield* settle
      expect(permits.taken()).toBe(3)
      expect(permits.waiting()).toBe(7)
      yield* TestClock.adjust("10 seconds")
      expect(yield* Fiber.join(fiber)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
      expect(most).toBe(3)
      expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
      expect([permits.taken(), permits.waiting()]).toEqual([0, 0])
    }))

  it.effect("gives the permit back when the effect fails, dies or is interrupted", () =>
    Effect.gen(function*() {
      const permits = Permits.make(1)
      expect(yield* Effect.exit(permits.withPermit(Effect.fail("boom")))).toStrictEqual(Exit.fail("boom"))
      expect(permits.taken()).toBe(0)
      const died = yield* Effect.exit(permits.withPermit(Effect.die("defect")))
      expect(Exit.isFailure(died)).toBe(true)
      expect(permits.taken()).toBe(0)
      const fiber = yield* Effect.fork(permits.withPermit(Effect.never))
      yield* settle
      expect(permits.taken()).toBe(1)
      expect(Exit.isInterrupted(yield* Fiber.interrupt(fiber))).toBe(true)
      expect(permits.taken()).toBe(0)
      expect(yield* permits.withPermit(Effect.succeed("next"))).toBe("next")
    }))

  it.effect("a caller interrupted while it waits leaves the queue and takes no permit", () =>
    Effect.gen(function*() {
      const permits = Permits.make(1)
      const gate = yield* Deferred.make<void>()
      const holder = yield* Effect.fork(permits.withPermit(Deferred.await(gate)))
      const waiter = yield* Effect.fork(permits.withPermit(Effect.succeed("never runs")))
      yield* settle
      expect(permits.waiting()).toBe(1)
      expect(Exit.isInterrupted(yield* Fiber.interrupt(waiter))).toBe(true)
      expect(permits.waiting()).toBe(0)
      yield* Deferred.succeed(gate, undefined)
      yield* Fiber.join(holder)
      expect(permits.taken()).toBe(0)
    }))

  it.effect("a caller interrupted after a permit was handed to it passes the permit on", () =>
    Effect.gen(function*() {
      const permits = Permits.make(1)
      const gate = yield* Deferred.make<void>()
      const box: { waiter?: Fiber.RuntimeFiber<string> } = {}
      // The holder interrupts the waiter and then ends, so the waiter is handed the permit
      // after its interruption was sent and before it was processed.
      const holder = yield* Effect.fork(permits.withPermit(
        Effect.zipRight(Deferred.await(gate), Effect.suspend(() => box.waiter === undefined ? Effect.void : Fiber.interruptFork(box.waiter)))
      ))
      const waiter = yield* Effect.fork(permits.withPermit(Effect.succeed("never runs")))
      box.waiter = waiter
      const third = yield* Effect.fork(permits.withPermit(Effect.succeed("third")))
      yield* settle
      expect(permits.waiting()).toBe(2)
      yield* Deferred.succeed(gate, undefined)
      yield* Fiber.join(holder)
      expect(Exit.isInterrupted(yield* Fiber.await(waiter))).toBe(true)
      expect(yield* Fiber.join(third)).toBe("third")
      expect([permits.taken(), permits.waiting()]).toEqual([0, 0])
    }))
})
