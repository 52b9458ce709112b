/**
 * When and how long to wait before a Plivo call is tried again.
 *
 * A policy is a `Schedule` whose input is the error of the last attempt. Which errors
 * may be retried at all is not the policy's choice: the client offers a 429 to the
 * policy on any method, a 5xx or transport failure only on GET and DELETE, because a
 * POST that may have reached Plivo could text someone twice.
 *
 * @since 0.1.0
 */
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Random from "effect/Random"
import * as Schedule from "effect/Schedule"
import * as ScheduleDecision from "effect/ScheduleDecision"
import * as Interval from "effect/ScheduleInterval"
import type { PlivoError } from "./PlivoError.js"

/**
 * A retry policy: a `Schedule` fed with the failure of each attempt.
 *
 * @since 0.1.0
 * @category models
 */
export type RetryPolicy = Schedule.Schedule<unknown, PlivoError>

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** Retries after a 429 (default 5, so 6 attempts in all). */
  readonly rateLimitRetries?: number
  /** Retries after a 5xx or transport failure of a GET or DELETE (default 2). */
  readonly transientRetries?: number
  /** First backoff delay (default 1 second); doubles on each retry of the same kind. */
  readonly base?: Duration.DurationInput
  /** Largest backoff delay (default 30 seconds). */
  readonly cap?: Duration.DurationInput
  /**
   * Longest `Retry-After` that is waited out (default 5 minutes). A longer one ends the
   * retries at once and the caller gets a `RateLimitError` carrying it.
   */
  readonly maxRetryAfter?: Duration.DurationInput
}

interface State {
  readonly rateLimited: number
  readonly transient: number
}

// Whole milliseconds: a fractional delay would leave a TestClock between two milliseconds,
// where `currentTimeNanos` (every span's start time) cannot be made a bigint and dies.
const backoff = (base: Duration.Duration, cap: Duration.Duration, retry: number) =>
  Random.nextRange(0.8, 1.2).pipe(
    Effect.map((jitter) =>
      Math.round(Math.min(Duration.toMillis(cap), Duration.toMillis(base) * Math.pow(2, retry - 1) * jitter))
    )
  )

/**
 * Exponential backoff with jitter, counted separately for 429s and transient failures.
 * A `Retry-After` that Plivo sent is waited exactly: jitter never shortens it.
 *
 * @since 0.1.0
 * @category constructors
 * @example
 * ```ts
 * import { RetryPolicy } from "@plivo-effect/core"
 *
 * const patient = RetryPolicy.make({ rateLimitRetries: 10, cap: "1 minute" })
 * ```
 */
export const make = (options: Options = {}): RetryPolicy => {
  const rateLimitRetries = options.rateLimitRetries ?? 5
  const transientRetries = options.transientRetries ?? 2
  const base = Duration.decode(options.base ?? Duration.seconds(1))
  const cap = Duration.decode(options.cap ?? Duration.seconds(30))
  const maxRetryAfter = Duration.decode(options.maxRetryAfter ?? Duration.minutes(5))
  return Schedule.makeWithState<State, PlivoError, unknown>(
    { rateLimited: 0, transient: 0 },
    (now, error, state) => {
      if (error._tag === "RateLimitError") {
        const next = { ...state, rateLimited: state.rateLimited + 1 }
        if (next.rateLimited > rateLimitRetries) return Effect.succeed([next, error, ScheduleDecision.done] as const)
        return Option.match(error.retryAfter, {
          onNone: () => backoff(base, cap, next.rateLimited),
          onSome: (wait) => Effect.succeed(Duration.greaterThan(wait, maxRetryAfter) ? -1 : Duration.toMillis(wait))
        }).pipe(Effect.map((delay) => decide(now, next, error, delay)))
      }
      const next = { ...state, transient: state.transient + 1 }
      if (next.transient > transientRetries) return Effect.succeed([next, error, ScheduleDecision.done] as const)
      return backoff(base, cap, next.transient).pipe(Effect.map((delay) => decide(now, next, error, delay)))
    }
  )
}

const decide = (now: number, state: State, error: PlivoError, delay: number) =>
  [
    state,
    error,
    delay < 0 ? ScheduleDecision.done : ScheduleDecision.continueWith(Interval.after(now + Math.max(0, delay)))
  ] as const

/**
 * The policy used when none is configured: `make()` with its defaults.
 *
 * @since 0.1.0
 * @category constructors
 */
export const defaultPolicy: RetryPolicy = make()

/**
 * Never retry.
 *
 * @since 0.1.0
 * @category constructors
 */
export const none: RetryPolicy = Schedule.stop
