import { spanId } from "@plivo-effect/core/InvalidParams"
import type { PlivoClient } from "@plivo-effect/core/PlivoClient"
import type { InvalidParamsError, PlivoError } from "@plivo-effect/core/PlivoError"
import * as Effect from "effect/Effect"
import type * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import type * as Tracer from "effect/Tracer"
import * as PlivoSpan from "@plivo-effect/core/PlivoSpan"

/** Attributes every `NumberPool` span carries. */
export const resource = { "plivo.resource": "NumberPool" }

/** The span of one `NumberPool` call (see `PlivoSpan.resource`). */
export const inSpan = PlivoSpan.resource(resource)

/**
 * Records the pool's uuid on `span`, and the member's number or short code when the call
 * names one.
 */
export const annotate = (span: Tracer.Span, pool_uuid: unknown, member?: readonly [key: string, value: unknown]): void => {
  span.attribute("plivo.number_pool_uuid", spanId(pool_uuid))
  if (member !== undefined) span.attribute(member[0], spanId(member[1]))
}

/**
 * Every item of one of a pool's lists (`Number/`, `Shortcode/`, `Tollfree/`), each once,
 * after `query` (the checked filters, with the page size as `limit`) succeeds.
 */
export const poolStream = <A, I>(
  client: PlivoClient.Service,
  operation: string,
  path: PlivoClient.Path,
  item: Schema.Schema<A, I>,
  query: Effect.Effect<Readonly<Record<string, string | number>>, InvalidParamsError>,
  itemKey: (a: A) => string
): Stream.Stream<A, PlivoError> =>
  Stream.unwrap(
    Effect.map(query, ({ limit = 20, ...filters }) =>
      client.paginate(path, { item, query: filters, limit: typeof limit === "number" ? limit : 20, itemKey }))
  ).pipe(Stream.withSpan(operation, { attributes: { ...resource, "plivo.number_pool_uuid": spanId(path[1]) } }))
