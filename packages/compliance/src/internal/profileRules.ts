import type { Issues } from "@plivo-effect/core/InvalidParams"
import { ALT_BUSINESS_ID_TYPES, CUSTOMER_TYPES, ENTITY_TYPES, PROFILE_TYPES, STOCK_EXCHANGES, VERTICALS } from "./enums.js"
import { object, oneOf, type Params, required, type Rules, text } from "./rules.js"

const updatable: Rules = {
  entity_type: oneOf(ENTITY_TYPES),
  company_name: text({ max: 100 }),
  vertical: oneOf(VERTICALS),
  address: object(),
  authorized_contact: object(),
  website: text({ max: 100 }),
  plivo_subaccount: text({ max: 20 }),
  business_contact_email: text({ max: 255 }),
  ein: text(),
  ein_issuing_country: text(),
  alt_business_id: text({ max: 50 }),
  alt_business_id_type: oneOf(ALT_BUSINESS_ID_TYPES),
  doing_business_as: text({ max: 100 })
}

export const updateRules: Rules = updatable

export const createRules: Rules = {
  ...updatable,
  profile_alias: required,
  customer_type: oneOf(CUSTOMER_TYPES, true),
  entity_type: oneOf(ENTITY_TYPES, true),
  company_name: text({ required: true, max: 100 }),
  vertical: oneOf(VERTICALS, true),
  address: object(true),
  authorized_contact: object(true),
  stock_symbol: text({ max: 10 }),
  stock_exchange: oneOf(STOCK_EXCHANGES)
}

/** A PUBLIC company is listed: TCR vets it by its ticker. */
export const publicNeedsStock = (issues: Issues, params: Params): void => {
  if (params.entity_type !== "PUBLIC") return
  issues.check(params.stock_symbol !== undefined, "stock_symbol is required for a PUBLIC entity_type")
  issues.check(params.stock_exchange !== undefined, "stock_exchange is required for a PUBLIC entity_type")
}

export const filterRules: Rules = {
  entity_type: oneOf(ENTITY_TYPES),
  type: oneOf(PROFILE_TYPES),
  vertical: oneOf(VERTICALS)
}
