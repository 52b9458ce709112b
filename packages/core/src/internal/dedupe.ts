import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"

/**
 * What a claim found: the key was free and is now held by the caller, another run of the
 * same event is still in flight, or a run of it already completed.
 */
export type Claim = "Claimed" | "InFlight" | "Done"

/**
 * Remembers event keys, so that an event Plivo retries is handled once. An event counts
 * as handled only once a run of it has completed: a key is held while its handler runs,
 * remembered for `windowMillis` after a success, and forgotten after a failure or an
 * interruption (Plivo timed out and hung up), so that Plivo's retry runs the handler again.
 */
export const make = (windowMillis: number, maxEntries = 100_000) => {
  // A key in `running` is being handled; a key in `done` was handled and expires.
  const running = new Set<string>()
  const done = new Map<string, number>()

  const sweep = (now: number) => {
    // Insertion order is expiry order (every entry gets the same window), so the sweep
    // stops at the first live entry once the map is within bounds.
    for (const [key, expiry] of done) {
      if (expiry > now && done.size <= maxEntries) break
      done.delete(key)
    }
  }

  const claim = (key: string): Effect.Effect<Claim> =>
    Clock.currentTimeMillis.pipe(Effect.map((now): Claim => {
      sweep(now)
      if (running.has(key)) return "InFlight"
      const expiry = done.get(key)
      if (expiry !== undefined && expiry > now) return "Done"
      done.delete(key)
      running.add(key)
      return "Claimed"
    }))

  /** The run succeeded: later deliveries of the event are duplicates. */
  const complete = (key: string): Effect.Effect<void> =>
    Clock.currentTimeMillis.pipe(Effect.map((now) => {
      running.delete(key)
      done.set(key, now + windowMillis)
    }))

  /** The run failed or was interrupted: the event stays open for a retry. */
  const release = (key: string): Effect.Effect<void> => Effect.sync(() => void running.delete(key))

  return { claim, complete, release }
}
