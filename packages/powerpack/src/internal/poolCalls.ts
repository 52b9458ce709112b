import { spanId } from "@plivo-effect/core/InvalidParams"
import type { PlivoClient } from "@plivo-effect/core/PlivoClient"
import type { InvalidParamsError, PlivoError } from "@plivo-effect/core/PlivoError"
import * as Effect from "effect/Effect"
import type * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"

/** Attributes every `NumberPool` span carries. */
export const resource = { "plivo.resource": "NumberPool" }

/** Records the pool's uuid, and the member's number or short code when the call names one. */
export const annotate = (pool_uuid: unknown, member?: readonly [key: string, value: unknown]) =>
  Effect.annotateCurrentSpan({
    "plivo.number_pool_uuid": spanId(pool_uuid),
    ...(member === undefined ? {} : { [member[0]]: spanId(member[1]) })
  })

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
