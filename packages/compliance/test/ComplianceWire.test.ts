import { describe, expect, it } from "@effect/vitest"
import { StubHttpClient } from "@plivo-effect/testing"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { Brands, Campaigns, type Compliance, Profiles, TollfreeVerifications } from "../src/index.js"
import { fixture, requests, stubbed } from "./complianceSupport.js"

const PROFILE = "201faedc-7df9-4840-9ab1-3997ce3f7cf4"
const BRAND = "BRPXS6E"
const CAMPAIGN = "CY5NVUA"
const UUID = "312b3119-4ae6-4b75-92ea-9cf3ea4227d6"
const HOOK = "https://hooks.example.com/plivo"

const profile = {
  profile_alias: "acme",
  customer_type: "RESELLER",
  entity_type: "PUBLIC",
  company_name: "Acme Inc.",
  vertical: "TECHNOLOGY",
  ein: "111111111",
  ein_issuing_country: "US",
  stock_symbol: "ACME",
  stock_exchange: "NASDAQ",
  alt_business_id_type: "DUNS",
  alt_business_id: "123",
  website: "acme.example",
  address: { street: "1 Main St", city: "Austin", state: "TX", postal_code: "78701", country: "US" },
  authorized_contact: { first_name: "Ada", last_name: "L", email: "ada@acme.example", phone: "14155550100", seniority: "CEO" }
} as const

const campaign = {
  brand_id: BRAND,
  campaign_alias: "acme-mixed",
  vertical: "TECHNOLOGY",
  usecase: "MIXED",
  sub_usecases: ["2FA", "MARKETING"],
  description: "A description of at least forty characters, as TCR asks.",
  sample1: "Your Acme code is 123456.",
  sample2: "Acme: a sale starts today!",
  sample3: "third",
  message_flow: "Users opt in on the web form.",
  help_message: "Acme: reply STOP to opt out.",
  optout_message: "Acme: you are unsubscribed.",
  optin_keywords: "START,YES",
  subscriber_optin: true,
  subscriber_optout: true,
  subscriber_help: true,
  direct_lending: false,
  embedded_link: true,
  embedded_phone: false,
  age_gated: false,
  affiliate_marketing: false,
  url: HOOK,
  method: "POST"
} as const

const tollfree = {
  profile_uuid: PROFILE,
  number: "+18005550100",
  usecase: "2FA,CUSTOMER_CARE",
  usecase_summary: "Codes and support.",
  message_sample: "Your code is 123456.",
  optin_image_url: "https://acme.example/a.png,https://acme.example/b.png",
  optin_type: "WEB_FORM",
  volume: "10,000",
  extra_data: "ref-1",
  callback_url: HOOK,
  callback_method: "GET"
} as const

/** A plausible answer for each endpoint, so every call decodes. */
const answer = (request: StubHttpClient.RecordedRequest): StubHttpClient.Response => {
  const { method, resource } = request
  if (resource.startsWith("TollfreeVerification/")) {
    if (method === "GET") {
      return resource === "TollfreeVerification/"
        ? StubHttpClient.json(200, fixture("plivo-go/tollFreeRequestVerificationListResponse.json"))
        : StubHttpClient.json(200, fixture("plivo-go/tollFreeRequestVerificationGetResponse.json"))
    }
    if (method === "DELETE") return StubHttpClient.empty(204)
    return resource === "TollfreeVerification/"
      ? StubHttpClient.json(201, fixture("plivo-go/tollFreeRequestVerificationCreateResponse.json"))
      : StubHttpClient.json(202, fixture("plivo-go/tollFreeRequestVerificationUpdateResponse.json"))
  }
  if (resource.startsWith("Profile/")) {
    if (method === "DELETE") return StubHttpClient.json(200, fixture("plivo-java/profileDeleteResponse.json"))
    if (resource === "Profile/") {
      return method === "GET"
        ? StubHttpClient.json(200, fixture("plivo-go/profileListResponse.json"))
        : StubHttpClient.json(200, fixture("plivo-go/profileCreationResponse.json"))
    }
    return StubHttpClient.json(200, fixture("plivo-go/profileGetResponse.json"))
  }
  if (resource.startsWith("10dlc/Brand/")) {
    if (resource.endsWith("/usecases/")) return StubHttpClient.json(200, fixture("plivo-go/brandUsecaseResponse.json"))
    if (resource.endsWith("/OTP/")) return StubHttpClient.json(200, { api_id: "a", brand_id: BRAND, message: "sent" })
    if (method === "DELETE") return StubHttpClient.json(200, fixture("plivo-go/brandDeleteResponse.json"))
    if (resource === "10dlc/Brand/") {
      return method === "GET"
        ? StubHttpClient.json(200, fixture("plivo-go/brandListResponse.json"))
        : StubHttpClient.json(202, fixture("plivo-go/brandCreationResponse.json"))
    }
    return StubHttpClient.json(200, fixture("plivo-go/brandGetResponse.json"))
  }
  if (resource.includes("/Number/")) {
    if (method === "GET") {
      return resource.endsWith("/Number/")
        ? StubHttpClient.json(200, fixture("plivo-go/campaignNumbersGetResponse.json"))
        : StubHttpClient.json(200, fixture("plivo-go/campaignNumberGetResponse.json"))
    }
    return StubHttpClient.json(200, { api_id: "a", message: "Request to link was received and is being processed" })
  }
  if (resource === "10dlc/Campaign/Import/") return StubHttpClient.json(200, fixture("plivo-go/campaignImportResponse.json"))
  if (method === "DELETE") return StubHttpClient.json(200, fixture("plivo-go/campaignDeleteResponse.json"))
  if (resource === "10dlc/Campaign/") {
    return method === "GET"
      ? StubHttpClient.json(200, fixture("plivo-go/campaignListResponse.json"))
      : StubHttpClient.json(200, fixture("plivo-go/campaignCreationResponse.json"))
  }
  return StubHttpClient.json(200, fixture("plivo-go/campaignGetResponse.json"))
}

interface Expected {
  readonly method: "GET" | "POST" | "DELETE"
  readonly resource: string
  readonly query?: Readonly<Record<string, string>>
  readonly json?: unknown
}

const call = <A, E>(name: string, effect: Effect.Effect<A, E, Compliance.Services>, expected: Expected) =>
  it.effect(`${name}: ${expected.method} ${expected.resource}`, () =>
    Effect.gen(function*() {
      yield* effect
      const request = yield* StubHttpClient.onlyRequest
      expect(request.method).toBe(expected.method)
      expect(request.resource).toBe(expected.resource)
      expect(request.query).toStrictEqual(expected.query ?? {})
      if (expected.json === undefined) expect(request.text).toBe("")
      else {
        expect(request.headers["content-type"]).toMatch(/^application\/json/)
        expect(request.json).toStrictEqual(expected.json)
      }
    }).pipe(Effect.provide(stubbed(answer))))

const profiles = <A, E>(f: (s: Profiles.Service) => Effect.Effect<A, E>) => Effect.flatMap(Profiles, f)
const brands = <A, E>(f: (s: Brands.Service) => Effect.Effect<A, E>) => Effect.flatMap(Brands, f)
const campaigns = <A, E>(f: (s: Campaigns.Service) => Effect.Effect<A, E>) => Effect.flatMap(Campaigns, f)
const verifications = <A, E>(f: (s: TollfreeVerifications.Service) => Effect.Effect<A, E>) =>
  Effect.flatMap(TollfreeVerifications, f)

describe("the wire request of Profiles", () => {
  call("create", profiles((s) => s.create(profile)), { method: "POST", resource: "Profile/", json: profile })
  call("get", profiles((s) => s.get(PROFILE)), { method: "GET", resource: `Profile/${PROFILE}/` })
  call("update", profiles((s) => s.update(PROFILE, { website: "new.example", vertical: "ENERGY" })), {
    method: "POST",
    resource: `Profile/${PROFILE}/`,
    json: { website: "new.example", vertical: "ENERGY" }
  })
  call("delete", profiles((s) => s.delete(PROFILE)), { method: "DELETE", resource: `Profile/${PROFILE}/` })
  call("list", profiles((s) => s.list({ entity_type: "PUBLIC", type: "SECONDARY", vertical: "ENERGY", limit: 5, offset: 10 })), {
    method: "GET",
    resource: "Profile/",
    query: { entity_type: "PUBLIC", type: "SECONDARY", vertical: "ENERGY", limit: "5", offset: "10" }
  })
  call("list without filters", profiles((s) => s.list()), { method: "GET", resource: "Profile/" })
})

describe("the wire request of Brands", () => {
  const brand = {
    profile_uuid: PROFILE,
    brand_alias: "acme",
    brand_type: "STANDARD",
    secondary_vetting: false,
    url: HOOK,
    method: "GET"
  } as const
  call("create", brands((s) => s.create(brand)), { method: "POST", resource: "10dlc/Brand/", json: brand })
  call("create STARTER", brands((s) => s.create({ profile_uuid: PROFILE, brand_alias: "a", mobile_phone: "+14155550100" })), {
    method: "POST",
    resource: "10dlc/Brand/",
    json: { profile_uuid: PROFILE, brand_alias: "a", mobile_phone: "+14155550100" }
  })
  call("get", brands((s) => s.get(BRAND)), { method: "GET", resource: `10dlc/Brand/${BRAND}/` })
  call("delete", brands((s) => s.delete(BRAND)), { method: "DELETE", resource: `10dlc/Brand/${BRAND}/` })
  call("list", brands((s) => s.list({ registration_status: "COMPLETED", type: "STARTER", limit: 20 })), {
    method: "GET",
    resource: "10dlc/Brand/",
    query: { registration_status: "COMPLETED", type: "STARTER", limit: "20" }
  })
  call("usecases", brands((s) => s.usecases(BRAND)), { method: "GET", resource: `10dlc/Brand/${BRAND}/usecases/` })
  // Plivo takes no parameters here; the client sends an empty JSON object.
  call("resendOtp", brands((s) => s.resendOtp(BRAND)), { method: "POST", resource: `10dlc/Brand/${BRAND}/OTP/`, json: {} })
})

describe("the wire request of Campaigns", () => {
  call("create", campaigns((s) => s.create(campaign)), { method: "POST", resource: "10dlc/Campaign/", json: campaign })
  call("get", campaigns((s) => s.get(CAMPAIGN)), { method: "GET", resource: `10dlc/Campaign/${CAMPAIGN}/` })
  call("update", campaigns((s) => s.update(CAMPAIGN, { sample1: "a new sample of twenty+", help_keywords: "HELP,INFO" })), {
    method: "POST",
    resource: `10dlc/Campaign/${CAMPAIGN}/`,
    json: { sample1: "a new sample of twenty+", help_keywords: "HELP,INFO" }
  })
  call("delete", campaigns((s) => s.delete(CAMPAIGN)), { method: "DELETE", resource: `10dlc/Campaign/${CAMPAIGN}/` })
  call(
    "list",
    campaigns((s) => s.list({ usecase: "2FA", brand_id: BRAND, registration_status: "ACTIVE", campaign_source: "plivo", offset: 0 })),
    {
      method: "GET",
      resource: "10dlc/Campaign/",
      query: { usecase: "2FA", brand_id: BRAND, registration_status: "ACTIVE", campaign_source: "plivo", offset: "0" }
    }
  )
  call("importCampaign", campaigns((s) => s.importCampaign({ campaign_id: "CNTQ0OD", campaign_alias: "tcr", url: HOOK })), {
    method: "POST",
    resource: "10dlc/Campaign/Import/",
    json: { campaign_id: "CNTQ0OD", campaign_alias: "tcr", url: HOOK }
  })
  call("linkNumbers", campaigns((s) => s.linkNumbers(CAMPAIGN, { numbers: ["14155550100", "+14155550101"], url: HOOK, method: "POST" })), {
    method: "POST",
    resource: `10dlc/Campaign/${CAMPAIGN}/Number/`,
    json: { numbers: ["14155550100", "+14155550101"], url: HOOK, method: "POST" }
  })
  call("listNumbers", campaigns((s) => s.listNumbers(CAMPAIGN)), { method: "GET", resource: `10dlc/Campaign/${CAMPAIGN}/Number/` })
  call("getNumber (the + dropped)", campaigns((s) => s.getNumber(CAMPAIGN, "+14155550100")), {
    method: "GET",
    resource: `10dlc/Campaign/${CAMPAIGN}/Number/14155550100/`
  })
  call("unlinkNumber", campaigns((s) => s.unlinkNumber(CAMPAIGN, "14155550100", { url: HOOK })), {
    method: "DELETE",
    resource: `10dlc/Campaign/${CAMPAIGN}/Number/14155550100/`,
    json: { url: HOOK }
  })
})

describe("the wire request of TollfreeVerifications", () => {
  call("create", verifications((s) => s.create(tollfree)), { method: "POST", resource: "TollfreeVerification/", json: tollfree })
  call("get", verifications((s) => s.get(UUID)), { method: "GET", resource: `TollfreeVerification/${UUID}/` })
  call("update", verifications((s) => s.update(UUID, { volume: "100,000", usecase_summary: "more" })), {
    method: "POST",
    resource: `TollfreeVerification/${UUID}/`,
    json: { volume: "100,000", usecase_summary: "more" }
  })
  call("delete (204)", verifications((s) => s.delete(UUID)), { method: "DELETE", resource: `TollfreeVerification/${UUID}/` })
  call(
    "list",
    verifications((s) => s.list({ number: "18005550100", status: "REJECTED", created__gte: "2026-11-01", limit: 10 })),
    {
      method: "GET",
      resource: "TollfreeVerification/",
      query: { number: "18005550100", status: "REJECTED", created__gte: "2026-11-01", limit: "10" }
    }
  )
})

describe("streams", () => {
  const pages = (key: string, make: (i: number) => Record<string, unknown>) => (request: StubHttpClient.RecordedRequest) => {
    const offset = Number(request.query.offset)
    const count = offset === 0 ? 20 : 3
    // The second page repeats the first page's last row, as a late write would push it.
    const items = Array.from({ length: count }, (_, i) => make(offset === 0 ? i : offset + i - 1))
    return StubHttpClient.json(200, { api_id: "a", meta: { limit: 20, offset, next: offset === 0 ? "/next" : null }, [key]: items })
  }

  it.effect("Brands.stream pages by offset with the filters on every page, each brand once", () =>
    Effect.gen(function*() {
      const all = yield* Stream.runCollect((yield* Brands).stream({ registration_status: "FAILED" }))
      expect(Chunk.toReadonlyArray(all).map((b) => b.brand_id)).toEqual(Array.from({ length: 22 }, (_, i) => `B${i}`))
      expect((yield* requests).map((r) => r.query)).toEqual([
        { registration_status: "FAILED", limit: "20", offset: "0" },
        { registration_status: "FAILED", limit: "20", offset: "20" }
      ])
    }).pipe(Effect.provide(stubbed(pages("brands", (i) => ({ brand_id: `B${i}` }))))))

  it.effect("Campaigns.stream starts at the given offset with the given page size", () =>
    Effect.gen(function*() {
      yield* Stream.runDrain((yield* Campaigns).stream({ brand_id: BRAND, limit: 5, offset: 40 }))
      expect((yield* requests)[0]?.query).toStrictEqual({ brand_id: BRAND, limit: "5", offset: "40" })
    }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, { api_id: "a", meta: {}, campaigns: [] })))))

  it.effect("Profiles.stream and TollfreeVerifications.stream read their keys", () =>
    Effect.gen(function*() {
      const profilesSeen = yield* Stream.runCollect((yield* Profiles).stream({ vertical: "ENERGY" }))
      const verificationsSeen = yield* Stream.runCollect((yield* TollfreeVerifications).stream({ status: "APPROVED" }))
      expect(Chunk.size(profilesSeen)).toBe(1)
      expect(Chunk.size(verificationsSeen)).toBe(1)
      expect((yield* requests).map((r) => [r.resource, r.query])).toEqual([
        ["Profile/", { vertical: "ENERGY", limit: "20", offset: "0" }],
        ["TollfreeVerification/", { status: "APPROVED", limit: "20", offset: "0" }]
      ])
    }).pipe(Effect.provide(stubbed((request) =>
      request.resource === "Profile/"
        ? StubHttpClient.json(200, { api_id: "a", meta: { next: null }, profiles: [{ profile_uuid: PROFILE }] })
        : StubHttpClient.json(200, { api_id: "a", meta: { next: null }, objects: [{ uuid: UUID }] })
    ))))
})
