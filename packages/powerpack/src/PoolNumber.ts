/**
 * A number in a Powerpack's number pool.
 *
 * @since 0.1.0
 */
import { PlivoDateTime } from "@plivo-effect/core/PlivoDateTime"
import { blankAsAbsent, ListPage, OpenEnum, optional } from "@plivo-effect/core/PlivoSchema"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"

const fields = {
  /** Present on single-number responses. */
  api_id: optional(Schema.String),
  /** Items show `tollfree`; list filters spell it `toll-free`. */
  type: optional(OpenEnum("fixed", "mobile", "tollfree")),
  /** Absent from older objects. */
  service: optional(OpenEnum("sms", "mms")),
  country_iso2: optional(Schema.String),
  added_on: blankAsAbsent(PlivoDateTime),
  /** `/v1/Account/{auth_id}/Number/{number}/`. */
  account_phone_number_resource: optional(Schema.String)
}

const Wire = Schema.Struct({
  ...fields,
  number: optional(Schema.String),
  // The python SDK's recorded toll-free list names the number `tollfree`.
  tollfree: optional(Schema.String),
  number_pool_uuid: optional(Schema.String),
  numberpool_uuid: optional(Schema.String)
})

const Decoded = Schema.Struct({
  ...fields,
  /** E.164 without `+`. */
  number: Schema.String,
  number_pool_uuid: Schema.String
})

/**
 * A pool number or toll-free number. Plivo's single-number answers spell the pool's id
 * `numberpool_uuid`, its lists `number_pool_uuid`; both decode to `number_pool_uuid` (the
 * latter wins when both are present), and a number with neither fails decoding. Likewise a
 * toll-free item's `tollfree` key (seen in a recorded toll-free list) decodes as `number`.
 *
 * @since 0.1.0
 * @category schemas
 * @example
 * ```ts
 * import * as Schema from "effect/Schema"
 * import { PoolNumber } from "@plivo-effect/powerpack"
 *
 * Schema.decodeUnknownSync(PoolNumber)({ number: "15799140348", numberpool_uuid: "659c7f88" }).number_pool_uuid
 * // "659c7f88"
 * ```
 */
export const PoolNumber = Schema.transformOrFail(Wire, Schema.typeSchema(Decoded), {
  strict: true,
  decode: ({ number, number_pool_uuid, numberpool_uuid, tollfree, ...rest }, _, ast) => {
    const pool = number_pool_uuid ?? numberpool_uuid
    const digits = number ?? tollfree
    if (digits === undefined) return ParseResult.fail(new ParseResult.Type(ast, rest, "a pool number needs number"))
    return pool === undefined
      ? ParseResult.fail(new ParseResult.Type(ast, rest, "a pool number needs number_pool_uuid"))
      : ParseResult.succeed({ ...rest, number: digits, number_pool_uuid: pool })
  },
  encode: (decoded) => ParseResult.succeed(decoded)
}).annotations({ identifier: "PoolNumber" })

/**
 * @since 0.1.0
 * @category models
 */
export interface PoolNumber extends Schema.Schema.Type<typeof PoolNumber> {}

/**
 * One page of `GET NumberPool/{uuid}/Number/` or `.../Tollfree/`. `meta.next` / `previous`
 * come as `""` here.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PoolNumberList = Schema.Struct({
  api_id: Schema.String,
  ...ListPage(PoolNumber, "objects").fields
}).annotations({ identifier: "PoolNumberList" })

/**
 * @since 0.1.0
 * @category models
 */
export interface PoolNumberList extends Schema.Schema.Type<typeof PoolNumberList> {}
