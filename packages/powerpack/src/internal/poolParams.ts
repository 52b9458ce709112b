import { Issues, preview } from "@plivo-effect/core/InvalidParams"
import type { InvalidParamsError } from "@plivo-effect/core/PlivoError"
import type * as Effect from "effect/Effect"

export const isObject = (issues: Issues, value: unknown, what: string): value is Readonly<Record<string, unknown>> =>
  issues.checkRecord(value, what)

export const checkKeys = (issues: Issues, params: Readonly<Record<string, unknown>>, keys: ReadonlyArray<string>): void => {
  for (const key of Object.keys(params)) issues.check(keys.includes(key), `unknown parameter ${preview(key)}`)
}

export const checkService = (issues: Issues, service: unknown): void =>
  issues.check(service === undefined || service === "sms" || service === "mms", `service must be "sms" or "mms", got ${preview(service)}`)

/** A number in a path: E.164 digits, a leading `+` dropped (Plivo's paths have none). */
export const poolNumber = (operation: string, number: unknown): Effect.Effect<string, InvalidParamsError> => {
  const issues = new Issues()
  const ok = typeof number === "string" && /^\+?[0-9]{3,15}$/.test(number)
  issues.check(ok, `number must be 3 to 15 digits (E.164, + optional), got ${preview(number)}`)
  return issues.result(operation, () => (typeof number === "string" ? number.replace(/^\+/, "") : ""))
}

const FILTERS = ["starts_with", "country_iso2", "type", "service", "limit", "offset"]

/** `listNumbers` filters; `starts_with` (≤ 10 comma-separated digit prefixes) needs `country_iso2`. */
export const numberFilters = (
  operation: string,
  params: unknown,
  paged: boolean
): Effect.Effect<Record<string, string | number>, InvalidParamsError> => {
  const issues = new Issues()
  if (!isObject(issues, params, "the parameters")) return issues.result(operation, () => ({}))
  checkKeys(issues, params, paged ? FILTERS : FILTERS.filter((key) => key !== "offset"))
  const { starts_with, country_iso2, type, service, limit, offset } = params
  if (starts_with !== undefined) {
    const prefixes = typeof starts_with === "string" ? starts_with.split(",") : []
    issues.check(
      prefixes.length >= 1 && prefixes.length <= 10 && prefixes.every((p) => /^[0-9]{1,15}$/.test(p)),
      `starts_with must be 1 to 10 comma-separated digit prefixes, got ${preview(starts_with)}`
    )
    issues.check(country_iso2 !== undefined, "starts_with needs country_iso2")
  }
  issues.check(
    country_iso2 === undefined || (typeof country_iso2 === "string" && /^[A-Z]{2}$/.test(country_iso2)),
    `country_iso2 must be an ISO alpha-2 code such as "US", got ${preview(country_iso2)}`
  )
  issues.check(
    type === undefined || type === "fixed" || type === "mobile" || type === "toll-free",
    `type must be "fixed", "mobile" or "toll-free", got ${preview(type)}`
  )
  checkService(issues, service)
  issues.checkLimit(limit)
  issues.checkOffset(offset)
  return issues.result(operation, () =>
    Object.fromEntries(
      Object.entries({ starts_with, country_iso2, type, service, limit, offset }).flatMap(([key, value]) =>
        typeof value === "string" || typeof value === "number" ? [[key, value]] : []
      )
    ))
}

/** `addNumber`'s body: `service` only when given (Plivo defaults to sms). */
export const addBody = (params: unknown): Effect.Effect<Record<string, string>, InvalidParamsError> => {
  const issues = new Issues()
  if (!isObject(issues, params, "the parameters")) return issues.result("NumberPool.addNumber", () => ({}))
  checkKeys(issues, params, ["service"])
  const { service } = params
  checkService(issues, service)
  return issues.result("NumberPool.addNumber", () => (typeof service === "string" ? { service } : {}))
}

/** `removeNumber`'s and `removeTollfree`'s body: `unrent` always, as a JSON boolean (a string is Plivo's 400). */
export const removeBody = (
  operation: string,
  params: unknown
): Effect.Effect<{ readonly unrent: boolean }, InvalidParamsError> => {
  const issues = new Issues()
  if (!isObject(issues, params, "the parameters")) return issues.result(operation, () => ({ unrent: false }))
  checkKeys(issues, params, ["unrent"])
  const { unrent } = params
  issues.check(unrent === undefined || typeof unrent === "boolean", `unrent must be a boolean, got ${preview(unrent)}`)
  return issues.result(operation, () => ({ unrent: unrent === true }))
}

/** A short code in a path: digits only (US and Canadian short codes have 5 or 6). */
export const shortcodeDigits = (operation: string, shortcode: unknown): Effect.Effect<string, InvalidParamsError> => {
  const issues = new Issues()
  issues.check(
    typeof shortcode === "string" && /^[0-9]{3,8}$/.test(shortcode),
    `shortcode must be 3 to 8 digits, got ${preview(shortcode)}`
  )
  return issues.result(operation, () => (typeof shortcode === "string" ? shortcode : ""))
}
