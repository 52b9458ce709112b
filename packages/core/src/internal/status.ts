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
import * as Body from "./body.js"

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

/** The typed error for a non-2xx answer. `attempt` numbers the request that got it. */
export const toError = (
  answer: Answer,
  request: { readonly method: string; readonly path: string },
  attempt: number
): Effect.Effect<HttpStatusError> => {
  const apiId = Body.apiIdOf(answer.json)
  const fields = {
    status: answer.status,
    ...(apiId === undefined ? {} : { apiId }),
    error: Body.errorTextOf(answer.json, answer.text),
    method: request.method,
    path: request.path
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
  return Effect.succeed(new UnexpectedStatusError({ ...fields, body: Body.excerpt(answer.text) }))
}
