import * as Context from "effect/Context"
import * as DefaultServices from "effect/DefaultServices"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import type * as Fiber from "effect/Fiber"
import * as FiberRef from "effect/FiberRef"
import * as Option from "effect/Option"
import * as Tracer from "effect/Tracer"
import * as Wire from "./wire.js"

/** The tracer every fiber has unless one was installed (`Layer.setTracer`, `Effect.withTracer`). */
const nativeTracer = Context.get(DefaultServices.liveServices, Tracer.Tracer)

/**
 * Whether a span made on `fiber` goes anywhere: the tracer is on and is not the native
 * one, which keeps its spans in memory until they are dropped. Two copies of `effect`
 * loaded side by side each have their own native tracer; the other one's counts as
 * installed, so spans are made as before.
 */
const recording = (fiber: Fiber.RuntimeFiber<unknown, unknown>): boolean =>
  fiber.getFiberRef(FiberRef.currentTracerEnabled) && fiber.currentTracer !== nativeTracer

/**
 * The span `body` is given when none is made: it records nothing, and its context disables
 * propagation as a disabled tracer's spans do, so `annotated` and `propagated` skip it.
 */
const unrecorded: Tracer.Span = {
  _tag: "Span",
  name: "unrecorded",
  spanId: "unrecorded",
  traceId: "unrecorded",
  parent: Option.none(),
  context: Context.make(Tracer.DisablePropagation, true),
  status: { _tag: "Ended", startTime: 0n, endTime: 0n, exit: Exit.void },
  attributes: new Map(),
  links: [],
  sampled: false,
  kind: "internal",
  end: () => {},
  attribute: () => {},
  event: () => {},
  addLinks: () => {}
}

/**
 * `body` in a new span named `name` that is the parent of the spans made inside, as
 * `Effect.useSpan` + `withParent`; or, when no span would go anywhere (see `recording`) and
 * `always` is off, `body` alone with the `unrecorded` span: no span made, no parent set.
 * `always` is for a span whose ids leave the process (the `traceparent` of a request), which
 * the native tracer's spans still have.
 */
export const use = <A, E, R>(
  name: string,
  options: Tracer.SpanOptions,
  always: boolean,
  body: (span: Tracer.Span) => Effect.Effect<A, E, R>
): Effect.Effect<A, E, R> =>
  Effect.withFiberRuntime((fiber) =>
    always || recording(fiber)
      ? Effect.useSpan(name, options, (span) => withParent(body(span), span))
      : body(unrecorded)
  )

/** `span`, or its nearest parent whose propagation is not disabled; none past the root. */
const propagating = (span: Tracer.AnySpan): Tracer.Span | undefined => {
  let current: Tracer.AnySpan = span
  // Bounded by the depth of the span tree, which is finite.
  while (current._tag === "Span" && Context.get(current.context, Tracer.DisablePropagation)) {
    if (current.parent._tag === "None") return undefined
    current = current.parent.value
  }
  return current._tag === "Span" ? current : undefined
}

/**
 * The span annotations and trace headers go to: the current span, or the nearest parent
 * whose propagation is not disabled (as `Effect.annotateCurrentSpan` picks it). Read from
 * the context directly: `annotateCurrentSpan` fails internally, and so builds an exception
 * with its stack trace, on every call made while the tracer is off.
 */
export const propagated = (context: Context.Context<never>): Tracer.Span | undefined => {
  const span = Context.getOption(context, Tracer.ParentSpan)
  return span._tag === "Some" ? propagating(span.value) : undefined
}

/**
 * `self` with `span` as the parent of the spans it makes: `Effect.withParentSpan`, in the
 * fewer steps of `Wire.within` (`withParentSpan` provides the span through an
 * `acquireUseRelease` of the whole context).
 */
export const withParent = <A, E, R>(self: Effect.Effect<A, E, R>, span: Tracer.Span): Effect.Effect<A, E, R> =>
  Wire.within(self, [
    Wire.localWith(FiberRef.currentContext, (context) => Context.add(context, Tracer.ParentSpan, span))
  ])

/**
 * The span annotations go to for a call whose span is `span`: itself, or the nearest parent
 * whose propagation is not disabled, as `propagated` picks it from the context inside it.
 */
export const annotated: (span: Tracer.Span) => Tracer.Span | undefined = propagating

/** The W3C `traceparent` naming `span` as the parent of the request. */
export const traceparent = (span: Tracer.Span): string => `00-${span.traceId}-${span.spanId}-${span.sampled ? "01" : "00"}`
