/**
 * The Powerpack schemas. `Powerpack.ts` is their public face (with the layers), so the
 * services can use them without importing the layers that import the services.
 */
import { PlivoDateTime } from "@plivo-effect/core/PlivoDateTime"
import { blankAsAbsent, ListPage, OpenEnum, optional } from "@plivo-effect/core/PlivoSchema"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"

/** A number type in a priority order. */
export const NumberType = OpenEnum("shortcode", "longcode", "tollfree")

/** One entry of `number_priority`. */
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

/** The segment after `NumberPool` in a `number_pool` path. */
export const numberPoolUuid = (path: string): string | undefined => {
  const segments = path.split("/")
  const at = segments.indexOf("NumberPool")
  const uuid = at === -1 ? undefined : segments[at + 1]
  return uuid === undefined || uuid === "" ? undefined : uuid
}

/** A Powerpack, with `number_pool_uuid` read from `number_pool`. */
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

/** One page of `GET Powerpack/`. */
export const PowerpackList = Schema.Struct({
  api_id: Schema.String,
  ...ListPage(Powerpack, "objects").fields
}).annotations({ identifier: "PowerpackList" })

