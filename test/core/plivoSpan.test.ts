import { describe, expect, it } from "@effect/vitest"
import { TestTracer } from "@plivo-effect/testing"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import { PlivoSpan } from "@plivo-effect/core"

describe("PlivoSpan.use", () => {
  it.effect("opens a span under the caller's, parents the spans inside, hands it to the body and ends it with the exit", () => {
    const { spans, tracer } = TestTracer.make()
    return Effect.gen(function*() {
      const value = yield* PlivoSpan.use("Op", { attributes: { "plivo.resource": "X" } }, (span) => {
        span.attribute("set", 1)
        return Effect.as(Effect.withSpan(Effect.void, "inner"), "done")
      }).pipe(Effect.withSpan("caller"))
      expect(value).toBe("done")
      const op = spans.find((s) => s.name === "Op")!
      expect(op.parent).toBe("caller")
      expect(spans.find((s) => s.name === "inner")!.parent).toBe("Op")
      expect([op.attributes.get("plivo.resource"), op.attributes.get("set")]).toEqual(["X", 1])
      expect(op.exit !== undefined && Exit.isSuccess(op.exit)).toBe(true)
      // The caller's context is back afterwards: a span made now has no parent.
      yield* Effect.withSpan(Effect.void, "after")
      expect(spans.find((s) => s.name === "after")!.parent).toBeUndefined()
    }).pipe(Effect.withTracer(tracer))
  })

  it.effect("a failure or an interruption ends the span with it and puts the context back", () => {
    const { spans, tracer } = TestTracer.make()
    return Effect.gen(function*() {
      const failed = yield* Effect.exit(PlivoSpan.use("Fails", {}, () => Effect.fail("boom")))
      expect(failed).toStrictEqual(Exit.fail("boom"))
      const fails = spans.find((s) => s.name === "Fails")!
      expect(fails.exit !== undefined && Exit.isFailure(fails.exit)).toBe(true)
      const fiber = yield* Effect.fork(PlivoSpan.use("Hangs", {}, () => Effect.never))
      yield* Effect.yieldNow()
      yield* Fiber.interrupt(fiber)
      const hangs = spans.find((s) => s.name === "Hangs")!
      expect(hangs.exit !== undefined && Exit.isInterrupted(hangs.exit)).toBe(true)
      yield* Effect.withSpan(Effect.void, "after")
      expect(spans.find((s) => s.name === "after")!.parent).toBeUndefined()
    }).pipe(Effect.withTracer(tracer))
  })

  it.effect("with no tracer installed, or the tracer off, makes no span: the body runs under the caller's span", () =>
    Effect.gen(function*() {
      const seen = (label: string) =>
        PlivoSpan.use("Op", {}, (span) =>
          Effect.map(Effect.currentSpan, (current) => {
            // The span handed over records nothing and is not current.
            span.attribute("ignored", 1)
            return [label, current.name, span.attributes.size] as const
          })
        ).pipe(Effect.withSpan("caller"))
      expect(yield* seen("native")).toEqual(["native", "caller", 0])
      const off = yield* Effect.exit(seen("off").pipe(Effect.withTracerEnabled(false)))
      // With the tracer off, `withSpan` itself makes a no-op span; still not ours.
      expect(Exit.map(off, ([, name]) => name)).toStrictEqual(Exit.succeed("caller"))
      const failed = yield* Effect.exit(PlivoSpan.use("Fails", {}, () => Effect.fail("boom")))
      expect(failed).toStrictEqual(Exit.fail("boom"))
    }))

  it.effect("a tracer installed after the service was built is met on the call", () => {
    const { spans, tracer } = TestTracer.make()
    const op = PlivoSpan.use("Op", {}, () => Effect.void)
    return Effect.gen(function*() {
      yield* op
      expect(spans).toEqual([])
      yield* Effect.withTracer(op, tracer)
      expect(spans.map((s) => s.name)).toEqual(["Op"])
    })
  })

  it.effect("resource: every span carries the resource's attributes and no stack trace", () => {
    const { spans, tracer } = TestTracer.make()
    const inSpan = PlivoSpan.resource({ "plivo.resource": "Lookup" })
    return Effect.gen(function*() {
      const value = yield* inSpan("Lookups.get", (span) => {
        span.attribute("plivo.lookup.id", "L1")
        return Effect.succeed(1)
      })
      expect(value).toBe(1)
      expect(spans.map((s) => s.name)).toEqual(["Lookups.get"])
      expect(Object.fromEntries(spans[0]!.attributes)).toEqual({ "plivo.resource": "Lookup", "plivo.lookup.id": "L1" })
    }).pipe(Effect.withTracer(tracer))
  })
})
