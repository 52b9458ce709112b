/**
 * A Powerpack as Plivo returns it: a named sender pool whose numbers live in a number pool.
 *
 * @since 0.1.0
 */
import { PlivoDateTime } from "@plivo-effect/core/PlivoDateTime"
import { blankAsAbsent, ListPage, OpenEnum, optional } from "@plivo-effect/core/PlivoSchema"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"

/**
 * A number type in a priority order.
 *
 * @since 0.1.0
 * @category schemas
 */
export const NumberType = OpenEnum("shortcode", "longcode", "tollfree")

/**
 * One entry of `number_priority`: which number type a send to `country_iso` over
 * `service_type` tries first, second and third.
 *
 * @since 0.1.0
 * @category schemas
 */
export const NumberPriority = Schema.Struct({
  country_iso: Schema.String,
  service_type: OpenEnum("SMS", "MMS"),
  // Plivo's Go SDK models each rank as nullable: an unset rank decodes as absent.
  priority: Schema.Struct({
    priority1: blankAsAbsent(NumberType),
    priority2: blankAsAbsent(NumberType),
    priority3: blankAsAbsent(NumberType)
  })
}).annotations({ identifier: "NumberPriority" })

/**
 * @since 0.1.0
 * @category models
 */
export interface NumberPriority extends Schema.Schema.Type<typeof NumberPriority> {}

// Real responses send the id as a digit string (`""` for none); hand-written fixtures of the
// official SDKs show a JSON number, so both decode to the digit string.
const ApplicationId = Schema.Union(
  Schema.String,
  Schema.transform(Schema.NonNegativeInt, Schema.String, { strict: true, decode: String, encode: Number })
)

const fields = {
  /** Present on single-object responses. */
  api_id: optional(Schema.String),
  uuid: Schema.String,
  name: Schema.String,
  /** Absent from some older objects. */
  sticky_sender: optional(Schema.Boolean),
  local_connect: optional(Schema.Boolean),
  /** Upper-case in responses (`XML`, `PHLO`); absent when no application is attached. */
  application_type: blankAsAbsent(OpenEnum("XML", "PHLO")),
  /** Absent when no application is attached. */
  application_id: blankAsAbsent(ApplicationId),
  /** `/v1/Account/{auth_id}/NumberPool/{number_pool_uuid}/`. */
  number_pool: Schema.String,
  /** Absent from older objects and some list items. */
  number_priority: optional(Schema.Array(NumberPriority)),
  created_on: blankAsAbsent(PlivoDateTime)
}

const Wire = Schema.Struct(fields)

const Decoded = Schema.Struct({
  ...fields,
  /** The pool's uuid, the segment after `NumberPool` in `number_pool`. */
  number_pool_uuid: Schema.String
})

/**
 * The uuid of the number pool a `number_pool` path names: the segment after `NumberPool`.
 * Plivo has no endpoint from a Powerpack id to its pool, so this is how every pool call
 * finds its path.
 *
 * @since 0.1.0
 * @category utils
 * @example
 * ```ts
 * import { numberPoolUuid } from "@plivo-effect/powerpack/Powerpack"
 *
 * numberPoolUuid("/v1/Account/MA123/NumberPool/659c7f88-c819-46e2-8af4-2d8a84249099/")
 * // "659c7f88-c819-46e2-8af4-2d8a84249099"
 * ```
 */
export const numberPoolUuid = (path: string): string | undefined => {
  const segments = path.split("/")
  const at = segments.indexOf("NumberPool")
  const uuid = at === -1 ? undefined : segments[at + 1]
  return uuid === undefined || uuid === "" ? undefined : uuid
}

/**
 * A Powerpack. Besides the wire fields it carries `number_pool_uuid`, read from
 * `number_pool`; a `number_pool` that names no pool fails decoding. Unknown fields (such as
 * the console's `smart_sender`) are ignored.
 *
 * @since 0.1.0
 * @category schemas
 * @example
 * ```ts
 * import * as Schema from "effect/Schema"
 * import { Powerpack } from "@plivo-effect/powerpack"
 *
 * const pack = Schema.decodeUnknownSync(Powerpack)({
 *   uuid: "86bbb125-97bb-4d72-89fd-81d5c515b015",
 *   name: "alerts",
 *   application_id: "",
 *   application_type: "",
 *   number_pool: "/v1/Account/MA123/NumberPool/659c7f88-c819-46e2-8af4-2d8a84249099/",
 *   created_on: "2019-09-03T08:50:09.510692Z"
 * })
 * pack.number_pool_uuid // "659c7f88-c819-46e2-8af4-2d8a84249099"
 * ```
 */
export const Powerpack = Schema.transformOrFail(Wire, Schema.typeSchema(Decoded), {
  strict: true,
  decode: (wire, _, ast) => {
    const uuid = numberPoolUuid(wire.number_pool)
    return uuid === undefined
      ? ParseResult.fail(new ParseResult.Type(ast, wire.number_pool, "number_pool names no NumberPool uuid"))
      : ParseResult.succeed({ ...wire, number_pool_uuid: uuid })
  },
  encode: ({ number_pool_uuid: _, ...wire }) => ParseResult.succeed(wire)
}).annotations({ identifier: "Powerpack" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Powerpack extends Schema.Schema.Type<typeof Powerpack> {}

/**
 * One page of `GET Powerpack/`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PowerpackList = Schema.Struct({
  api_id: Schema.String,
  ...ListPage(Powerpack, "objects").fields
}).annotations({ identifier: "PowerpackList" })

/**
 * @since 0.1.0
 * @category models
 */
export interface PowerpackList extends Schema.Schema.Type<typeof PowerpackList> {}
