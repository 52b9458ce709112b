import type { PlivoClient } from "@plivo-effect/core/PlivoClient"
import type { PlivoError } from "@plivo-effect/core/PlivoError"
import * as Effect from "effect/Effect"
import type * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import type { Issues } from "@plivo-effect/core/InvalidParams"
import { type Params, query, type Rules } from "./rules.js"

/**
 * Every item of a list, page after page, each once (by `itemKey`): the filters are checked
 * first (an `InvalidParamsError` fails the stream before any request), `limit` sets the
 * page size and `offset` the first row; the other filters go with every page.
 */
export const walk = <A, I>(
  client: PlivoClient.Service,
  options: {
    readonly span: string
    readonly attributes: Readonly<Record<string, string>>
    readonly path: PlivoClient.Path
    readonly filters: unknown
    readonly rules: Rules
    readonly checks?: (issues: Issues, params: Params) => void
    readonly item: Schema.Schema<A, I>
    readonly key: string
    readonly itemKey: (item: A) => string
  }
): Stream.Stream<A, PlivoError> =>
  Stream.unwrap(
    Effect.map(query(options.span, options.filters, options.rules, options.checks), ({ limit, offset, ...filters }) =>
      client.paginate(options.path, {
        item: options.item,
        key: options.key,
        query: filters,
        limit: typeof limit === "number" ? limit : 20,
        offset: typeof offset === "number" ? offset : 0,
        itemKey: options.itemKey
      }))
  ).pipe(Stream.withSpan(options.span, { attributes: options.attributes }))
