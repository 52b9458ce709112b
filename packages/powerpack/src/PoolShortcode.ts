/**
 * A short code in a Powerpack's number pool.
 *
 * @since 0.1.0
 */
import { PlivoDateTime } from "@plivo-effect/core/PlivoDateTime"
import { blankAsAbsent, ListPage, optional } from "@plivo-effect/core/PlivoSchema"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"

const fields = {
  /** Present on some single short-code responses, absent from others. */
  api_id: optional(Schema.String),
  shortcode: Schema.String,
  country_iso2: optional(Schema.String),
  added_on: blankAsAbsent(PlivoDateTime)
}

const Wire = Schema.Struct({
  ...fields,
  number_pool_uuid: optional(Schema.String),
  numberpool_uuid: optional(Schema.String)
})

const Decoded = Schema.Struct({ ...fields, number_pool_uuid: Schema.String })

/**
 * A pool's short code. As for pool numbers, the pool's id decodes to `number_pool_uuid`
 * whether Plivo spells it so or `numberpool_uuid`. Plivo has no API to add a short code
 * (its support links one, at most one US and one Canadian per Powerpack).
 *
 * @since 0.1.0
 * @category schemas
 * @example
 * ```ts
 * import * as Schema from "effect/Schema"
 * import { PoolShortcode } from "@plivo-effect/powerpack"
 *
 * Schema.decodeUnknownSync(PoolShortcode)({ shortcode: "444444", number_pool_uuid: "659c7f88", country_iso2: "CA" })
 *   .shortcode
 * // "444444"
 * ```
 */
export const PoolShortcode = Schema.transformOrFail(Wire, Schema.typeSchema(Decoded), {
  strict: true,
  decode: ({ number_pool_uuid, numberpool_uuid, ...rest }, _, ast) => {
    const pool = number_pool_uuid ?? numberpool_uuid
    return pool === undefined
      ? ParseResult.fail(new ParseResult.Type(ast, rest, "a pool short code needs number_pool_uuid"))
      : ParseResult.succeed({ ...rest, number_pool_uuid: pool })
  },
  encode: (decoded) => ParseResult.succeed(decoded)
}).annotations({ identifier: "PoolShortcode" })

/**
 * @since 0.1.0
 * @category models
 */
export interface PoolShortcode extends Schema.Schema.Type<typeof PoolShortcode> {}

/**
 * One page of `GET NumberPool/{uuid}/Shortcode/`. `meta.next` / `previous` come as `""`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PoolShortcodeList = Schema.Struct({
  api_id: Schema.String,
  ...ListPage(PoolShortcode, "objects").fields
}).annotations({ identifier: "PoolShortcodeList" })

/**
 * @since 0.1.0
 * @category models
 */
export interface PoolShortcodeList extends Schema.Schema.Type<typeof PoolShortcodeList> {}
