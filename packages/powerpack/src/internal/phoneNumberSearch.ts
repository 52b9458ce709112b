import { optional } from "@plivo-effect/core/PlivoSchema"
import * as Schema from "effect/Schema"

/**
 * The part of a `GET PhoneNumber/` answer that buy-and-add reads: the numbers offered,
 * best first. The Phone Number API itself is outside this package.
 */
export const PhoneNumberSearch = Schema.Struct({
  api_id: optional(Schema.String),
  objects: Schema.Array(Schema.Struct({ number: Schema.String }))
})
