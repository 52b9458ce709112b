import * as ConfigError from "effect/ConfigError"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import { preview } from "../InvalidParams.js"
import type { PlivoBudget } from "../PlivoBudget.js"

/** Tokens per window held back from the pace (see `rate`). */
const SPARE = 2

/** The share of a window added to it for requests that arrive late (see `rate`). */
const MARGIN = 1 / 20

/** Plivo's documented budgets (overview.md, "Rate limits"). */
export const defaults = {
  account: { limit: 300, window: Duration.seconds(5) },
  messageList: { limit: 20, window: Duration.minutes(1) },
  inFlight: 100
} as const

export const off: PlivoBudget.Settings = { account: undefined, messageList: undefined, inFlight: undefined, adaptive: false }

export const standard: PlivoBudget.Settings = {
  account: rate(defaults.account.limit, defaults.account.window, undefined),
  messageList: rate(defaults.messageList.limit, defaults.messageList.window, undefined),
  inFlight: defaults.inFlight,
  adaptive: true
}

/**
 * The pace that keeps every sliding window of `window` at or below `limit`: a token bucket
 * of `burst` tokens refilled once per `period`. In any window the requests are at most the
 * `burst` held at its start plus the refills within it.
 *
 * Plivo counts arrivals, not departures, so the refills are spread over the window plus a
 * margin of a twentieth of it (250 ms for 300 per 5 s): requests held up on their way (new
 * connections at start-up, a stalled event loop) may reach Plivo that much later and still
 * fit. The refills are `limit - burst - 2` per stretch: the limiter schedules a waiter from
 * the moment it asked, not from the last refill (up to one period late, so two may land
 * closer), and a request leaves a little after its moment (whole milliseconds); the two
 * spare tokens absorb both.
 */
function rate(limit: number, window: Duration.Duration, burst: number | undefined): PlivoBudget.Rate {
  const tokens = burst ?? Math.max(1, Math.min(limit - 3, Math.floor(limit / 20)))
  const stretch = Duration.toMillis(window) * (1 + MARGIN)
  return { limit, window, burst: tokens, period: Duration.millis(stretch / (limit - tokens - SPARE)) }
}


const invalid = (path: ReadonlyArray<string>, message: string) =>
  Effect.fail(ConfigError.InvalidData([...path], `${path.join(".")} ${message}`))

const resolveRate = (
  path: ReadonlyArray<string>,
  input: PlivoBudget.Limit | false | undefined,
  fallback: { readonly limit: number; readonly window: Duration.Duration }
): Effect.Effect<PlivoBudget.Rate | undefined, ConfigError.ConfigError> => {
  if (input === false) return Effect.succeed(undefined)
  if (input !== undefined && (typeof input !== "object" || input === null)) {
    return invalid(path, `must be { limit, window, burst? } or false, got ${preview(input)}`)
  }
  const limit = input?.limit ?? fallback.limit
  if (!Number.isSafeInteger(limit) || limit < 4) {
    return invalid([...path, "limit"], `must be an integer of at least 4, got ${preview(limit)}`)
  }
  const window = Duration.decodeUnknown(input?.window ?? fallback.window)
  if (window._tag === "None" || !Duration.isFinite(window.value) || Duration.toMillis(window.value) <= 0) {
    return invalid([...path, "window"], `must be a positive finite duration, got ${preview(input?.window)}`)
  }
  const burst = input?.burst
  if (burst !== undefined && (!Number.isSafeInteger(burst) || burst < 1 || burst > limit - 3)) {
    return invalid([...path, "burst"], `must be an integer from 1 to limit - 3 (${limit - 3}), got ${preview(burst)}`)
  }
  return Effect.succeed(rate(limit, window.value, burst))
}

/**
 * Checks the options and fills in Plivo's numbers; `path` names the options in an error
 * (`["budget"]` from `PlivoConfig`). `false` turns every budget off.
 */
export const resolve = (
  options: PlivoBudget.Options | false | undefined,
  path: ReadonlyArray<string>
): Effect.Effect<PlivoBudget.Settings, ConfigError.ConfigError> => {
  if (options === false) return Effect.succeed(off)
  if (options === undefined) return Effect.succeed(standard)
  if (typeof options !== "object" || options === null) {
    return invalid(path, `must be budget options or false, got ${preview(options)}`)
  }
  return Effect.gen(function*() {
    const account = yield* resolveRate([...path, "account"], options.account, defaults.account)
    const messageList = yield* resolveRate([...path, "messageList"], options.messageList, defaults.messageList)
    const inFlight = options.inFlight ?? defaults.inFlight
    if (inFlight !== false && (!Number.isSafeInteger(inFlight) || inFlight < 1)) {
      yield* invalid([...path, "inFlight"], `must be a positive integer or false, got ${preview(inFlight)}`)
    }
    const adaptive = options.adaptive ?? true
    if (typeof adaptive !== "boolean") yield* invalid([...path, "adaptive"], `must be a boolean, got ${preview(adaptive)}`)
    return { account, messageList, inFlight: inFlight === false ? undefined : inFlight, adaptive }
  })
}
