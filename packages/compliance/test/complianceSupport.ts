import { RetryPolicy } from "@plivo-effect/core"
import { StubHttpClient } from "@plivo-effect/testing"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { expect } from "vitest"
import {
  Compliance,
  type CreateCampaignParams,
  type CreateProfileParams,
  type CreateTollfreeVerificationParams
} from "../src/index.js"

export { allFixtures, fixture, fixturesDir, type IndexRow, indexRows } from "../../../test/fixtures/recorded.js"

/** Every compliance service over a stub; no retries, so each answer surfaces as is. */
export const stubbed = (handler: StubHttpClient.Handler) =>
  Compliance.layer.pipe(Layer.provideMerge(StubHttpClient.layerClient(handler, { retry: RetryPolicy.none })))

export const requests = Effect.flatMap(StubHttpClient, (stub) => stub.requests)

const TIMESTAMPS = new Set(["created_at", "created", "last_modified", "updated_at", "created_on"])
const RENAMED: Readonly<Record<string, string>> = { created_at: "created", updated_at: "last_modified" }

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/**
 * Checks that every wire field survived decoding, recursively: `""` and `null` as absent,
 * timestamps as the same instant, `sub_usecase` as its comma-separated items, numbers
 * where ids are strings as their digits. `renamed` maps toll-free timestamps onto the
 * pair they are normalised to.
 */
export const expectDecodedFrom = (raw: unknown, decoded: unknown, at = "", renamed = false): void => {
  if (Array.isArray(raw)) {
    expect(Array.isArray(decoded), at).toBe(true)
    if (!Array.isArray(decoded)) return
    expect(decoded, at).toHaveLength(raw.length)
    raw.forEach((item: unknown, i) => expectDecodedFrom(item, decoded[i], `${at}[${i}]`, renamed))
    return
  }
  if (!isObject(raw)) return void expect(decoded, at).toEqual(raw)
  expect(isObject(decoded), at).toBe(true)
  if (!isObject(decoded)) return
  const out = new Map(Object.entries(decoded))
  for (const [key, value] of Object.entries(raw)) {
    const name = renamed ? RENAMED[key] ?? key : key
    const path = `${at}.${key}`
    if (value === "" || value === null) expect(out.has(name), path).toBe(false)
    else if (TIMESTAMPS.has(key)) {
      const got = out.get(name)
      expect(DateTime.isDateTime(got) && DateTime.toEpochMillis(got), path).toBe(Date.parse(String(value)))
    } else if (key === "sub_usecase" && typeof value === "string") {
      expect(out.get(name), path).toEqual(value.split(","))
    } else if ((key === "brand_id" || key === "error_code") && typeof value === "number") {
      expect(out.get(name), path).toBe(String(value))
    } else expectDecodedFrom(value, out.get(name), path, renamed)
  }
}

/** The smallest campaign that passes every rule. */
export const validCampaign: CreateCampaignParams = {
  brand_id: "BRPXS6E",
  campaign_alias: "alias",
  vertical: "TECHNOLOGY",
  usecase: "2FA",
  description: "d".repeat(40),
  sample1: "s".repeat(20),
  sample2: "t".repeat(20),
  message_flow: "flow",
  help_message: "help",
  optout_message: "stop",
  subscriber_optin: true,
  subscriber_optout: true,
  subscriber_help: true,
  direct_lending: false,
  embedded_link: false,
  embedded_phone: false,
  age_gated: false,
  affiliate_marketing: false
}

/** The smallest profile that passes every rule. */
export const validProfile: CreateProfileParams = {
  profile_alias: "acme",
  customer_type: "DIRECT",
  entity_type: "PRIVATE",
  company_name: "Acme Inc.",
  vertical: "TECHNOLOGY",
  address: { street: "1 Main St", city: "Austin", state: "TX", postal_code: "78701", country: "US" },
  authorized_contact: { first_name: "Ada" }
}

/** The smallest toll-free verification that passes every rule. */
export const validTollfree: CreateTollfreeVerificationParams = {
  profile_uuid: "201faedc-7df9-4840-9ab1-3997ce3f7cf4",
  number: "18449605287",
  usecase: "2FA",
  usecase_summary: "summary",
  message_sample: "sample",
  optin_image_url: "https://example.com/optin.png",
  optin_type: "VERBAL",
  volume: "1,000"
}
