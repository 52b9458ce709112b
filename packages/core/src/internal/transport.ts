import type * as HttpClientError from "@effect/platform/HttpClientError"

/** Errors that prove the request never left this machine. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EAI_NONAME", "ERR_INVALID_URL"])

const codeOf = (cause: unknown, depth = 0): string | undefined => {
  if (typeof cause !== "object" || cause === null) return undefined
  if ("code" in cause && typeof cause.code === "string") return cause.code
  return depth < 4 && "cause" in cause ? codeOf(cause.cause, depth + 1) : undefined
}

/**
 * Whether a failed request could have reached Plivo. Only a failure that happened before
 * anything was written (a refused connection, an unknown host, a request that could not
 * be encoded) is known not to have.
 */
export const mayHaveBeenDelivered = (error: HttpClientError.HttpClientError): boolean => {
  if (error._tag === "ResponseError") return true
  if (error.reason === "Encode" || error.reason === "InvalidUrl") return false
  const code = codeOf(error.cause)
  return code === undefined || !NOT_SENT_CODES.has(code)
}

export const reasonOf = (error: HttpClientError.HttpClientError): string => {
  const code = codeOf(error.cause)
  const base = error._tag === "RequestError" ? `request failed (${error.reason})` : `reading the response failed (${error.reason})`
  return code === undefined ? base : `${base}: ${code}`
}
