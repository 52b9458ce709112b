/**
 * The status callbacks Plivo posts to a 10DLC request's `url` and a toll-free
 * verification's `callback_url`, as form (POST) or query (GET) parameters.
 *
 * Plivo documents the toll-free payload (`uuid`, `number`, `status`, `error_message`) and
 * only the status words of the 10DLC ones (`created`, `registered`, `rejected`, link and
 * unlink). So every field here is optional and read as sent, and `params` keeps every
 * parameter, known or not.
 *
 * @since 0.1.0
 */
import { optional } from "@plivo-effect/core/PlivoSchema"
import { Params, present } from "@plivo-effect/core/PlivoWebhook"
import * as Effect from "effect/Effect"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { BrandStatus } from "./Brand.js"
import { CampaignStatus, NumberLinkStatus } from "./Campaign.js"
import { TollfreeStatus } from "./TollfreeVerification.js"

const BrandCallbackFields = Schema.Struct({
  brand_id: optional(Schema.String),
  brand_alias: optional(Schema.String),
  profile_uuid: optional(Schema.String),
  status: optional(Schema.String),
  registration_status: optional(BrandStatus),
  /** TCR's reasons as sent (JSON text in the emulator's callbacks). */
  declined_reasons: optional(Schema.String)
})

/**
 * A brand's status change: Plivo's word in `status` (`created` once submitted to TCR,
 * then `registered` or `rejected`) and, when sent, the brand's `registration_status`.
 *
 * @since 0.1.0
 * @category schemas
 * @example
 * ```ts
 * import * as Schema from "effect/Schema"
 * import { BrandCallback } from "@plivo-effect/compliance"
 *
 * const event = Schema.decodeUnknownSync(BrandCallback)({ brand_id: "B1", status: "registered", x: "kept" })
 * event.params.x // "kept"
 * ```
 */
export const BrandCallback = Schema.transformOrFail(
  Params,
  Schema.typeSchema(Schema.Struct({ ...BrandCallbackFields.fields, kind: Schema.Literal("Brand"), params: Params })),
  {
    strict: true,
    decode: (params, options) =>
      ParseResult.decodeUnknown(BrandCallbackFields)(present(params), options).pipe(
        Effect.map((fields) => ({ ...fields, kind: "Brand" as const, params }))
      ),
    encode: (event) => ParseResult.succeed(event.params)
  }
).annotations({ identifier: "BrandCallback" })

/**
 * @since 0.1.0
 * @category models
 */
export type BrandCallback = typeof BrandCallback.Type

const CampaignCallbackFields = Schema.Struct({
  campaign_id: optional(Schema.String),
  brand_id: optional(Schema.String),
  campaign_alias: optional(Schema.String),
  status: optional(Schema.String),
  registration_status: optional(CampaignStatus),
  error_code: optional(Schema.String),
  error_reason: optional(Schema.String)
})

/**
 * A campaign's status change: `status` (`created`, `registered`, `rejected`, …), the
 * campaign's `registration_status`, and `error_code` / `error_reason` on a rejection.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CampaignCallback = Schema.transformOrFail(
  Params,
  Schema.typeSchema(Schema.Struct({ ...CampaignCallbackFields.fields, kind: Schema.Literal("Campaign"), params: Params })),
  {
    strict: true,
    decode: (params, options) =>
      ParseResult.decodeUnknown(CampaignCallbackFields)(present(params), options).pipe(
        Effect.map((fields) => ({ ...fields, kind: "Campaign" as const, params }))
      ),
    encode: (event) => ParseResult.succeed(event.params)
  }
).annotations({ identifier: "CampaignCallback" })

/**
 * @since 0.1.0
 * @category models
 */
export type CampaignCallback = typeof CampaignCallback.Type

const NumberLinkCallbackFields = Schema.Struct({
  campaign_id: optional(Schema.String),
  number: optional(Schema.String),
  status: optional(Schema.String),
  number_status: optional(Schema.Union(NumberLinkStatus, Schema.Literal("UNLINKED")))
})

/**
 * A number's link or unlink outcome for a campaign.
 *
 * @since 0.1.0
 * @category schemas
 */
export const NumberLinkCallback = Schema.transformOrFail(
  Params,
  Schema.typeSchema(Schema.Struct({ ...NumberLinkCallbackFields.fields, kind: Schema.Literal("CampaignNumber"), params: Params })),
  {
    strict: true,
    decode: (params, options) =>
      ParseResult.decodeUnknown(NumberLinkCallbackFields)(present(params), options).pipe(
        Effect.map((fields) => ({ ...fields, kind: "CampaignNumber" as const, params }))
      ),
    encode: (event) => ParseResult.succeed(event.params)
  }
).annotations({ identifier: "NumberLinkCallback" })

/**
 * @since 0.1.0
 * @category models
 */
export type NumberLinkCallback = typeof NumberLinkCallback.Type

const TollfreeCallbackFields = Schema.Struct({
  uuid: optional(Schema.String),
  number: optional(Schema.String),
  status: optional(TollfreeStatus),
  error_message: optional(Schema.String)
})

/**
 * A toll-free verification's decision: `APPROVED`, `REJECTED` or `UPDATE_REQUIRED`, with
 * Plivo's `error_message`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TollfreeCallback = Schema.transformOrFail(
  Params,
  Schema.typeSchema(Schema.Struct({ ...TollfreeCallbackFields.fields, kind: Schema.Literal("TollfreeVerification"), params: Params })),
  {
    strict: true,
    decode: (params, options) =>
      ParseResult.decodeUnknown(TollfreeCallbackFields)(present(params), options).pipe(
        Effect.map((fields) => ({ ...fields, kind: "TollfreeVerification" as const, params }))
      ),
    encode: (event) => ParseResult.succeed(event.params)
  }
).annotations({ identifier: "TollfreeCallback" })

/**
 * @since 0.1.0
 * @category models
 */
export type TollfreeCallback = typeof TollfreeCallback.Type

/**
 * Any compliance status callback; `kind` tells which.
 *
 * @since 0.1.0
 * @category models
 */
export type ComplianceCallback = BrandCallback | CampaignCallback | NumberLinkCallback | TollfreeCallback

/**
 * The key a callback's status is known by: its kind, the record's id and the status
 * words, so Plivo's retries of one event (the same parameters) share it. A payload naming
 * none of these is keyed by all its parameters. `ComplianceWebhooks` adds the record's
 * generation (bumped on each change of status), so a record coming back to an earlier
 * status (a campaign re-vetted after FAILED is `created` again) is a new event.
 *
 * @since 0.1.0
 * @category utils
 */
export const callbackKey = (event: ComplianceCallback): string => {
  const parts = (() => {
    switch (event.kind) {
      case "Brand":
        return [event.brand_id, event.status, event.registration_status]
      case "Campaign":
        return [event.campaign_id, event.status, event.registration_status]
      case "CampaignNumber":
        return [event.campaign_id, event.number, event.status, event.number_status]
      case "TollfreeVerification":
        return [event.uuid, event.status, event.error_message]
    }
  })()
  const id = parts[0]
  if (id !== undefined) return JSON.stringify(parts.map((part) => part ?? null))
  return JSON.stringify(Object.entries(event.params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}
