/**
 * Waiting for a registration's outcome: the errors `awaitRegistration`, `awaitNumberLink`
 * and `awaitDecision` fail with, their options, and the default polling schedule.
 *
 * @since 0.1.0
 */
import { optional } from "@plivo-effect/core/PlivoSchema"
import type * as Duration from "effect/Duration"
import * as Schedule from "effect/Schedule"
import * as Schema from "effect/Schema"
import { DeclinedReason } from "./Brand.js"

/**
 * What was registered: a brand, a campaign, one number's link to a campaign, or a
 * toll-free verification.
 *
 * @since 0.1.0
 * @category models
 */
export const RegisteredResource = Schema.Literal("Brand", "Campaign", "CampaignNumber", "TollfreeVerification")

/**
 * @since 0.1.0
 * @category models
 */
export type RegisteredResource = typeof RegisteredResource.Type

/**
 * The registration ended without approval: a brand or number link `FAILED`, a campaign
 * `FAILED` (or `EXPIRED`), a toll-free verification `REJECTED` or sent back with
 * `UPDATE_REQUIRED`. Carries Plivo's reasons as given: TCR's `declined_reasons` for
 * brands, `error_code` / `error_reason` for campaigns, `error_message` for toll-free.
 *
 * @since 0.1.0
 * @category errors
 * @example
 * ```ts
 * import { Brands } from "@plivo-effect/compliance"
 * import * as Effect from "effect/Effect"
 *
 * const outcome = Effect.flatMap(Brands, (brands) => brands.awaitRegistration("BRPXS6E")).pipe(
 *   Effect.catchTag("RegistrationRejectedError", (rejected) =>
 *     Effect.logWarning(`brand ${rejected.id} ${rejected.status}`, rejected.declined_reasons)
 *   )
 * )
 * ```
 */
export class RegistrationRejectedError extends Schema.TaggedError<RegistrationRejectedError>(
  "@plivo-effect/compliance/RegistrationRejectedError"
)("RegistrationRejectedError", {
  resource: RegisteredResource,
  /** The brand id, campaign id, `campaign_id/number` or verification uuid. */
  id: Schema.String,
  /** The terminal status Plivo reported, as sent. */
  status: Schema.String,
  declined_reasons: optional(Schema.Array(DeclinedReason)),
  error_code: optional(Schema.String),
  error_reason: optional(Schema.String),
  error_message: optional(Schema.String)
}) {
  override get message(): string {
    const reasons = [
      ...(this.declined_reasons ?? []).map((reason) => [reason.code, reason.message].filter(Boolean).join(": ")),
      [this.error_code, this.error_reason].filter(Boolean).join(": "),
      this.error_message ?? ""
    ].filter((reason) => reason !== "")
    return `${this.resource} ${this.id} was not approved: ${this.status}${
      reasons.length === 0 ? "" : ` (${reasons.join("; ")})`
    }`
  }
}

/**
 * The polling schedule ended while the registration was still undecided. `status` is the
 * last one seen (absent when Plivo's record had none). The registration goes on at Plivo:
 * await it again later, or listen for its status callback.
 *
 * @since 0.1.0
 * @category errors
 */
export class RegistrationPendingError extends Schema.TaggedError<RegistrationPendingError>(
  "@plivo-effect/compliance/RegistrationPendingError"
)("RegistrationPendingError", {
  resource: RegisteredResource,
  id: Schema.String,
  status: optional(Schema.String),
  /** How many times the record was read. */
  polls: Schema.Number
}) {
  override get message(): string {
    return `${this.resource} ${this.id} still ${this.status ?? "undecided"} after ${this.polls} polls`
  }
}

/**
 * Options of the awaiting methods.
 *
 * @since 0.1.0
 * @category models
 */
export interface AwaitOptions {
  /**
   * When to read the record again after an undecided one (the first read is immediate).
   * Default `defaultSchedule`. Its end is `RegistrationPendingError`.
   */
  readonly schedule?: Schedule.Schedule<unknown, unknown>
}

/**
 * Options of `TollfreeVerifications.awaitDecision`.
 *
 * @since 0.1.0
 * @category models
 */
export interface DecisionOptions extends AwaitOptions {
  /**
   * Set when awaiting the review of an `update` made to a verification sent back with
   * `UPDATE_REQUIRED`. Plivo reviews the update without leaving that status (its
   * callbacks go `UPDATE_REQUIRED` → `APPROVED` / `REJECTED`), so `UPDATE_REQUIRED`
   * then counts as under review while the record's `last_modified` is the one the first
   * read saw; one with a later `last_modified` (sent back again) is a rejection. Default
   * `false`: `UPDATE_REQUIRED` is a rejection at once.
   */
  readonly afterUpdate?: boolean
}

/** The longest pause between two reads of the default schedule. */
const MAX_PAUSE: Duration.DurationInput = "10 minutes"

/**
 * The default polling schedule: 10 seconds after the first read, doubling to at most
 * 10 minutes between reads, for up to 14 days. Brands usually settle in minutes to hours,
 * campaigns in days (carrier review), toll-free verifications in days to weeks. Each read
 * is one `GET`, well within Plivo's rate limits.
 *
 * @since 0.1.0
 * @category schedules
 */
export const defaultSchedule: Schedule.Schedule<unknown, unknown> = Schedule.exponential("10 seconds", 2).pipe(
  Schedule.union(Schedule.spaced(MAX_PAUSE)),
  Schedule.upTo("14 days")
)
