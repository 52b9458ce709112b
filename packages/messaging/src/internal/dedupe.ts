import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"

/**
 * Remembers event keys for a window, so that an event Plivo retries is acknowledged
 * without being handled twice. A key is claimed while its handler runs and released if
 * the handler fails, so that Plivo's retry gets another chance.
 */
export const make = (windowMillis: number, maxEntries = 100_000) => {
  const until = new Map<string, number>()

  const sweep = (now: number) => {
    for (const [key, expiry] of until) {
      if (expiry > now && until.size <= maxEntries) break
      until.delete(key)
    }
  }

  /** True when the key was free and is now claimed. */
  const claim = (key: string) =>
    Clock.currentTimeMillis.pipe(Effect.map((now) => {
      sweep(now)
      const expiry = until.get(key)
      if (expiry !== undefined && expiry > now) return false
      until.delete(key)
      until.set(key, now + windowMillis)
      return true
    }))

  const release = (key: string) => Effect.sync(() => until.delete(key))

  return { claim, release }
}
