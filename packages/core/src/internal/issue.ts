import * as ParseResult from "effect/ParseResult"

const MAX_ISSUES = 5
const MAX_MESSAGE = 160

/**
 * A readable, bounded account of why a value did not match a schema. Schema messages
 * quote the offending value, which may be a whole response body: each is cut short.
 */
export const describe = (error: ParseResult.ParseError): string => {
  const issues = ParseResult.ArrayFormatter.formatErrorSync(error)
  const lines = issues.slice(0, MAX_ISSUES).map((issue) => {
    const at = issue.path.length === 0 ? "" : `at ${issue.path.map(String).join(".")}: `
    const message = issue.message.length > MAX_MESSAGE ? `${issue.message.slice(0, MAX_MESSAGE)}…` : issue.message
    return at + message
  })
  const more = issues.length > MAX_ISSUES ? `; and ${issues.length - MAX_ISSUES} more` : ""
  return lines.join("; ") + more
}
