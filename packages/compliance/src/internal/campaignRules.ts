import { type Issues, preview } from "@plivo-effect/core/InvalidParams"
import { CAMPAIGN_SOURCES, CAMPAIGN_STATUSES, COMBINED_USECASES, SUB_USECASES, USECASES, VERTICALS } from "./enums.js"
import { boolean, callback, checkNumber, custom, oneOf, type Params, required, type Rules, text } from "./rules.js"

const KEYWORDS = /^[A-Za-z0-9]+(,[A-Za-z0-9]+)*$/

export const updateRules: Rules = {
  campaign_alias: text(),
  description: text({ min: 40 }),
  sample1: text({ min: 20 }),
  sample2: text({ min: 20 }),
  sample3: text(),
  sample4: text(),
  sample5: text(),
  message_flow: text(),
  help_message: text(),
  optout_message: text(),
  optin_message: text(),
  optin_keywords: text(),
  optout_keywords: text(),
  help_keywords: text(),
  terms_and_conditions_link: text(),
  privacy_policy_link: text(),
  reseller_id: text()
}

const mustBeTrue = boolean({ required: true, mustBeTrue: true })
const flag = boolean({ required: true })

export const createRules: Rules = {
  ...updateRules,
  brand_id: required,
  campaign_alias: required,
  vertical: oneOf(VERTICALS, true),
  usecase: oneOf(USECASES, true),
  sub_usecases: custom,
  description: text({ required: true, min: 40 }),
  sample1: text({ required: true, min: 20 }),
  sample2: text({ required: true, min: 20 }),
  message_flow: required,
  help_message: required,
  optout_message: required,
  subscriber_optin: mustBeTrue,
  subscriber_optout: mustBeTrue,
  subscriber_help: mustBeTrue,
  direct_lending: flag,
  embedded_link: flag,
  embedded_phone: flag,
  age_gated: flag,
  affiliate_marketing: flag,
  ...callback
}

/** Keywords are matched as words: commas between, no spaces or punctuation. */
export const keywords = (issues: Issues, params: Params): void => {
  for (const key of ["optin_keywords", "optout_keywords", "help_keywords"]) {
    const value = params[key]
    if (typeof value === "string" && value.trim() !== "") {
      issues.check(KEYWORDS.test(value), `${key} must be comma-separated letters and digits, got ${preview(value)}`)
    }
  }
}

/** `STARTER`, `MIXED` and `LOW_VOLUME` campaigns combine 2 to 5 standard use cases. */
export const subUsecases = (issues: Issues, params: Params): void => {
  keywords(issues, params)
  const { sub_usecases, usecase } = params
  const combined = typeof usecase === "string" && COMBINED_USECASES.includes(usecase)
  if (sub_usecases === undefined) {
    issues.check(!combined, `sub_usecases (2 to 5) are required for a ${String(usecase)} campaign`)
    return
  }
  if (!Array.isArray(sub_usecases)) return issues.add(`sub_usecases must be an array, got ${preview(sub_usecases)}`)
  sub_usecases.forEach((code: unknown, i) =>
    issues.check(
      typeof code === "string" && SUB_USECASES.some((known) => known === code),
      `sub_usecases[${i}] must be a standard use case such as "2FA" or "MARKETING", got ${preview(code)}`
    )
  )
  if (combined) {
    issues.check(
      sub_usecases.length >= 2 && sub_usecases.length <= 5,
      `sub_usecases must hold 2 to 5 use cases for a ${String(usecase)} campaign, got ${sub_usecases.length}`
    )
  }
}

export const importRules: Rules = { campaign_id: required, campaign_alias: required, ...callback }

export const linkRules: Rules = { numbers: custom, ...callback }

/** At least one number, each US/CA with country code. */
export const linkNumbers = (issues: Issues, params: Params): void => {
  const { numbers } = params
  if (!Array.isArray(numbers) || numbers.length === 0) {
    return issues.add(`numbers must be a non-empty array, got ${preview(numbers)}`)
  }
  numbers.forEach((number: unknown, i) => checkNumber(issues, `numbers[${i}]`, number))
}

export const filterRules: Rules = {
  usecase: oneOf(USECASES),
  brand_id: text(),
  registration_status: oneOf(CAMPAIGN_STATUSES),
  campaign_source: oneOf(CAMPAIGN_SOURCES)
}
