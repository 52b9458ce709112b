import { isText, Issues, preview } from "@plivo-effect/core/InvalidParams"
import type { InvalidParamsError } from "@plivo-effect/core/PlivoError"
import type * as Effect from "effect/Effect"

const TYPES: ReadonlyArray<string> = ["shortcode", "longcode", "tollfree"]
const RANKS = ["priority1", "priority2", "priority3"] as const
const KEYS = new Set(["name", "sticky_sender", "local_connect", "application_type", "application_id", "number_priority"])

// `Issues.checkRecord` records the issue; this narrows the value for the checks after it.
const isObject = (issues: Issues, value: unknown, what: string): value is Readonly<Record<string, unknown>> =>
  issues.checkRecord(value, what)

const checkPriority = (issues: Issues, item: unknown, at: string): void => {
  if (!isObject(issues, item, at)) return
  const { country_iso, service_type, priority } = item
  issues.check(
    typeof country_iso === "string" && /^[A-Z]{2}$/.test(country_iso),
    `${at}.country_iso must be an ISO alpha-2 code such as "US", got ${preview(country_iso)}`
  )
  issues.check(
    service_type === "SMS" || service_type === "MMS",
    `${at}.service_type must be "SMS" or "MMS", got ${preview(service_type)}`
  )
  if (!isObject(issues, priority, `${at}.priority`)) return
  issues.check(priority.priority1 !== undefined, `${at}.priority.priority1 is required`)
  const seen = new Set<unknown>()
  for (const rank of RANKS) {
    const value = priority[rank]
    if (value === undefined) continue
    if (typeof value !== "string" || !TYPES.includes(value)) {
      issues.add(`${at}.priority.${rank} must be shortcode, longcode or tollfree, got ${preview(value)}`)
    } else if (seen.has(value)) {
      issues.add(`${at}.priority ranks ${value} more than once`)
    }
    seen.add(value)
  }
  for (const key of Object.keys(priority)) {
    issues.check(RANKS.some((rank) => rank === key), `${at}.priority has an unknown key ${preview(key)}`)
  }
}

/**
 * Checks create/update fields and builds the JSON body from the given ones only, so an
 * update leaves every other field as it is.
 */
export const powerpackBody = (
  operation: string,
  params: unknown,
  nameRequired: boolean
): Effect.Effect<Record<string, unknown>, InvalidParamsError> => {
  const issues = new Issues()
  if (!isObject(issues, params, "the parameters")) return issues.result(operation, () => ({}))
  for (const key of Object.keys(params)) {
    issues.check(KEYS.has(key), `unknown parameter ${preview(key)}`)
  }
  const { name, sticky_sender, local_connect, application_type, application_id, number_priority } = params
  if (name !== undefined || nameRequired) {
    issues.check(isText(name), `name must be a non-blank string, got ${preview(name)}`)
  }
  for (const [key, value] of [["sticky_sender", sticky_sender], ["local_connect", local_connect]] as const) {
    issues.check(value === undefined || typeof value === "boolean", `${key} must be a boolean, got ${preview(value)}`)
  }
  issues.check(
    application_type === undefined || application_type === "xml" || application_type === "phlo",
    `application_type must be "xml" or "phlo", got ${preview(application_type)}`
  )
  if (application_id !== undefined) {
    if (!isText(application_id)) {
      issues.add(`application_id must be a non-blank string, got ${preview(application_id)}`)
    } else if (application_id !== "none") {
      issues.check(application_type !== undefined, "application_type (xml or phlo) is required with an application_id")
    }
  }
  if (number_priority !== undefined) {
    if (!Array.isArray(number_priority)) {
      issues.add(`number_priority must be an array, got ${preview(number_priority)}`)
    } else {
      number_priority.forEach((item: unknown, i) => checkPriority(issues, item, `number_priority[${i}]`))
    }
  }
  return issues.result(operation, () =>
    Object.fromEntries(Object.entries(params).filter(([key, value]) => KEYS.has(key) && value !== undefined)))
}

/** `delete`'s options: `unrent_numbers` is always sent, as a JSON boolean. */
export const deleteBody = (params: unknown): Effect.Effect<{ readonly unrent_numbers: boolean }, InvalidParamsError> => {
  const issues = new Issues()
  if (!isObject(issues, params, "the parameters")) return issues.result("Powerpacks.delete", () => ({ unrent_numbers: false }))
  for (const key of Object.keys(params)) {
    issues.check(key === "unrent_numbers", `unknown parameter ${preview(key)}`)
  }
  const { unrent_numbers } = params
  issues.check(
    unrent_numbers === undefined || typeof unrent_numbers === "boolean",
    `unrent_numbers must be a boolean, got ${preview(unrent_numbers)}`
  )
  return issues.result("Powerpacks.delete", () => ({ unrent_numbers: unrent_numbers === true }))
}

/**
 * One page's `limit` and `offset`, nothing else: the Powerpack, short-code and toll-free
 * lists take no filters (Plivo documents none), and a stream (`paged` false) sets its own
 * offset.
 */
export const pageParams = (
  operation: string,
  params: unknown,
  paged: boolean
): Effect.Effect<Record<string, number>, InvalidParamsError> => {
  const issues = new Issues()
  if (!isObject(issues, params, "the parameters")) return issues.result(operation, () => ({}))
  for (const key of Object.keys(params)) {
    issues.check(key === "limit" || (paged && key === "offset"), `unknown parameter ${preview(key)}`)
  }
  const { limit, offset } = params
  issues.checkLimit(limit)
  issues.checkOffset(offset)
  return issues.result(operation, () => ({
    ...(typeof limit === "number" ? { limit } : {}),
    ...(typeof offset === "number" ? { offset } : {})
  }))
}
