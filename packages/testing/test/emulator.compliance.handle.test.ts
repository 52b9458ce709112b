/**
 * The handle's compliance operations: seeding and inspecting every record (seeded ones
 * answer through the API like created ones), `reset`, and a live run with a real
 * loopback receiver of the signed callbacks.
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Schedule from "effect/Schedule"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { PlivoEmulator } from "../src/PlivoEmulator.js"
import * as PlivoEmulatorSigning from "../src/PlivoEmulatorSigning.js"
import { createBrand, createProfile, errorOf, expectStatus, field } from "./emulator.compliance.support.js"

const run = <A, E>(effect: Effect.Effect<A, E, PlivoEmulator | HttpClient.HttpClient>) =>
  Effect.provide(effect, PlivoEmulator.layer())

describe("PlivoEmulator compliance handle", () => {
  it.effect("seeds every record, which the API then serves; seeds are checked, all or nothing", () =>
    run(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const [profile] = yield* emulator.seedProfiles([{ profile_alias: "seeded", entity_type: "NON_PROFIT" }])
      const profileUuid = String(profile?.["profile_uuid"])
      expect(profile).toMatchObject({ profile_alias: "seeded", entity_type: "NON_PROFIT", profile_type: "SECONDARY" })
      expect(field(yield* expectStatus(200, "GET", `Profile/${profileUuid}/`), "profile", "profile_alias")).toBe("seeded")
      const [brand] = yield* emulator.seedBrands([{ profile_uuid: profileUuid, brand_id: "BSEED01" }])
      expect(brand).toMatchObject({ brand_id: "BSEED01", registration_status: "COMPLETED", brand_type: "STANDARD" })
      const [campaign] = yield* emulator.seedCampaigns([{ brand_id: "BSEED01", campaign_id: "CSEED01" }])
      expect(campaign).toMatchObject({ campaign_id: "CSEED01", registration_status: "ACTIVE", usecase: "MIXED" })
      yield* emulator.seedNumberLinks({ campaignId: "CSEED01", numbers: ["14155550100"] })
      expect(field(yield* expectStatus(200, "GET", "10dlc/Campaign/CSEED01/Number/"), "phone_numbers")).toEqual([
        { number: "14155550100", status: "COMPLETED" }
      ])
      const [tf] = yield* emulator.seedTollfreeVerifications([{ profile_uuid: profileUuid, status: "REJECTED" }])
      expect(tf).toMatchObject({ number: "18005550100", status: "REJECTED", error_message: "The use case does not meet the carriers' requirements." })
      expect(field(yield* expectStatus(200, "GET", `TollfreeVerification/${String(tf?.["uuid"])}/`), "status")).toBe("REJECTED")
      // Seeded records do not move on their own, and the rules hold for them.
      expect(yield* errorOf(400, "DELETE", "10dlc/Brand/BSEED01/")).toBe("Brand BSEED01 has active campaigns (CSEED01) and cannot be deleted.")
      const refusal = (e: Effect.Effect<unknown, { readonly message: string }>) => Effect.map(Effect.flip(e), (x) => x.message)
      expect(yield* refusal(emulator.seedBrands([{ profile_uuid: profileUuid }]))).toBe(`profile ${profileUuid} is already used by another brand`)
      expect(yield* refusal(emulator.seedBrands([{ profile_uuid: "nope" }]))).toBe("no profile nope")
      expect(yield* refusal(emulator.seedCampaigns([{ brand_id: "BNOPE00" }]))).toBe("no brand BNOPE00")
      expect(yield* refusal(emulator.seedProfiles([{ vertical: "SPACE" }]))).toBe("vertical SPACE")
      expect(yield* refusal(emulator.seedNumberLinks({ campaignId: "CNOPE00", numbers: [] }))).toBe("no campaign CNOPE00")
      expect(yield* refusal(emulator.seedTollfreeVerifications([{ profile_uuid: "nope" }]))).toBe("no profile nope")
      const [p1, p2] = yield* emulator.seedProfiles([{}, {}])
      const before = (yield* emulator.brands).length
      // Two brands on one profile: the second refuses the whole seed.
      expect(yield* refusal(emulator.seedBrands([{ profile_uuid: String(p1?.["profile_uuid"]) }, { profile_uuid: String(p1?.["profile_uuid"]) }])))
        .toBe(`profile ${String(p1?.["profile_uuid"])} is already used by another brand`)
      expect(yield* emulator.brands).toHaveLength(before)
      yield* emulator.seedBrands([{ profile_uuid: String(p2?.["profile_uuid"]), brand_type: "STARTER", registration_status: "FAILED" }])
      expect((yield* emulator.brands).at(-1)).toMatchObject({ brand_type: "STARTER", registration_status: "FAILED", declined_reasons: [{ code: "TCR_VETTING_FAILED" }] })
      expect((yield* emulator.campaigns).map((c) => c["campaign_id"])).toEqual(["CSEED01"])
      expect(yield* emulator.numberLinks).toEqual([{ campaignId: "CSEED01", number: "14155550100", status: "COMPLETED" }])
      expect(yield* emulator.tollfreeVerifications).toHaveLength(1)
    })))

  it.effect("reset forgets every compliance record and callback; a new primary profile remains", () =>
    run(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const [before] = yield* emulator.profiles
      yield* createBrand(yield* createProfile(), { url: "http://127.0.0.1:1/unreachable" })
      yield* emulator.reset
      const profiles = yield* emulator.profiles
      expect(profiles).toHaveLength(1)
      expect(profiles[0]).toMatchObject({ profile_type: "PRIMARY" })
      expect(profiles[0]?.["profile_uuid"]).not.toBe(before?.["profile_uuid"])
      expect(yield* emulator.brands).toEqual([])
      expect(yield* emulator.complianceCallbacks).toEqual([])
    })))
})

interface Hit {
  readonly url: string
  readonly headers: Record<string, string | Array<string> | undefined>
  readonly body: string
}

const loopbackReceiver = Effect.acquireRelease(
  Effect.async<{ readonly url: string; readonly hits: Array<Hit>; readonly close: () => void }>((resume) => {
    const hits: Array<Hit> = []
    const server = createServer((req, res) => {
      let body = ""
      req.setEncoding("utf8")
      req.on("data", (chunk: string) => (body += chunk))
      req.on("end", () => {
        hits.push({ url: req.url ?? "", headers: req.headers, body })
        res.writeHead(200).end("ok")
      })
    })
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo
      resume(Effect.succeed({ url: `http://127.0.0.1:${port}/10dlc`, hits, close: () => server.close() }))
    })
  }),
  (r) => Effect.sync(r.close)
)

describe("PlivoEmulator compliance callbacks over loopback", () => {
  it.live("a real receiver gets the brand's `created` and `registered`, each signed with the account's token", () =>
    Effect.scoped(Effect.gen(function*() {
      const receiver = yield* loopbackReceiver
      yield* Effect.provide(
        Effect.gen(function*() {
          const emulator = yield* PlivoEmulator
          const brand = yield* createBrand(yield* createProfile(), { url: receiver.url })
          yield* Effect.suspend(() => receiver.hits.length >= 2 ? Effect.void : Effect.fail("not yet")).pipe(
            Effect.retry(Schedule.spaced("10 millis").pipe(Schedule.upTo("5 seconds"))),
            Effect.orDie
          )
          for (const hit of receiver.hits) {
            const params = [...new URLSearchParams(hit.body)]
            const nonce = String(hit.headers["x-plivo-signature-v3-nonce"])
            expect(hit.headers["x-plivo-signature-v3"]).toBe(
              PlivoEmulatorSigning.signV3({ method: "POST", url: receiver.url, params, nonce, authToken: emulator.authToken })
            )
            expect(Object.fromEntries(params)["brand_id"]).toBe(brand)
          }
          expect(receiver.hits.map((h) => new URLSearchParams(h.body).get("status"))).toEqual(["created", "registered"])
        }),
        PlivoEmulator.layer({ compliance: { brandAfter: "20 millis" } })
      )
    })))
})
