/**
 * The typed failures of every Plivo call. Each documented HTTP status has its own
 * tag so that callers can `Effect.catchTag` exactly what they handle.
 *
 * @since 0.1.0
 */
import * as Predicate from "effect/Predicate"
import * as Schema from "effect/Schema"

/** Fields shared by every error that carries an HTTP response. */
const HttpFields = {
  /** The HTTP status Plivo answered with. */
  status: Schema.Number,
  /** Plivo's `api_id` for the request, when the body had one. */
  apiId: Schema.optional(Schema.String),
  /** Plivo's `error` text, or a bounded excerpt of a body that was not Plivo JSON. */
  error: Schema.String,
  /** The HTTP method of the request. */
  method: Schema.String,
  /** The resource path below `Account/{auth_id}/`, e.g. `Message/`. Never holds credentials. */
  path: Schema.String,
  /**
   * The URL the request went to, without its query, e.g.
   * `https://api.plivo.com/v1/Account/MA…/Message/`: it shows which base URL was used, so a
   * wrong one is visible in the message. Never holds credentials.
   */
  url: Schema.String
}

const describe = (
  self: { readonly method: string; readonly url: string; readonly status: number; readonly error: string }
) => `${self.method} ${self.url} answered ${self.status}${self.error === "" ? "" : `: ${self.error}`}`

/**
 * 400, or a 2xx body that holds an `error` field: a parameter was missing or invalid.
 *
 * @since 0.1.0
 * @category errors
 */
export class BadRequestError extends Schema.TaggedError<BadRequestError>("@plivo-effect/core/BadRequestError")(
  "BadRequestError",
  HttpFields
) {
  override get message(): string {
    return describe(this)
  }
}

/**
 * 401: the Auth ID or Auth Token was rejected.
 *
 * @since 0.1.0
 * @category errors
 */
export class AuthenticationError extends Schema.TaggedError<AuthenticationError>(
  "@plivo-effect/core/AuthenticationError"
)("AuthenticationError", HttpFields) {
  override get message(): string {
    return describe(this)
  }
}

/**
 * 403: forbidden; on a send, usually a destination country outside the account's Geo Permissions.
 *
 * @since 0.1.0
 * @category errors
 */
export class ForbiddenError extends Schema.TaggedError<ForbiddenError>("@plivo-effect/core/ForbiddenError")(
  "ForbiddenError",
  HttpFields
) {
  override get message(): string {
    return describe(this)
  }
}

/**
 * 404: the resource does not exist.
 *
 * @since 0.1.0
 * @category errors
 */
export class NotFoundError extends Schema.TaggedError<NotFoundError>("@plivo-effect/core/NotFoundError")(
  "NotFoundError",
  HttpFields
) {
  override get message(): string {
    return describe(this)
  }
}

/**
 * 405: the resource does not accept this HTTP method.
 *
 * @since 0.1.0
 * @category errors
 */
export class MethodNotAllowedError extends Schema.TaggedError<MethodNotAllowedError>(
  "@plivo-effect/core/MethodNotAllowedError"
)("MethodNotAllowedError", HttpFields) {
  override get message(): string {
    return describe(this)
  }
}

/**
 * 429 after the retry policy gave up. `retryAfter` is the wait Plivo asked for in its
 * last answer, when it sent a `Retry-After` header; `attempts` counts every request made.
 *
 * @since 0.1.0
 * @category errors
 */
export class RateLimitError extends Schema.TaggedError<RateLimitError>("@plivo-effect/core/RateLimitError")(
  "RateLimitError",
  {
    ...HttpFields,
    retryAfter: Schema.OptionFromSelf(Schema.DurationFromSelf),
    attempts: Schema.Number
  }
) {
  override get message(): string {
    return `${describe(this)} (after ${this.attempts} attempt${this.attempts === 1 ? "" : "s"})`
  }
}

/**
 * 5xx: Plivo or a proxy in front of it failed.
 *
 * @since 0.1.0
 * @category errors
 */
export class ServerError extends Schema.TaggedError<ServerError>("@plivo-effect/core/ServerError")(
  "ServerError",
  HttpFields
) {
  override get message(): string {
    return describe(this)
  }
}

/**
 * Any status that Plivo does not document for these APIs. `body` is a bounded excerpt.
 *
 * @since 0.1.0
 * @category errors
 */
export class UnexpectedStatusError extends Schema.TaggedError<UnexpectedStatusError>(
  "@plivo-effect/core/UnexpectedStatusError"
)("UnexpectedStatusError", { ...HttpFields, body: Schema.String }) {
  override get message(): string {
    return describe(this)
  }
}

/**
 * What kind of transport failure a `TransportError` is: the same vocabulary as
 * `HttpClientError.RequestError`, plus `Timeout` for an attempt that got no answer in time.
 *
 * @since 0.1.0
 * @category errors
 */
export const TransportReason = Schema.Literal("Timeout", "Transport", "Encode", "InvalidUrl")

/**
 * @since 0.1.0
 * @category errors
 */
export type TransportReason = typeof TransportReason.Type

/**
 * No HTTP answer: the connection failed or the request timed out.
 * `mayHaveBeenDelivered` is false only when the request certainly never reached Plivo
 * (refused connection, unresolvable host, invalid URL, and no answer of any kind received):
 * a send that failed with it set to true may have texted its recipients, and is not retried
 * for that reason.
 *
 * `cause` is the underlying failure (as in `HttpClientError`), copied with the Auth Token and
 * every encoding of it removed: it never references the authenticated request.
 *
 * @since 0.1.0
 * @category errors
 */
export class TransportError extends Schema.TaggedError<TransportError>("@plivo-effect/core/TransportError")(
  "TransportError",
  {
    method: Schema.String,
    path: Schema.String,
    /** The URL the request went to, without its query. Never holds credentials. */
    url: Schema.String,
    reason: TransportReason,
    /** A readable account of the failure, e.g. `request failed: ECONNRESET`. */
    description: Schema.String,
    mayHaveBeenDelivered: Schema.Boolean,
    cause: Schema.optional(Schema.Defect)
  }
) {
  override get message(): string {
    return `${this.method} ${this.url} failed (${this.reason}): ${this.description}`
  }
}

/**
 * A 2xx answer whose body did not match the expected schema. `issue` describes what did
 * not match, bounded in length: it never repeats the whole body. Plivo answered 2xx, so a
 * send that fails with it was accepted: it must not be sent again.
 *
 * @since 0.1.0
 * @category errors
 */
export class DecodeError extends Schema.TaggedError<DecodeError>("@plivo-effect/core/DecodeError")(
  "DecodeError",
  { method: Schema.String, path: Schema.String, issue: Schema.String }
) {
  override get message(): string {
    return `${this.method} ${this.path}: unexpected response: ${this.issue}`
  }
}

/**
 * Input rejected before anything was sent.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidParamsError extends Schema.TaggedError<InvalidParamsError>(
  "@plivo-effect/core/InvalidParamsError"
)("InvalidParamsError", { operation: Schema.String, issue: Schema.String }) {
  override get message(): string {
    return `${this.operation}: invalid parameters: ${this.issue}`
  }
}

/**
 * Every error an HTTP status maps to.
 *
 * @since 0.1.0
 * @category errors
 */
export type HttpStatusError =
  | BadRequestError
  | AuthenticationError
  | ForbiddenError
  | NotFoundError
  | MethodNotAllowedError
  | RateLimitError
  | ServerError
  | UnexpectedStatusError

/**
 * Every failure a Plivo call can produce.
 *
 * @since 0.1.0
 * @category errors
 */
export type PlivoError = HttpStatusError | TransportError | DecodeError | InvalidParamsError

const classes = [
  BadRequestError,
  AuthenticationError,
  ForbiddenError,
  NotFoundError,
  MethodNotAllowedError,
  RateLimitError,
  ServerError,
  UnexpectedStatusError,
  TransportError,
  DecodeError,
  InvalidParamsError
] as const

/**
 * Whether a value is one of the `PlivoError` classes, e.g. in a `catchAll` that also sees
 * other failures, or on a `Cause` squashed to one value.
 *
 * @since 0.1.0
 * @category guards
 * @example
 * ```ts
 * import { isPlivoError } from "@plivo-effect/core"
 *
 * const describe = (u: unknown) => (isPlivoError(u) ? u._tag : "not a Plivo error")
 * ```
 */
export const isPlivoError = (u: unknown): u is PlivoError =>
  Predicate.isObject(u) && classes.some((cls) => u instanceof cls)
