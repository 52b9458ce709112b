import { type Issues, preview } from "@plivo-effect/core/InvalidParams"
import { isCleanHttpUrl } from "@plivo-effect/core/HttpUrl"
import { OPTIN_TYPES, SUB_USECASES, TOLLFREE_STATUSES, VOLUMES } from "./enums.js"
import { checkNumber, custom, method, oneOf, type Params, required, type Rules, text, url } from "./rules.js"

export const updateRules: Rules = {
  profile_uuid: text(),
  usecase: custom,
  usecase_summary: text({ max: 500 }),
  message_sample: text({ max: 1000 }),
  optin_image_url: custom,
  optin_type: oneOf(OPTIN_TYPES),
  volume: oneOf(VOLUMES),
  additional_information: text({ max: 500 }),
  extra_data: text({ max: 100 }),
  callback_url: url,
  callback_method: method,
  terms_and_conditions_link: text(),
  privacy_policy_link: text(),
  optin_message: text(),
  help_message: text()
}

export const createRules: Rules = {
  ...updateRules,
  profile_uuid: required,
  number: custom,
  usecase_summary: text({ required: true, max: 500 }),
  message_sample: text({ required: true, max: 1000 }),
  optin_type: oneOf(OPTIN_TYPES, true),
  volume: oneOf(VOLUMES, true)
}

/** `usecase` and `optin_image_url` are lists in one string; each item is checked. */
const lists = (issues: Issues, params: Params, isRequired: boolean): void => {
  const { optin_image_url, usecase } = params
  if (usecase !== undefined || isRequired) {
    const codes = typeof usecase === "string" ? usecase.split(",").map((code) => code.trim()) : []
    issues.check(
      codes.length > 0 && codes.every((code) => SUB_USECASES.some((known) => known === code)),
      `usecase must be one or more comma-separated use cases such as "2FA,CUSTOMER_CARE", got ${preview(usecase)}`
    )
  }
  if (optin_image_url !== undefined || isRequired) {
    const urls = typeof optin_image_url === "string" ? optin_image_url.split(",") : []
    issues.check(
      urls.length > 0 && urls.every(isCleanHttpUrl),
      `optin_image_url must be one or more comma-separated absolute http(s) URLs, got ${preview(optin_image_url)}`
    )
  }
}

export const checkUpdate = (issues: Issues, params: Params): void => lists(issues, params, false)

export const checkCreate = (issues: Issues, params: Params): void => {
  lists(issues, params, true)
  checkNumber(issues, "number", params.number, true)
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** The `created` filters are calendar days, `YYYY-MM-DD`. */
export const checkFilters = (issues: Issues, params: Params): void => {
  for (const key of ["created", "created__gt", "created__gte", "created__lt", "created__lte"]) {
    const value = params[key]
    if (value === undefined) continue
    issues.check(
      typeof value === "string" && DATE.test(value) && !Number.isNaN(Date.parse(value)),
      `${key} must be a date as YYYY-MM-DD, got ${preview(value)}`
    )
  }
}

export const filterRules: Rules = {
  number: text(),
  status: oneOf(TOLLFREE_STATUSES),
  profile_uuid: text(),
  usecase: text(),
  created: text(),
  created__gt: text(),
  created__gte: text(),
  created__lt: text(),
  created__lte: text()
}
