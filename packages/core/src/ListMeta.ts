/**
 * The `meta` object of Plivo list responses.
 *
 * @since 0.1.0
 */
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"

/** A count as sent: a number kept, a plain decimal string read, anything else (`null`) none. */
const toCount = (value: unknown): Option.Option<number> =>
  typeof value === "number"
    ? Option.some(value)
    : typeof value === "string" && /^\s*\d+\s*$/.test(value)
    ? Option.some(Number(value))
    : Option.none()

/**
 * `total_count` and `count` are informational (no walk relies on them), so an odd value
 * (`null`, `"7"`) is read or left absent rather than failing the whole page.
 */
const lenientCount = Schema.optionalToOptional(Schema.Unknown, Schema.Number, {
  decode: Option.flatMap(toCount),
  encode: (count) => count
})

/**
 * List `meta`. Every field is optional because endpoints disagree: `GET Message/` has no
 * `total_count`, toll-free verification lists sometimes send `count` instead, 10DLC lists
 * omit `previous`. Unknown fields are ignored; `total_count` and `count` are read leniently
 * (a numeric string as its number, `null` or any other non-number as absent).
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
  total_count: lenientCount,
  count: lenientCount,
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
