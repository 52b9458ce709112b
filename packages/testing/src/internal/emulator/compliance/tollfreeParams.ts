/**
 * The fields of `POST TollfreeVerification/` and of its update (compliance.md
 * "Toll-free verification"), checked: use cases from the list, `usecase_summary` ≤ 500,
 * `message_sample` ≤ 1000, opt-in image URLs, `optin_type` and `volume` from their sets.
 *
 * @internal
 */
import * as Either from "effect/Either"
import type { Fields } from "../fields.js"
import { isCleanUrl, oneOf, required, text, url } from "./checks.js"
import { OPTIN_TYPES, SUB_USECASES, VOLUMES } from "./enums.js"
import type { WireFields } from "./model.js"

const usecases = (raw: string): Either.Either<string, string> => {
  const items = raw.split(",").map((s) => s.trim())
  const bad = items.find((s) => !SUB_USECASES.includes(s))
  // Stored without the spaces: list filters match the exact combination.
  return bad === undefined ? Either.right(items.join(",")) : Either.left(`usecase ${bad === "" ? "(empty)" : bad} is not one of ${SUB_USECASES.join(", ")}`)
}

const imageUrls = (raw: string): Either.Either<string, string> =>
  raw.split(",").every((u) => isCleanUrl(u.trim())) ? Either.right(raw) : Either.left("optin_image_url must be http(s) URLs, comma-separated")

const OPTIONAL_TEXTS: ReadonlyArray<readonly [string, number | undefined]> = [
  ["additional_information", 500], ["extra_data", 100], ["optin_message", undefined], ["help_message", undefined]
]

/**
 * The fields given, checked; `creating` requires the mandatory ones. `profile_uuid` and
 * `number` are checked against the account by the route.
 */
export const tollfreeFields = (fields: Fields, creating: boolean): Either.Either<WireFields, string> =>
  Either.gen(function*() {
    const out: WireFields = {}
    const get = (key: string, limits: { readonly max?: number } = {}) =>
      creating ? required(fields, key, limits) : text(fields, key, limits)
    const profile = yield* get("profile_uuid")
    if (profile !== undefined) out["profile_uuid"] = profile
    if (creating) out["number"] = yield* required(fields, "number")
    const usecase = yield* get("usecase")
    if (usecase !== undefined) out["usecase"] = yield* usecases(usecase)
    const summary = yield* get("usecase_summary", { max: 500 })
    if (summary !== undefined) out["usecase_summary"] = summary
    const sample = yield* get("message_sample", { max: 1000 })
    if (sample !== undefined) out["message_sample"] = sample
    const image = yield* get("optin_image_url")
    if (image !== undefined) out["optin_image_url"] = yield* imageUrls(image)
    const optin = yield* oneOf(fields, "optin_type", OPTIN_TYPES)
    if (optin === undefined && creating) return yield* Either.left("optin_type is required")
    if (optin !== undefined) out["optin_type"] = optin
    const volume = yield* oneOf(fields, "volume", VOLUMES)
    if (volume === undefined && creating) return yield* Either.left("volume is required")
    if (volume !== undefined) out["volume"] = volume
    for (const [key, max] of OPTIONAL_TEXTS) {
      const value = yield* text(fields, key, max === undefined ? {} : { max })
      if (value !== undefined) out[key] = value
    }
    for (const key of ["callback_url", "terms_and_conditions_link", "privacy_policy_link"]) {
      const value = yield* url(fields, key)
      if (value !== undefined) out[key] = value
    }
    const method = (yield* text(fields, "callback_method"))?.toUpperCase()
    if (method !== undefined && method !== "GET" && method !== "POST") return yield* Either.left("callback_method must be GET or POST")
    if (method !== undefined) out["callback_method"] = method
    return out
  })
