import * as ParseResult from "effect/ParseResult"
import type { Scrub } from "./secret.js"

const MAX_ISSUES = 5
const MAX_MESSAGE = 160

/**
 * A readable, bounded account of why a value did not match a schema. Schema messages
 * quote the offending value, which may be a whole response body: each is cut short, after
 * the credential is scrubbed from it (before the cut, so no part of it survives).
 */
export const describe = (error: ParseResult.ParseError, scrub: Scrub): string => {
  const issues = ParseResult.ArrayFormatter.formatErrorSync(error)
  const lines = issues.slice(0, MAX_ISSUES).map((issue) => {
    const at = issue.path.length === 0 ? "" : `at ${issue.path.map(String).join(".")}: `
    const text = scrub(issue.message)
    const message = text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text
    return at + message
  })
  const more = issues.length > MAX_ISSUES ? `; and ${issues.length - MAX_ISSUES} more` : ""
  return lines.join("; ") + more
}
