import * as PlivoSpan from "@plivo-effect/core/PlivoSpan"
import type * as Effect from "effect/Effect"
import type * as Tracer from "effect/Tracer"

/**
 * The span of one call, with the `attributes` of its resource, and the body run inside it.
 * Not `Effect.fn`: it captures two stack traces and makes a span on every call, tracer or
 * not. The body records its attributes on the span it is handed, never through
 * `annotateCurrentSpan`: when no span is made (no tracer installed, or the tracer off)
 * that would write them onto the caller's span.
 */
export const spansOf = (attributes: Readonly<Record<string, string>>) => {
  const options = { attributes, captureStackTrace: false }
  return <A, E>(name: string, body: (span: Tracer.Span) => Effect.Effect<A, E>): Effect.Effect<A, E> =>
    PlivoSpan.use(name, options, body)
}
