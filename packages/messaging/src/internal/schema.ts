import { PlivoDateTime } from "@plivo-effect/core/PlivoDateTime"
import * as DateTime from "effect/DateTime"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"

/**
 * A wire enum that decodes unknown values as plain strings: Plivo adds states and origins
 * over time, and one new value must not fail a whole page.
 */
export const openEnum = <const Literals extends ReadonlyArray<string>>(...literals: Literals) =>
  Schema.Union(Schema.Literal(...literals), Schema.String)

/**
 * An optional field whose value Plivo sometimes sends as `""` or `null` to mean "none":
 * all three decode to an absent key, anything else through `schema`.
 */
export const blankAsAbsent = <A, I extends string | number>(schema: Schema.Schema<A, I>) =>
  Schema.optionalToOptional(Schema.NullOr(Schema.encodedSchema(schema)), schema, {
    decode: Option.filter((value): value is I => value !== null && value !== ""),
    encode: (value) => value
  })

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

/** An optional key that is absent rather than `undefined`, as `exactOptionalPropertyTypes` expects. */
export const optional = <S extends Schema.Schema.All>(schema: S) => Schema.optionalWith(schema, { exact: true })
