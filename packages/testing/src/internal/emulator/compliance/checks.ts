/**
 * Readers of one request field that refuse what compliance.md forbids, with the text of
 * the 400. They compose in `Either.gen`.
 *
 * @internal
 */
import * as Either from "effect/Either"
import type { Fields } from "../fields.js"
import { booleanField, isRecord, stringField } from "../fields.js"
import { isValidNumber, sanitizeDestination } from "../numbers.js"
import type { CallbackTarget } from "./model.js"

type Check<A> = Either.Either<A, string>

/**
 * A string of at most `max` (and at least `min`) characters, when present. `""` is
 * absent: the official node SDK's typed positional methods make callers pass `""` for
 * every field they do not set.
 */
export const text = (fields: Fields, key: string, limits: { readonly min?: number; readonly max?: number } = {}): Check<
  string | undefined
> =>
  Either.flatMap(stringField(fields, key), (s) => {
    if (s === undefined || s === "") return Either.right(undefined)
    if (limits.min !== undefined && s.length < limits.min) {
      return Either.left(`${key} must be at least ${limits.min} characters`)
    }
    if (limits.max !== undefined && s.length > limits.max) {
      return Either.left(`${key} must be at most ${limits.max} characters`)
    }
    return Either.right(s)
  })

/** A non-blank string. */
export const required = (fields: Fields, key: string, limits: { readonly min?: number; readonly max?: number } = {}): Check<
  string
> =>
  Either.flatMap(text(fields, key, limits), (s) =>
    s === undefined || s.trim() === "" ? Either.left(`${key} is required`) : Either.right(s))

/** One of `values` (case as given), when present (`""` is absent). */
export const oneOf = (fields: Fields, key: string, values: ReadonlyArray<string>): Check<string | undefined> =>
  Either.flatMap(stringField(fields, key), (s) =>
    s === undefined || s === "" || values.includes(s)
      ? Either.right(s === "" ? undefined : s)
      : Either.left(`${key} must be one of ${values.join(", ")}`))

/** One of `values`, required. */
export const requiredOneOf = (fields: Fields, key: string, values: ReadonlyArray<string>): Check<string> =>
  Either.flatMap(oneOf(fields, key, values), (s) => s === undefined ? Either.left(`${key} is required`) : Either.right(s))

/** A required boolean (JSON boolean or `"true"` / `"false"`). */
export const flag = (fields: Fields, key: string): Check<boolean> =>
  Either.flatMap(booleanField(fields, key), (b) => b === undefined ? Either.left(`${key} is required`) : Either.right(b))

/** A JSON object, when present. */
export const object = (fields: Fields, key: string): Check<Fields | undefined> => {
  const v = fields[key]
  if (v === undefined || v === null) return Either.right(undefined)
  return isRecord(v) ? Either.right(v) : Either.left(`${key} must be an object`)
}

/** An absolute http(s) URL without spaces. */
export const isCleanUrl = (s: string): boolean => {
  if (/\s/.test(s)) return false
  try {
    const u = new URL(s)
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== ""
  } catch {
    return false
  }
}

/** A URL field, when present. */
export const url = (fields: Fields, key: string): Check<string | undefined> =>
  Either.flatMap(stringField(fields, key), (s) =>
    s === undefined || s === "" || isCleanUrl(s) ? Either.right(s === "" ? undefined : s) : Either.left(`${key} must be a valid http(s) URL`))

/** The status callback of `urlKey` / `methodKey` (`POST` by default). */
export const callback = (fields: Fields, urlKey: string, methodKey: string): Check<CallbackTarget | undefined> =>
  Either.gen(function*() {
    const target = yield* url(fields, urlKey)
    const method = (yield* stringField(fields, methodKey))?.toUpperCase() ?? "POST"
    if (method !== "GET" && method !== "POST") return yield* Either.left(`${methodKey} must be GET or POST`)
    return target === undefined ? undefined : { url: target, method }
  })

/** A phone number with its country code; `+`, spaces and dashes are dropped. */
export const phoneNumber = (raw: string, key: string): Check<string> => {
  const digits = sanitizeDestination(raw)
  return isValidNumber(digits) ? Either.right(digits) : Either.left(`${key} ${raw} is not a valid number with a country code`)
}
