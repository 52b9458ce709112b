/**
 * A tracer that keeps every span it starts, so that tests can assert span names and
 * attributes (for example that `plivo.api_id` is recorded, or that no secret is).
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import type * as Exit from "effect/Exit"
import * as Tracer from "effect/Tracer"

/**
 * A span as recorded.
 *
 * @since 0.1.0
 * @category models
 */
export interface RecordedSpan {
  readonly name: string
  readonly attributes: ReadonlyMap<string, unknown>
  /** The name of its parent span, if it has one (an external span gives its `spanId`). */
  readonly parent: string | undefined
  /** Set once the span ended. */
  readonly exit: Exit.Exit<unknown, unknown> | undefined
}

/**
 * Makes a tracer and the array it records into.
 *
 * @since 0.1.0
 * @category constructors
 * @example
 * ```ts
 * import { TestTracer } from "@plivo-effect/testing"
 * import * as Effect from "effect/Effect"
 *
 * const { spans, tracer } = TestTracer.make()
 * // program.pipe(Effect.withTracer(tracer)), then inspect spans
 * ```
 */
export const make = (): { readonly tracer: Tracer.Tracer; readonly spans: ReadonlyArray<RecordedSpan> } => {
  const spans: Array<RecordedSpan> = []
  const tracer = Tracer.make({
    span(name, parent, context, links, startTime, kind) {
      const attributes = new Map<string, unknown>()
      const recorded: RecordedSpan & { exit: Exit.Exit<unknown, unknown> | undefined } = {
        name,
        attributes,
        parent: parent._tag === "None" ? undefined : parent.value._tag === "Span" ? parent.value.name : parent.value.spanId,
        exit: undefined
      }
      spans.push(recorded)
      return {
        _tag: "Span",
        name,
        spanId: `span${spans.length}`,
        traceId: "trace",
        parent,
        context,
        status: { _tag: "Started", startTime },
        attributes,
        links,
        sampled: true,
        kind,
        end(_endTime, exit) {
          recorded.exit = exit
        },
        attribute(key, value) {
          attributes.set(key, value)
        },
        event() {},
        addLinks() {}
      }
    },
    context: (f) => f()
  })
  return { tracer, spans }
}

/**
 * Runs `effect` under a fresh recording tracer and returns its spans with the result.
 *
 * @since 0.1.0
 * @category combinators
 */
export const withRecording = <A, E, R>(
  effect: Effect.Effect<A, E, R>
): Effect.Effect<{ readonly value: A; readonly spans: ReadonlyArray<RecordedSpan> }, E, R> =>
  Effect.suspend(() => {
    const { spans, tracer } = make()
    return effect.pipe(Effect.withTracer(tracer), Effect.map((value) => ({ value, spans })))
  })
