/**
 * Plivo's timestamp dialects (overview.md "Timestamp formats"). Times are kept as
 * integer microseconds since the epoch: Plivo's formats carry six fractional digits
 * and a float of milliseconds would round them.
 *
 * @internal
 */

const pad = (n: number, width: number): string => String(n).padStart(width, "0")

interface Parts {
  readonly date: string
  readonly time: string
  readonly micros: number
}

const parts = (micros: number): Parts => {
  const millis = Math.floor(micros / 1000)
  const d = new Date(millis)
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`
  const time = `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}`
  return { date, time, micros: ((micros % 1_000_000) + 1_000_000) % 1_000_000 }
}

/**
 * `message_time` style: `2024-05-01 10:15:30.12045+00:00`. Like Plivo, trailing zeros of
 * the fraction are dropped (and the fraction with them when it is zero), so decoders
 * meet the 0–6 digit forms they must accept.
 */
export const formatMessageTime = (micros: number): string => {
  const p = parts(micros)
  const fraction = p.micros === 0 ? "" : "." + pad(p.micros, 6).replace(/0+$/, "")
  return `${p.date} ${p.time}${fraction}+00:00`
}

/** Status-callback style: `2024-05-01 10:15:30.120450`, always six digits, no offset. */
export const formatCallbackTime = (micros: number): string => {
  const p = parts(micros)
  return `${p.date} ${p.time}.${pad(p.micros, 6)}`
}

/** Media / ISO style: `2024-05-01T10:15:30.120450Z`. */
export const formatIsoTime = (micros: number): string => {
  const p = parts(micros)
  return `${p.date}T${p.time}.${pad(p.micros, 6)}Z`
}

/** `conversation_expiration_timestamp` style: seconds precision with an offset. */
export const formatSecondsTime = (micros: number): string => {
  const p = parts(micros)
  return `${p.date} ${p.time}+00:00`
}

const FILTER_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?$/

/**
 * Parses a `message_time*` filter, `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]` read as UTC.
 * Returns `undefined` for anything else, including impossible dates such as 02-30.
 */
export const parseFilterTime = (input: string): number | undefined => {
  const m = FILTER_TIME.exec(input)
  if (m === null) return undefined
  const [, y, mo, d, h, mi, s, f] = m
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  const hour = Number(h)
  const minute = Number(mi)
  const second = s === undefined ? 0 : Number(s)
  const millis = Date.UTC(year, month - 1, day, hour, minute, second)
  const check = new Date(millis)
  if (
    check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day ||
    hour > 23 || minute > 59 || second > 59
  ) {
    return undefined
  }
  const fraction = f === undefined ? 0 : Number(f.padEnd(6, "0"))
  return millis * 1000 + fraction
}

/** @internal */
export const MICROS_PER_MILLI = 1000

/** @internal */
export const MICROS_PER_HOUR = 3_600_000_000

/** @internal */
export const MICROS_PER_DAY = 24 * MICROS_PER_HOUR
