import { isCleanHttpUrl } from "@plivo-effect/core/HttpUrl"
import { isRecord, isText, Issues, preview } from "@plivo-effect/core/InvalidParams"
import type { InvalidParamsError } from "@plivo-effect/core/PlivoError"
import type * as Effect from "effect/Effect"
import { CALLBACK_METHODS } from "./enums.js"

/** What one request parameter must be. `required` parameters must be present. */
export type Rule =
  | { readonly kind: "text"; readonly required?: boolean; readonly min?: number; readonly max?: number }
  | { readonly kind: "enum"; readonly values: ReadonlyArray<string>; readonly required?: boolean }
  | { readonly kind: "boolean"; readonly required?: boolean; readonly mustBeTrue?: boolean }
  | { readonly kind: "url" }
  | { readonly kind: "method" }
  | { readonly kind: "object"; readonly required?: boolean }
  | { readonly kind: "custom" }

export type Rules = Readonly<Record<string, Rule>>

export type Params = Readonly<Record<string, unknown>>

export const text = (options: { readonly required?: boolean; readonly min?: number; readonly max?: number } = {}): Rule => ({
  kind: "text",
  ...options
})
export const required = text({ required: true })
export const oneOf = (values: ReadonlyArray<string>, isRequired = false): Rule => ({ kind: "enum", values, required: isRequired })
export const boolean = (options: { readonly required?: boolean; readonly mustBeTrue?: boolean } = {}): Rule => ({
  kind: "boolean",
  ...options
})
export const url: Rule = { kind: "url" }
export const method: Rule = { kind: "method" }
export const object = (isRequired = false): Rule => ({ kind: "object", required: isRequired })

/** A known parameter whose check is the caller's own (a list, a cross-field rule). */
export const custom: Rule = { kind: "custom" }

/** Every callback option a 10DLC request takes. */
export const callback: Rules = { url, method }

// `Issues.checkRecord` records the issue; this narrows the value for the checks after it.
const isObject = (issues: Issues, value: unknown, what: string): value is Params => issues.checkRecord(value, what)

const listing = (values: ReadonlyArray<string>): string =>
  values.length <= 6 ? values.join(", ") : `${values.slice(0, 6).join(", ")}, …`

// Lengths count code points, as Plivo's character limits do for text.
const length = (value: string): number => [...value].length

const checkRule = (issues: Issues, key: string, rule: Rule, value: unknown): void => {
  if (value === undefined) {
    if ("required" in rule && rule.required === true) issues.add(`${key} is required`)
    return
  }
  switch (rule.kind) {
    case "text": {
      if (!isText(value)) return issues.add(`${key} must be a non-blank string, got ${preview(value)}`)
      if (rule.min !== undefined && length(value) < rule.min) {
        issues.add(`${key} must be at least ${rule.min} characters, got ${length(value)}`)
      }
      if (rule.max !== undefined && length(value) > rule.max) {
        issues.add(`${key} must be at most ${rule.max} characters, got ${length(value)}`)
      }
      return
    }
    case "enum":
      return issues.check(
        typeof value === "string" && rule.values.includes(value),
        `${key} must be one of ${listing(rule.values)}, got ${preview(value)}`
      )
    case "boolean":
      if (typeof value !== "boolean") return issues.add(`${key} must be a boolean, got ${preview(value)}`)
      return issues.check(rule.mustBeTrue !== true || value, `${key} must be true`)
    case "url":
      return issues.check(
        isCleanHttpUrl(value),
        `${key} must be an absolute http(s) URL with no whitespace, control characters or backslashes, got ${preview(value)}`
      )
    case "method":
      return issues.check(
        typeof value === "string" && CALLBACK_METHODS.some((m) => m === value),
        `${key} must be "GET" or "POST", got ${preview(value)}`
      )
    case "custom":
      return
    case "object":
      return issues.check(
        isRecord(value) && Object.values(value).every((v) => typeof v === "string"),
        `${key} must be an object of strings, got ${preview(value)}`
      )
  }
}

/**
 * Checks `params` against `rules` (and whatever `more` adds), then builds the JSON body
 * from the given parameters only: an update leaves every other field as it is. Unknown
 * parameters are refused, so a misspelt field is not silently dropped.
 */
export const body = (
  operation: string,
  params: unknown,
  rules: Rules,
  more: (issues: Issues, params: Params) => void = () => {}
): Effect.Effect<Record<string, unknown>, InvalidParamsError> => {
  const issues = new Issues()
  if (!isObject(issues, params, "the parameters")) return issues.result(operation, () => ({}))
  for (const key of Object.keys(params)) issues.check(Object.hasOwn(rules, key), `unknown parameter ${preview(key)}`)
  for (const [key, rule] of Object.entries(rules)) checkRule(issues, key, rule, params[key])
  more(issues, params)
  return issues.result(operation, () =>
    Object.fromEntries(Object.entries(params).filter(([key, value]) => Object.hasOwn(rules, key) && value !== undefined)))
}

/** List filters: `rules` plus `limit` and `offset`, sent as query parameters. */
export const query = (
  operation: string,
  params: unknown,
  rules: Rules,
  more: (issues: Issues, params: Params) => void = () => {}
): Effect.Effect<Record<string, string | number>, InvalidParamsError> => {
  const issues = new Issues()
  if (!isObject(issues, params, "the filters")) return issues.result(operation, () => ({}))
  for (const key of Object.keys(params)) {
    issues.check(Object.hasOwn(rules, key) || key === "limit" || key === "offset", `unknown filter ${preview(key)}`)
  }
  for (const [key, rule] of Object.entries(rules)) checkRule(issues, key, rule, params[key])
  issues.checkLimit(params.limit)
  issues.checkOffset(params.offset)
  more(issues, params)
  return issues.result(operation, () =>
    Object.fromEntries(
      Object.entries(params).flatMap(([key, value]) =>
        typeof value === "string" || typeof value === "number" ? [[key, value]] : []
      )
    ))
}

/**
 * A US or Canadian number with its country code: `1`, then a 10-digit number whose area
 * code starts 2–9, a leading `+` allowed. 10DLC and toll-free verification are for
 * US/Canada traffic only, and a number without the `1` is the common mistake.
 */
const NANP = /^\+?1[2-9][0-9]{9}$/

/** The toll-free area codes of the North American Numbering Plan. */
const TOLLFREE = /^\+?18(00|33|44|55|66|77|88)[0-9]{7}$/

export const checkNumber = (issues: Issues, key: string, value: unknown, tollfree = false): void => {
  if (!(typeof value === "string" && NANP.test(value))) {
    return issues.add(`${key} must be a US/CA number with country code 1 (E.164, + optional), got ${preview(value)}`)
  }
  if (tollfree) issues.check(TOLLFREE.test(value), `${key} must be a toll-free number (8XX), got ${preview(value)}`)
}

/** A number as a path segment: E.164 digits, the `+` dropped as Plivo's paths have none. */
export const pathNumber = (operation: string, number: unknown): Effect.Effect<string, InvalidParamsError> => {
  const issues = new Issues()
  checkNumber(issues, "number", number)
  return issues.result(operation, () => (typeof number === "string" ? number.replace(/^\+/, "") : ""))
}
