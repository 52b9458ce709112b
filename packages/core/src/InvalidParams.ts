/**
 * Checking caller input and the text of an `InvalidParamsError`. Such an error repeats
 * what the caller passed, and that input may be hostile or huge: an id holding CR/LF would
 * forge a log line, a megabyte-long one would make a megabyte-long message. Every SDK
 * package quotes caller input through `quote` or `preview` (ids in span attributes through
 * `spanId`), gathers what a request breaks in `Issues`, and checks `limit` and `offset` here.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as ParseResult from "effect/ParseResult"
import { InvalidParamsError } from "./PlivoError.js"

/**
 * The longest quoted excerpt, counted in output characters (escapes included), before the
 * ellipsis.
 *
 * @since 0.1.0
 * @category constants
 */
export const MAX_QUOTED = 100

// Characters that would let an echoed value break, hide or reorder the text around it:
// C0/C1 controls, DEL, the Unicode line and paragraph separators, and the bidirectional
// overrides and isolates ("Trojan Source").
const isUnsafe = (code: number): boolean =>
  code <= 0x1f || (code >= 0x7f && code <= 0x9f) || code === 0x200e || code === 0x200f ||
  code === 0x2028 || code === 0x2029 || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) ||
  // A lone surrogate cannot be printed faithfully; it is shown as its code unit.
  (code >= 0xd800 && code <= 0xdfff)

const SHORT: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" }
const QUOTING: Readonly<Record<string, string>> = { "\"": "\\\"", "\\": "\\\\" }

// Inside quotes, `"` and `\` are escaped too; JSON text of other values is already quoted.
const escapeChar = (char: string, quoted: boolean): string => {
  const short = SHORT[char] ?? (quoted ? QUOTING[char] : undefined)
  if (short !== undefined) return short
  const code = char.codePointAt(0) ?? 0
  return isUnsafe(code) ? `\\u${code.toString(16).padStart(4, "0")}` : char
}

const escapeText = (text: string, quoted: boolean, max: number): { readonly out: string; readonly cut: boolean } => {
  let out = ""
  for (const char of text) {
    const escaped = escapeChar(char, quoted)
    if (out.length + escaped.length > max) return { out, cut: true }
    out += escaped
  }
  return { out, cut: false }
}

const render = (value: unknown): { readonly text: string; readonly quoted: boolean } => {
  if (typeof value === "string") return { text: value, quoted: true }
  if (typeof value === "bigint") return { text: `${value}n`, quoted: false }
  if (typeof value !== "object" || value === null) return { text: String(value), quoted: false }
  try {
    return { text: JSON.stringify(value) ?? String(value), quoted: false }
  } catch {
    return { text: Object.prototype.toString.call(value), quoted: false }
  }
}

/**
 * Caller input, made safe to repeat in an error message: a string is JSON-quoted, every
 * control, line-breaking or bidirectional character is escaped, and the result is cut at
 * `max` characters with an ellipsis. Other values are shown as JSON (or `String`), with the
 * same escaping and bound.
 *
 * @since 0.1.0
 * @category formatting
 * @example
 * ```ts
 * import { InvalidParams } from "@plivo-effect/core"
 *
 * InvalidParams.quote("abc\r\nINFO forged")
 * // "\"abc\\r\\nINFO forged\""
 * ```
 */
export const quote = (value: unknown, max: number = MAX_QUOTED): string => {
  const { quoted, text } = render(value)
  const { cut, out } = escapeText(text, quoted, max)
  return quoted ? `"${out}"${cut ? "…" : ""}` : `${out}${cut ? "…" : ""}`
}

/** Longest id recorded as given; Plivo's ids (uuids, media ids) are 36 characters. */
const MAX_SPAN_ID = 64

const PLAIN_ID = /^[A-Za-z0-9._~-]+$/

/**
 * A caller's id as a span attribute value. A traced operation records the id before the
 * client checks it, and attributes go to tracing backends and logs: a plain id (letters,
 * digits, `.`, `_`, `~`, `-`, up to 64 characters) is kept as given, anything else (CR/LF,
 * bidirectional controls, a megabyte-long string, a non-string) is quoted, escaped and cut
 * by `quote` at 64 characters.
 *
 * @since 0.1.0
 * @category formatting
 * @example
 * ```ts
 * import { InvalidParams } from "@plivo-effect/core"
 *
 * InvalidParams.spanId("5b40a428-bfc7-4daf-9d06-726c558bf3b8")
 * // "5b40a428-bfc7-4daf-9d06-726c558bf3b8"
 * InvalidParams.spanId("id\r\nforged")
 * // "\"id\\r\\nforged\""
 * ```
 */
export const spanId = (id: unknown): string =>
  typeof id === "string" && id.length <= MAX_SPAN_ID && PLAIN_ID.test(id) ? id : quote(id, MAX_SPAN_ID)

/**
 * Text made safe for one line of an error message: escaped like `quote` but not quoted,
 * and cut at `max` characters with an ellipsis.
 */
const safeText = (text: string, max: number): string => {
  const { cut, out } = escapeText(text, false, max)
  return cut ? `${out}…` : out
}

/** Characters of a caller's bigint or object key repeated in a message. */
const MAX_VALUE = 100
/** Issues named in one message; the rest are counted. */
const MAX_SHOWN = 5
/** Characters of one issue, and of a whole error, whatever they quote. */
const MAX_ISSUE = 300
const MAX_MESSAGE = 1_000

/**
 * Caller input echoed by its kind where its text could mislead: a string quoted by
 * `quote`, a number or boolean as is, anything else by its kind only (`an object`,
 * `an array of 3`), since turning an arbitrary object into text may be huge, misleading or
 * throw.
 *
 * @since 0.1.0
 * @category formatting
 * @example
 * ```ts
 * import { InvalidParams } from "@plivo-effect/core"
 *
 * `limit must be an integer from 1 to 20, got ${InvalidParams.preview([1, 2])}`
 * // "limit must be an integer from 1 to 20, got an array of 2"
 * ```
 */
export const preview = (value: unknown): string => {
  switch (typeof value) {
    case "string":
      return quote(value)
    case "number":
    case "boolean":
    case "undefined":
      return String(value)
    case "bigint":
      return quote(value, MAX_VALUE)
    case "symbol":
      return "a symbol"
    case "function":
      return "a function"
    default:
      if (value === null) return "null"
      if (Array.isArray(value)) return `an array of ${value.length}`
      return value instanceof Date ? "a Date" : "an object"
  }
}

/**
 * A bounded, readable account of why a caller's value failed a schema, each issue
 * prefixed by its path below `field`. Paths are the caller's object keys and messages
 * quote the caller's values: both are escaped and cut.
 *
 * @since 0.1.0
 * @category formatting
 * @example
 * ```ts
 * import * as Schema from "effect/Schema"
 * import * as Either from "effect/Either"
 * import { InvalidParams } from "@plivo-effect/core"
 *
 * const result = Schema.decodeUnknownEither(Schema.Struct({ name: Schema.String }))({ name: 1 })
 * if (Either.isLeft(result)) InvalidParams.describeParse("template", result.left)
 * // "template.name: Expected string, actual 1"
 * ```
 */
export const describeParse = (field: string, error: ParseResult.ParseError): string =>
  ParseResult.ArrayFormatter.formatErrorSync(error)
    .slice(0, MAX_SHOWN)
    .map((issue) => {
      const path = [field, ...issue.path.map((key) => safeText(String(key), MAX_VALUE))].join(".")
      return safeText(`${path}: ${issue.message.slice(0, MAX_ISSUE)}`, MAX_ISSUE)
    })
    .join("; ")

/**
 * Whether `value` is a non-null object that is not an array: a JavaScript caller can pass
 * anything, and reading fields of `null` would throw instead of failing typed.
 *
 * @since 0.1.0
 * @category guards
 * @example
 * ```ts
 * import { InvalidParams } from "@plivo-effect/core"
 *
 * InvalidParams.isRecord(null) // false
 * ```
 */
export const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/**
 * A non-blank string.
 *
 * @since 0.1.0
 * @category guards
 * @example
 * ```ts
 * import { InvalidParams } from "@plivo-effect/core"
 *
 * InvalidParams.isText("  ") // false
 * ```
 */
export const isText = (value: unknown): value is string => typeof value === "string" && value.trim() !== ""

/**
 * The largest page Plivo serves: `limit` is 1 to this.
 *
 * @since 0.1.0
 * @category constants
 */
export const MAX_LIMIT = 20

/**
 * The largest `offset` sent. Plivo keeps 90 days of messages; at Plivo's own send rates
 * that stays well below this, while a number like `1e+300` would be sent in exponent form.
 *
 * @since 0.1.0
 * @category constants
 */
export const MAX_OFFSET = 1_000_000_000

/**
 * Collects every rule a request breaks, so one `InvalidParamsError` names them all rather
 * than making the caller fix them one round-trip at a time. Each issue is escaped and
 * bounded in the error, whatever caller input it quotes.
 *
 * @since 0.1.0
 * @category collecting
 * @example
 * ```ts
 * import { InvalidParams } from "@plivo-effect/core"
 *
 * const pageQuery = (params: { readonly limit?: number; readonly offset?: number }) => {
 *   const issues = new InvalidParams.Issues()
 *   if (!issues.checkRecord(params, "the parameters")) return issues.result("Brands.list", () => ({}))
 *   issues.checkLimit(params.limit)
 *   issues.checkOffset(params.offset)
 *   return issues.result("Brands.list", () => ({ ...params }))
 * }
 * ```
 */
export class Issues {
  private readonly found: Array<string> = []

  /** Records an issue. */
  add(issue: string): void {
    this.found.push(issue)
  }

  /**
   * Records `issue` unless `ok`. A function is called only when the check fails: a message
   * that quotes the value is built on every call otherwise, valid or not.
   */
  check(ok: boolean, issue: string | (() => string)): void {
    if (!ok) this.found.push(typeof issue === "string" ? issue : issue())
  }

  /**
   * Whether `value` is an object (see `isRecord`); records an issue naming `what` if not.
   * Typed parameters can still be anything at run time when the caller is JavaScript.
   */
  checkRecord(value: unknown, what: string): boolean {
    if (isRecord(value)) return true
    this.found.push(`${what} must be an object, got ${preview(value)}`)
    return false
  }

  /** A page size, when given: an integer from 1 to `MAX_LIMIT`. */
  checkLimit(limit: unknown): void {
    if (limit === undefined) return
    this.check(
      typeof limit === "number" && Number.isInteger(limit) && limit >= 1 && limit <= MAX_LIMIT,
      () => `limit must be an integer from 1 to ${MAX_LIMIT}, got ${preview(limit)}`
    )
  }

  /** A page offset, when given: an integer from 0 to `MAX_OFFSET`. */
  checkOffset(offset: unknown): void {
    if (offset === undefined) return
    this.check(
      typeof offset === "number" && Number.isSafeInteger(offset) && offset >= 0 && offset <= MAX_OFFSET,
      () => `offset must be a non-negative integer up to ${MAX_OFFSET}, got ${preview(offset)}`
    )
  }

  /** Whether no issue was recorded. */
  get isEmpty(): boolean {
    return this.found.length === 0
  }

  /** Succeeds with `value` when nothing was found, else fails naming each issue. */
  result<A>(operation: string, value: () => A): Effect.Effect<A, InvalidParamsError> {
    if (this.found.length === 0) return Effect.sync(value)
    const shown = this.found.slice(0, MAX_SHOWN).map((issue) => safeText(issue, MAX_ISSUE))
    const more = this.found.length > MAX_SHOWN ? `; and ${this.found.length - MAX_SHOWN} more` : ""
    return Effect.fail(
      new InvalidParamsError({ operation, issue: safeText(shown.join("; "), MAX_MESSAGE) + more })
    )
  }
}
