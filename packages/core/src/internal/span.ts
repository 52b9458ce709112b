import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import * as Tracer from "effect/Tracer"
import * as Wire from "./wire.js"

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
