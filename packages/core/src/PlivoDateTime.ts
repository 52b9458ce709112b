/**
 * Timestamps in every format Plivo sends, decoded to `DateTime.Utc`.
 *
 * @since 0.1.0
 */
import type * as Effect from "effect/Effect"
import * as DateTime from "effect/DateTime"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type * as AST from "effect/SchemaAST"
import { quote } from "./InvalidParams.js"
import { epochMillis, pad } from "./internal/timestamp.js"

// Inputs come from the wire; echo a bounded prefix only.
const preview = (input: string): string => quote(input, 40)

const decodeUtc = (input: string, ast: AST.AST): Effect.Effect<DateTime.Utc, ParseResult.ParseIssue> =>
  Either.match(epochMillis(input), {
    onLeft: (why) =>
      ParseResult.fail(new ParseResult.Type(ast, input, `Invalid Plivo timestamp ${preview(input)}: ${why}`)),
    onRight: (ms) => ParseResult.succeed(DateTime.unsafeMake(ms))
  })

/**
 * Reads a Plivo timestamp exactly as {@link PlivoDateTime} decodes it, without the schema
 * machinery: `None` where the schema fails. For code that decodes many records by hand.
 *
 * @example
 * ```ts
 * import * as DateTime from "effect/DateTime"
 * import * as Option from "effect/Option"
 * import { parsePlivoDateTime } from "@plivo-effect/core"
 *
 * Option.map(parsePlivoDateTime("2017-05-22 21:36:14+05:30"), DateTime.formatIso) // Some("2017-05-22T16:06:14.000Z")
 * parsePlivoDateTime("2017-02-30 10:00:00") // None
 * ```
 *
 * @since 0.1.0
 * @category parsing
 */
export const parsePlivoDateTime = (input: string): Option.Option<DateTime.Utc> => {
  const ms = epochMillis(input)
  return Either.isRight(ms) ? Option.some(DateTime.unsafeMake(ms.right)) : Option.none()
}

/**
 * Decodes any Plivo timestamp to `DateTime.Utc`; encodes as ISO-8601 UTC
 * (`2017-05-22T16:06:14.000Z`).
 *
 * Accepted: `2017-05-22 21:36:14+05:30` (also `+0530`, `+05`), fractions of 1–9 digits,
 * `2021-02-18T11:21:55.972100055Z`, and the offset-less callback form
 * `2024-01-01 10:00:00.123456`, read as UTC (as is an ISO form without a zone). `DateTime`
 * holds milliseconds, so longer fractions are truncated (`.972100055` → `.972`).
 * Impossible dates (month 13, Feb 30) fail.
 *
 * @example
 * ```ts
 * import * as Schema from "effect/Schema"
 * import * as DateTime from "effect/DateTime"
 * import { PlivoDateTime } from "@plivo-effect/core"
 *
 * const t = Schema.decodeUnknownSync(PlivoDateTime)("2017-05-22 21:36:14+05:30")
 * DateTime.formatIso(t) // "2017-05-22T16:06:14.000Z"
 * ```
 *
 * @since 0.1.0
 * @category schemas
 */
export class PlivoDateTime extends Schema.transformOrFail(
  Schema.String.annotations({ description: "a Plivo timestamp" }),
  Schema.DateTimeUtcFromSelf,
  {
    strict: true,
    decode: (input, _, ast) => decodeUtc(input, ast),
    encode: (dt) => ParseResult.succeed(DateTime.formatIso(dt))
  }
).annotations({ identifier: "PlivoDateTime" }) {}

/**
 * Formats an instant in Plivo's UTC filter syntax, `YYYY-MM-DD HH:MM:SS.ffffff`, as used by
 * `message_time__gt` and friends. Zoned values are converted to UTC first.
 *
 * @example
 * ```ts
 * import { formatFilter } from "@plivo-effect/core"
 *
 * formatFilter(new Date("2021-03-21T11:47:30.982Z")) // "2021-03-21 11:47:30.982000"
 * ```
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatFilter = (dt: DateTime.DateTime | Date): string => {
  const d = dt instanceof Date ? dt : DateTime.toDateUtc(dt)
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)} ` +
    `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}.` +
    `${pad(d.getUTCMilliseconds(), 3)}000`
}

/**
 * What callers may pass where the SDK wants an instant: a `DateTime` (UTC or zoned) or a
 * valid `Date`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DateTimeInput = Schema.Union(
  Schema.DateTimeUtcFromSelf,
  Schema.DateTimeZonedFromSelf,
  Schema.ValidDateFromSelf
).annotations({ identifier: "DateTimeInput" })

/**
 * @since 0.1.0
 * @category models
 */
export type DateTimeInput = typeof DateTimeInput.Type

/**
 * A request filter such as `message_time__gt`: takes a {@link DateTimeInput} and encodes it
 * with {@link formatFilter}; decoding (e.g. in an emulator) accepts any Plivo timestamp and
 * yields `DateTime.Utc`.
 *
 * @example
 * ```ts
 * import * as Schema from "effect/Schema"
 * import { FilterDateTime } from "@plivo-effect/core"
 *
 * Schema.encodeSync(FilterDateTime)(new Date(0)) // "1970-01-01 00:00:00.000000"
 * ```
 *
 * @since 0.1.0
 * @category schemas
 */
export class FilterDateTime extends Schema.transformOrFail(
  Schema.String.annotations({ description: "a UTC filter timestamp, YYYY-MM-DD HH:MM:SS.ffffff" }),
  DateTimeInput,
  {
    strict: true,
    decode: (input, _, ast) => decodeUtc(input, ast),
    encode: (dt) => ParseResult.succeed(formatFilter(dt))
  }
).annotations({ identifier: "FilterDateTime" }) {}
