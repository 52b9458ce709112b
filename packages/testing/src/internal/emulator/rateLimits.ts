/**
 * Plivo's documented budgets (overview.md "Rate limits"): 300 requests per 5 s per
 * account, 100 in flight, plus those a resource sets on a route (20 per minute on
 * `GET Message/`). The same numbers as `@plivo-effect/core`'s `PlivoBudget` defaults, and
 * each counted per Auth ID. Sliding logs on the emulator's `Clock`, so TestClock moves the
 * windows.
 *
 * @internal
 */
import * as Duration from "effect/Duration"
import type { PlivoEmulator } from "../../PlivoEmulator.js"

/** @internal */
export interface Budget {
  readonly limit: number
  readonly windowMillis: number
}

/** @internal */
export const accountBudget: Budget = { limit: 300, windowMillis: 5_000 }

/** @internal */
export const defaultInFlight = 100

/** The route budgets the options can resize, by the key their route gives them. */
const routeOptions: ReadonlyMap<string, "messageList"> = new Map([["message-list", "messageList"]])

/** @internal */
export interface RateLimits {
  readonly enabled: () => boolean
  readonly setEnabled: (enabled: boolean) => void
  /**
   * Counts the request against the account's budget and the route's (`route`, a default
   * the options may resize) and answers whether it fits both. Logs are per Auth ID.
   */
  readonly admit: (
    nowMillis: number,
    authId: string,
    route: readonly [key: string, budget: Budget] | undefined
  ) => boolean
  /** Takes an in-flight slot of the account, or answers false when all are taken. */
  readonly enter: (authId: string) => boolean
  /** Gives back a slot `enter` took. */
  readonly leave: (authId: string) => void
  readonly reset: () => void
}

const budgetOf = (option: PlivoEmulator.RateLimit | undefined, fallback: Budget): Budget =>
  option === undefined
    ? fallback
    : {
      limit: Math.max(0, Math.floor(option.limit)),
      windowMillis: Duration.toMillis(Duration.decode(option.window))
    }

/** `true` or an object turns the limits on; an object also resizes them. @internal */
export const makeRateLimits = (options: boolean | PlivoEmulator.RateLimits | undefined): RateLimits => {
  let enabled = options !== undefined && options !== false
  const sizes = typeof options === "object" ? options : {}
  const account = budgetOf(sizes.account, accountBudget)
  const maxInFlight = sizes.inFlight ?? defaultInFlight
  let logs = new Map<string, Array<number>>()
  const inFlight = new Map<string, number>()
  const recent = (key: string, nowMillis: number, windowMillis: number): Array<number> => {
    const log = (logs.get(key) ?? []).filter((t) => t > nowMillis - windowMillis)
    logs.set(key, log)
    return log
  }
  const resized = (key: string, budget: Budget): Budget => {
    const option = routeOptions.get(key)
    return option === undefined ? budget : budgetOf(sizes[option], budget)
  }
  return {
    enabled: () => enabled,
    setEnabled: (value) => {
      enabled = value
    },
    admit: (nowMillis, authId, route) => {
      if (!enabled) return true
      const budgets: Array<readonly [string, Budget]> = [[`${authId}:account`, account]]
      if (route !== undefined) budgets.push([`${authId}:${route[0]}`, resized(route[0], route[1])])
      const windows = budgets.map(([key, b]) => [recent(key, nowMillis, b.windowMillis), b.limit] as const)
      // A refused request does not count, so a client that waits out the window gets in.
      if (windows.some(([log, limit]) => log.length >= limit)) return false
      for (const [log] of windows) log.push(nowMillis)
      return true
    },
    enter: (authId) => {
      const current = inFlight.get(authId) ?? 0
      // Counted even while the limits are off, so switching them on mid-flight stays exact.
      if (enabled && current >= maxInFlight) return false
      inFlight.set(authId, current + 1)
      return true
    },
    leave: (authId) => {
      const current = inFlight.get(authId) ?? 0
      if (current <= 1) inFlight.delete(authId)
      else inFlight.set(authId, current - 1)
    },
    reset: () => {
      logs = new Map()
    }
  }
}
