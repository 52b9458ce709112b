import * as InvalidParams from "@plivo-effect/core/InvalidParams"
import { InvalidParamsError } from "@plivo-effect/core/PlivoError"
import * as Effect from "effect/Effect"
import * as ParseResult from "effect/ParseResult"
import { isCleanHttpUrl } from "./url.js"

const MAX_SHOWN = 5
/** Characters of a caller's bigint or object key repeated in a message. */
const MAX_VALUE = 100
/** Characters of one issue, and of a whole error, whatever they quote. */
const MAX_ISSUE = 300
const MAX_MESSAGE = 1_000

/**
 * Escapes what would let text break out of one log line or confuse a terminal: C0 and C1
 * controls, DEL and the Unicode line and paragraph separators become `\uXXXX`.
 */
export const escapeControls = (text: string): string => {
  let out = ""
  for (const char of text) {
    const code = char.charCodeAt(0)
    const unsafe = code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029
    out += unsafe ? `\\u${code.toString(16).padStart(4, "0")}` : char
  }
  return out
}

const bounded = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max)}…` : text)

/** Escaped and cut to `max`; cut first too, so a huge text is not walked whole. */
const safeText = (text: string, max: number): string => bounded(escapeControls(bounded(text, max)), max)

/**
 * Echoes caller input in a message: a string quoted by core's `InvalidParams.quote`
 * (escaped, cut to 100 characters), a number or boolean as is, anything else by its kind
 * only, since turning an arbitrary object into text may be huge, misleading or throw.
 */
export const preview = (value: unknown): string => {
  switch (typeof value) {
    case "string":
      return InvalidParams.quote(value)
    case "number":
    case "boolean":
    case "undefined":
      return String(value)
    case "bigint":
      return bounded(`${value}n`, MAX_VALUE)
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

/** A bounded, readable account of why a value failed a schema, prefixed by the field. */
export const describeParse = (field: string, error: ParseResult.ParseError): string =>
  ParseResult.ArrayFormatter.formatErrorSync(error)
    .slice(0, MAX_SHOWN)
    // Paths are the caller's object keys and messages quote the caller's values.
    .map((issue) => {
      const path = [field, ...issue.path.map((key) => bounded(String(key), MAX_VALUE))].join(".")
      return safeText(`${path}: ${bounded(issue.message, MAX_ISSUE)}`, MAX_ISSUE)
    })
    .join("; ")

/**
 * Collects every rule a request breaks, so one error names them all rather than making the
 * caller fix them one round-trip at a time.
 */
export class Issues {
  private readonly found: Array<string> = []

  add(issue: string): void {
    this.found.push(issue)
  }

  check(ok: boolean, issue: string): void {
    if (!ok) this.found.push(issue)
  }

  get isEmpty(): boolean {
    return this.found.length === 0
  }

  /** Succeeds with `value` when nothing was found, else fails naming each issue. */
  result<A>(operation: string, value: () => A): Effect.Effect<A, InvalidParamsError> {
    if (this.found.length === 0) return Effect.sync(value)
    const shown = this.found.slice(0, MAX_SHOWN).map((issue) => safeText(issue, MAX_ISSUE)).join("; ")
    const more = this.found.length > MAX_SHOWN ? `; and ${this.found.length - MAX_SHOWN} more` : ""
    return Effect.fail(new InvalidParamsError({ operation, issue: bounded(shown, MAX_MESSAGE) + more }))
  }
}

/** An absolute http(s) URL exactly as written (see `isCleanHttpUrl`). */
export const isHttpUrl = (value: unknown): value is string => isCleanHttpUrl(value)

/**
 * Whether `value` is a non-null object that is not an array: a JavaScript caller can pass
 * anything, and reading fields of `null` would throw instead of failing typed.
 */
export const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/** A non-blank string. */
export const isText = (value: unknown): value is string => typeof value === "string" && value.trim() !== ""
