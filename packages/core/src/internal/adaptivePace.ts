/**
 * How fast one process lets itself go, as a fraction of a budget's pace, after Plivo
 * answered 429 anyway (another application spending the same account). In the spirit of
 * the AWS SDKs' adaptive retry mode: a multiplicative decrease on each 429, then a slow
 * linear climb back, so processes crowding one account settle below the limit instead of
 * all speeding up and tripping it together.
 */

/** The fraction kept on a 429 (AWS's CUBIC uses 0.7). */
export const DECREASE = 0.7

/** The fraction of the full pace regained per window without a 429: back from 0.7 in 6 windows. */
export const RECOVERY_PER_WINDOW = 0.05

/** The slowest the pace goes, so one burst of 429s cannot stall a process for minutes. */
export const FLOOR = 0.05

export interface Pace {
  /** The fraction of the full pace allowed at `now` (1 when not slowed). */
  readonly at: (now: number) => number
  /**
   * A 429 came back for an attempt let through at `admittedAt`. Attempts let through
   * before the last decrease (or in its millisecond) were sent at the old pace: their 429s say nothing new and
   * are ignored, so a burst of answers to one crowded moment slows the pace once.
   */
  readonly throttled: (now: number, admittedAt: number) => void
}

export const make = (windowMillis: number): Pace => {
  let slowed = false
  let from = 1
  let since = Number.NEGATIVE_INFINITY
  const at = (now: number): number => {
    if (!slowed) return 1
    const fraction = from + (Math.max(0, now - since) / windowMillis) * RECOVERY_PER_WINDOW
    if (fraction < 1) return fraction
    slowed = false
    return 1
  }
  return {
    at,
    throttled: (now, admittedAt) => {
      if (admittedAt <= since) return
      from = Math.max(FLOOR, at(now) * DECREASE)
      since = now
      slowed = true
    }
  }
}
