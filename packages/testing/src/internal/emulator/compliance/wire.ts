/**
 * Compliance records rendered as Plivo's JSON (compliance.md and the recorded fixtures):
 * empty optional fields are left out, as Plivo does.
 *
 * @internal
 */
import type { Json } from "../responses.js"
import { formatIsoTime } from "../time.js"
import type { Brand, Campaign, Profile, Tollfree, WireFields } from "./model.js"

const present = (fields: WireFields): WireFields =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null && v !== ""))

/** The profile object, without `api_id`. */
export const profileJson = (p: Profile, primaryUuid: string): Json => ({
  profile_uuid: p.uuid,
  profile_type: p.primary ? "PRIMARY" : "SECONDARY",
  primary_profile: primaryUuid,
  ...present(p.fields),
  created_at: formatIsoTime(p.createdMicros)
})

// What a brand shows of its profile; STARTER brands have no company name or EIN.
const BRAND_PROFILE_KEYS = ["entity_type", "vertical", "website", "ein_issuing_country", "stock_symbol", "stock_exchange"]

/** The brand object, without `api_id`. */
export const brandJson = (b: Brand): Json => {
  const profile = b.profileFields
  const shown: WireFields = Object.fromEntries(BRAND_PROFILE_KEYS.map((k) => [k, profile[k]]))
  if (b.type === "STANDARD") {
    shown["company_name"] = profile["company_name"]
    shown["ein"] = profile["ein"]
    shown["alt_business_id"] = profile["alt_business_id"]
    shown["alt_business_id_type"] = profile["alt_business_id_type"]
  }
  const json: Record<string, unknown> = {
    brand_id: b.brandId,
    brand_alias: b.alias,
    brand_type: b.type,
    profile_uuid: b.profileUuid,
    ...present(shown),
    registration_status: b.status,
    address: profile["address"] ?? { street: "", city: "", state: "", postal_code: "", country: "" },
    authorized_contact: profile["authorized_contact"] ?? {},
    created_at: formatIsoTime(b.createdMicros)
  }
  if (b.type === "STANDARD" && b.status === "COMPLETED") {
    json["vetting_status"] = b.secondaryVetting ? "ACTIVE" : "UNVETTED"
    if (b.secondaryVetting) json["vetting_score"] = 80
  }
  if (b.status === "FAILED") json["declined_reasons"] = b.declinedReasons
  return json
}

/** Carrier limits by brand tier, keyed by carrier display names as Plivo sends them. */
const mnoMetadata = (c: Campaign): Json => {
  const starter = c.brandType === "STARTER" || c.usecase === "STARTER"
  const tpm = starter ? 15 : 4500
  return {
    "AT&T": { tpm },
    "T-Mobile": { brand_tier: starter ? "SOLE_PROPRIETOR" : "TOP" },
    "US Cellular": { tpm },
    "Verizon Wireless": { tpm }
  }
}

/** The campaign object, without `api_id`. */
export const campaignJson = (c: Campaign): Json => {
  const json: Record<string, unknown> = {
    campaign_id: c.campaignId,
    brand_id: c.brandId,
    reseller_id: "",
    usecase: c.usecase,
    // The request's `sub_usecases` array comes back as one comma-separated string.
    sub_usecase: c.subUsecases.join(","),
    ...present(c.fields),
    registration_status: c.status,
    campaign_source: c.source,
    mno_metadata: mnoMetadata(c),
    campaign_attributes: c.attributes,
    created_at: formatIsoTime(c.createdMicros)
  }
  if (c.errorCode !== undefined) json["error_code"] = c.errorCode
  if (c.errorReason !== undefined) json["error_reason"] = c.errorReason
  return json
}

/** `GET 10dlc/Campaign/{id}/Number/[{number}/]`, without `api_id`. */
export const linkedNumbersJson = (c: Campaign, numbers: ReadonlyArray<{ readonly number: string; readonly status: string }>): Json => ({
  campaign_id: c.campaignId,
  campaign_alias: c.fields["campaign_alias"] ?? "",
  usecase: c.usecase,
  phone_numbers: numbers.map((n) => ({ number: n.number, status: n.status }))
})

/** The verification object, without `api_id` (which `GET` puts beside it, not around it). */
export const tollfreeJson = (t: Tollfree): Json => ({
  uuid: t.uuid,
  ...t.fields,
  callback_url: t.fields["callback_url"] ?? "",
  callback_method: t.fields["callback_method"] ?? "POST",
  additional_information: t.fields["additional_information"] ?? "",
  extra_data: t.fields["extra_data"] ?? "",
  status: t.status,
  error_message: t.errorMessage,
  created: formatIsoTime(t.createdMicros),
  last_modified: formatIsoTime(t.updatedMicros)
})
