import * as Either from "effect/Either"
import { quote } from "../InvalidParams.js"

/**
 * A path segment may hold what Plivo's identifiers hold (UUIDs, numbers, brand and
 * campaign ids) and nothing that could step to another resource: no `/`, `?`, `#`, `%`,
 * whitespace, and not `.` or `..`.
 */
const SEGMENT = /^[A-Za-z0-9_~+@:-][A-Za-z0-9._~+@:-]*$/

/**
 * The longest segment sent. Plivo's ids are at most a few dozen characters (a UUID is 36);
 * a longer one is a caller's mistake that would only come back as a 414 or 431.
 */
export const MAX_SEGMENT = 128

/**
 * Joins segments into a resource path with the trailing `/` Plivo expects, or says which
 * segment was refused (quoted and bounded: the segment is caller input).
 */
export const build = (segments: ReadonlyArray<string>): Either.Either<string, string> => {
  if (segments.length === 0) return Either.left("the resource path is empty")
  for (const segment of segments) {
    if (typeof segment !== "string") return Either.left(`${quote(segment)} is not a valid path segment (not a string)`)
    if (segment.length > MAX_SEGMENT) {
      return Either.left(
        `${quote(segment, 40)} is not a valid path segment: ${segment.length} characters, at most ${MAX_SEGMENT}`
      )
    }
    if (!SEGMENT.test(segment) || segment === "." || segment === "..") {
      return Either.left(`${quote(segment)} is not a valid path segment`)
    }
  }
  return Either.right(segments.join("/") + "/")
}

/**
 * The path as an error may name it: valid segments as they are, others quoted and bounded,
 * so that an `InvalidParamsError` never repeats raw input.
 */
export const describe = (segments: ReadonlyArray<unknown>): string =>
  segments.slice(0, 8).map((segment) =>
    typeof segment === "string" && segment.length <= MAX_SEGMENT && SEGMENT.test(segment) ? segment : quote(segment, 40)
  ).join("/") + (segments.length > 8 ? "/…" : "")
