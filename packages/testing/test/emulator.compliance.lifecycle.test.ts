/**
 * Registration life cycles on the emulator's Clock (instant under the TestClock): every
 * transition, the reserved inputs, the handle's `decide…`, configurable delays, and the
 * signed status callback each transition posts.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as TestClock from "effect/TestClock"
import { PlivoEmulator } from "../src/PlivoEmulator.js"
import * as PlivoEmulatorSigning from "../src/PlivoEmulatorSigning.js"
import type { Received } from "./emulator.compliance.support.js"
import {
  createBrand,
  createCampaign,
  createProfile,
  createTollfree,
  emulatorWith,
  expectStatus,
  field,
  settle
} from "./emulator.compliance.support.js"

const HOOK = "https://hooks.example/status?source=emulator"

const paramsOf = (r: Received | undefined): Record<string, string> => Object.fromEntries(r?.params ?? [])

/** Checks the V3 signature of a received callback with the emulator's token. */
const signedBy = (r: Received | undefined, authToken: string): boolean => {
  if (r === undefined) return false
  const nonce = r.headers["x-plivo-signature-v3-nonce"] ?? ""
  const expected = PlivoEmulatorSigning.signV3({
    method: r.method === "GET" ? "GET" : "POST",
    url: r.url,
    params: r.method === "GET" ? [] : r.params,
    nonce,
    authToken
  })
  return nonce !== "" && r.headers["x-plivo-signature-v3"] === expected && r.headers["x-plivo-signature-ma-v3"] === expected
}

describe("PlivoEmulator 10dlc life cycles", () => {
  it.effect("brand PROCESSING → COMPLETED: `created` then `registered`, signed V3", () => {
    const { layer, received } = emulatorWith()
    return Effect.provide(
      Effect.gen(function*() {
        const emulator = yield* PlivoEmulator
        const brand = yield* createBrand(yield* createProfile(), { url: HOOK })
        yield* settle(() => received.length === 1)
        expect(paramsOf(received[0])).toMatchObject({ brand_id: brand, status: "created", registration_status: "PROCESSING" })
        yield* TestClock.adjust("199 millis")
        expect(field(yield* expectStatus(200, "GET", `10dlc/Brand/${brand}/`), "brand", "registration_status")).toBe("PROCESSING")
        yield* TestClock.adjust("1 millis")
        yield* settle(() => received.length === 2)
        expect(field(yield* expectStatus(200, "GET", `10dlc/Brand/${brand}/`), "brand", "registration_status")).toBe("COMPLETED")
        expect(paramsOf(received[1])).toMatchObject({ brand_id: brand, status: "registered", registration_status: "COMPLETED" })
        expect(received.every((r) => r.method === "POST" && r.url === HOOK && signedBy(r, emulator.authToken))).toBe(true)
        expect(signedBy(received[1], emulator.authToken + "x")).toBe(false)
        const recorded = yield* emulator.complianceCallbacks
        expect(recorded.map((c) => [c.resource, c.id, c.status, c.outcome])).toEqual([
          ["brand", brand, "created", { _tag: "Responded", status: 200 }],
          ["brand", brand, "registered", { _tag: "Responded", status: 200 }]
        ])
      }),
      layer
    )
  })

  it.effect("brand_alias `#FAILED[:CODE]` → FAILED with declined_reasons; `#PENDING` waits for decideBrand, which wins over the clock", () => {
    const { layer, received } = emulatorWith()
    return Effect.provide(
      Effect.gen(function*() {
        const emulator = yield* PlivoEmulator
        const failed = yield* createBrand(yield* createProfile(), { brand_alias: "Acme #FAILED:EIN_MISMATCH", url: HOOK })
        const pending = yield* createBrand(yield* createProfile(), { brand_alias: "Acme #PENDING", url: HOOK })
        const overtaken = yield* createBrand(yield* createProfile(), { brand_alias: "Acme", url: HOOK })
        yield* emulator.decideBrand(overtaken, "FAILED")
        yield* TestClock.adjust("1 hour")
        yield* settle(() => received.length > 5)
        // created ×3, rejected (clock), rejected (handle): the overtaken clock decision posts nothing.
        expect(received).toHaveLength(5)
        const brandOf = (id: string) => Effect.map(expectStatus(200, "GET", `10dlc/Brand/${id}/`), (b) => field(b, "brand"))
        expect(yield* brandOf(failed)).toMatchObject({
          registration_status: "FAILED",
          declined_reasons: [{ code: "EIN_MISMATCH", message: "The brand information could not be verified by TCR." }]
        })
        expect(field(yield* brandOf(pending), "registration_status")).toBe("PROCESSING")
        // The clock's COMPLETED came after the handle's FAILED: the handle's stays.
        expect(field(yield* brandOf(overtaken), "registration_status")).toBe("FAILED")
        const rejected = received.map(paramsOf).find((p) => p["brand_id"] === failed && p["status"] === "rejected")
        expect(JSON.parse(rejected?.["declined_reasons"] ?? "[]")).toEqual([
          { code: "EIN_MISMATCH", message: "The brand information could not be verified by TCR." }
        ])
        const decided = yield* emulator.decideBrand(pending, "COMPLETED")
        expect(decided["registration_status"]).toBe("COMPLETED")
        yield* settle(() => received.length === 6)
        expect(paramsOf(received[5])).toMatchObject({ brand_id: pending, status: "registered" })
        expect(yield* Effect.flip(emulator.decideBrand("BNOPE00", "COMPLETED"))).toMatchObject({ _tag: "NoSuchElementException" })
      }),
      layer
    )
  })

  it.effect("campaign PROCESSING → ACTIVE, or FAILED with error_code / error_reason (description `#FAILED[:CODE]`); decideCampaign", () => {
    const { layer, received } = emulatorWith()
    return Effect.provide(
      Effect.gen(function*() {
        const emulator = yield* PlivoEmulator
        const brand = yield* createBrand(yield* createProfile())
        yield* TestClock.adjust("1 second")
        const active = yield* createCampaign(brand, { url: HOOK })
        const failed = yield* createCampaign(brand, {
          url: HOOK,
          description: "Sample messages that do not match the use case at all #FAILED:1002"
        })
        const pending = yield* createCampaign(brand, { url: HOOK, description: "Held for a manual decision by the test #PENDING" })
        yield* TestClock.adjust("1 second")
        yield* settle(() => received.length === 5)
        const campaignOf = (id: string) => Effect.map(expectStatus(200, "GET", `10dlc/Campaign/${id}/`), (b) => field(b, "campaign"))
        expect(field(yield* campaignOf(active), "registration_status")).toBe("ACTIVE")
        expect(yield* campaignOf(failed)).toMatchObject({
          registration_status: "FAILED",
          error_code: "1002",
          error_reason: "The campaign's sample messages do not match its use case."
        })
        expect(field(yield* campaignOf(pending), "registration_status")).toBe("PROCESSING")
        const words = received.map(paramsOf).map((p) => [p["campaign_id"], p["status"], p["registration_status"]])
        expect(words).toEqual(expect.arrayContaining([
          [active, "created", "PROCESSING"],
          [active, "registered", "ACTIVE"],
          [failed, "rejected", "FAILED"],
          [pending, "created", "PROCESSING"]
        ]))
        expect(paramsOf(received.find((r) => paramsOf(r)["status"] === "rejected"))).toMatchObject({ error_code: "1002" })
        yield* emulator.decideCampaign(pending, "FAILED", { errorCode: "1001" })
        expect(yield* campaignOf(pending)).toMatchObject({
          registration_status: "FAILED",
          error_code: "1001",
          error_reason: "The campaign content falls under a prohibited content category."
        })
        yield* emulator.decideCampaign(active, "EXPIRED")
        yield* settle(() => received.length === 7)
        expect(paramsOf(received[6])).toMatchObject({ campaign_id: active, status: "expired", registration_status: "EXPIRED" })
        expect(received.every((r) => signedBy(r, emulator.authToken))).toBe(true)
      }),
      layer
    )
  })

  it.effect("number link PROCESSING → COMPLETED, FAILED (…9999), held (…9998) until decideNumberLink; unlink posts `unlinked`; GET callbacks", () => {
    const { layer, received } = emulatorWith()
    return Effect.provide(
      Effect.gen(function*() {
        const emulator = yield* PlivoEmulator
        yield* emulator.seedNumbers([{ number: "14155559999" }, { number: "14155559998" }])
        const brand = yield* createBrand(yield* createProfile())
        yield* TestClock.adjust("1 second")
        const campaign = yield* createCampaign(brand)
        yield* TestClock.adjust("1 second")
        yield* expectStatus(200, "POST", `10dlc/Campaign/${campaign}/Number/`, {
          numbers: ["14155550100", "14155559999", "14155559998"],
          url: HOOK,
          method: "GET"
        })
        yield* TestClock.adjust("100 millis")
        yield* settle(() => received.length === 2)
        expect(yield* emulator.numberLinks).toEqual([
          { campaignId: campaign, number: "14155550100", status: "COMPLETED" },
          { campaignId: campaign, number: "14155559999", status: "FAILED" },
          { campaignId: campaign, number: "14155559998", status: "PROCESSING" }
        ])
        expect(received.map(paramsOf).map((p) => [p["number"], p["status"], p["number_status"]])).toEqual(expect.arrayContaining([
          ["14155550100", "linked", "COMPLETED"],
          ["14155559999", "rejected", "FAILED"]
        ]))
        // GET callbacks carry their parameters in the query, beside the URL's own.
        expect(received.every((r) => r.method === "GET" && r.url.startsWith(`${HOOK}&`) && signedBy(r, emulator.authToken))).toBe(true)
        expect(yield* emulator.decideNumberLink(campaign, "14155559998", "COMPLETED")).toEqual({
          campaignId: campaign,
          number: "14155559998",
          status: "COMPLETED"
        })
        yield* expectStatus(200, "DELETE", `10dlc/Campaign/${campaign}/Number/14155550100/`, { url: "https://hooks.example/unlink" })
        yield* settle(() => received.length === 4)
        expect(received[3]?.url).toBe("https://hooks.example/unlink")
        expect(paramsOf(received[3])).toMatchObject({ number: "14155550100", status: "unlinked" })
        expect(yield* Effect.flip(emulator.decideNumberLink(campaign, "14155550100", "COMPLETED"))).toMatchObject({
          _tag: "NoSuchElementException"
        })
      }),
      layer
    )
  })

  it.effect("configurable delays; `auto: false` leaves every registration pending", () =>
    Effect.gen(function*() {
      const slow = emulatorWith({ compliance: { brandAfter: "2 days" } })
      yield* Effect.provide(
        Effect.gen(function*() {
          const brand = yield* createBrand(yield* createProfile())
          yield* TestClock.adjust("47 hours")
          expect(field(yield* expectStatus(200, "GET", `10dlc/Brand/${brand}/`), "brand", "registration_status")).toBe("PROCESSING")
          yield* TestClock.adjust("1 hour")
          expect(field(yield* expectStatus(200, "GET", `10dlc/Brand/${brand}/`), "brand", "registration_status")).toBe("COMPLETED")
        }),
        slow.layer
      )
      const manual = emulatorWith({ compliance: { auto: false } })
      yield* Effect.provide(
        Effect.gen(function*() {
          const emulator = yield* PlivoEmulator
          const brand = yield* createBrand(yield* createProfile())
          yield* createTollfree(yield* createProfile())
          yield* TestClock.adjust("30 days")
          expect(field(yield* expectStatus(200, "GET", `10dlc/Brand/${brand}/`), "brand", "registration_status")).toBe("PROCESSING")
          expect((yield* emulator.tollfreeVerifications)[0]?.["status"]).toBe("SUBMITTED")
        }),
        manual.layer
      )
    }))
})

describe("PlivoEmulator toll-free verification life cycle", () => {
  it.effect("SUBMITTED → APPROVED, REJECTED (`#REJECTED`) or UPDATE_REQUIRED (`#UPDATE_REQUIRED`), then an update → APPROVED; callbacks {uuid, number, status, error_message}", () => {
    const { layer, received } = emulatorWith()
    return Effect.provide(
      Effect.gen(function*() {
        const emulator = yield* PlivoEmulator
        yield* emulator.seedNumbers([{ number: "18885550101" }, { number: "18885550102" }])
        const profile = yield* createProfile()
        const hook = { callback_url: HOOK }
        const approved = yield* createTollfree(profile, hook)
        const rejected = yield* createTollfree(profile, { ...hook, number: "18885550101", usecase_summary: "Codes #REJECTED" })
        const sentBack = yield* createTollfree(profile, { ...hook, number: "18885550102", usecase_summary: "Codes #UPDATE_REQUIRED" })
        yield* TestClock.adjust("200 millis")
        yield* settle(() => received.length === 3)
        const statusOf = (uuid: string) => Effect.map(expectStatus(200, "GET", `TollfreeVerification/${uuid}/`), (v) => [field(v, "status"), field(v, "error_message")])
        expect(yield* statusOf(approved)).toEqual(["APPROVED", ""])
        expect(yield* statusOf(rejected)).toEqual(["REJECTED", "The use case does not meet the carriers' requirements."])
        expect(yield* statusOf(sentBack)).toEqual(["UPDATE_REQUIRED", "The opt-in information is incomplete: update the request."])
        expect(received.map(paramsOf)).toEqual(expect.arrayContaining([
          { uuid: approved, number: "18005550100", status: "APPROVED", error_message: "" },
          { uuid: rejected, number: "18885550101", status: "REJECTED", error_message: "The use case does not meet the carriers' requirements." }
        ]))
        // The update is reviewed again: UPDATE_REQUIRED → APPROVED (compliance.md's callback transition).
        yield* expectStatus(202, "POST", `TollfreeVerification/${sentBack}/`, { usecase_summary: "Codes, opt-in on the signup form." })
        expect((yield* statusOf(sentBack))[0]).toBe("UPDATE_REQUIRED")
        yield* TestClock.adjust("200 millis")
        yield* settle(() => received.length === 4)
        expect(yield* statusOf(sentBack)).toEqual(["APPROVED", ""])
        // Six days after the first UPDATE_REQUIRED nothing more happens: the update stopped that clock.
        yield* TestClock.adjust("7 days")
        expect((yield* statusOf(sentBack))[0]).toBe("APPROVED")
        expect(received.every((r) => signedBy(r, emulator.authToken))).toBe(true)
      }),
      layer
    )
  })

  it.effect("UPDATE_REQUIRED without an update for 6 days → REJECTED; decideTollfree sets any outcome", () => {
    const { layer, received } = emulatorWith()
    return Effect.provide(
      Effect.gen(function*() {
        const emulator = yield* PlivoEmulator
        const profile = yield* createProfile()
        const uuid = yield* createTollfree(profile, { usecase_summary: "Codes #PENDING", callback_url: HOOK })
        yield* TestClock.adjust("1 hour")
        expect((yield* emulator.tollfreeVerifications)[0]?.["status"]).toBe("SUBMITTED")
        const decided = yield* emulator.decideTollfree(uuid, "UPDATE_REQUIRED", { errorMessage: "Add the opt-in screenshot." })
        expect(decided).toMatchObject({ status: "UPDATE_REQUIRED", error_message: "Add the opt-in screenshot." })
        yield* TestClock.adjust("5 days")
        expect((yield* emulator.tollfreeVerifications)[0]?.["status"]).toBe("UPDATE_REQUIRED")
        yield* TestClock.adjust("1 day")
        yield* settle(() => received.length === 2)
        expect((yield* emulator.tollfreeVerifications)[0]).toMatchObject({
          status: "REJECTED",
          error_message: "No update was received within 6 days of UPDATE_REQUIRED."
        })
        expect(received.map(paramsOf).map((p) => p["status"])).toEqual(["UPDATE_REQUIRED", "REJECTED"])
        expect(yield* Effect.flip(emulator.decideTollfree("nope", "APPROVED"))).toMatchObject({ _tag: "NoSuchElementException" })
      }),
      layer
    )
  })
})
