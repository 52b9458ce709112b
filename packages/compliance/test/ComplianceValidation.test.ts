import { describe, expect, it } from "@effect/vitest"
import { StubHttpClient } from "@plivo-effect/testing"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import {
  Brands,
  Campaigns,
  type Compliance,
  type CreateBrandParams,
  type CreateCampaignParams,
  type CreateProfileParams,
  type CreateTollfreeVerificationParams,
  Profiles,
  TollfreeVerifications
} from "../src/index.js"
import { requests, stubbed, validCampaign, validProfile, validTollfree } from "./complianceSupport.js"

// Any request reaching the stub fails the tests below: validation must stop it first.
const Stub = stubbed(() => StubHttpClient.json(500, { error: "should not have been sent" }))

/** Runs `effect`, expects InvalidParamsError naming `operation` and `issue`, and no request at all. */
const rejected = <A, E extends { readonly _tag: string; readonly message: string }>(
  effect: Effect.Effect<A, E, Compliance.Services>,
  operation: string,
  issue: string | RegExp
) =>
  Effect.gen(function*() {
    const error = yield* Effect.flip(effect)
    expect(error._tag).toBe("InvalidParamsError")
    expect(error.message).toContain(`${operation}: invalid parameters`)
    expect(error.message).toMatch(issue)
    expect(yield* requests).toHaveLength(0)
  }).pipe(Effect.provide(Stub))

const profile = validProfile
const campaign = validCampaign
const tollfree = validTollfree

// Cases the types already forbid go through `unknown`, as plain JavaScript could send them.
const createProfile = (over: Record<string, unknown>) =>
  Effect.flatMap(Profiles, (s) => s.create({ ...profile, ...over } as CreateProfileParams))
const createBrand = (params: Record<string, unknown>) =>
  Effect.flatMap(Brands, (s) => s.create({ profile_uuid: "p", brand_alias: "b", brand_type: "STANDARD", ...params } as CreateBrandParams))
const createCampaign = (over: Record<string, unknown>) =>
  Effect.flatMap(Campaigns, (s) => s.create({ ...campaign, ...over } as CreateCampaignParams))
const createTollfree = (over: Record<string, unknown>) =>
  Effect.flatMap(TollfreeVerifications, (s) => s.create({ ...tollfree, ...over } as CreateTollfreeVerificationParams))

const cases = (
  name: string,
  operation: string,
  make: (over: Record<string, unknown>) => Effect.Effect<unknown, { readonly _tag: string; readonly message: string }, Compliance.Services>,
  table: ReadonlyArray<readonly [string, Record<string, unknown>, string | RegExp]>
) =>
  describe(name, () => {
    for (const [what, over, issue] of table) {
      it.effect(what, () => rejected(make(over), operation, issue))
    }
  })

cases("Profiles.create", "Profiles.create", createProfile, [
  ["profile_alias is required", { profile_alias: undefined }, "profile_alias is required"],
  ["customer_type is DIRECT or RESELLER", { customer_type: "AGENCY" }, /customer_type must be one of DIRECT, RESELLER/],
  ["entity_type from the list", { entity_type: "PRIVATE_PROFIT" }, /entity_type must be one of PRIVATE, PUBLIC/],
  ["vertical from the list", { vertical: "SPACE" }, /vertical must be one of PROFESSIONAL/],
  ["company_name at most 100", { company_name: "c".repeat(101) }, "company_name must be at most 100 characters, got 101"],
  ["address is required", { address: undefined }, "address is required"],
  ["address is an object of strings", { address: "1 Main St" }, /address must be an object of strings/],
  ["authorized_contact is required", { authorized_contact: undefined }, "authorized_contact is required"],
  ["a PUBLIC entity needs stock_symbol", { entity_type: "PUBLIC", stock_exchange: "NYSE" }, "stock_symbol is required for a PUBLIC entity_type"],
  ["a PUBLIC entity needs stock_exchange", { entity_type: "PUBLIC", stock_symbol: "ACME" }, "stock_exchange is required for a PUBLIC entity_type"],
  ["stock_exchange from the list", { stock_exchange: "MOON" }, /stock_exchange must be one of NASDAQ/],
  ["stock_symbol at most 10", { stock_symbol: "S".repeat(11) }, /stock_symbol must be at most 10/],
  ["alt_business_id_type from the list", { alt_business_id_type: "SSN" }, /alt_business_id_type must be one of DUNS, LEI, GIIN, NONE/],
  ["website at most 100", { website: "w".repeat(101) }, /website must be at most 100/],
  ["an unknown parameter", { profile_name: "x" }, /unknown parameter "profile_name"/],
  ["a parameter named after an Object method is unknown too", { toString: "x" }, /unknown parameter "toString"/]
])

describe("Profiles.update, list and stream", () => {
  it.effect("update checks the enums", () =>
    rejected(Effect.flatMap(Profiles, (s) => s.update("p", { vertical: "SPACE" } as never)), "Profiles.update", /vertical must be one of/))
  it.effect("parameters that are not an object", () =>
    rejected(Effect.flatMap(Profiles, (s) => s.update("p", null as never)), "Profiles.update", "the parameters must be an object, got null"))
  it.effect("list: limit 1-20", () =>
    rejected(Effect.flatMap(Profiles, (s) => s.list({ limit: 21 })), "Profiles.list", /limit must be an integer from 1 to 20/))
  it.effect("list: type PRIMARY or SECONDARY", () =>
    rejected(Effect.flatMap(Profiles, (s) => s.list({ type: "TERTIARY" } as never)), "Profiles.list", /type must be one of PRIMARY, SECONDARY/))
  it.effect("list: an unknown filter", () =>
    rejected(Effect.flatMap(Profiles, (s) => s.list({ status: "x" } as never)), "Profiles.list", /unknown filter "status"/))
  it.effect("stream: a bad filter fails the stream before any request", () =>
    rejected(Effect.flatMap(Profiles, (s) => Stream.runDrain(s.stream({ offset: -1 }))), "Profiles.stream", /offset must be a non-negative integer/))
})

cases("Brands.create", "Brands.create", createBrand, [
  ["profile_uuid is required", { profile_uuid: undefined }, "profile_uuid is required"],
  ["brand_alias is required", { brand_alias: " " }, /brand_alias must be a non-blank string/],
  ["brand_type STANDARD or STARTER", { brand_type: "PREMIUM" }, /brand_type must be one of STANDARD, STARTER/],
  ["a STARTER brand needs mobile_phone", { brand_type: "STARTER" }, "mobile_phone is required for a STARTER brand"],
  ["STARTER is the default type", { brand_type: undefined }, "mobile_phone is required for a STARTER brand"],
  ["mobile_phone with country code", { brand_type: "STARTER", mobile_phone: "4155550100" }, /mobile_phone must be a US\/CA number with country code 1/],
  ["secondary_vetting a boolean", { secondary_vetting: "true" }, /secondary_vetting must be a boolean/],
  ["url a clean absolute http(s) URL", { url: "http:evil.example" }, /url must be an absolute http\(s\) URL/],
  ["url without whitespace", { url: "https://hooks.example.com/a b" }, /url must be an absolute http\(s\) URL/],
  ["method GET or POST", { method: "PUT" }, /method must be "GET" or "POST"/]
])

describe("Brands.list", () => {
  it.effect("registration_status from the list", () =>
    rejected(Effect.flatMap(Brands, (s) => s.list({ registration_status: "ACTIVE" } as never)), "Brands.list", /registration_status must be one of PROCESSING, COMPLETED, FAILED/))
})

cases("Campaigns.create", "Campaigns.create", createCampaign, [
  ["description at least 40 characters", { description: "d".repeat(39) }, "description must be at least 40 characters, got 39"],
  ["sample1 at least 20 characters", { sample1: "s".repeat(19) }, "sample1 must be at least 20 characters, got 19"],
  ["sample2 at least 20 characters", { sample2: "s".repeat(19) }, "sample2 must be at least 20 characters, got 19"],
  ["subscriber_optin must be true", { subscriber_optin: false }, "subscriber_optin must be true"],
  ["subscriber_optout must be true", { subscriber_optout: false }, "subscriber_optout must be true"],
  ["subscriber_help must be true", { subscriber_help: false }, "subscriber_help must be true"],
  ["the attribute booleans are required", { direct_lending: undefined }, "direct_lending is required"],
  ["vertical from the list", { vertical: "SPACE" }, /vertical must be one of/],
  ["usecase from the list", { usecase: "SPAM" }, /usecase must be one of 2FA/],
  ["MIXED needs sub_usecases", { usecase: "MIXED" }, "sub_usecases (2 to 5) are required for a MIXED campaign"],
  ["STARTER needs at least 2", { usecase: "STARTER", sub_usecases: ["2FA"] }, "sub_usecases must hold 2 to 5 use cases for a STARTER campaign, got 1"],
  [
    "LOW_VOLUME takes at most 5",
    { usecase: "LOW_VOLUME", sub_usecases: ["2FA", "MARKETING", "FRAUD_ALERT", "CUSTOMER_CARE", "SECURITY_ALERT", "POLLING_VOTING"] },
    "got 6"
  ],
  ["sub_usecases are standard use cases", { usecase: "MIXED", sub_usecases: ["2FA", "MIXED"] }, /sub_usecases\[1\] must be a standard use case/],
  ["message_flow is required", { message_flow: undefined }, "message_flow is required"],
  ["keywords without spaces", { optin_keywords: "START, YES" }, /optin_keywords must be comma-separated letters and digits/],
  ["url a clean absolute http(s) URL", { url: "https:\\\\evil.example" }, /url must be an absolute http\(s\) URL/]
])

describe("Campaigns: update, import and numbers", () => {
  it.effect("update checks the lengths", () =>
    rejected(Effect.flatMap(Campaigns, (s) => s.update("C1", { description: "short" })), "Campaigns.update", "description must be at least 40 characters"))
  it.effect("update refuses fields it cannot change", () =>
    rejected(Effect.flatMap(Campaigns, (s) => s.update("C1", { usecase: "2FA" } as never)), "Campaigns.update", /unknown parameter "usecase"/))
  it.effect("importCampaign needs campaign_alias", () =>
    rejected(Effect.flatMap(Campaigns, (s) => s.importCampaign({ campaign_id: "C1" } as never)), "Campaigns.importCampaign", "campaign_alias is required"))
  it.effect("linkNumbers needs at least one number", () =>
    rejected(Effect.flatMap(Campaigns, (s) => s.linkNumbers("C1", { numbers: [] })), "Campaigns.linkNumbers", /numbers must be a non-empty array/))
  it.effect("linkNumbers: numbers with country code", () =>
    rejected(Effect.flatMap(Campaigns, (s) => s.linkNumbers("C1", { numbers: ["14155550100", "4155550101"] })), "Campaigns.linkNumbers", /numbers\[1\] must be a US\/CA number with country code 1/))
  it.effect("linkNumbers: US/CA numbers only", () =>
    rejected(Effect.flatMap(Campaigns, (s) => s.linkNumbers("C1", { numbers: ["442071838750"] })), "Campaigns.linkNumbers", /numbers\[0\] must be a US\/CA number/))
  it.effect("linkNumbers: a clean callback URL", () =>
    rejected(Effect.flatMap(Campaigns, (s) => s.linkNumbers("C1", { numbers: ["14155550100"], url: "ftp://x" })), "Campaigns.linkNumbers", /url must be an absolute http\(s\) URL/))
  it.effect("getNumber: a number with country code", () =>
    rejected(Effect.flatMap(Campaigns, (s) => s.getNumber("C1", "4155550100")), "Campaigns.getNumber", /number must be a US\/CA number/))
  it.effect("unlinkNumber: the callback method", () =>
    rejected(Effect.flatMap(Campaigns, (s) => s.unlinkNumber("C1", "14155550100", { method: "DELETE" } as never)), "Campaigns.unlinkNumber", /method must be "GET" or "POST"/))
  it.effect("list: registration_status from the list", () =>
    rejected(Effect.flatMap(Campaigns, (s) => s.list({ registration_status: "Active" } as never)), "Campaigns.list", /registration_status must be one of ACTIVE/))
})

cases("TollfreeVerifications.create", "TollfreeVerifications.create", createTollfree, [
  ["usecase_summary at most 500", { usecase_summary: "u".repeat(501) }, "usecase_summary must be at most 500 characters, got 501"],
  ["message_sample at most 1000", { message_sample: "m".repeat(1001) }, "message_sample must be at most 1000 characters, got 1001"],
  ["optin_type from the list", { optin_type: "EMAIL" }, /optin_type must be one of VERBAL, WEB_FORM, PAPER_FORM, VIA_TEXT, MOBILE_QR_CODE/],
  ["volume a tier string", { volume: "10" }, /volume must be one of 1,000, 10,000/],
  ["number with country code", { number: "8005550100" }, /number must be a US\/CA number with country code 1/],
  ["number toll-free", { number: "14155550100" }, /number must be a toll-free number/],
  ["usecase standard use cases", { usecase: "2FA,LOTTERY" }, /usecase must be one or more comma-separated use cases/],
  ["optin_image_url URLs", { optin_image_url: "https://a.example/x.png,not a url" }, /optin_image_url must be one or more comma-separated absolute http\(s\) URLs/],
  ["callback_url a clean absolute URL", { callback_url: " https://hooks.example.com" }, /callback_url must be an absolute http\(s\) URL/],
  ["callback_method GET or POST", { callback_method: "PATCH" }, /callback_method must be "GET" or "POST"/],
  ["extra_data at most 100", { extra_data: "e".repeat(101) }, /extra_data must be at most 100/],
  ["additional_information at most 500", { additional_information: "a".repeat(501) }, /additional_information must be at most 500/],
  ["profile_uuid is required", { profile_uuid: undefined }, "profile_uuid is required"]
])

describe("TollfreeVerifications: update and list", () => {
  it.effect("update checks the tiers", () =>
    rejected(Effect.flatMap(TollfreeVerifications, (s) => s.update("u", { volume: "100" } as never)), "TollfreeVerifications.update", /volume must be one of/))
  it.effect("list: created filters as YYYY-MM-DD", () =>
    rejected(Effect.flatMap(TollfreeVerifications, (s) => s.list({ created__gte: "2026-13-45" })), "TollfreeVerifications.list", /created__gte must be a date as YYYY-MM-DD/))
  it.effect("stream: created filters as YYYY-MM-DD", () =>
    rejected(Effect.flatMap(TollfreeVerifications, (s) => Stream.runDrain(s.stream({ created: "yesterday" }))), "TollfreeVerifications.stream", /created must be a date as YYYY-MM-DD/))
  it.effect("list: status from the list", () =>
    rejected(Effect.flatMap(TollfreeVerifications, (s) => s.list({ status: "DONE" } as never)), "TollfreeVerifications.list", /status must be one of SUBMITTED/))
})

it.effect("one error names every broken rule", () =>
  Effect.gen(function*() {
    const error = yield* Effect.flip(createCampaign({ description: "short", sample1: "s", subscriber_help: false }))
    expect(error.message).toContain("description must be at least 40 characters")
    expect(error.message).toContain("sample1 must be at least 20 characters")
    expect(error.message).toContain("subscriber_help must be true")
    expect(yield* requests).toHaveLength(0)
  }).pipe(Effect.provide(Stub)))
