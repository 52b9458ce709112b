import type * as Headers from "@effect/platform/Headers"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import {
  AuthenticationError,
  BadRequestError,
  ForbiddenError,
  type HttpStatusError,
  MethodNotAllowedError,
  NotFoundError,
  RateLimitError,
  ServerError,
  UnexpectedStatusError
} from "../PlivoError.js"
import { quote } from "../InvalidParams.js"
import * as Body from "./body.js"
import type { Scrub } from "./secret.js"

export interface Answer {
  readonly status: number
  readonly headers: Headers.Headers
  readonly text: string
  readonly json: unknown
}

/**
 * `Retry-After` in delta-seconds or as an HTTP date, measured on the Effect `Clock` so
 * that tests can drive it. A date in the past means "now".
 */
export const retryAfter = (headers: Headers.Headers): Effect.Effect<Option.Option<Duration.Duration>> => {
  const value = headers["retry-after"]?.trim()
  if (value === undefined || value === "") return Effect.succeed(Option.none())
  if (/^\d+$/.test(value)) return Effect.succeed(Option.some(Duration.seconds(Number(value))))
  const at = Date.parse(value)
  if (Number.isNaN(at)) return Effect.succeed(Option.none())
  return Clock.currentTimeMillis.pipe(Effect.map((now) => Option.some(Duration.millis(Math.max(0, at - now)))))
}

/**
 * Plivo's API never redirects, so a 3xx is an error, and the likeliest cause (a base URL
 * that is not Plivo's, e.g. `http://` or missing `/v1/`) is named.
 */
const redirectText = (answer: Answer, scrub: Scrub): string => {
  const location = answer.headers["location"]
  const to = location === undefined ? "" : ` to ${quote(scrub(location), 200)}`
  return `redirect${to} not followed: Plivo's API never redirects, check the base URL`
}

/** The typed error for a non-2xx answer. `attempt` numbers the request that got it. */
export const toError = (
  answer: Answer,
  request: { readonly method: string; readonly path: string; readonly url: string },
  attempt: number,
  scrub: Scrub
): Effect.Effect<HttpStatusError> => {
  const apiId = Body.apiIdOf(answer.json, scrub)
  const text = Body.errorTextOf(answer.json, answer.text, scrub)
  const isRedirect = answer.status >= 300 && answer.status < 400
  const fields = {
    status: answer.status,
    ...(apiId === undefined ? {} : { apiId }),
    error: isRedirect && text === "" ? redirectText(answer, scrub) : text,
    method: request.method,
    path: request.path,
    url: request.url
  }
  const status = answer.status
  if (status === 429) {
    return retryAfter(answer.headers).pipe(
      Effect.map((wait) => new RateLimitError({ ...fields, retryAfter: wait, attempts: attempt }))
    )
  }
  if (status === 400) return Effect.succeed(new BadRequestError(fields))
  if (status === 401) return Effect.succeed(new AuthenticationError(fields))
  if (status === 403) return Effect.succeed(new ForbiddenError(fields))
  if (status === 404) return Effect.succeed(new NotFoundError(fields))
  if (status === 405) return Effect.succeed(new MethodNotAllowedError(fields))
  if (status >= 500 && status <= 599) return Effect.succeed(new ServerError(fields))
  return Effect.succeed(new UnexpectedStatusError({ ...fields, body: Body.excerpt(answer.text, scrub) }))
}
