import * as Predicate from "effect/Predicate"

/** Longest excerpt of a body kept in an error: enough to read, never a whole page. */
const EXCERPT = 500

export const excerpt = (text: string): string => {
  const flat = text.replace(/\s+/g, " ").trim()
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT)}…` : flat
}

/** Parses JSON without throwing: `undefined` when the text is not JSON. */
export const parseJson = (text: string): unknown => {
  if (text.trim() === "") return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Plivo's `api_id`, when the body has one. */
export const apiIdOf = (json: unknown): string | undefined =>
  Predicate.isRecord(json) && typeof json.api_id === "string" ? json.api_id : undefined

/**
 * Plivo's `error` text. The field is usually a string, sometimes an object (which may
 * itself hold `error`), sometimes missing; the body may not be JSON at all.
 */
export const errorTextOf = (json: unknown, raw: string): string => {
  if (Predicate.isRecord(json) && "error" in json) return describeError(json.error)
  if (json === undefined) return excerpt(raw)
  return ""
}

const describeError = (error: unknown): string => {
  if (typeof error === "string") return excerpt(error)
  if (Predicate.isRecord(error) && typeof error.error === "string") return excerpt(error.error)
  if (error === null || error === undefined) return ""
  return excerpt(JSON.stringify(error) ?? "")
}

/** True when a success body still reports a failure, as some 10DLC answers do. */
export const holdsError = (json: unknown): boolean =>
  Predicate.isRecord(json) && json.error !== undefined && json.error !== null && json.error !== ""
