/**
 * E.164-like phone numbers as Plivo stores them: country code first, digits only.
 *
 * @since 0.1.0
 */
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { quote } from "./InvalidParams.js"

// Plivo records hold numbers without "+" (`14155551234`), so that is the canonical form.
const Digits = Schema.String.pipe(
  Schema.pattern(/^[1-9]\d{6,14}$/),
  Schema.brand("PhoneNumber")
).annotations({ identifier: "PhoneNumberDigits" })

/**
 * A phone number in Plivo's canonical form: 7–15 digits, country code first, no `+`.
 *
 * @since 0.1.0
 * @category models
 */
export type PhoneNumber = typeof Digits.Type

/**
 * Whether a value is already a canonical {@link PhoneNumber} (digits only, no separators).
 *
 * @since 0.1.0
 * @category guards
 */
export const isPhoneNumber: (u: unknown) => u is PhoneNumber = Schema.is(Digits)

const SEPARATORS = /[ \-.()]/g

const strip = (input: string): string => {
  const compact = input.replace(SEPARATORS, "")
  return compact.startsWith("+") ? compact.slice(1) : compact
}

/**
 * Removes the separators ` -.()` and a leading `+`, then checks the digits.
 *
 * @example
 * ```ts
 * import { normalizePhoneNumber } from "@plivo-effect/core"
 *
 * normalizePhoneNumber("+1 (415) 555-1234") // Option.some("14155551234")
 * normalizePhoneNumber("0415 555 1234") // Option.none(): no country code
 * ```
 *
 * @since 0.1.0
 * @category parsing
 */
export const normalizePhoneNumber = (input: string): Option.Option<PhoneNumber> => {
  const digits = strip(input)
  return isPhoneNumber(digits) ? Option.some(digits) : Option.none()
}

// Inputs may be arbitrarily long user text; echo a bounded prefix only.
const preview = (input: string): string => quote(input, 32)

const reason = (digits: string): string => {
  if (!/^\d*$/.test(digits)) return "it contains characters other than digits"
  if (digits.startsWith("0")) return "the country code cannot start with 0"
  return `it has ${digits.length} digits`
}

/**
 * A phone number given by a caller, e.g. `"+1 415-555-1234"` or `"14155551234"`.
 * Separators ` -.()` and a leading `+` are accepted; decoding yields the digits only and
 * encoding gives them back.
 *
 * @example
 * ```ts
 * import * as Schema from "effect/Schema"
 * import { PhoneNumber } from "@plivo-effect/core"
 *
 * Schema.decodeUnknownSync(PhoneNumber)("+1 (415) 555-1234") // "14155551234"
 * ```
 *
 * @since 0.1.0
 * @category schemas
 */
export const PhoneNumber = Schema.transformOrFail(
  Schema.String.annotations({ description: "a phone number, country code first" }),
  Digits,
  {
    strict: true,
    decode: (input, _, ast) => {
      const digits = strip(input)
      return isPhoneNumber(digits)
        ? ParseResult.succeed(digits)
        : ParseResult.fail(
          new ParseResult.Type(
            ast,
            input,
            `Expected a phone number (7 to 15 digits, country code first, optional leading "+"), got ${
              preview(input)
            }: ${reason(digits)}`
          )
        )
    },
    encode: ParseResult.succeed
  }
).annotations({ identifier: "PhoneNumber" })
