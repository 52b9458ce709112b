import * as Option from "effect/Option"
import * as Tracer from "effect/Tracer"

export interface RecordedSpan {
  readonly name: string
  readonly attributes: Map<string, unknown>
  readonly events: Array<{ name: string; attributes: Record<string, unknown> | undefined }>
  exit: unknown
}

/** A tracer that keeps every span it starts, to inspect names and attributes. */
export const recordingTracer = () => {
  const spans: Array<RecordedSpan> = []
  let id = 0
  const tracer = Tracer.make({
    span(name, parent, context, links, startTime, kind) {
      const recorded: RecordedSpan = { name, attributes: new Map(), events: [], exit: undefined }
      spans.push(recorded)
      const spanId = `span${++id}`
      const span: Tracer.Span = {
        _tag: "Span",
        name,
        spanId,
        traceId: "trace",
        parent,
        context,
        status: { _tag: "Started", startTime },
        attributes: recorded.attributes,
        links,
        sampled: true,
        kind,
        end(_endTime, exit) {
          recorded.exit = exit
        },
        attribute(key, value) {
          recorded.attributes.set(key, value)
        },
        event(name, _startTime, attributes) {
          recorded.events.push({ name, attributes })
        },
        addLinks() {}
      }
      return span
    },
    context: (f) => f()
  })
  return { tracer, spans }
}

export const none = Option.none()
