/**
 * The official `plivo` npm SDK's profile, brand, campaign (with number links and
 * imports) and toll-free verification calls against the standalone emulator command,
 * with the command's default decision delays (a few hundred milliseconds).
 *
 * What the SDK sends that compliance.md does not describe, and how the emulator takes it:
 * keys are snake-cased by lodash, so `sample3`..`sample5` leave as `sample_3`..`sample_5`
 * (read as `sampleN`); the typed positional methods make a caller pass `""` for every field
 * it does not set (read as absent); `secondary_vetting` is typed boolean but documented as
 * a string in the SDK's JSDoc (both are accepted).
 */
import { expect, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Schedule from "effect/Schedule"
import * as Schema from "effect/Schema"
import { call, clientOf, rejection, StandaloneEmulator, StandaloneLive } from "./standalone.js"

/** Polls a plivo SDK call until `done` holds (bounded: 5 s). */
const until = <A>(f: () => Promise<A>, done: (a: A) => boolean) =>
  call(f).pipe(
    Effect.filterOrFail(done, () => new Error("not yet")),
    Effect.retry(Schedule.spaced("50 millis").pipe(Schedule.upTo("5 seconds")))
  )

const get = (u: unknown, ...path: ReadonlyArray<string>): unknown => {
  let at = u
  for (const key of path) at = typeof at === "object" && at !== null ? Reflect.get(at, key) : undefined
  return at
}

const address = { street: "1 Main St", city: "Austin", state: "TX", postal_code: "73301", country: "US" }
const contact = { first_name: "Jo", last_name: "Doe", email: "jo@acme.example", phone: "15125550100", title: "CEO", seniority: "CEO" }

const Created = Schema.Struct({ apiId: Schema.String, message: Schema.String })

layer(StandaloneLive, { excludeTestServices: true, timeout: 60_000 })("the official plivo SDK's compliance calls against `emulator`", (it) => {
  it.effect("profile → brand → campaign → linked number, each decided by the emulator, then deleted", () =>
    Effect.gen(function*() {
      const client = clientOf(yield* StandaloneEmulator)
      const profile = yield* call(() =>
        client.profile.create("official-sdk", "", "DIRECT", "PRIVATE", "Acme Inc.", "111111111", "TECHNOLOGY", "US", "", "", "NONE", "https://acme.example", address, contact)
      )
      const profileUuid = String(get(profile, "profileUuid"))
      expect(profileUuid).toMatch(/^[0-9a-f-]{36}$/)
      expect(get(yield* call(() => client.profile.get(profileUuid)), "profile", "companyName")).toBe("Acme Inc.")
      const updated = yield* call(() => client.profile.update(profileUuid, { company_name: "Acme Two", address, authorized_contact: contact }))
      expect(get(updated, "profile", "companyName")).toBe("Acme Two")
      const profiles = yield* call(() => client.profile.list({ limit: 20, offset: 0 }))
      expect((get(profiles, "profiles") as ReadonlyArray<unknown>).map((p) => get(p, "profileUuid"))).toContain(profileUuid)

      const brand = yield* call(() => client.brand.create("Acme", profileUuid, "STANDARD", true, {}))
      const brandId = String(get(brand, "brand_id"))
      expect(brandId).toMatch(/^B[A-Z0-9]{6}$/)
      const completed = yield* until(() => client.brand.get(brandId), (b) => get(b, "brand", "registrationStatus") === "COMPLETED")
      expect(get(completed, "brand", "brandType")).toBe("STANDARD")
      const brands = yield* call(() => client.brand.list({ type: "STANDARD" }))
      expect((get(brands, "brands") as ReadonlyArray<unknown>).map((b) => get(b, "brandId"))).toContain(brandId)
      const usecases = yield* call(() => client.brand.get_usecases(brandId))
      expect((get(usecases, "useCases") as ReadonlyArray<unknown>).map((u) => get(u, "code"))).toContain("MIXED")

      const campaign = yield* call(() =>
        client.campaign.create(
          brandId, "reminders", "TECHNOLOGY", "MIXED", ["2FA", "ACCOUNT_NOTIFICATION"],
          "Appointment reminders and account notices sent to our customers.",
          false, false, false, false, true, true, true, false,
          "Your appointment is tomorrow at 10am.", "Your password was changed just now.", "A third sample, sent as sample_3.", "", "",
          "Customers opt in on the web signup form.", "Reply STOP to opt out.", "You are unsubscribed.", "", ""
        )
      )
      const campaignId = String(get(campaign, "campaignId"))
      expect(campaignId).toMatch(/^C[A-Z0-9]{6}$/)
      const active = yield* until(() => client.campaign.get(campaignId), (c) => get(c, "campaign", "registrationStatus") === "ACTIVE")
      expect(get(active, "campaign")).toMatchObject({ subUsecase: "2FA,ACCOUNT_NOTIFICATION", sample3: "A third sample, sent as sample_3.", campaignSource: "plivo" })
      const listed = yield* call(() => client.campaign.list({ brand_id: brandId }))
      expect((get(listed, "campaigns") as ReadonlyArray<unknown>).map((c) => get(c, "campaignId"))).toEqual([campaignId])

      const linked = yield* call(() => client.campaign.linkNumber(campaignId, ["14155550100"]))
      expect(get(linked, "message")).toBe(`Request to link 14155550100 to campaign ${campaignId} was received and is being processed`)
      const number = yield* until(
        () => client.campaign.getNumber(campaignId, "14155550100"),
        (n) => get(n, "phoneNumbers", "0", "status") === "COMPLETED"
      )
      expect(get(number, "campaignId")).toBe(campaignId)
      const numbers = yield* call(() => client.campaign.listNumber(campaignId, { limit: 20, offset: 0 }))
      expect(get(numbers, "phoneNumbers")).toEqual([{ number: "14155550100", status: "COMPLETED" }])

      // Rules, as the SDK surfaces them.
      expect(yield* rejection(() => client.brand.deleteBrand(brandId))).toBe(
        `Brand ${brandId} has active campaigns (${campaignId}) and cannot be deleted.`
      )
      expect(yield* rejection(() => client.campaign.linkNumber(campaignId, ["14155559999"]))).toBe(
        "The number 14155559999 is not in your account"
      )

      // An update re-vets the campaign.
      yield* call(() => client.campaign.update(
        campaignId, "", "Appointment reminders only, for our own customers.", "", "", "", "", "", "", "", "", "", "", "", "", "", ""
      ))
      yield* until(() => client.campaign.get(campaignId), (c) => get(c, "campaign", "registrationStatus") === "ACTIVE")

      const unlinked = yield* call(() => client.campaign.unlinkNumber(campaignId, "14155550100", {}))
      expect(get(unlinked, "message")).toBe(`Request to unlink 14155550100 from campaign ${campaignId} was received and is being processed`)
      const deleted = yield* call(() => client.campaign.deleteCampaign(campaignId))
      expect(get(deleted, "message")).toBe("Campaign Deactivated")
      expect(get(yield* call(() => client.brand.deleteBrand(brandId)), "message")).toBe("Brand Deactivated")
      expect(get(yield* call(() => client.profile.delete(profileUuid)), "message")).toBe("Profile deleted successfully.")
    }))

  it.effect("a rejected brand, a rejected campaign and an imported one, decided from their reserved inputs", () =>
    Effect.gen(function*() {
      const client = clientOf(yield* StandaloneEmulator)
      const profile = async (alias: string) =>
        client.profile.create(alias, "", "DIRECT", "PRIVATE", "Acme Inc.", "111111111", "TECHNOLOGY", "US", "", "", "NONE", "https://acme.example", address, contact)
      const p1 = String(get(yield* call(() => profile("sdk-rejected")), "profileUuid"))
      const rejected = String(get(yield* call(() => client.brand.create("Acme #FAILED", p1, "STANDARD", false, {})), "brand_id"))
      const failed = yield* until(() => client.brand.get(rejected), (b) => get(b, "brand", "registrationStatus") === "FAILED")
      expect(get(failed, "brand", "declinedReasons")).toEqual([{ code: "TCR_VETTING_FAILED", message: "The brand information could not be verified by TCR." }])
      expect(yield* rejection(() => client.brand.create("Again", p1, "STANDARD", false, {}))).toBe(`profile ${p1} is already used by another brand`)

      const p2 = String(get(yield* call(() => profile("sdk-campaign-rejected")), "profileUuid"))
      const brandId = String(get(yield* call(() => client.brand.create("Acme", p2, "STANDARD", false, {})), "brand_id"))
      yield* until(() => client.brand.get(brandId), (b) => get(b, "brand", "registrationStatus") === "COMPLETED")
      const campaignId = String(get(
        yield* call(() =>
          client.campaign.create(
            brandId, "prohibited", "TECHNOLOGY", "MARKETING", [],
            "Content the carriers will refuse, for the rejected path. #FAILED",
            false, false, false, false, true, true, true, false,
            "Your appointment is tomorrow at 10am.", "Your password was changed just now.", "", "", "",
            "Customers opt in on the web signup form.", "Reply STOP to opt out.", "You are unsubscribed.", "", ""
          )
        ),
        "campaignId"
      ))
      const refused = yield* until(() => client.campaign.get(campaignId), (c) => get(c, "campaign", "registrationStatus") === "FAILED")
      expect(get(refused, "campaign")).toMatchObject({
        errorCode: "1001",
        errorReason: "The campaign content falls under a prohibited content category."
      })

      const imported = yield* call(() => client.campaign.import_campaign("CSDK001", "shared campaign"))
      expect(yield* Schema.decodeUnknown(Created)(imported)).toMatchObject({ message: "Request to import campaign was received and is being processed." })
      const shared = yield* until(() => client.campaign.get("CSDK001"), (c) => get(c, "campaign", "registrationStatus") === "ACTIVE")
      expect(get(shared, "campaign", "campaignSource")).toBe("shared")
      expect(yield* rejection(() => client.campaign.import_campaign("CSDK001", "again"))).toBe("campaign CSDK001 is already in this account")
    }))

  it.effect("toll-free verification: create, get, list, update, delete, and an approval", () =>
    Effect.gen(function*() {
      const client = clientOf(yield* StandaloneEmulator)
      const profileUuid = String(get(yield* call(() =>
        client.profile.create("sdk-tollfree", "", "DIRECT", "PRIVATE", "Acme Inc.", "111111111", "TECHNOLOGY", "US", "", "", "NONE", "https://acme.example", address, contact)
      ), "profileUuid"))
      const body = {
        profile_uuid: profileUuid,
        number: "18005550100",
        usecase: "2FA,CUSTOMER_CARE",
        usecase_summary: "Sign-in codes for our customers. #PENDING",
        message_sample: "Your code is 123456.",
        optin_image_url: "https://acme.example/optin.png",
        optin_type: "WEB_FORM",
        volume: "10,000",
        callback_method: "POST"
      }
      const created = yield* call(() => client.tollfreeVerification.create(body))
      const uuid = String(get(created, "uuid"))
      expect(get(created, "message")).toBe("created")
      const got = yield* call(() => client.tollfreeVerification.get(uuid))
      expect(got).toMatchObject({ uuid, number: "18005550100", status: "SUBMITTED", volume: "10,000" })
      const list = yield* call(() => client.tollfreeVerification.list({ status: "SUBMITTED" }))
      expect((Array.isArray(list) ? list : []).map((v: unknown) => get(v, "uuid"))).toEqual([uuid])
      const updated = yield* call(() => client.tollfreeVerification.update(uuid, { volume: "100,000" }))
      expect(get(updated, "message")).toBe(`Tollfree verification request for uuid ${uuid} updated successfully.`)
      expect(get(yield* call(() => client.tollfreeVerification.get(uuid)), "volume")).toBe("100,000")
      expect(yield* rejection(() => client.tollfreeVerification.create(body))).toBe(`a verification request for 18005550100 already exists (${uuid})`)
      expect(yield* call(() => client.tollfreeVerification.delete(uuid))).toBe(true)
      expect(yield* rejection(() => client.tollfreeVerification.get(uuid))).toBe("Tollfree verification request not found.")

      const again = String(get(yield* call(() => client.tollfreeVerification.create({ ...body, usecase_summary: "Sign-in codes." })), "uuid"))
      const approved = yield* until(() => client.tollfreeVerification.get(again), (v) => get(v, "status") === "APPROVED")
      // The SDK hands the verification back with snake_case keys.
      expect(approved).toMatchObject({ status: "APPROVED", error_message: "", profile_uuid: profileUuid })
      expect(yield* rejection(() => client.tollfreeVerification.update(again, { volume: "1,000" }))).toBe(
        "a verification request in APPROVED cannot be updated"
      )
    }))
})
