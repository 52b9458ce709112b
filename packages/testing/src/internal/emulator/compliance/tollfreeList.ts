/**
 * The `created` filters of `GET TollfreeVerification/` (compliance.md): `YYYY-MM-DD`
 * dates, a 7-day window by default, and at most 30 days.
 *
 * @internal
 */
import * as Either from "effect/Either"
import { MICROS_PER_DAY } from "../time.js"

const parseDay = (s: string): number | undefined => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim())
  if (m === null) return undefined
  const millis = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  const d = new Date(millis)
  return d.getUTCDate() === Number(m[3]) && d.getUTCMonth() === Number(m[2]) - 1 ? millis * 1000 : undefined
}

/** Whether a creation time is in the requested window. */
export const createdWindow = (
  query: URLSearchParams,
  nowMicros: number
): Either.Either<(createdMicros: number) => boolean, string> => {
  // [lower, upper): half-open in whole days.
  let lower: number | undefined
  let upper: number | undefined
  for (const key of ["created", "created__gt", "created__gte", "created__lt", "created__lte"]) {
    const raw = query.get(key)
    if (raw === null) continue
    const day = parseDay(raw)
    if (day === undefined) return Either.left(`${key} must be a date formatted as YYYY-MM-DD`)
    const from = key === "created" || key === "created__gte" ? day : key === "created__gt" ? day + MICROS_PER_DAY : undefined
    const to = key === "created" || key === "created__lte" ? day + MICROS_PER_DAY : key === "created__lt" ? day : undefined
    if (from !== undefined) lower = lower === undefined ? from : Math.max(lower, from)
    if (to !== undefined) upper = upper === undefined ? to : Math.min(upper, to)
  }
  if (lower === undefined && upper === undefined) lower = nowMicros - 7 * MICROS_PER_DAY
  const hi = upper ?? nowMicros + 1
  const lo = lower ?? hi - 30 * MICROS_PER_DAY
  if (hi - lo > 30 * MICROS_PER_DAY) return Either.left("the created window cannot be longer than 30 days")
  return Either.right((created) => created >= lo && created < hi)
}
