/**
 * The span of one SDK operation, for the operations of every Plivo package: the same span
 * as `Effect.withSpan`, in fewer steps.
 *
 * @since 0.1.0
 */
import type * as Effect from "effect/Effect"
import type * as Tracer from "effect/Tracer"
import * as Span from "./internal/span.js"

/**
 * Runs `body` in a new span named `name`, with that span as the parent of the spans made
 * inside, and ends it with the exit: `Effect.useSpan(name, options, (span) =>
 * Effect.withParentSpan(body(span), span))`. `withParentSpan` provides the span through an
 * `acquireUseRelease` of the whole context; here it is set and put back in one step each
 * way, about twenty primitives fewer per call, measurable on every send. `body` is given the
 * span, so that it can set attributes by plain assignment.
 *
 * When no tracer is installed (the native tracer, which keeps spans only until they are
 * dropped) or the tracer is off (`Effect.withTracerEnabled(false)`), no span is made: `body`
 * runs as it is, given a span that records nothing and propagates nothing. A span that goes
 * nowhere costs about a fifth of a send's steps.
 *
 * @since 0.1.0
 * @category tracing
 * @example
 * ```ts
 * import { PlivoSpan } from "@plivo-effect/core"
 * import * as Effect from "effect/Effect"
 *
 * const lookup = (id: string) =>
 *   PlivoSpan.use("Lookups.get", { attributes: { "plivo.resource": "Lookup" } }, (span) => {
 *     span.attribute("plivo.lookup.id", id)
 *     return Effect.succeed(id)
 *   })
 * ```
 */
export const use = <A, E, R>(
  name: string,
  options: Tracer.SpanOptions,
  body: (span: Tracer.Span) => Effect.Effect<A, E, R>
): Effect.Effect<A, E, R> => Span.use(name, options, false, body)

/**
 * The span opener of one resource's operations: `use(name, { attributes, captureStackTrace:
 * false }, body)`. A stack trace per call is measurable on every call; the span's name says
 * where it is. `body` records its attributes on the span it is handed, never through
 * `Effect.annotateCurrentSpan`: when no span is made (no tracer installed, or the tracer
 * off) that would write them onto the caller's span.
 *
 * @since 0.1.0
 * @category tracing
 * @example
 * ```ts
 * import { PlivoSpan } from "@plivo-effect/core"
 * import * as Effect from "effect/Effect"
 *
 * const inSpan = PlivoSpan.resource({ "plivo.resource": "Lookup" })
 *
 * const lookup = (id: string) =>
 *   inSpan("Lookups.get", (span) => {
 *     span.attribute("plivo.lookup.id", id)
 *     return Effect.succeed(id)
 *   })
 * ```
 */
export const resource = (attributes: Readonly<Record<string, unknown>>) => {
  const options: Tracer.SpanOptions = { attributes, captureStackTrace: false }
  return <A, E, R>(name: string, body: (span: Tracer.Span) => Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    use(name, options, body)
}
