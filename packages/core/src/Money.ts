/**
 * Decimal amounts (`total_rate`, `total_amount`, `carrier_fees`, ...) as exact `BigDecimal`s.
 *
 * @since 0.1.0
 */
import * as BigDecimal from "effect/BigDecimal"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { quote } from "./InvalidParams.js"

// Stricter than BigDecimal.fromString, which also takes "" (as 0) and oddities like ".-5".
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

// At most this many digits make an integer a double holds exactly (2^53 has 16).
const EXACT_DIGITS = 15

/**
 * The usual amount, `0.00250`: digits with at most one inner point, read by char codes, or
 * `undefined` for the pattern and `BigDecimal.fromString` to decide. Same value and scale
 * as theirs; a list page holds four amounts a record, and their two regular expressions,
 * slices and `BigInt` of a string cost several times this.
 */
const plainDecimal = (s: string): BigDecimal.BigDecimal | undefined => {
  const n = s.length
  let value = 0
  let digits = 0
  let point = -1
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i)
    if (c === 46 && point < 0 && i > 0 && i < n - 1) {
      point = i
    } else if (c >= 48 && c <= 57 && ++digits <= EXACT_DIGITS) {
      value = value * 10 + (c - 48)
    } else {
      return undefined
    }
  }
  return digits === 0 ? undefined : BigDecimal.make(BigInt(value), point < 0 ? 0 : n - 1 - point)
}

/**
 * Reads a decimal amount exactly as {@link Money} decodes it, without the schema machinery:
 * `None` where the schema fails. For code that decodes many records by hand.
 *
 * @example
 * ```ts
 * import { parseMoney } from "@plivo-effect/core"
 *
 * parseMoney("0.00250") // Some(BigDecimal 250n, scale 5)
 * parseMoney("") // None
 * ```
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseMoney = (input: string | number): Option.Option<BigDecimal.BigDecimal> => {
  if (typeof input === "number") return BigDecimal.safeFromNumber(input)
  const plain = plainDecimal(input)
  if (plain !== undefined) return Option.some(plain)
  const trimmed = input.trim()
  return DECIMAL.test(trimmed) ? BigDecimal.fromString(trimmed) : Option.none()
}

// Inputs come from the wire; echo a bounded prefix only.
const preview = (input: string | number): string => quote(input, 40)

/**
 * Plain decimal notation that keeps the scale, unlike `BigDecimal.format`, which normalizes
 * (`"0.00250"` would become `"0.0025"`) and switches to exponents at 16 digits.
 *
 * @example
 * ```ts
 * import { formatMoney } from "@plivo-effect/core"
 * import * as BigDecimal from "effect/BigDecimal"
 *
 * formatMoney(BigDecimal.make(250n, 5)) // "0.00250"
 * ```
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatMoney = (amount: BigDecimal.BigDecimal): string => {
  const negative = amount.value < 0n
  const digits = (negative ? -amount.value : amount.value).toString()
  let body: string
  if (amount.scale <= 0) {
    body = amount.value === 0n ? "0" : digits + "0".repeat(-amount.scale)
  } else {
    const padded = digits.padStart(amount.scale + 1, "0")
    const point = padded.length - amount.scale
    body = `${padded.slice(0, point)}.${padded.slice(point)}`
  }
  return negative ? `-${body}` : body
}

/**
 * A decimal amount, decoded exactly: no rounding and the scale is kept (`"0.00250"` has
 * scale 5). Accepts decimal strings, as Plivo sends them, and JSON numbers (read from their
 * shortest JS representation). Encodes with {@link formatMoney}.
 *
 * @example
 * ```ts
 * import * as Schema from "effect/Schema"
 * import { Money } from "@plivo-effect/core"
 *
 * const rate = Schema.decodeUnknownSync(Money)("0.00250") // value 250n, scale 5
 * Schema.encodeSync(Money)(rate) // "0.00250"
 * ```
 *
 * @since 0.1.0
 * @category schemas
 */
export class Money extends Schema.transformOrFail(
  Schema.Union(Schema.String, Schema.Number).annotations({ description: "a decimal amount" }),
  Schema.BigDecimalFromSelf,
  {
    strict: true,
    decode: (input, _, ast) =>
      Option.match(parseMoney(input), {
        onNone: () =>
          ParseResult.fail(new ParseResult.Type(ast, input, `Expected a decimal amount, got ${preview(input)}`)),
        onSome: ParseResult.succeed
      }),
    encode: (amount) => ParseResult.succeed(formatMoney(amount))
  }
).annotations({ identifier: "Money" }) {}
