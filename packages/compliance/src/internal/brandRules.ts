import type { Issues } from "@plivo-effect/core/InvalidParams"
import { BRAND_TYPES, REGISTRATION_STATUSES } from "./enums.js"
import { boolean, callback, checkNumber, oneOf, type Params, required, type Rules, text } from "./rules.js"

export const createRules: Rules = {
  profile_uuid: required,
  brand_alias: required,
  brand_type: oneOf(BRAND_TYPES),
  secondary_vetting: boolean(),
  mobile_phone: text(),
  ...callback
}

/**
 * Plivo registers a STARTER brand when no `brand_type` is given; TCR confirms a starter
 * brand by an OTP to `mobile_phone`, so it cannot go without one.
 */
export const starterNeedsMobile = (issues: Issues, params: Params): void => {
  const starter = params.brand_type === undefined || params.brand_type === "STARTER"
  if (params.mobile_phone !== undefined) checkNumber(issues, "mobile_phone", params.mobile_phone)
  else issues.check(!starter, "mobile_phone is required for a STARTER brand (the default brand_type)")
}

export const filterRules: Rules = {
  registration_status: oneOf(REGISTRATION_STATUSES),
  type: oneOf(BRAND_TYPES)
}
