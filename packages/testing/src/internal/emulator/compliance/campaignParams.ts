/**
 * The fields of `POST 10dlc/Campaign/` and of its update, checked as compliance.md
 * states: description ≥ 40 characters, sample1 / sample2 ≥ 20, the opt-in / opt-out /
 * help attributes `true`, 2–5 `sub_usecases` for STARTER, MIXED and LOW_VOLUME.
 *
 * @internal
 */
import * as Either from "effect/Either"
import type { Fields } from "../fields.js"
import { flag, required, requiredOneOf, text, url } from "./checks.js"
import { COMPOSITE_USECASES, SUB_USECASES, USECASES, VERTICALS } from "./enums.js"
import type { WireFields } from "./model.js"

/** Text fields a campaign echoes, with their minimum length when compliance.md gives one. */
const TEXTS: ReadonlyArray<readonly [key: string, min: number | undefined]> = [
  ["description", 40], ["sample1", 20], ["sample2", 20], ["sample3", undefined], ["sample4", undefined],
  ["sample5", undefined], ["message_flow", undefined], ["help_message", undefined], ["optout_message", undefined],
  ["optin_message", undefined], ["optin_keywords", undefined], ["optout_keywords", undefined],
  ["help_keywords", undefined], ["reseller_id", undefined]
]

const LINKS = ["terms_and_conditions_link", "privacy_policy_link"]

/** Required on create, beside `campaign_alias`. */
const REQUIRED_TEXTS = ["description", "sample1", "sample2", "message_flow", "help_message", "optout_message"]

/** Attributes that must be present and `true`. */
const MUST_BE_TRUE = ["subscriber_optin", "subscriber_optout", "subscriber_help"]

/** Attributes that must be present. */
const FLAGS = ["direct_lending", "embedded_link", "embedded_phone", "age_gated", "affiliate_marketing"]

/**
 * The official node SDK snake-cases every key with lodash, which turns `sample3` into
 * `sample_3` (it special-cases only `sample1` / `sample2`): read those as `sampleN`.
 */
const withSampleAliases = (fields: Fields): Fields => {
  const out: Record<string, unknown> = { ...fields }
  for (const n of [3, 4, 5]) if (out[`sample${n}`] === undefined) out[`sample${n}`] = out[`sample_${n}`]
  return out
}

/** The echoed text fields given, checked; `creating` also requires the mandatory ones. */
export const campaignTexts = (raw: Fields, creating: boolean): Either.Either<WireFields, string> =>
  Either.gen(function*() {
    const fields = withSampleAliases(raw)
    const out: WireFields = {}
    const alias = creating ? yield* required(fields, "campaign_alias") : yield* text(fields, "campaign_alias")
    if (alias !== undefined) out["campaign_alias"] = alias
    for (const [key, min] of TEXTS) {
      const value = creating && REQUIRED_TEXTS.includes(key)
        ? yield* required(fields, key, min === undefined ? {} : { min })
        : yield* text(fields, key, min === undefined ? {} : { min })
      if (value !== undefined) out[key] = value
    }
    for (const key of LINKS) {
      const value = yield* url(fields, key)
      if (value !== undefined) out[key] = value
    }
    return out
  })

/** The rest of a create: vertical, use cases and attributes. */
export interface CampaignShape {
  readonly brandId: string
  readonly vertical: string
  readonly usecase: string
  readonly subUsecases: ReadonlyArray<string>
  readonly attributes: Readonly<Record<string, boolean>>
}

const subUsecases = (fields: Fields, usecase: string): Either.Either<ReadonlyArray<string>, string> => {
  const v = fields["sub_usecases"]
  const composite = COMPOSITE_USECASES.includes(usecase)
  if (v === undefined || v === null) {
    return composite ? Either.left(`sub_usecases (2 to 5) are required for the ${usecase} use case`) : Either.right([])
  }
  // Form-style clients send one comma-separated string.
  const items = typeof v === "string" ? v.split(",").map((s) => s.trim()).filter((s) => s !== "") : v
  if (!Array.isArray(items) || items.some((s) => typeof s !== "string" || !SUB_USECASES.includes(s))) {
    return Either.left(`sub_usecases must be a list of ${SUB_USECASES.join(", ")}`)
  }
  const strings = items.filter((s): s is string => typeof s === "string")
  if (composite && (strings.length < 2 || strings.length > 5)) {
    return Either.left(`the ${usecase} use case needs 2 to 5 sub_usecases`)
  }
  return Either.right(strings)
}

/** Checks the fields of a create other than the echoed texts. */
export const campaignShape = (fields: Fields): Either.Either<CampaignShape, string> =>
  Either.gen(function*() {
    const brandId = yield* required(fields, "brand_id")
    const vertical = yield* requiredOneOf(fields, "vertical", VERTICALS)
    const usecase = yield* requiredOneOf(fields, "usecase", USECASES)
    const subs = yield* subUsecases(fields, usecase)
    const attributes: Record<string, boolean> = {}
    for (const key of MUST_BE_TRUE) {
      if (!(yield* flag(fields, key))) return yield* Either.left(`${key} must be true`)
      attributes[key] = true
    }
    for (const key of FLAGS) attributes[key] = yield* flag(fields, key)
    return { brandId, vertical, usecase, subUsecases: subs, attributes }
  })
