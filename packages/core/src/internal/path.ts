import * as Either from "effect/Either"

/**
 * A path segment may hold what Plivo's identifiers hold (UUIDs, numbers, brand and
 * campaign ids) and nothing that could step to another resource: no `/`, `?`, `#`, `%`,
 * whitespace, and not `.` or `..`.
 */
const SEGMENT = /^[A-Za-z0-9_~+@:-][A-Za-z0-9._~+@:-]*$/

/**
 * Joins segments into a resource path with the trailing `/` Plivo expects, or says which
 * segment was refused.
 */
export const build = (segments: ReadonlyArray<string>): Either.Either<string, string> => {
  if (segments.length === 0) return Either.left("the resource path is empty")
  for (const segment of segments) {
    if (!SEGMENT.test(segment) || segment === "." || segment === "..") {
      return Either.left(`${JSON.stringify(segment.slice(0, 64))} is not a valid path segment`)
    }
  }
  return Either.right(segments.join("/") + "/")
}
