/**
 * 10DLC profiles, brands, campaigns, number links and toll-free verifications as the
 * emulator holds them (compliance.md). Fields that are only echoed back are kept as the
 * wire JSON they arrived as; what the rules read has its own field.
 *
 * @internal
 */

/** Wire fields kept as sent: strings, booleans, nested objects. */
export type WireFields = Record<string, unknown>

/** Where a status callback goes. */
export interface CallbackTarget {
  readonly url: string
  readonly method: "GET" | "POST"
}

/** A business profile. */
export interface Profile {
  readonly uuid: string
  readonly primary: boolean
  /** Every settable field (`profile_alias`, `entity_type`, `ein`, `address`…). */
  fields: WireFields
  readonly createdMicros: number
}

/** A declined reason from TCR. */
export interface DeclinedReason {
  readonly code: string
  readonly message: string
}

/** `registration_status` of a brand. */
export type BrandStatus = "PROCESSING" | "COMPLETED" | "FAILED"

/** A 10DLC brand. */
export interface Brand {
  readonly brandId: string
  readonly profileUuid: string
  readonly alias: string
  readonly type: "STANDARD" | "STARTER"
  /** The profile's fields at registration, which the brand shows. */
  readonly profileFields: WireFields
  readonly secondaryVetting: boolean
  readonly mobilePhone: string | undefined
  readonly callback: CallbackTarget | undefined
  status: BrandStatus
  declinedReasons: ReadonlyArray<DeclinedReason>
  otpSent: number
  /** Bumped by every decision, so a scheduled decision knows it was overtaken. */
  generation: number
  readonly createdMicros: number
}

/** `registration_status` of a campaign. */
export type CampaignStatus = "PROCESSING" | "ACTIVE" | "FAILED" | "EXPIRED"

/** `status` of a linked number. */
export type LinkStatus = "PROCESSING" | "COMPLETED" | "FAILED"

/** A number linked, or being linked, to a campaign. */
export interface LinkedNumber {
  readonly number: string
  status: LinkStatus
  readonly callback: CallbackTarget | undefined
  generation: number
}

/** A 10DLC campaign, created through Plivo or imported from TCR. */
export interface Campaign {
  readonly campaignId: string
  /** `""` for an imported campaign whose brand is not in the account. */
  readonly brandId: string
  readonly source: "plivo" | "shared"
  readonly usecase: string
  readonly subUsecases: ReadonlyArray<string>
  /** The brand's type at creation: it sets `mno_metadata`. */
  readonly brandType: "STANDARD" | "STARTER" | undefined
  /** Echoed fields (`campaign_alias`, `description`, samples, messages, keywords…). */
  fields: WireFields
  /** `embedded_link`, `subscriber_optin`… */
  readonly attributes: Readonly<Record<string, boolean>>
  readonly callback: CallbackTarget | undefined
  status: CampaignStatus
  errorCode: string | undefined
  errorReason: string | undefined
  generation: number
  /** By number, in the order linked. */
  readonly numbers: Map<string, LinkedNumber>
  readonly createdMicros: number
}

/** `status` of a toll-free verification. */
export type TollfreeStatus = "SUBMITTED" | "PROCESSING" | "APPROVED" | "REJECTED" | "UPDATE_REQUIRED"

/** A toll-free verification request. */
export interface Tollfree {
  readonly uuid: string
  /** Every settable field (`profile_uuid`, `number`, `usecase`, `callback_url`…). */
  fields: WireFields
  status: TollfreeStatus
  errorMessage: string
  generation: number
  readonly createdMicros: number
  updatedMicros: number
}

/** A campaign just submitted (or seeded): what is given, with nothing decided yet. */
export const newCampaign = (
  given: Pick<Campaign, "campaignId" | "brandId" | "source" | "usecase" | "subUsecases" | "brandType" | "fields" | "attributes" | "callback" | "createdMicros">
    & Partial<Pick<Campaign, "status" | "errorCode" | "errorReason">>
): Campaign => ({
  status: "PROCESSING",
  errorCode: undefined,
  errorReason: undefined,
  ...given,
  generation: 0,
  numbers: new Map()
})
