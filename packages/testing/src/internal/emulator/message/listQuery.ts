/**
 * `GET Message/` filters and Plivo's search windows (messages.md §3): the last 24 h
 * when no `message_time*` filter is given, never more than 90 days back.
 *
 * @internal
 */
import * as Either from "effect/Either"
import type { MessageRecord } from "./model.js"
import { isMessageDirection, isMessageState, isMessageType } from "./model.js"
import { sanitizeDestination, sanitizeSender } from "../numbers.js"
import type { TimeBound } from "./store.js"
import { MICROS_PER_DAY, parseFilterTime } from "../time.js"

/** A resolved message search. */
export interface MessageQuery {
  readonly lower: TimeBound | undefined
  readonly upper: TimeBound | undefined
  readonly filter: ((message: MessageRecord) => boolean) | undefined
}

const TIME_FILTERS = ["message_time", "message_time__gt", "message_time__gte", "message_time__lt", "message_time__lte"]

const tighterLower = (a: TimeBound | undefined, b: TimeBound): TimeBound =>
  a === undefined || b.micros > a.micros || (b.micros === a.micros && !b.inclusive) ? b : a

const tighterUpper = (a: TimeBound | undefined, b: TimeBound): TimeBound =>
  a === undefined || b.micros < a.micros || (b.micros === a.micros && !b.inclusive) ? b : a

type Check = (m: MessageRecord) => boolean

/** @internal */
export const decodeMessageQuery = (query: URLSearchParams, nowMicros: number): Either.Either<MessageQuery, string> => {
  const floor = nowMicros - 90 * MICROS_PER_DAY
  let lower: TimeBound | undefined
  let upper: TimeBound | undefined
  let anyTime = false
  for (const key of TIME_FILTERS) {
    const raw = query.get(key)
    if (raw === null) continue
    const micros = parseFilterTime(raw.trim())
    if (micros === undefined) {
      return Either.left(`${key} must be formatted as YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`)
    }
    if (micros < floor) return Either.left(`${key} cannot be more than 90 days in the past`)
    anyTime = true
    if (key === "message_time" || key.endsWith("__gt") || key.endsWith("__gte")) {
      lower = tighterLower(lower, { micros, inclusive: !key.endsWith("__gt") })
    }
    if (key === "message_time" || key.endsWith("__lt") || key.endsWith("__lte")) {
      upper = tighterUpper(upper, { micros, inclusive: !key.endsWith("__lt") })
    }
  }
  if (!anyTime) lower = { micros: nowMicros - MICROS_PER_DAY, inclusive: true }
  else if (lower === undefined) lower = { micros: floor, inclusive: true }

  const checks: Array<Check> = []
  const enumFilter = (key: string, valid: (u: unknown) => boolean, field: (m: MessageRecord) => string) => {
    const value = query.get(key)
    if (value === null) return undefined
    if (!valid(value)) return `invalid ${key} '${value}'`
    checks.push((m) => field(m) === value)
    return undefined
  }
  const enumError = enumFilter("message_direction", isMessageDirection, (m) => m.direction) ??
    enumFilter("message_state", isMessageState, (m) => m.state) ??
    enumFilter("message_type", isMessageType, (m) => m.type) ??
    enumFilter(
      "conversation_origin",
      (u) => typeof u === "string" && ["utility", "authentication", "marketing", "service"].includes(u),
      (m) => m.conversationOrigin
    )
  if (enumError !== undefined) return Either.left(enumError)

  const exact = (key: string, field: (m: MessageRecord) => string, normalize: (s: string) => string = (s) => s) => {
    const value = query.get(key)
    if (value !== null) {
      const wanted = normalize(value.trim())
      checks.push((m) => normalize(field(m)) === wanted)
    }
  }
  exact("from_number", (m) => m.from, sanitizeSender)
  exact("to_number", (m) => m.to, sanitizeDestination)
  exact("error_code", (m) => m.errorCode ?? "")
  exact("powerpack_id", (m) => m.powerpackId)
  exact("destination_country_iso2", (m) => m.countryIso2, (s) => s.toUpperCase())
  exact("tendlc_registration_status", (m) => m.tendlcRegistrationStatus)
  exact("tendlc_campaign_id", (m) => m.tendlcCampaignId)
  exact("conversation_id", (m) => m.conversationId)
  // `subaccount` is accepted and ignored: the emulator has a single account.

  const filter = checks.length === 0 ? undefined : (m: MessageRecord) => checks.every((c) => c(m))
  return Either.right({ lower, upper, filter })
}
