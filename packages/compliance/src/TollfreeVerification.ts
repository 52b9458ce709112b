/**
 * A toll-free verification request as Plivo returns it.
 *
 * @since 0.1.0
 */
import { PlivoDateTime } from "@plivo-effect/core/PlivoDateTime"
import { blankAsAbsent, ListPage, OpenEnum, optional } from "@plivo-effect/core/PlivoSchema"
import * as Schema from "effect/Schema"
import { OPTIN_TYPES, TOLLFREE_STATUSES, VOLUMES } from "./internal/enums.js"

/**
 * A verification's status: `SUBMITTED` (or `PROCESSING`), then `APPROVED`, `REJECTED` or
 * `UPDATE_REQUIRED` (fix and update within 6 days). Unknown values are kept.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TollfreeStatus = OpenEnum(...TOLLFREE_STATUSES)

const fields = {
  /** Present on `get`, not on list items. */
  api_id: optional(Schema.String),
  uuid: Schema.String,
  profile_uuid: blankAsAbsent(Schema.String),
  number: blankAsAbsent(Schema.String),
  /** One or more use cases, comma-separated, as sent. */
  usecase: blankAsAbsent(Schema.String),
  usecase_summary: blankAsAbsent(Schema.String),
  message_sample: blankAsAbsent(Schema.String),
  /** One URL or several, comma-separated. */
  optin_image_url: blankAsAbsent(Schema.String),
  optin_type: blankAsAbsent(OpenEnum(...OPTIN_TYPES)),
  /** A tier such as `"10,000"`; older records hold `"10"` or `"100"`. */
  volume: blankAsAbsent(OpenEnum(...VOLUMES)),
  additional_information: blankAsAbsent(Schema.String),
  extra_data: blankAsAbsent(Schema.String),
  callback_url: blankAsAbsent(Schema.String),
  callback_method: blankAsAbsent(Schema.String),
  status: blankAsAbsent(TollfreeStatus),
  /** Why it was rejected or sent back; absent when none. */
  error_message: blankAsAbsent(Schema.String),
  rejection_reason: blankAsAbsent(Schema.String),
  terms_and_conditions_link: blankAsAbsent(Schema.String),
  privacy_policy_link: blankAsAbsent(Schema.String),
  optin_message: blankAsAbsent(Schema.String),
  help_message: blankAsAbsent(Schema.String)
}

const Wire = Schema.Struct({
  ...fields,
  created: blankAsAbsent(PlivoDateTime),
  last_modified: blankAsAbsent(PlivoDateTime),
  created_at: blankAsAbsent(PlivoDateTime),
  updated_at: blankAsAbsent(PlivoDateTime)
})

const Decoded = Schema.Struct({
  ...fields,
  created: blankAsAbsent(PlivoDateTime),
  last_modified: blankAsAbsent(PlivoDateTime)
})

/**
 * A toll-free verification. Plivo names its timestamps `created` / `last_modified` in
 * most answers and `created_at` / `updated_at` in others: both decode to `created` and
 * `last_modified`.
 *
 * @since 0.1.0
 * @category schemas
 * @example
 * ```ts
 * import * as Schema from "effect/Schema"
 * import { TollfreeVerification } from "@plivo-effect/compliance"
 *
 * const verification = Schema.decodeUnknownSync(TollfreeVerification)({
 *   uuid: "aa5eab21-4931-468e-7502-2d8d18311fcc",
 *   status: "SUBMITTED",
 *   created_at: "2023-10-25T06:28:45.168185Z",
 *   error_message: ""
 * })
 * verification.created // DateTime.Utc 2023-10-25T06:28:45.168Z
 * ```
 */
export const TollfreeVerification = Schema.transform(Wire, Schema.typeSchema(Decoded), {
  strict: true,
  decode: ({ created, created_at, last_modified, updated_at, ...rest }) => {
    const first = created ?? created_at
    const last = last_modified ?? updated_at
    return {
      ...rest,
      ...(first === undefined ? {} : { created: first }),
      ...(last === undefined ? {} : { last_modified: last })
    }
  },
  encode: (decoded) => decoded
}).annotations({ identifier: "TollfreeVerification" })

/**
 * @since 0.1.0
 * @category models
 */
export interface TollfreeVerification extends Schema.Schema.Type<typeof TollfreeVerification> {}

/**
 * The answer of `POST TollfreeVerification/`: the verification's uuid.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TollfreeVerificationCreated = Schema.Struct({
  api_id: optional(Schema.String),
  uuid: Schema.String,
  message: optional(Schema.String)
}).annotations({ identifier: "TollfreeVerificationCreated" })

/**
 * @since 0.1.0
 * @category models
 */
export interface TollfreeVerificationCreated extends Schema.Schema.Type<typeof TollfreeVerificationCreated> {}

/**
 * One page of `GET TollfreeVerification/` (items under `objects`; `meta` counts with
 * `total_count` or `count`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const TollfreeVerificationList = Schema.Struct({
  api_id: optional(Schema.String),
  ...ListPage(TollfreeVerification, "objects").fields
}).annotations({ identifier: "TollfreeVerificationList" })

/**
 * @since 0.1.0
 * @category models
 */
export interface TollfreeVerificationList extends Schema.Schema.Type<typeof TollfreeVerificationList> {}
