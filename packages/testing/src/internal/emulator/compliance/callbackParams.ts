/**
 * The parameters of 10DLC and toll-free status callbacks. compliance.md gives the
 * toll-free payload (`uuid`, `number`, `status`, `error_message`) and only the status
 * words of the 10DLC ones (`created`, `registered`, `rejected`, link and unlink), so the
 * 10DLC field names are the emulator's: the record's id, `status` (the word) and the
 * record's own status field.
 *
 * @internal
 */
import type { Brand, Campaign, LinkedNumber, Tollfree } from "./model.js"

/** @internal */
export type Params = Record<string, string>

/** `created` while PROCESSING, then `registered` or `rejected`. */
export const brandParams = (b: Brand): Params => {
  const params: Params = {
    brand_id: b.brandId,
    brand_alias: b.alias,
    profile_uuid: b.profileUuid,
    status: b.status === "PROCESSING" ? "created" : b.status === "COMPLETED" ? "registered" : "rejected",
    registration_status: b.status
  }
  // Form fields are strings: the reasons travel as their JSON text.
  if (b.status === "FAILED") params["declined_reasons"] = JSON.stringify(b.declinedReasons)
  return params
}

const CAMPAIGN_WORDS = { PROCESSING: "created", ACTIVE: "registered", FAILED: "rejected", EXPIRED: "expired" } as const

/** `created` while PROCESSING, then `registered`, `rejected` or `expired`. */
export const campaignParams = (c: Campaign): Params => {
  const params: Params = {
    campaign_id: c.campaignId,
    brand_id: c.brandId,
    campaign_alias: typeof c.fields["campaign_alias"] === "string" ? c.fields["campaign_alias"] : "",
    status: CAMPAIGN_WORDS[c.status],
    registration_status: c.status
  }
  if (c.errorCode !== undefined) params["error_code"] = c.errorCode
  if (c.errorReason !== undefined) params["error_reason"] = c.errorReason
  return params
}

/** `linked` or `rejected` once decided, `unlinked` when removed. */
export const numberParams = (c: Campaign, n: LinkedNumber, unlinked = false): Params => ({
  campaign_id: c.campaignId,
  number: n.number,
  status: unlinked ? "unlinked" : n.status === "COMPLETED" ? "linked" : n.status === "FAILED" ? "rejected" : "processing",
  number_status: unlinked ? "UNLINKED" : n.status
})

/** compliance.md's payload. */
export const tollfreeParams = (t: Tollfree): Params => ({
  uuid: t.uuid,
  number: typeof t.fields["number"] === "string" ? t.fields["number"] : "",
  status: t.status,
  error_message: t.errorMessage
})
