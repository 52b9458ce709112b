/**
 * `Profile/` and `10dlc/Brand/` against the emulator over HTTP: the bodies compliance.md
 * describes, and every rule and validation of their creates.
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/TestClock"
import { PlivoEmulator } from "../src/PlivoEmulator.js"
import {
  activeCampaign,
  createBrand,
  createProfile,
  errorOf,
  expectStatus,
  field,
  profileBody
} from "./emulator.compliance.support.js"
import { decode } from "./emulator.support.js"

const run = <A, E>(effect: Effect.Effect<A, E, PlivoEmulator | HttpClient.HttpClient>) =>
  Effect.provide(effect, PlivoEmulator.layer())

const IsoTime = Schema.String.pipe(Schema.pattern(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/))

const ProfileObject = Schema.Struct({
  profile_uuid: Schema.String,
  profile_alias: Schema.String,
  profile_type: Schema.Literal("PRIMARY", "SECONDARY"),
  primary_profile: Schema.String,
  customer_type: Schema.String,
  entity_type: Schema.String,
  company_name: Schema.String,
  vertical: Schema.String,
  address: Schema.Record({ key: Schema.String, value: Schema.String }),
  authorized_contact: Schema.Record({ key: Schema.String, value: Schema.String }),
  created_at: IsoTime
})

const TenDlcMeta = Schema.Struct({
  limit: Schema.Int,
  offset: Schema.Int,
  next: Schema.NullOr(Schema.String),
  previous: Schema.NullOr(Schema.String)
})

const ProfileList = Schema.Struct({ api_id: Schema.String, meta: TenDlcMeta, profiles: Schema.Array(ProfileObject) })

const BrandObject = Schema.Struct({
  brand_id: Schema.String.pipe(Schema.pattern(/^B[A-Z0-9]{6}$/)),
  brand_alias: Schema.String,
  brand_type: Schema.Literal("STANDARD", "STARTER"),
  profile_uuid: Schema.String,
  registration_status: Schema.Literal("PROCESSING", "COMPLETED", "FAILED"),
  address: Schema.Record({ key: Schema.String, value: Schema.String }),
  authorized_contact: Schema.Record({ key: Schema.String, value: Schema.String }),
  created_at: IsoTime
})

describe("PlivoEmulator Profile/", () => {
  it.effect("create, get, update, list (key profiles, no total_count), delete", () =>
    run(Effect.gen(function*() {
      const uuid = yield* createProfile({ profile_alias: "first" })
      const got = yield* expectStatus(200, "GET", `Profile/${uuid}/`)
      const profile = yield* decode(ProfileObject)(field(got, "profile"))
      expect(profile).toMatchObject({ profile_uuid: uuid, profile_alias: "first", profile_type: "SECONDARY" })
      expect(field(got, "profile", "ein")).toBe("111111111")
      const updated = yield* expectStatus(200, "POST", `Profile/${uuid}/`, { company_name: "Acme Two", vertical: "RETAIL" })
      expect(field(updated, "profile", "company_name")).toBe("Acme Two")
      expect(field(updated, "profile", "vertical")).toBe("RETAIL")
      const list = yield* expectStatus(200, "GET", "Profile/?limit=1").pipe(Effect.flatMap(decode(ProfileList)))
      // The account's primary profile comes first.
      expect(list.profiles[0]?.profile_type).toBe("PRIMARY")
      expect(list.profiles[0]?.profile_uuid).toBe(profile.primary_profile)
      expect(list.meta.next).toContain("offset=1")
      expect(Object.keys(list.meta)).not.toContain("total_count")
      const secondary = yield* expectStatus(200, "GET", "Profile/?type=SECONDARY").pipe(Effect.flatMap(decode(ProfileList)))
      expect(secondary.profiles.map((p) => p.profile_uuid)).toEqual([uuid])
      const deleted = yield* expectStatus(200, "DELETE", `Profile/${uuid}/`)
      expect(field(deleted, "message")).toBe("Profile deleted successfully.")
      expect(yield* errorOf(404, "GET", `Profile/${uuid}/`)).toBe("Profile not found.")
    })))

  it.effect("the primary profile cannot be deleted", () =>
    run(Effect.gen(function*() {
      const [primary] = yield* Effect.flatMap(PlivoEmulator, (e) => e.profiles)
      expect(yield* errorOf(400, "DELETE", `Profile/${String(primary?.["profile_uuid"])}/`)).toBe(
        "The primary profile cannot be deleted."
      )
    })))

  it.effect("every create rule answers 400 with Plivo's error shape", () =>
    run(Effect.gen(function*() {
      const refused = (overrides: Record<string, unknown>) => errorOf(400, "POST", "Profile/", profileBody(overrides))
      expect(yield* refused({ profile_alias: undefined })).toBe("profile_alias is required")
      expect(yield* refused({ customer_type: "OTHER" })).toMatch(/^customer_type must be one of DIRECT, RESELLER/)
      expect(yield* refused({ entity_type: "PRIVATE_PROFIT" })).toMatch(/^entity_type must be one of/)
      expect(yield* refused({ company_name: undefined })).toBe("company_name is required")
      expect(yield* refused({ company_name: "x".repeat(101) })).toBe("company_name must be at most 100 characters")
      expect(yield* refused({ vertical: "SPACE" })).toMatch(/^vertical must be one of/)
      expect(yield* refused({ address: undefined })).toBe("address is required")
      expect(yield* refused({ address: "1 Main St" })).toBe("address must be an object")
      expect(yield* refused({ authorized_contact: undefined })).toBe("authorized_contact is required")
      expect(yield* refused({ ein_issuing_country: "USA" })).toBe("ein_issuing_country must be an ISO 3166 alpha-2 code")
      expect(yield* refused({ entity_type: "PUBLIC" })).toBe("stock_symbol and stock_exchange are required for a PUBLIC entity_type")
      expect(yield* refused({ entity_type: "PUBLIC", stock_symbol: "ACME", stock_exchange: "MOON" })).toMatch(/^stock_exchange must be one of/)
      expect(yield* refused({ stock_symbol: "TOOLONGSYMBOL" })).toBe("stock_symbol must be at most 10 characters")
      expect(yield* refused({ alt_business_id_type: "SSN" })).toMatch(/^alt_business_id_type must be one of DUNS, LEI, GIIN, NONE/)
      expect(yield* refused({ alt_business_id: "x".repeat(51) })).toBe("alt_business_id must be at most 50 characters")
      expect(yield* refused({ website: "x".repeat(101) })).toBe("website must be at most 100 characters")
      expect(yield* refused({ plivo_subaccount: "x".repeat(21) })).toBe("plivo_subaccount must be at most 20 characters")
      expect(yield* refused({ doing_business_as: "x".repeat(101) })).toBe("doing_business_as must be at most 100 characters")
      expect(yield* refused({ business_contact_email: "not-an-email" })).toBe("business_contact_email must be an email address")
      // A PUBLIC profile with its stock fields, and an INDIVIDUAL without an EIN, are fine.
      yield* createProfile({ entity_type: "PUBLIC", stock_symbol: "ACME", stock_exchange: "NASDAQ" })
      yield* createProfile({ entity_type: "INDIVIDUAL", ein: undefined })
      // An update is checked against the same rules.
      const uuid = yield* createProfile()
      expect(yield* errorOf(400, "POST", `Profile/${uuid}/`, { entity_type: "PUBLIC" })).toBe(
        "stock_symbol and stock_exchange are required for a PUBLIC entity_type"
      )
    })))
})

describe("PlivoEmulator 10dlc/Brand/", () => {
  it.effect("register, get (PROCESSING, then COMPLETED), list (key brands), filters", () =>
    run(Effect.gen(function*() {
      const profile = yield* createProfile()
      const brandId = yield* createBrand(profile, { brand_alias: "Acme Standard" })
      const processing = yield* expectStatus(200, "GET", `10dlc/Brand/${brandId}/`)
      expect(yield* decode(BrandObject)(field(processing, "brand"))).toMatchObject({
        brand_id: brandId,
        brand_type: "STANDARD",
        registration_status: "PROCESSING",
        profile_uuid: profile
      })
      yield* TestClock.adjust("1 second")
      const completed = yield* expectStatus(200, "GET", `10dlc/Brand/${brandId}/`)
      expect(field(completed, "brand", "registration_status")).toBe("COMPLETED")
      expect(field(completed, "brand", "company_name")).toBe("Acme Inc.")
      expect(field(completed, "brand", "ein")).toBe("111111111")
      expect(field(completed, "brand", "vetting_status")).toBe("ACTIVE")
      const starterProfile = yield* createProfile({ entity_type: "INDIVIDUAL", ein: undefined })
      const starter = yield* createBrand(starterProfile, { brand_type: "STARTER", mobile_phone: "+1 512 555 0199" })
      const list = yield* expectStatus(200, "GET", "10dlc/Brand/")
      expect((field(list, "brands") as ReadonlyArray<unknown>).length).toBe(2)
      expect(Object.keys(field(list, "meta") as object)).not.toContain("total_count")
      const ids = (body: unknown) => (field(body, "brands") as ReadonlyArray<{ brand_id: string }>).map((b) => b.brand_id)
      expect(ids(yield* expectStatus(200, "GET", "10dlc/Brand/?type=STARTER"))).toEqual([starter])
      expect(ids(yield* expectStatus(200, "GET", "10dlc/Brand/?registration_status=PROCESSING"))).toEqual([starter])
      // python, ruby and go send `status` instead of `registration_status`.
      expect(ids(yield* expectStatus(200, "GET", "10dlc/Brand/?status=COMPLETED"))).toEqual([brandId])
      const starterBody = yield* expectStatus(200, "GET", `10dlc/Brand/${starter}/`)
      // STARTER brands show no company name or EIN.
      expect(field(starterBody, "brand", "company_name")).toBeUndefined()
      expect(field(starterBody, "brand", "ein")).toBeUndefined()
    })))

  it.effect("a brand needs an existing profile that no other brand uses; STANDARD needs an EIN; STARTER a US/CA mobile_phone", () =>
    run(Effect.gen(function*() {
      const brand = (body: Record<string, unknown>) => errorOf(400, "POST", "10dlc/Brand/", { brand_alias: "A", ...body })
      expect(yield* brand({ profile_uuid: "nope" })).toBe("profile_uuid nope is not a profile of this account")
      expect(yield* brand({})).toBe("profile_uuid is required")
      const profile = yield* createProfile()
      expect(yield* errorOf(400, "POST", "10dlc/Brand/", { profile_uuid: profile })).toBe("brand_alias is required")
      expect(yield* brand({ profile_uuid: profile, brand_type: "PREMIUM" })).toMatch(/^brand_type must be one of STANDARD, STARTER/)
      yield* createBrand(profile)
      expect(yield* brand({ profile_uuid: profile, brand_type: "STANDARD" })).toBe(`profile ${profile} is already used by another brand`)
      const noEin = yield* createProfile({ ein: undefined })
      expect(yield* brand({ profile_uuid: noEin, brand_type: "STANDARD" })).toBe("a STANDARD brand needs a profile with an EIN")
      // brand_type defaults to STARTER, which needs a mobile phone.
      expect(yield* brand({ profile_uuid: noEin })).toBe("mobile_phone is required for a STARTER brand")
      expect(yield* brand({ profile_uuid: noEin, mobile_phone: "447700900100" })).toBe("mobile_phone must be a US or Canadian mobile number")
      expect(yield* brand({ profile_uuid: noEin, mobile_phone: "12" })).toMatch(/^mobile_phone 12 is not a valid number/)
      expect(yield* brand({ profile_uuid: noEin, mobile_phone: "15125550100", url: "ftp://x.example" })).toBe(
        "url must be a valid http(s) URL"
      )
      expect(yield* brand({ profile_uuid: noEin, mobile_phone: "15125550100", url: "https://x.example/ cb" })).toBe(
        "url must be a valid http(s) URL"
      )
      expect(yield* brand({ profile_uuid: noEin, mobile_phone: "15125550100", method: "PUT" })).toBe("method must be GET or POST")
      expect(yield* brand({ profile_uuid: noEin, mobile_phone: "15125550100", secondary_vetting: "maybe" })).toBe(
        "secondary_vetting must be a boolean"
      )
    })))

  it.effect("a brand with an ACTIVE or PROCESSING campaign cannot be deleted; without one it can", () =>
    run(Effect.gen(function*() {
      const { brand, campaign } = yield* activeCampaign()
      expect(yield* errorOf(400, "DELETE", `10dlc/Brand/${brand}/`)).toBe(
        `Brand ${brand} has active campaigns (${campaign}) and cannot be deleted.`
      )
      yield* expectStatus(200, "DELETE", `10dlc/Campaign/${campaign}/`)
      const deleted = yield* expectStatus(200, "DELETE", `10dlc/Brand/${brand}/`)
      expect(deleted).toMatchObject({ brand_id: brand, message: "Brand Deactivated" })
      expect(yield* errorOf(404, "GET", `10dlc/Brand/${brand}/`)).toBe("Brand not found.")
    })))

  it.effect("use cases: STARTER brands get STARTER only; OTP is for STARTER brands, at most five times", () =>
    run(Effect.gen(function*() {
      const standard = yield* createBrand(yield* createProfile())
      const starter = yield* createBrand(yield* createProfile({ ein: undefined }), { brand_type: "STARTER", mobile_phone: "15125550123" })
      const codes = (body: unknown) => (field(body, "use_cases") as ReadonlyArray<{ code: string }>).map((u) => u.code)
      expect(codes(yield* expectStatus(200, "GET", `10dlc/Brand/${starter}/usecases/`))).toEqual(["STARTER"])
      const standardCases = codes(yield* expectStatus(200, "GET", `10dlc/Brand/${standard}/usecases/`))
      expect(standardCases).toContain("2FA")
      expect(standardCases).not.toContain("STARTER")
      expect(yield* errorOf(400, "POST", `10dlc/Brand/${standard}/OTP/`)).toBe("OTP verification is only for STARTER brands.")
      for (let i = 0; i < 5; i++) {
        const sent = yield* expectStatus(200, "POST", `10dlc/Brand/${starter}/OTP/`)
        expect(sent).toMatchObject({ brand_id: starter, message: "Message sent to XXXXXXX0123, reply YES to confirm registration." })
      }
      expect(yield* errorOf(400, "POST", `10dlc/Brand/${starter}/OTP/`)).toBe("The OTP can be re-sent at most 5 times.")
    })))
})
