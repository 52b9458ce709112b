import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Tracer from "effect/Tracer"

/**
 * The span annotations and trace headers go to: the current span, or the nearest parent
 * whose propagation is not disabled (as `Effect.annotateCurrentSpan` picks it). Read from
 * the context directly: `annotateCurrentSpan` fails internally, and so builds an exception
 * with its stack trace, on every call made while the tracer is off.
 */
export const propagated = (context: Context.Context<never>): Tracer.Span | undefined => {
  let span = Context.getOption(context, Tracer.ParentSpan)
  // Bounded by the depth of the span tree, which is finite.
  while (span._tag === "Some" && span.value._tag === "Span" && Context.get(span.value.context, Tracer.DisablePropagation)) {
    span = span.value.parent
  }
  return span._tag === "Some" && span.value._tag === "Span" ? span.value : undefined
}

/** Sets every attribute on the current span in one step; nothing when there is none. */
export const annotate = (attributes: Readonly<Record<string, unknown>>): Effect.Effect<void> =>
  Effect.contextWith((context: Context.Context<never>) => {
    const span = propagated(context)
    if (span === undefined) return
    for (const key in attributes) span.attribute(key, attributes[key])
  })

/** The W3C `traceparent` naming `span` as the parent of the request. */
export const traceparent = (span: Tracer.Span): string => `00-${span.traceId}-${span.spanId}-${span.sampled ? "01" : "00"}`
