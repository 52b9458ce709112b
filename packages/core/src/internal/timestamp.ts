import * as Either from "effect/Either"

// One pattern covers the message format (`2024-08-21 18:28:51.94772+05:30`), ISO-8601
// (`2019-10-09T11:10:59.666461Z`) and callbacks (`2024-01-01 10:00:00.123456`, no offset).
// Seconds are optional because Plivo's own filter syntax allows `YYYY-MM-DD HH:MM`.
const PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/

const DAY_MS = 86_400_000
// Date.UTC maps years 0–99 to 1900–1999; 400 Gregorian years are exactly 146097 days.
const GREGORIAN_CYCLE_MS = 146_097 * DAY_MS

const isLeap = (year: number): boolean => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)

const daysInMonth = (year: number, month: number): number =>
  month === 2
    ? (isLeap(year) ? 29 : 28)
    : [4, 6, 9, 11].includes(month)
    ? 30
    : 31

const num = (s: string | undefined): number => (s === undefined ? 0 : Number(s))

/** Zero-padded to `width` digits. */
export const pad = (n: number, width: number): string => String(n).padStart(width, "0")

/**
 * Parses a Plivo timestamp into UTC epoch milliseconds, or explains why it cannot, with the
 * pattern. A missing offset means UTC. Fractions beyond milliseconds are truncated, not
 * rounded, so a timestamp never moves into the next millisecond (or second).
 */
export const epochMillisByPattern = (input: string): Either.Either<number, string> => {
  const m = PATTERN.exec(input)
  if (m === null) {
    return Either.left("expected YYYY-MM-DD HH:MM:SS[.fraction][Z|±HH:MM]")
  }
  const [, y, mo, d, h, mi, s, frac, , sign, oh, om] = m
  const year = num(y)
  const month = num(mo)
  const day = num(d)
  const hour = num(h)
  const minute = num(mi)
  const second = num(s)
  if (month < 1 || month > 12) return Either.left(`month ${month} does not exist`)
  if (day < 1 || day > daysInMonth(year, month)) {
    return Either.left(`day ${day} does not exist in ${pad(year, 4)}-${pad(month, 2)}`)
  }
  if (hour > 23 || minute > 59 || second > 59) return Either.left("time of day out of range")
  const offsetHours = num(oh)
  const offsetMinutes = num(om)
  if (offsetHours > 23 || offsetMinutes > 59) return Either.left("UTC offset out of range")
  const millis = num((frac ?? "").padEnd(3, "0").slice(0, 3))
  const shift = year < 100 ? 400 : 0
  const local = Date.UTC(year + shift, month - 1, day, hour, minute, second, millis) -
    (shift === 0 ? 0 : GREGORIAN_CYCLE_MS)
  const offset = (sign === "-" ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000
  return Either.right(local - offset)
}

// Char codes.
const ZERO = 48
const DASH = 45
const PLUS = 43
const COLON = 58
const DOT = 46
const SPACE = 32
const UPPER_T = 84
const LOWER_T = 116
const UPPER_Z = 90
const LOWER_Z = 122

/** The two digits at `i` as a number, or -1 (also past the end: `charCodeAt` gives NaN). */
const two = (input: string, i: number): number => {
  const a = input.charCodeAt(i) - ZERO
  const b = input.charCodeAt(i + 1) - ZERO
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1
}

/** Days from 1970-01-01 to a proleptic Gregorian date, any year (H. Hinnant's `days_from_civil`). */
const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

/**
 * The usual timestamp read by its char codes: what `epochMillisByPattern` gives on its
 * success, or `undefined` for anything it would not take, or that is not plainly valid
 * (the pattern then decides, and explains). A list page holds three or more timestamps a
 * record; the pattern, its match array and `Number` of each group cost about 0.85 µs each.
 */
export const epochMillisFast = (input: string): number | undefined => {
  const n = input.length
  if (n < 16 || input.charCodeAt(4) !== DASH || input.charCodeAt(7) !== DASH || input.charCodeAt(13) !== COLON) {
    return undefined
  }
  const t = input.charCodeAt(10)
  if (t !== SPACE && t !== UPPER_T && t !== LOWER_T) return undefined
  const century = two(input, 0)
  const yy = two(input, 2)
  const month = two(input, 5)
  const day = two(input, 8)
  const hour = two(input, 11)
  const minute = two(input, 14)
  if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
    return undefined
  }
  const year = century * 100 + yy
  if (day > (month === 2 ? (isLeap(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31)) {
    return undefined
  }
  let i = 16
  let second = 0
  let millis = 0
  if (i < n && input.charCodeAt(i) === COLON) {
    second = two(input, i + 1)
    if (second < 0 || second > 59) return undefined
    i += 3
    if (i < n && input.charCodeAt(i) === DOT) {
      const start = ++i
      // Up to 9 digits; the first three are the milliseconds, the rest truncated.
      for (; i < n && i - start < 9; i++) {
        const c = input.charCodeAt(i) - ZERO
        if (c < 0 || c > 9) break
        if (i - start < 3) millis += c * (i === start ? 100 : i === start + 1 ? 10 : 1)
      }
      if (i === start) return undefined
    }
  }
  let offset = 0
  if (i < n) {
    const z = input.charCodeAt(i)
    if (z === UPPER_Z || z === LOWER_Z) {
      i += 1
    } else if (z === PLUS || z === DASH) {
      const hours = two(input, i + 1)
      if (hours < 0 || hours > 23) return undefined
      i += 3
      let minutes = 0
      if (i < n) {
        if (input.charCodeAt(i) === COLON) i += 1
        minutes = two(input, i)
        if (minutes < 0 || minutes > 59) return undefined
        i += 2
      }
      offset = (z === DASH ? -1 : 1) * (hours * 60 + minutes) * 60_000
    } else {
      return undefined
    }
  }
  if (i !== n) return undefined
  return daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + millis - offset
}

/** `epochMillisFast`, else the pattern: the same value or the same reason either way. */
export const epochMillis = (input: string): Either.Either<number, string> => {
  const fast = epochMillisFast(input)
  return fast === undefined ? epochMillisByPattern(input) : Either.right(fast)
}
