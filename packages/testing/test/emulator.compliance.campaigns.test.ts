/**
 * `10dlc/Campaign/` and its numbers against the emulator over HTTP: bodies, rules and
 * validation of creates, imports, updates, deletes and number links.
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/TestClock"
import { PlivoEmulator } from "../src/PlivoEmulator.js"
import {
  activeCampaign,
  campaignBody,
  createBrand,
  createCampaign,
  createProfile,
  errorOf,
  expectStatus,
  field
} from "./emulator.compliance.support.js"
import { decode } from "./emulator.support.js"

const run = <A, E>(effect: Effect.Effect<A, E, PlivoEmulator | HttpClient.HttpClient>) =>
  Effect.provide(effect, PlivoEmulator.layer())

const CampaignObject = Schema.Struct({
  campaign_id: Schema.String.pipe(Schema.pattern(/^C[A-Z0-9]{6}$/)),
  brand_id: Schema.String,
  campaign_alias: Schema.String,
  reseller_id: Schema.String,
  usecase: Schema.String,
  sub_usecase: Schema.String,
  vertical: Schema.String,
  description: Schema.String,
  registration_status: Schema.Literal("PROCESSING", "ACTIVE", "FAILED", "EXPIRED"),
  campaign_source: Schema.Literal("plivo", "shared"),
  mno_metadata: Schema.Record({
    key: Schema.String,
    value: Schema.Struct({ tpm: Schema.optional(Schema.Number), brand_tier: Schema.optional(Schema.String) })
  }),
  campaign_attributes: Schema.Record({ key: Schema.String, value: Schema.Boolean }),
  created_at: Schema.String
})

const Linked = Schema.Struct({
  api_id: Schema.String,
  campaign_id: Schema.String,
  campaign_alias: Schema.String,
  usecase: Schema.String,
  phone_numbers: Schema.Array(Schema.Struct({ number: Schema.String, status: Schema.Literal("PROCESSING", "COMPLETED", "FAILED") }))
})

const completedBrand = (overrides: Record<string, unknown> = {}) =>
  Effect.gen(function*() {
    const brand = yield* createBrand(yield* createProfile(), overrides)
    yield* TestClock.adjust("1 second")
    return brand
  })

describe("PlivoEmulator 10dlc/Campaign/", () => {
  it.effect("register, get (sub_usecase as one string, mno_metadata by carrier name), list (key campaigns), filters", () =>
    run(Effect.gen(function*() {
      const brand = yield* completedBrand()
      const id = yield* createCampaign(brand)
      const got = yield* expectStatus(200, "GET", `10dlc/Campaign/${id}/`)
      const campaign = yield* decode(CampaignObject)(field(got, "campaign"))
      expect(campaign).toMatchObject({ brand_id: brand, usecase: "MIXED", sub_usecase: "2FA,ACCOUNT_NOTIFICATION", registration_status: "PROCESSING" })
      expect(Object.keys(campaign.mno_metadata)).toEqual(["AT&T", "T-Mobile", "US Cellular", "Verizon Wireless"])
      expect(campaign.campaign_attributes).toMatchObject({ subscriber_optin: true, embedded_link: false })
      yield* TestClock.adjust("1 second")
      expect(field(yield* expectStatus(200, "GET", `10dlc/Campaign/${id}/`), "campaign", "registration_status")).toBe("ACTIVE")
      const other = yield* createCampaign(brand, { usecase: "2FA", sub_usecases: undefined })
      const ids = (body: unknown) => (field(body, "campaigns") as ReadonlyArray<{ campaign_id: string }>).map((c) => c.campaign_id)
      const all = yield* expectStatus(200, "GET", "10dlc/Campaign/")
      expect(ids(all)).toEqual([id, other])
      expect(Object.keys(field(all, "meta") as object)).not.toContain("total_count")
      expect(ids(yield* expectStatus(200, "GET", "10dlc/Campaign/?usecase=2FA"))).toEqual([other])
      // Docs list title-case statuses; responses are upper-case: either is accepted.
      expect(ids(yield* expectStatus(200, "GET", "10dlc/Campaign/?registration_status=Active"))).toEqual([id])
      expect(ids(yield* expectStatus(200, "GET", `10dlc/Campaign/?brand_id=${brand}&campaign_source=plivo`))).toEqual([id, other])
      expect(ids(yield* expectStatus(200, "GET", "10dlc/Campaign/?campaign_source=shared"))).toEqual([])
    })))

  it.effect("a campaign needs a COMPLETED brand, and a STARTER brand only the STARTER use case", () =>
    run(Effect.gen(function*() {
      expect(yield* errorOf(400, "POST", "10dlc/Campaign/", campaignBody("BNOPE00"))).toBe("brand_id BNOPE00 is not a brand of this account")
      const pending = yield* createBrand(yield* createProfile())
      expect(yield* errorOf(400, "POST", "10dlc/Campaign/", campaignBody(pending))).toBe(
        `brand ${pending} is PROCESSING: a campaign needs a COMPLETED brand`
      )
      const failed = yield* completedBrand({ brand_alias: "Acme #FAILED" })
      expect(yield* errorOf(400, "POST", "10dlc/Campaign/", campaignBody(failed))).toBe(
        `brand ${failed} is FAILED: a campaign needs a COMPLETED brand`
      )
      const starter = yield* createBrand(yield* createProfile({ ein: undefined }), { brand_type: "STARTER", mobile_phone: "15125550123" })
      yield* TestClock.adjust("1 second")
      expect(yield* errorOf(400, "POST", "10dlc/Campaign/", campaignBody(starter))).toBe(
        "a STARTER brand can only register the STARTER use case"
      )
      const ok = yield* createCampaign(starter, { usecase: "STARTER" })
      yield* TestClock.adjust("1 second")
      const starterCampaign = yield* expectStatus(200, "GET", `10dlc/Campaign/${ok}/`)
      expect(field(starterCampaign, "campaign", "mno_metadata", "T-Mobile", "brand_tier")).toBe("SOLE_PROPRIETOR")
    })))

  it.effect("every validation rule of a create answers 400", () =>
    run(Effect.gen(function*() {
      const brand = yield* completedBrand()
      const refused = (overrides: Record<string, unknown>) => errorOf(400, "POST", "10dlc/Campaign/", campaignBody(brand, overrides))
      expect(yield* refused({ campaign_alias: undefined })).toBe("campaign_alias is required")
      expect(yield* refused({ vertical: "SPACE" })).toMatch(/^vertical must be one of/)
      expect(yield* refused({ usecase: "SPAM" })).toMatch(/^usecase must be one of/)
      expect(yield* refused({ sub_usecases: undefined })).toBe("sub_usecases (2 to 5) are required for the MIXED use case")
      expect(yield* refused({ sub_usecases: ["2FA"] })).toBe("the MIXED use case needs 2 to 5 sub_usecases")
      expect(yield* refused({ usecase: "LOW_VOLUME", sub_usecases: ["2FA", "MARKETING", "FRAUD_ALERT", "CUSTOMER_CARE", "POLLING_VOTING", "SECURITY_ALERT"] }))
        .toBe("the LOW_VOLUME use case needs 2 to 5 sub_usecases")
      expect(yield* refused({ sub_usecases: ["2FA", "MIXED"] })).toMatch(/^sub_usecases must be a list of/)
      expect(yield* refused({ description: "too short" })).toBe("description must be at least 40 characters")
      expect(yield* refused({ sample1: "short" })).toBe("sample1 must be at least 20 characters")
      expect(yield* refused({ sample2: undefined })).toBe("sample2 is required")
      expect(yield* refused({ subscriber_optin: false })).toBe("subscriber_optin must be true")
      expect(yield* refused({ subscriber_optout: undefined })).toBe("subscriber_optout is required")
      expect(yield* refused({ subscriber_help: false })).toBe("subscriber_help must be true")
      expect(yield* refused({ age_gated: undefined })).toBe("age_gated is required")
      expect(yield* refused({ embedded_link: "yes" })).toBe("embedded_link must be a boolean")
      expect(yield* refused({ message_flow: undefined })).toBe("message_flow is required")
      expect(yield* refused({ help_message: "" })).toBe("help_message is required")
      expect(yield* refused({ optout_message: undefined })).toBe("optout_message is required")
      expect(yield* refused({ privacy_policy_link: "not a url" })).toBe("privacy_policy_link must be a valid http(s) URL")
      expect(yield* refused({ url: "//relative" })).toBe("url must be a valid http(s) URL")
      // Form-style clients send booleans as strings and sub_usecases as one string.
      yield* createCampaign(brand, { subscriber_optin: "true", sub_usecases: "2FA,MARKETING" })
    })))

  it.effect("the official node SDK's shapes: `sample_3`..`sample_5` are read as `sample3`..; `\"\"` is an absent field", () =>
    run(Effect.gen(function*() {
      const brand = yield* completedBrand()
      const id = yield* createCampaign(brand, { sample_3: "A third sample, snake-cased by lodash.", terms_and_conditions_link: "", reseller_id: "" })
      const got = yield* expectStatus(200, "GET", `10dlc/Campaign/${id}/`)
      expect(field(got, "campaign", "sample3")).toBe("A third sample, snake-cased by lodash.")
      expect(field(got, "campaign", "terms_and_conditions_link")).toBeUndefined()
      yield* TestClock.adjust("1 second")
      // The typed `update` sends "" for every field left alone: they keep their values.
      yield* expectStatus(200, "POST", `10dlc/Campaign/${id}/`, { description: "Appointment reminders, and nothing else at all.", sample1: "", sample2: "" })
      const after = yield* expectStatus(200, "GET", `10dlc/Campaign/${id}/`)
      expect(field(after, "campaign", "sample1")).toBe("Your appointment is tomorrow at 10am.")
      expect(field(after, "campaign", "description")).toBe("Appointment reminders, and nothing else at all.")
    })))

  it.effect("update: refused while PROCESSING; otherwise the campaign is re-vetted", () =>
    run(Effect.gen(function*() {
      const brand = yield* completedBrand()
      const id = yield* createCampaign(brand, { description: "Prohibited content that carriers will refuse. #FAILED" })
      expect(yield* errorOf(400, "POST", `10dlc/Campaign/${id}/`, { sample1: "A new sample message here." })).toBe(
        `campaign ${id} is under review and cannot be updated`
      )
      yield* TestClock.adjust("1 second")
      const failed = yield* expectStatus(200, "GET", `10dlc/Campaign/${id}/`)
      expect(field(failed, "campaign")).toMatchObject({ registration_status: "FAILED", error_code: "1001" })
      expect(yield* errorOf(400, "POST", `10dlc/Campaign/${id}/`, { description: "short" })).toBe(
        "description must be at least 40 characters"
      )
      const updated = yield* expectStatus(200, "POST", `10dlc/Campaign/${id}/`, {
        description: "Appointment reminders for our customers, nothing else."
      })
      expect(field(updated, "campaign")).toMatchObject({ campaign_id: id, registration_status: "PROCESSING" })
      expect(field(updated, "campaign", "error_code")).toBeUndefined()
      yield* TestClock.adjust("1 second")
      expect(field(yield* expectStatus(200, "GET", `10dlc/Campaign/${id}/`), "campaign", "registration_status")).toBe("ACTIVE")
    })))

  it.effect("import: a TCR campaign id, once; campaign_source shared", () =>
    run(Effect.gen(function*() {
      const imported = yield* expectStatus(200, "POST", "10dlc/Campaign/Import/", { campaign_id: "CTCR001", campaign_alias: "shared one" })
      expect(imported).toMatchObject({ campaign_id: "CTCR001", message: "Request to import campaign was received and is being processed." })
      expect(yield* errorOf(400, "POST", "10dlc/Campaign/Import/", { campaign_id: "CTCR001", campaign_alias: "again" })).toBe(
        "campaign CTCR001 is already in this account"
      )
      expect(yield* errorOf(400, "POST", "10dlc/Campaign/Import/", { campaign_id: "nope", campaign_alias: "x" })).toBe(
        "campaign_id nope is not a TCR campaign id"
      )
      expect(yield* errorOf(400, "POST", "10dlc/Campaign/Import/", { campaign_id: "CTCR002" })).toBe("campaign_alias is required")
      yield* TestClock.adjust("1 second")
      const got = yield* expectStatus(200, "GET", "10dlc/Campaign/CTCR001/")
      expect(field(got, "campaign")).toMatchObject({ campaign_source: "shared", registration_status: "ACTIVE", campaign_alias: "shared one" })
    })))
})

describe("PlivoEmulator 10dlc/Campaign/{id}/Number/", () => {
  it.effect("link (numbers in the account only), list, status, unlink", () =>
    run(Effect.gen(function*() {
      const { campaign } = yield* activeCampaign()
      const linked = yield* expectStatus(200, "POST", `10dlc/Campaign/${campaign}/Number/`, { numbers: ["+14155550100", "14155550101"] })
      expect(field(linked, "message")).toBe(
        `Request to link 14155550100,14155550101 to campaign ${campaign} was received and is being processed`
      )
      const processing = yield* expectStatus(200, "GET", `10dlc/Campaign/${campaign}/Number/`).pipe(Effect.flatMap(decode(Linked)))
      expect(processing.phone_numbers).toEqual([
        { number: "14155550100", status: "PROCESSING" },
        { number: "14155550101", status: "PROCESSING" }
      ])
      expect(processing).toMatchObject({ campaign_id: campaign, campaign_alias: "reminders", usecase: "MIXED" })
      expect(yield* errorOf(400, "DELETE", `10dlc/Campaign/${campaign}/Number/14155550100/`)).toBe(
        "The number 14155550100 is still being linked"
      )
      yield* TestClock.adjust("1 second")
      const one = yield* expectStatus(200, "GET", `10dlc/Campaign/${campaign}/Number/14155550100/`).pipe(Effect.flatMap(decode(Linked)))
      expect(one.phone_numbers).toEqual([{ number: "14155550100", status: "COMPLETED" }])
      const unlinked = yield* expectStatus(200, "DELETE", `10dlc/Campaign/${campaign}/Number/14155550100/`, {})
      expect(field(unlinked, "message")).toBe(
        `Request to unlink 14155550100 from campaign ${campaign} was received and is being processed`
      )
      expect(yield* errorOf(404, "GET", `10dlc/Campaign/${campaign}/Number/14155550100/`)).toBe(
        "The number 14155550100 is not linked to this campaign"
      )
    })))

  it.effect("numbers link only when in the account, not toll-free, in no other campaign, to an ACTIVE campaign", () =>
    run(Effect.gen(function*() {
      const { brand, campaign } = yield* activeCampaign()
      const link = (id: string, numbers: unknown) => errorOf(400, "POST", `10dlc/Campaign/${id}/Number/`, { numbers })
      expect(yield* link(campaign, ["14155559999"])).toBe("The number 14155559999 is not in your account")
      expect(yield* link(campaign, ["18005550100"])).toBe("The number 18005550100 is toll-free: verify it through TollfreeVerification/")
      expect(yield* link(campaign, ["12"])).toMatch(/^The number 12 is not a valid number/)
      expect(yield* link(campaign, [])).toBe("numbers must be a non-empty list of numbers")
      expect(yield* link(campaign, "14155550100")).toBe("numbers must be a non-empty list of numbers")
      // One refusal refuses the whole request.
      expect(yield* link(campaign, ["14155550100", "14155559999"])).toBe("The number 14155559999 is not in your account")
      expect(yield* Effect.flatMap(PlivoEmulator, (e) => e.numberLinks)).toEqual([])
      yield* expectStatus(200, "POST", `10dlc/Campaign/${campaign}/Number/`, { numbers: ["14155550100"] })
      const pending = yield* createCampaign(brand)
      expect(yield* link(pending, ["12125550100"])).toBe(`Campaign ${pending} is PROCESSING: numbers link only to ACTIVE campaigns`)
      yield* TestClock.adjust("1 second")
      expect(yield* link(pending, ["14155550100"])).toBe("The number 14155550100 is already requested for linking")
      expect(yield* errorOf(404, "POST", "10dlc/Campaign/CNOPE00/Number/", { numbers: ["14155550100"] })).toBe("Campaign not found.")
    })))

  it.effect("a campaign with a number PROCESSING cannot be deleted; once linked it can", () =>
    run(Effect.gen(function*() {
      const { campaign } = yield* activeCampaign()
      yield* expectStatus(200, "POST", `10dlc/Campaign/${campaign}/Number/`, { numbers: ["14155550101"] })
      expect(yield* errorOf(400, "DELETE", `10dlc/Campaign/${campaign}/`)).toBe(
        `Campaign ${campaign} has numbers being linked (14155550101) and cannot be deleted.`
      )
      yield* TestClock.adjust("1 second")
      const deleted = yield* expectStatus(200, "DELETE", `10dlc/Campaign/${campaign}/`)
      expect(deleted).toMatchObject({ campaign_id: campaign, message: "Campaign Deactivated" })
      expect(yield* errorOf(404, "GET", `10dlc/Campaign/${campaign}/`)).toBe("Campaign not found.")
    })))
})
