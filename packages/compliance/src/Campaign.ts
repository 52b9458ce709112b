/**
 * A 10DLC campaign as Plivo returns it, and the numbers linked to it.
 *
 * @since 0.1.0
 */
import { PlivoDateTime } from "@plivo-effect/core/PlivoDateTime"
import { blankAsAbsent, ListPage, OpenEnum, optional } from "@plivo-effect/core/PlivoSchema"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { CAMPAIGN_SOURCES, CAMPAIGN_STATUSES, NUMBER_LINK_STATUSES, USECASES } from "./internal/enums.js"
import { Vertical } from "./Profile.js"

/**
 * A campaign use case. Known values typed, unknown ones kept.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Usecase = OpenEnum(...USECASES)

/**
 * A campaign's registration status: `PROCESSING`, then `ACTIVE`, `FAILED` or later
 * `EXPIRED`. Unknown values are kept.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CampaignStatus = OpenEnum(...CAMPAIGN_STATUSES)

/**
 * A linked number's status: `PROCESSING`, then `COMPLETED` or `FAILED`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const NumberLinkStatus = OpenEnum(...NUMBER_LINK_STATUSES)

/**
 * What one carrier allows the campaign: messages per minute (`tpm`, a number or a numeric
 * string as sent) or, for T-Mobile, a `brand_tier` (`TOP`, `LOW`, `SOLE_PROPRIETOR`).
 * Explicit `null`s decode as absent.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CarrierMetadata = Schema.Struct({
  tpm: blankAsAbsent(Schema.Union(Schema.Number, Schema.String)),
  brand_tier: blankAsAbsent(Schema.String)
}).annotations({ identifier: "CarrierMetadata" })

/**
 * @since 0.1.0
 * @category models
 */
export interface CarrierMetadata extends Schema.Schema.Type<typeof CarrierMetadata> {}

/**
 * `mno_metadata`: keyed by the carrier's display name as sent (`AT&T`, `T-Mobile`,
 * `US Cellular`, `Verizon Wireless`, or lower-cased in some answers).
 *
 * @since 0.1.0
 * @category schemas
 */
export const MnoMetadata = Schema.Record({ key: Schema.String, value: CarrierMetadata }).annotations({
  identifier: "MnoMetadata"
})

/**
 * The campaign's content attributes as registered.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CampaignAttributes = Schema.Struct({
  embedded_link: optional(Schema.Boolean),
  embedded_phone: optional(Schema.Boolean),
  age_gated: optional(Schema.Boolean),
  direct_lending: optional(Schema.Boolean),
  subscriber_optin: optional(Schema.Boolean),
  subscriber_optout: optional(Schema.Boolean),
  subscriber_help: optional(Schema.Boolean),
  affiliate_marketing: optional(Schema.Boolean)
}).annotations({ identifier: "CampaignAttributes" })

/**
 * `sub_usecase` as a list: Plivo sends one comma-separated string (`"2FA,MARKETING"`),
 * where the request field `sub_usecases` is an array; an array is read too.
 */
const SubUsecases = Schema.transform(
  Schema.Union(Schema.String, Schema.Array(Schema.String)),
  Schema.Array(Schema.String),
  {
    strict: true,
    decode: (wire) =>
      (typeof wire === "string" ? wire.split(",") : wire).map((code) => code.trim()).filter((code) => code !== ""),
    encode: (codes) => codes.join(",")
  }
)

// TCR codes are strings ("1001"); a number is read as its digits.
const Code = Schema.Union(
  Schema.String,
  Schema.transform(Schema.Number, Schema.String, { strict: true, decode: String, encode: Number })
)

/**
 * A campaign. Only `campaign_id` is always present. `sub_usecase` decodes from Plivo's
 * comma-separated string to a list; `error_code` / `error_reason` say why a `FAILED`
 * campaign was rejected.
 *
 * @since 0.1.0
 * @category schemas
 * @example
 * ```ts
 * import * as Schema from "effect/Schema"
 * import { Campaign } from "@plivo-effect/compliance"
 *
 * const campaign = Schema.decodeUnknownSync(Campaign)({
 *   campaign_id: "CY5NVUA",
 *   usecase: "STARTER",
 *   sub_usecase: "2FA,MARKETING",
 *   mno_metadata: { "AT&T": { tpm: 15 }, "T-Mobile": { brand_tier: "SOLE_PROPRIETOR" } }
 * })
 * campaign.sub_usecase // ["2FA", "MARKETING"]
 * ```
 */
export const Campaign = Schema.Struct({
  campaign_id: Schema.String,
  brand_id: blankAsAbsent(Schema.String),
  campaign_alias: blankAsAbsent(Schema.String),
  reseller_id: blankAsAbsent(Schema.String),
  usecase: blankAsAbsent(Usecase),
  sub_usecase: optional(SubUsecases),
  vertical: blankAsAbsent(Vertical),
  description: blankAsAbsent(Schema.String),
  registration_status: blankAsAbsent(CampaignStatus),
  campaign_source: blankAsAbsent(OpenEnum(...CAMPAIGN_SOURCES)),
  mno_metadata: optional(MnoMetadata),
  campaign_attributes: optional(CampaignAttributes),
  sample1: blankAsAbsent(Schema.String),
  sample2: blankAsAbsent(Schema.String),
  sample3: blankAsAbsent(Schema.String),
  sample4: blankAsAbsent(Schema.String),
  sample5: blankAsAbsent(Schema.String),
  message_flow: blankAsAbsent(Schema.String),
  help_message: blankAsAbsent(Schema.String),
  optin_message: blankAsAbsent(Schema.String),
  optout_message: blankAsAbsent(Schema.String),
  optin_keywords: blankAsAbsent(Schema.String),
  optout_keywords: blankAsAbsent(Schema.String),
  help_keywords: blankAsAbsent(Schema.String),
  terms_and_conditions_link: blankAsAbsent(Schema.String),
  privacy_policy_link: blankAsAbsent(Schema.String),
  error_code: blankAsAbsent(Code),
  error_reason: blankAsAbsent(Schema.String),
  error_description: blankAsAbsent(Schema.String),
  created_at: blankAsAbsent(PlivoDateTime)
}).annotations({ identifier: "Campaign" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Campaign extends Schema.Schema.Type<typeof Campaign> {}

/**
 * `GET 10dlc/Campaign/{campaign_id}/` and the answer of an update: the campaign under
 * `campaign`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CampaignResponse = Schema.Struct({
  api_id: optional(Schema.String),
  campaign: Campaign
}).annotations({ identifier: "CampaignResponse" })

const CreatedWire = Schema.Struct({
  api_id: optional(Schema.String),
  campaign_id: optional(Schema.String),
  message: optional(Schema.String),
  campaign: optional(Campaign)
})

const CreatedDecoded = Schema.Struct({
  api_id: optional(Schema.String),
  campaign_id: Schema.String,
  message: optional(Schema.String),
  /** The campaign as registered so far, when the answer carries it. */
  campaign: optional(Campaign)
})

/**
 * The answer of `POST 10dlc/Campaign/` and of an import: the campaign's id; the
 * registration goes on (see `Campaigns.awaitRegistration`). Some answers carry the
 * campaign itself instead of a top-level `campaign_id`; its id is read from it.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CampaignCreated = Schema.transformOrFail(CreatedWire, Schema.typeSchema(CreatedDecoded), {
  strict: true,
  decode: ({ campaign_id, ...rest }, _, ast) => {
    const id = campaign_id ?? rest.campaign?.campaign_id
    return id === undefined
      ? ParseResult.fail(new ParseResult.Type(ast, rest, "the answer names no campaign_id"))
      : ParseResult.succeed({ ...rest, campaign_id: id })
  },
  encode: (decoded) => ParseResult.succeed(decoded)
}).annotations({ identifier: "CampaignCreated" })

/**
 * @since 0.1.0
 * @category models
 */
export interface CampaignCreated extends Schema.Schema.Type<typeof CampaignCreated> {}

/**
 * One page of `GET 10dlc/Campaign/` (items under `campaigns`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const CampaignList = Schema.Struct({
  api_id: optional(Schema.String),
  ...ListPage(Campaign, "campaigns").fields
}).annotations({ identifier: "CampaignList" })

/**
 * @since 0.1.0
 * @category models
 */
export interface CampaignList extends Schema.Schema.Type<typeof CampaignList> {}

/**
 * A number linked (or being linked) to a campaign.
 *
 * @since 0.1.0
 * @category schemas
 */
export const LinkedNumber = Schema.Struct({
  number: Schema.String,
  status: NumberLinkStatus
}).annotations({ identifier: "LinkedNumber" })

/**
 * @since 0.1.0
 * @category models
 */
export interface LinkedNumber extends Schema.Schema.Type<typeof LinkedNumber> {}

/**
 * `GET 10dlc/Campaign/{campaign_id}/Number/` and `.../Number/{number}/` (one entry).
 * `phone_numbers_summary` counts numbers by status; it and `number_pool_limit` are
 * missing from most answers.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CampaignNumbers = Schema.Struct({
  api_id: optional(Schema.String),
  campaign_id: blankAsAbsent(Schema.String),
  campaign_alias: blankAsAbsent(Schema.String),
  usecase: blankAsAbsent(Usecase),
  phone_numbers: Schema.Array(LinkedNumber),
  phone_numbers_summary: optional(Schema.Record({ key: Schema.String, value: Schema.Number })),
  number_pool_limit: optional(Schema.Number)
}).annotations({ identifier: "CampaignNumbers" })

/**
 * @since 0.1.0
 * @category models
 */
export interface CampaignNumbers extends Schema.Schema.Type<typeof CampaignNumbers> {}
