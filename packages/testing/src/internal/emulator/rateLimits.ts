/**
 * Plivo's documented budgets (overview.md "Rate limits"): 300 requests per 5 s per
 * account, plus those a resource sets on a route (20 per minute on `GET Message/`).
 * Sliding logs on the emulator's `Clock`, so TestClock moves the windows.
 *
 * @internal
 */

/** @internal */
export interface Budget {
  readonly limit: number
  readonly windowMillis: number
}

/** @internal */
export const accountBudget: Budget = { limit: 300, windowMillis: 5_000 }

/** @internal */
export interface RateLimits {
  readonly enabled: () => boolean
  readonly setEnabled: (enabled: boolean) => void
  /** Counts the request and answers whether it fits every given budget. */
  readonly admit: (nowMillis: number, budgets: ReadonlyArray<readonly [key: string, budget: Budget]>) => boolean
  readonly reset: () => void
}

/** @internal */
export const makeRateLimits = (initiallyEnabled: boolean): RateLimits => {
  let enabled = initiallyEnabled
  let logs = new Map<string, Array<number>>()
  const recent = (key: string, nowMillis: number, windowMillis: number): Array<number> => {
    const log = (logs.get(key) ?? []).filter((t) => t > nowMillis - windowMillis)
    logs.set(key, log)
    return log
  }
  return {
    enabled: () => enabled,
    setEnabled: (value) => {
      enabled = value
    },
    admit: (nowMillis, budgets) => {
      if (!enabled) return true
      const windows = budgets.map(([key, b]) => [recent(key, nowMillis, b.windowMillis), b.limit] as const)
      // A refused request does not count, so a client that waits out the window gets in.
      if (windows.some(([log, limit]) => log.length >= limit)) return false
      for (const [log] of windows) log.push(nowMillis)
      return true
    },
    reset: () => {
      logs = new Map()
    }
  }
}
