/**
 * Turns a Schema failure into the one-line `error` text Plivo-style 400s carry.
 *
 * @internal
 */
import * as ParseResult from "effect/ParseResult"

/** @internal */
export const describeIssue = (error: ParseResult.ParseError): string => {
  const [first] = ParseResult.ArrayFormatter.formatErrorSync(error)
  if (first === undefined) return "invalid request"
  const path = first.path.map(String).join(".")
  return path === "" ? `invalid request: ${first.message}` : `invalid value for ${path}: ${first.message}`
}
