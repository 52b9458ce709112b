/**
 * Filters of `GET Message/` (messages.md §3), as taken by `Messages.list` and
 * `Messages.stream`.
 *
 * @since 0.1.0
 */
import type * as DateTime from "effect/DateTime"
import type {
  ConversationOrigin,
  MessageDirection,
  MessageState,
  MessageType,
  TendlcRegistrationStatus
} from "./MessageRecord.js"

/** The values an open enum knows: what a filter may ask for. */
type Known<E extends { readonly members: readonly [{ readonly Type: string }, ...Array<unknown>] }> =
  E["members"][0]["Type"]

/**
 * An instant for a `message_time*` filter. It is sent in Plivo's UTC filter format
 * (`YYYY-MM-DD HH:MM:SS.ffffff`), whatever zone a `DateTime.Zoned` carries.
 *
 * @since 0.1.0
 * @category models
 */
export type TimeFilter = DateTime.DateTime | Date

/**
 * Filters shared by `list` and `stream`. All optional; values are checked before sending.
 *
 * @since 0.1.0
 * @category models
 */
export interface MessageFilters {
  /** A subaccount's Auth ID; only when calling as the main account. */
  readonly subaccount?: string
  readonly message_direction?: Known<typeof MessageDirection>
  readonly message_state?: Known<typeof MessageState>
  readonly message_type?: Known<typeof MessageType>
  /** Exactly this instant. */
  readonly message_time?: TimeFilter
  readonly message_time__gt?: TimeFilter
  readonly message_time__gte?: TimeFilter
  readonly message_time__lt?: TimeFilter
  readonly message_time__lte?: TimeFilter
  /** e.g. `"30"` or `30`. */
  readonly error_code?: string | number
  readonly powerpack_id?: string
  /** Exact sender: E.164 (`+12025551212`) or a sender ID. */
  readonly from_number?: string
  /** Exact destination, E.164. */
  readonly to_number?: string
  /** Two-letter ISO 3166 code. */
  readonly destination_country_iso2?: string
  readonly tendlc_registration_status?: Known<typeof TendlcRegistrationStatus>
  readonly tendlc_campaign_id?: string
  readonly conversation_id?: string
  readonly conversation_origin?: Known<typeof ConversationOrigin>
}

/**
 * Filters of `Messages.list`: one page of `limit` (1–20, default 20) from `offset`.
 *
 * Without any `message_time*` filter Plivo returns the last 24 hours only.
 *
 * @since 0.1.0
 * @category models
 */
export interface MessageListFilters extends MessageFilters {
  readonly limit?: number
  readonly offset?: number
}

/**
 * Filters of `Messages.stream`; `limit` is the page size (1–20, default 20).
 *
 * @since 0.1.0
 * @category models
 */
export interface MessageStreamFilters extends MessageFilters {
  readonly limit?: number
}
