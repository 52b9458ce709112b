/**
 * The `meta` object of Plivo list responses.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * List `meta`. Every field is optional because endpoints disagree: `GET Message/` has no
 * `total_count`, toll-free verification lists sometimes send `count` instead, 10DLC lists
 * omit `previous`. Unknown fields are ignored.
 *
 * @example
 * ```ts
 * import * as Schema from "effect/Schema"
 * import { ListMeta } from "@plivo-effect/core"
 *
 * Schema.decodeUnknownSync(ListMeta)({ limit: 20, offset: 0, next: null })
 * ```
 *
 * @since 0.1.0
 * @category schemas
 */
export const ListMeta = Schema.Struct({
  limit: Schema.optional(Schema.Number),
  offset: Schema.optional(Schema.Number),
  total_count: Schema.optional(Schema.Number),
  count: Schema.optional(Schema.Number),
  next: Schema.optional(Schema.NullOr(Schema.String)),
  previous: Schema.optional(Schema.NullOr(Schema.String))
}).annotations({ identifier: "ListMeta" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ListMeta extends Schema.Schema.Type<typeof ListMeta> {}

/**
 * Whether Plivo announces another page. The last page says so with `null`, `""` (number
 * pool lists) or no `next` at all, so only a non-blank string counts.
 *
 * Callers should still stop on a short page: `next` alone is not trusted everywhere.
 *
 * @since 0.1.0
 * @category guards
 */
export const hasNext = (meta: ListMeta | undefined): boolean =>
  typeof meta?.next === "string" && meta.next.trim() !== ""
