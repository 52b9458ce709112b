import { formatFilter } from "@plivo-effect/core/PlivoDateTime"
import type { InvalidParamsError } from "@plivo-effect/core/PlivoError"
import type { PlivoClient } from "@plivo-effect/core/PlivoClient"
import { Issues, isText, preview } from "@plivo-effect/core/InvalidParams"
import * as DateTime from "effect/DateTime"
import type * as Effect from "effect/Effect"
import type { MessageFilters, MessageListFilters, MessageStreamFilters } from "../MessageFilters.js"
import {
  ConversationOrigin,
  MessageDirection,
  MessageState,
  MessageType,
  TendlcRegistrationStatus
} from "../MessageRecord.js"

type Query = Record<string, string | number>

const DAY_MS = 86_400_000

/** Plivo searches messages of the last 90 days only. */
export const LOOKBACK_MS = 90 * DAY_MS

/**
 * How far inside the look-back a default lower bound starts. The bound is fixed for the
 * whole stream (offsets must not move), while Plivo's window keeps sliding: the margin
 * lets a stream run this long, and absorbs clock skew, before its bound would fall out.
 */
export const LOOKBACK_MARGIN_MS = 60 * 60_000

const ENUM_KEYS = [
  "message_direction",
  "message_state",
  "message_type",
  "tendlc_registration_status",
  "conversation_origin"
] as const

const ENUMS: Readonly<Record<typeof ENUM_KEYS[number], ReadonlyArray<string>>> = {
  message_direction: MessageDirection.members[0].literals,
  message_state: MessageState.members[0].literals,
  message_type: MessageType.members[0].literals,
  tendlc_registration_status: TendlcRegistrationStatus.members[0].literals,
  conversation_origin: ConversationOrigin.members[0].literals
}

const TEXTS = [
  "subaccount",
  "powerpack_id",
  "from_number",
  "to_number",
  "tendlc_campaign_id",
  "conversation_id"
] as const

const LOWER = ["message_time", "message_time__gt", "message_time__gte"] as const
const UPPER = ["message_time", "message_time__lt", "message_time__lte"] as const
const TIMES = ["message_time", "message_time__gt", "message_time__gte", "message_time__lt", "message_time__lte"] as const

type TimeKey = typeof TIMES[number]

/**
 * The instants a filter may name: years 2000 to 9999. Plivo's format has four year
 * digits, and `Date` renders years outside 0–9999 as `-000001` or `+275760`, which would
 * reach Plivo as a malformed filter; nothing is older than Plivo itself.
 */
const MIN_TIME = Date.UTC(2000, 0, 1)
const MAX_TIME = Date.UTC(10_000, 0, 1) - 1

const millisOf = (value: unknown): number | undefined => {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime()
  return DateTime.isDateTime(value) ? DateTime.toEpochMillis(value) : undefined
}

/** Validated filters: the query, and the given time bounds in epoch millis. */
interface Checked {
  readonly query: Query
  readonly times: Partial<Record<TimeKey, number>>
}

const checkFilters = (filters: MessageFilters, issues: Issues): Checked => {
  const query: Query = {}
  const times: Partial<Record<TimeKey, number>> = {}
  for (const key of ENUM_KEYS) {
    const value: unknown = filters[key]
    const allowed = ENUMS[key]
    if (value === undefined) continue
    if (typeof value === "string" && allowed.includes(value)) query[key] = value
    else issues.add(`${key} must be one of ${allowed.join(", ")}, got ${preview(value)}`)
  }
  for (const key of TEXTS) {
    const value = filters[key]
    if (value === undefined) continue
    if (isText(value)) query[key] = value.trim()
    else issues.add(`${key} must be a non-empty string`)
  }
  const { destination_country_iso2: country, error_code: code } = filters
  if (country !== undefined) {
    if (typeof country === "string" && /^[A-Za-z]{2}$/.test(country)) query.destination_country_iso2 = country.toUpperCase()
    else issues.add(`destination_country_iso2 must be a two-letter ISO code, got ${preview(country)}`)
  }
  if (code !== undefined) {
    const text = String(code).trim()
    if ((typeof code === "string" || Number.isInteger(code)) && /^\d+$/.test(text)) query.error_code = text
    else issues.add(`error_code must be a numeric code such as "30", got ${preview(code)}`)
  }
  for (const key of TIMES) {
    const value = filters[key]
    if (value === undefined) continue
    const ms = millisOf(value)
    if (ms === undefined) issues.add(`${key} must be a DateTime or a valid Date`)
    else if (ms < MIN_TIME || ms > MAX_TIME) issues.add(`${key} must be in the years 2000 to 9999`)
    else times[key] = ms
  }
  const lower = Math.max(...LOWER.flatMap((k) => times[k] ?? []))
  const upper = Math.min(...UPPER.flatMap((k) => times[k] ?? []))
  issues.check(lower <= upper, "the message_time range is empty: its lower bound is after its upper bound")
  return { query, times }
}

/** Filters given by plain JavaScript may be anything; `null` must fail typed, not throw. */
const isFilters = (filters: MessageFilters, issues: Issues): boolean => issues.checkRecord(filters, "the filters")

const withTimes = (query: Query, times: Partial<Record<TimeKey, number>>): Query => {
  const out: Query = { ...query }
  for (const key of TIMES) {
    const ms = times[key]
    if (ms !== undefined) out[key] = formatFilter(new Date(ms))
  }
  return out
}

/** The query of one `GET Message/` page. */
export const listQuery = (filters: MessageListFilters): Effect.Effect<PlivoClient.Query, InvalidParamsError> => {
  const issues = new Issues()
  if (!isFilters(filters, issues)) return issues.result("Messages.list", () => ({}))
  const { query, times } = checkFilters(filters, issues)
  issues.checkLimit(filters.limit)
  const { offset } = filters
  issues.checkOffset(offset)
  return issues.result("Messages.list", () => ({
    ...withTimes(query, times),
    ...(filters.limit === undefined ? {} : { limit: filters.limit }),
    ...(offset === undefined ? {} : { offset })
  }))
}

/**
 * The filters of a whole-history walk, fixed at its start (`now`):
 *
 * - the upper bound is pinned to `now` unless the caller gave one that is not in the
 *   future, so messages arriving during the walk cannot shift offsets;
 * - without a lower bound, the walk covers Plivo's look-back (less a margin), since Plivo
 *   would otherwise search the last 24 hours only;
 * - a bound earlier than the look-back is refused: Plivo could not honour it.
 */
export const streamQuery = (
  filters: MessageStreamFilters,
  now: number
): Effect.Effect<PlivoClient.Query, InvalidParamsError> => {
  const issues = new Issues()
  if (!isFilters(filters, issues)) return issues.result("Messages.stream", () => ({}))
  const { query, times } = checkFilters(filters, issues)
  issues.checkLimit(filters.limit)
  const floor = now - LOOKBACK_MS
  for (const key of TIMES) {
    const ms = times[key]
    if (ms !== undefined && ms < floor) {
      issues.add(
        `${key} ${formatFilter(new Date(ms))} is more than 90 days before now (${
          formatFilter(new Date(now))
        }); Plivo keeps 90 days of messages`
      )
    }
  }
  const pinned: Partial<Record<TimeKey, number>> = { ...times }
  if (!UPPER.some((key) => (times[key] ?? Infinity) <= now)) {
    pinned.message_time__lte = now
    issues.check(
      LOWER.every((key) => (times[key] ?? -Infinity) <= now),
      `the message_time range starts after now (${formatFilter(new Date(now))}): no message can match yet`
    )
  }
  if (LOWER.every((key) => times[key] === undefined)) {
    const upper = Math.min(...UPPER.flatMap((key) => pinned[key] ?? []))
    pinned.message_time__gte = Math.min(floor + LOOKBACK_MARGIN_MS, upper)
  }
  return issues.result("Messages.stream", () => withTimes(query, pinned))
}
