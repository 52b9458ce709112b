import { PlivoDateTime } from "@plivo-effect/core/PlivoDateTime"
import * as DateTime from "effect/DateTime"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"

const UNIX_SECONDS = /^\d{9,11}$/

/**
 * Unix seconds, as a number or a digit string: the docs describe
 * `conversation_expiry_timestamp` this way while the SDK fixtures use Plivo's message format.
 */
const UnixSeconds = Schema.transformOrFail(
  Schema.Union(Schema.Number, Schema.String),
  Schema.DateTimeUtcFromSelf,
  {
    strict: true,
    decode: (input, _, ast) => {
      const text = String(input)
      return UNIX_SECONDS.test(text)
        ? ParseResult.succeed(DateTime.unsafeMake(Number(text) * 1000))
        : ParseResult.fail(new ParseResult.Type(ast, input, "Expected Unix seconds"))
    },
    encode: (dt) => ParseResult.succeed(Math.floor(DateTime.toEpochMillis(dt) / 1000))
  }
)

/** Any Plivo timestamp or Unix seconds. */
export const LenientDateTime = Schema.Union(PlivoDateTime, UnixSeconds)

/** `error_code` stays a string (`"000"` must keep its zeros); a number, as one doc page shows, becomes its text. */
export const ErrorCode = Schema.NullOr(
  Schema.Union(
    Schema.String,
    Schema.transform(Schema.Number, Schema.String, { strict: true, decode: String, encode: Number })
  )
)

