import * as Predicate from "effect/Predicate"
import type { Scrub } from "./secret.js"

/** Longest excerpt of a body kept in an error: enough to read, never a whole page. */
const EXCERPT = 500

/**
 * A bounded, single-line excerpt of a body, with the Auth Token removed first: a server
 * (or a proxy) that echoes request headers into its error page must not put the
 * credential into an error, and scrubbing after the cut could leave part of it.
 */
export const excerpt = (text: string, scrub: Scrub): string => {
  const flat = scrub(text).replace(/\s+/g, " ").trim()
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

/** Plivo's `api_id`, when the body has one (bounded and scrubbed: it is server text). */
export const apiIdOf = (json: unknown, scrub: Scrub): string | undefined =>
  Predicate.isRecord(json) && typeof json.api_id === "string" ? excerpt(json.api_id, scrub) : undefined

/**
 * Plivo's `error` text. The field is usually a string, sometimes an object (which may
 * itself hold `error`), sometimes missing; the body may not be JSON at all.
 */
export const errorTextOf = (json: unknown, raw: string, scrub: Scrub): string => {
  if (Predicate.isRecord(json) && "error" in json) return describeError(json.error, scrub)
  if (json === undefined) return excerpt(raw, scrub)
  return ""
}

const describeError = (error: unknown, scrub: Scrub): string => {
  if (typeof error === "string") return excerpt(error, scrub)
  if (Predicate.isRecord(error) && typeof error.error === "string") return excerpt(error.error, scrub)
  if (error === null || error === undefined) return ""
  return excerpt(JSON.stringify(error) ?? "", scrub)
}

/** True when a success body still reports a failure, as some 10DLC answers do. */
export const holdsError = (json: unknown): boolean =>
  Predicate.isRecord(json) && json.error !== undefined && json.error !== null && json.error !== ""
