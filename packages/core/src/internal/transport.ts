import type * as HttpClientError from "@effect/platform/HttpClientError"
import { TransportError } from "../PlivoError.js"
import * as Secret from "./secret.js"
import type * as Wire from "./wire.js"

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
 * be encoded) is known not to have, and only when no answer of any kind came back during
 * the attempt: a failure after a response (a redirect hop, a reset while reading) proves
 * the request was out.
 */
export const mayHaveBeenDelivered = (error: HttpClientError.HttpClientError, attempt: Wire.Attempt): boolean => {
  if (attempt.responded || attempt.sends > 1) return true
  if (error._tag === "ResponseError") return true
  if (error.reason === "Encode" || error.reason === "InvalidUrl") return false
  const code = codeOf(error.cause)
  return code === undefined || !NOT_SENT_CODES.has(code)
}

const describe = (error: HttpClientError.HttpClientError): string => {
  const code = codeOf(error.cause)
  const base = error._tag === "RequestError" ? "request failed" : `reading the response failed (${error.reason})`
  return code === undefined ? base : `${base}: ${code}`
}

/** The request, as `TransportError` names it. */
export interface Target {
  readonly method: string
  readonly path: string
  readonly url: string
}

/** The `TransportError` for an `HttpClientError`, keeping a scrubbed copy of its cause. */
export const toError = (
  target: Target,
  error: HttpClientError.HttpClientError,
  attempt: Wire.Attempt,
  scrub: Secret.Scrub
): TransportError => {
  const cause = Secret.copyCause(error.cause, scrub)
  return new TransportError({
    method: target.method,
    path: target.path,
    url: target.url,
    reason: error._tag === "RequestError" ? error.reason : "Transport",
    description: scrub(describe(error)),
    mayHaveBeenDelivered: mayHaveBeenDelivered(error, attempt),
    ...(cause === undefined ? {} : { cause })
  })
}

/** A send that the `HttpClient` made more than once within one attempt. */
export const repeated = (target: Target, attempt: Wire.Attempt): TransportError =>
  new TransportError({
    method: target.method,
    path: target.path,
    url: target.url,
    reason: "Transport",
    description: `the HttpClient made ${attempt.sends} requests for one send; a transformClient must not ` +
      "retry or follow redirects (the answer was discarded; the send may have been delivered)",
    mayHaveBeenDelivered: true
  })
