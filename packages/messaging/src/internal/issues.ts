import { InvalidParamsError } from "@plivo-effect/core/PlivoError"
import * as Effect from "effect/Effect"
import * as ParseResult from "effect/ParseResult"

const MAX_SHOWN = 5
const MAX_VALUE = 40

/** Echoes caller input in a message, cut short: it may be arbitrarily long. */
export const preview = (value: unknown): string => {
  const text = typeof value === "string" ? JSON.stringify(value) : String(value)
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text
}

/** A bounded, readable account of why a value failed a schema, prefixed by the field. */
export const describeParse = (field: string, error: ParseResult.ParseError): string =>
  ParseResult.ArrayFormatter.formatErrorSync(error)
    .slice(0, MAX_SHOWN)
    .map((issue) => `${[field, ...issue.path.map(String)].join(".")}: ${issue.message}`)
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
    const shown = this.found.slice(0, MAX_SHOWN).join("; ")
    const more = this.found.length > MAX_SHOWN ? `; and ${this.found.length - MAX_SHOWN} more` : ""
    return Effect.fail(new InvalidParamsError({ operation, issue: shown + more }))
  }
}

/** `http:` or `https:` absolute URL. */
export const isHttpUrl = (value: unknown): boolean => {
  if (typeof value !== "string") return false
  try {
    const url = new URL(value)
    return url.protocol === "http:" || url.protocol === "https:"
  } catch {
    return false
  }
}

/** A non-blank string. */
export const isText = (value: unknown): value is string => typeof value === "string" && value.trim() !== ""
