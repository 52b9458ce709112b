import { DecodeError, type PlivoError } from "@plivo-effect/core/PlivoError"
import * as Effect from "effect/Effect"
import { type BulkOutcome, Invalid, Queued, Rejected, Unknown } from "../BulkOutcome.js"
import type { SendResult } from "../SendResult.js"
import type { SendBody } from "./sendBody.js"

/** One `POST Message/` with a body already checked. */
export type Post = (body: SendBody) => Effect.Effect<SendResult, PlivoError>

/** What every outcome of one request carries besides its destination. */
type Extra = { readonly index?: number }

/**
 * Whether a failed request certainly did not act. Plivo refuses a 4xx before queueing
 * anything (a 429 included), and a refused connection sent nothing; a 5xx, a lost
 * connection, a timeout or a 2xx that did not decode may all have queued the messages.
 */
export const certainlyNotActed = (error: PlivoError): boolean => {
  switch (error._tag) {
    case "InvalidParamsError":
    case "BadRequestError":
    case "AuthenticationError":
    case "ForbiddenError":
    case "NotFoundError":
    case "MethodNotAllowedError":
    case "RateLimitError":
      return true
    case "UnexpectedStatusError":
      return error.status >= 400 && error.status < 500
    case "TransportError":
      return !error.mayHaveBeenDelivered
    case "ServerError":
    case "DecodeError":
      return false
  }
}

/** Every destination of a failed request: `Rejected` if it certainly did not act, else `Unknown`. */
export const failed = (
  destinations: ReadonlyArray<string>,
  error: PlivoError,
  extra: Extra
): Array<BulkOutcome> => {
  const safe = certainlyNotActed(error)
  return destinations.map((dst) => safe ? new Rejected({ dst, error, ...extra }) : new Unknown({ dst, error, ...extra }))
}

/**
 * Maps Plivo's answer onto the destinations sent, in order: the i-th uuid belongs to the
 * i-th destination not listed in `invalid_number`. An answer that does not add up (a uuid
 * count other than the accepted count, or an invalid number that was not sent) is not
 * guessed at: Plivo answered 2xx, so it may have queued any of them, and every
 * destination of the request is `Unknown` with a `DecodeError` saying why.
 */
export const mapAnswer = (
  sent: ReadonlyArray<string>,
  result: SendResult,
  extra: Extra
): Array<BulkOutcome> => {
  const invalid = new Set(result.invalid_number)
  const sentSet = new Set(sent)
  const stray = result.invalid_number.filter((dst) => !sentSet.has(dst)).length
  const accepted = sent.filter((dst) => !invalid.has(dst))
  if (stray > 0 || result.message_uuid.length !== accepted.length) {
    const issue = stray > 0
      ? `invalid_number lists ${stray} number(s) that were not sent; which uuid belongs to which destination cannot be told`
      : `${result.message_uuid.length} message_uuid for ${accepted.length} accepted destination(s); which uuid belongs to which destination cannot be told`
    return failed(sent, new DecodeError({ method: "POST", path: "Message/", issue }), extra)
  }
  let next = 0
  return sent.map((dst) => {
    if (invalid.has(dst)) return new Invalid({ dst, ...extra })
    const message_uuid = result.message_uuid[next++] ?? ""
    return new Queued({ dst, message_uuid, ...extra })
  })
}

/**
 * Sends one request to `destinations` (after `beforeSend`, when given) and gives one
 * outcome per destination. It never fails: every failure of the request is an outcome.
 */
export const sendBatch = (options: {
  readonly post: Post
  readonly body: SendBody
  readonly destinations: ReadonlyArray<string>
  readonly extra: Extra
  readonly beforeSend: ((destinations: ReadonlyArray<string>) => Effect.Effect<void>) | undefined
}): Effect.Effect<Array<BulkOutcome>> => {
  const { beforeSend, body, destinations, extra, post } = options
  const request = post(body).pipe(
    Effect.match({
      onFailure: (error) => failed(destinations, error, extra),
      onSuccess: (result) => mapAnswer(destinations, result, extra)
    })
  )
  return beforeSend === undefined ? request : Effect.zipRight(beforeSend(destinations), request)
}
