import { isText, Issues, preview } from "@plivo-effect/core/InvalidParams"
import type { InvalidParamsError } from "@plivo-effect/core/PlivoError"
import type * as Effect from "effect/Effect"
import { checkKeys, checkService, isObject } from "./poolParams.js"

const OPERATION = "NumberPool.buyNumber"

const SEARCH_KEYS = ["country_iso", "type", "pattern", "region", "service"]

const TYPES: ReadonlyArray<unknown> = ["any", "fixed", "local", "mobile", "national"]

/**
 * What `buyNumber` sends: the `GET PhoneNumber/` query when no number was given, and the
 * add request's body. `rent` is the string `"true"`, as every official SDK sends it.
 */
export interface BuyPlan {
  readonly number: string | undefined
  readonly query: Readonly<Record<string, string>>
  readonly body: { readonly rent: "true"; readonly service?: string }
}

const bodyOf = (service: unknown): BuyPlan["body"] =>
  typeof service === "string" ? { rent: "true", service } : { rent: "true" }

const numberPlan = (issues: Issues, params: Readonly<Record<string, unknown>>) => {
  const { number, service } = params
  for (const key of SEARCH_KEYS.filter((k) => k !== "service")) {
    issues.check(params[key] === undefined, `give number or a search (${key}), not both`)
  }
  checkKeys(issues, params, [...SEARCH_KEYS, "number"])
  issues.check(
    typeof number === "string" && /^\+?[0-9]{3,15}$/.test(number),
    `number must be 3 to 15 digits (E.164, + optional), got ${preview(number)}`
  )
  checkService(issues, service)
  return issues.result(OPERATION, (): BuyPlan => ({
    number: typeof number === "string" ? number.replace(/^\+/, "") : "",
    query: {},
    body: bodyOf(service)
  }))
}

const searchPlan = (issues: Issues, params: Readonly<Record<string, unknown>>) => {
  checkKeys(issues, params, SEARCH_KEYS)
  const { country_iso, type, pattern, region, service } = params
  issues.check(
    typeof country_iso === "string" && /^[A-Z]{2}$/.test(country_iso),
    `country_iso (an ISO alpha-2 code such as "US") is required without a number, got ${preview(country_iso)}`
  )
  if (type === "tollfree" || type === "toll-free") {
    issues.add("type tollfree cannot be bought into Number/: rent the number, then addTollfree")
  } else {
    issues.check(
      type === undefined || TYPES.includes(type),
      `type must be "any", "fixed", "local", "mobile" or "national", got ${preview(type)}`
    )
  }
  issues.check(
    pattern === undefined || (typeof pattern === "string" && /^[0-9*]{1,15}$/.test(pattern)),
    `pattern must be 1 to 15 digits or * (one digit), got ${preview(pattern)}`
  )
  issues.check(region === undefined || isText(region), `region must be a non-blank string, got ${preview(region)}`)
  checkService(issues, service)
  return issues.result(OPERATION, (): BuyPlan => ({
    number: undefined,
    query: Object.fromEntries(
      // The pool needs a number capable of the service it joins with (sms by default).
      Object.entries({ country_iso, type, pattern, region, services: service ?? "sms" }).flatMap(([key, value]) =>
        typeof value === "string" ? [[key, value]] : []
      )
    ),
    body: bodyOf(service)
  }))
}

/** Checks `buyNumber`'s parameters: a `number`, or a search by `country_iso` and the rest. */
export const buyPlan = (params: unknown): Effect.Effect<BuyPlan, InvalidParamsError> => {
  const issues = new Issues()
  if (!isObject(issues, params, "the parameters")) {
    return issues.result(OPERATION, (): BuyPlan => ({ number: undefined, query: {}, body: { rent: "true" } }))
  }
  return params.number === undefined ? searchPlan(issues, params) : numberPlan(issues, params)
}
