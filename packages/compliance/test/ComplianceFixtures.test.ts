import { describe, expect, it } from "@effect/vitest"
import { StubHttpClient } from "@plivo-effect/testing"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import type { PlivoError } from "@plivo-effect/core"
import { Brands, Campaigns, type Compliance, Profiles, TollfreeVerifications } from "../src/index.js"
import {
  allFixtures,
  expectDecodedFrom,
  fixture,
  indexRows,
  requests,
  stubbed,
  validCampaign,
  validProfile,
  validTollfree
} from "./complianceSupport.js"

const PROFILE = "201faedc-7df9-4840-9ab1-3997ce3f7cf4"
const BRAND = "BRPXS6E"
const CAMPAIGN = "CY5NVUA"
const NUMBER = "14845007032"
const TOLLFREE = "312b3119-4ae6-4b75-92ea-9cf3ea4227d6"

/** How one fixture is read: the call that receives it, and what of its body the call returns. */
type Reading = Effect.Effect<{ readonly decoded: unknown; readonly raw: (body: Record<string, unknown>) => unknown }, unknown, Profiles | Brands | Campaigns | TollfreeVerifications>

const whole = (decoded: unknown) => ({ decoded, raw: (body: Record<string, unknown>) => body })
const under = (key: string) => (decoded: unknown) => ({ decoded, raw: (body: Record<string, unknown>) => body[key] })

const READINGS: Readonly<Record<string, Reading>> = {
  "profile.create": Effect.map(Effect.flatMap(Profiles, (s) => s.create(validProfile)), whole),
  "profile.get": Effect.map(Effect.flatMap(Profiles, (s) => s.get(PROFILE)), under("profile")),
  "profile.update": Effect.map(Effect.flatMap(Profiles, (s) => s.update(PROFILE, { website: "w" })), under("profile")),
  "profile.delete": Effect.map(Effect.flatMap(Profiles, (s) => s.delete(PROFILE)), whole),
  "profile.list": Effect.map(Effect.flatMap(Profiles, (s) => s.list()), (page) => ({
    decoded: page.profiles,
    raw: (body: Record<string, unknown>) => body.profiles
  })),
  "brand.create": Effect.map(
    Effect.flatMap(Brands, (s) => s.create({ profile_uuid: PROFILE, brand_alias: "b", brand_type: "STANDARD" })),
    whole
  ),
  "brand.get": Effect.map(Effect.flatMap(Brands, (s) => s.get(BRAND)), under("brand")),
  "brand.delete": Effect.map(Effect.flatMap(Brands, (s) => s.delete(BRAND)), whole),
  "brand.list": Effect.map(Effect.flatMap(Brands, (s) => s.list()), (page) => ({
    decoded: { ...page, meta: undefined },
    raw: (body: Record<string, unknown>) => ({ ...body, meta: undefined })
  })),
  "brand.usecases": Effect.map(Effect.flatMap(Brands, (s) => s.usecases(BRAND)), whole),
  "campaign.create": Effect.map(Effect.flatMap(Campaigns, (s) => s.create(validCampaign)), (created) => ({
    decoded: created,
    // An answer carrying only the campaign names its id there.
    raw: (body: Record<string, unknown>) => {
      const campaign = body.campaign
      const nested = typeof campaign === "object" && campaign !== null && "campaign_id" in campaign ? campaign.campaign_id : undefined
      return { campaign_id: nested, ...body }
    }
  })),
  "campaign.get": Effect.map(Effect.flatMap(Campaigns, (s) => s.get(CAMPAIGN)), under("campaign")),
  "campaign.update": Effect.map(Effect.flatMap(Campaigns, (s) => s.update(CAMPAIGN, { sample3: "x" })), under("campaign")),
  "campaign.delete": Effect.map(Effect.flatMap(Campaigns, (s) => s.delete(CAMPAIGN)), whole),
  "campaign.list": Effect.map(Effect.flatMap(Campaigns, (s) => s.list()), (page) => ({
    decoded: { ...page, meta: undefined },
    raw: (body: Record<string, unknown>) => ({ ...body, meta: undefined })
  })),
  "campaign.import": Effect.map(
    Effect.flatMap(Campaigns, (s) => s.importCampaign({ campaign_id: CAMPAIGN, campaign_alias: "c" })),
    whole
  ),
  "campaign.numbers": Effect.map(Effect.flatMap(Campaigns, (s) => s.listNumbers(CAMPAIGN)), whole),
  "campaign.number": Effect.map(Effect.flatMap(Campaigns, (s) => s.getNumber(CAMPAIGN, NUMBER)), whole),
  "campaign.link": Effect.map(Effect.flatMap(Campaigns, (s) => s.linkNumbers(CAMPAIGN, { numbers: [NUMBER] })), whole),
  "campaign.unlink": Effect.map(Effect.flatMap(Campaigns, (s) => s.unlinkNumber(CAMPAIGN, NUMBER)), whole),
  "tollfree.create": Effect.map(Effect.flatMap(TollfreeVerifications, (s) => s.create(validTollfree)), whole),
  "tollfree.get": Effect.map(Effect.flatMap(TollfreeVerifications, (s) => s.get(TOLLFREE)), whole),
  "tollfree.update": Effect.map(Effect.flatMap(TollfreeVerifications, (s) => s.update(TOLLFREE, { extra_data: "x" })), whole),
  "tollfree.list": Effect.map(Effect.flatMap(TollfreeVerifications, (s) => s.list()), (page) => ({
    decoded: page.objects,
    raw: (body: Record<string, unknown>) => body.objects
  }))
}

// Every fixture INDEX.md lists for a compliance endpoint and does not mark hand-written,
// with the call that receives it. Error bodies ({api_id, error}) on a 2xx are errors.
const FIXTURES: ReadonlyArray<readonly [string, keyof typeof READINGS, "decodes" | "error"]> = [
  ["plivo-python/profileCreateResponse.json", "profile.create", "decodes"],
  ["plivo-python/profileGetResponse.json", "profile.get", "decodes"],
  ["plivo-python/profileListResponse.json", "profile.list", "decodes"],
  ["plivo-python/profileUpdateResponse.json", "profile.update", "decodes"],
  ["plivo-go/profileCreationResponse.json", "profile.create", "decodes"],
  ["plivo-go/profileDeleteResponse.json", "profile.delete", "error"],
  ["plivo-go/profileGetResponse.json", "profile.get", "decodes"],
  ["plivo-go/profileListResponse.json", "profile.list", "decodes"],
  ["plivo-go/profileUpdateResponse.json", "profile.update", "decodes"],
  ["plivo-java/profileCreateResponse.json", "profile.create", "decodes"],
  ["plivo-java/profileDeleteResponse.json", "profile.delete", "decodes"],
  ["plivo-java/profileGetResponse.json", "profile.get", "decodes"],
  ["plivo-java/profileListResponse.json", "profile.list", "decodes"],
  ["plivo-java/profileUpdateResponse.json", "profile.update", "decodes"],
  ["plivo-php/profileCreateResponse.json", "profile.create", "decodes"],
  ["plivo-php/profileDeleteResponse.json", "profile.delete", "decodes"],
  ["plivo-php/profileGetResponse.json", "profile.get", "decodes"],
  ["plivo-php/profileListResponse.json", "profile.list", "decodes"], // no meta: count/limit/offset at the top
  ["plivo-php/profileUpdateResponse.json", "profile.update", "decodes"], // address as one line of text
  ["plivo-python/brandCreateResponse.json", "brand.create", "decodes"],
  ["plivo-python/brandDeleteResponse.json", "brand.delete", "decodes"],
  ["plivo-python/brandGetResponse.json", "brand.get", "decodes"],
  ["plivo-python/brandGetUsecasesResponse.json", "brand.usecases", "decodes"],
  ["plivo-python/brandListResponse.json", "brand.list", "decodes"],
  ["plivo-go/brandCreationResponse.json", "brand.create", "decodes"],
  ["plivo-go/brandDeleteResponse.json", "brand.delete", "decodes"],
  ["plivo-go/brandGetResponse.json", "brand.get", "decodes"], // authorized_contact {}, blank address
  ["plivo-go/brandListResponse.json", "brand.list", "decodes"],
  ["plivo-go/brandUsecaseResponse.json", "brand.usecases", "decodes"],
  ["plivo-java/brandCreateResponse.json", "brand.create", "decodes"],
  ["plivo-java/brandDeleteResponse.json", "brand.delete", "decodes"], // no api_id
  ["plivo-java/brandGetResponse.json", "brand.get", "decodes"],
  ["plivo-java/brandListResponse.json", "brand.list", "decodes"],
  ["plivo-java/brandUsecaseGetResponse.json", "brand.usecases", "decodes"], // numeric brand_id
  ["plivo-php/brandCreationResponse.json", "brand.create", "decodes"],
  ["plivo-php/brandDeleteResponse.json", "brand.delete", "decodes"],
  ["plivo-php/brandGetResponse.json", "brand.get", "decodes"],
  ["plivo-php/brandGetUsecasesResponse.json", "brand.usecases", "decodes"],
  ["plivo-php/brandListResponse.json", "brand.list", "decodes"],
  ["plivo-python/campaignCreateResponse.json", "campaign.create", "decodes"],
  ["plivo-python/campaignDeleteResponse.json", "campaign.delete", "decodes"], // no api_id
  ["plivo-python/campaignGetNumberResponse.json", "campaign.number", "error"],
  ["plivo-python/campaignGetNumbersResponse.json", "campaign.numbers", "decodes"],
  ["plivo-python/campaignGetResponse.json", "campaign.get", "decodes"],
  ["plivo-python/campaignImportResponse.json", "campaign.import", "decodes"],
  ["plivo-python/campaignListResponse.json", "campaign.list", "decodes"],
  ["plivo-python/campaignNumberLinkResponse.json", "campaign.link", "error"],
  ["plivo-python/campaignNumberUnlinkResponse.json", "campaign.unlink", "error"],
  ["plivo-python/campaignUpdateResponse.json", "campaign.update", "decodes"],
  ["plivo-go/campaignCreationResponse.json", "campaign.create", "decodes"],
  ["plivo-go/campaignDeleteResponse.json", "campaign.delete", "decodes"],
  ["plivo-go/campaignGetResponse.json", "campaign.get", "decodes"],
  ["plivo-go/campaignImportResponse.json", "campaign.import", "decodes"],
  ["plivo-go/campaignListResponse.json", "campaign.list", "decodes"],
  ["plivo-go/campaignNumberGetResponse.json", "campaign.number", "decodes"],
  ["plivo-go/campaignNumberLinkUnlinkResponse.json", "campaign.link", "error"],
  ["plivo-go/campaignNumbersGetResponse.json", "campaign.numbers", "decodes"], // summary and pool limit
  ["plivo-go/campaignUpdateResponse.json", "campaign.update", "decodes"],
  ["plivo-java/campaignCreateResponse.json", "campaign.create", "decodes"],
  ["plivo-java/campaignDeleteResponse.json", "campaign.delete", "decodes"],
  ["plivo-java/campaignGetNumberResponse.json", "campaign.number", "error"],
  ["plivo-java/campaignGetNumbersResponse.json", "campaign.numbers", "decodes"],
  ["plivo-java/campaignGetResponse.json", "campaign.get", "decodes"],
  ["plivo-java/campaignImportResponse.json", "campaign.import", "decodes"],
  ["plivo-java/campaignListResponse.json", "campaign.list", "decodes"],
  ["plivo-java/campaignNumberLinkResponse.json", "campaign.link", "error"],
  ["plivo-java/campaignNumberUnlinkResponse.json", "campaign.unlink", "error"],
  ["plivo-java/campaignUpdateResponse.json", "campaign.update", "decodes"],
  ["plivo-php/campaignCreationResponse.json", "campaign.create", "decodes"],
  ["plivo-php/campaignDeleteResponse.json", "campaign.delete", "decodes"],
  ["plivo-php/campaignGetNumberResponse.json", "campaign.number", "decodes"],
  ["plivo-php/campaignGetResponse.json", "campaign.get", "decodes"],
  ["plivo-php/campaignImportResponse.json", "campaign.import", "decodes"],
  ["plivo-php/campaignListNumberResponse.json", "campaign.numbers", "decodes"],
  ["plivo-php/campaignListResponse.json", "campaign.list", "decodes"],
  ["plivo-php/campaignUpdateResponse.json", "campaign.update", "decodes"],
  ["plivo-python/tollfreeVerificationCreateResponse.json", "tollfree.create", "decodes"],
  ["plivo-python/tollfreeVerificationGetResponse.json", "tollfree.get", "decodes"],
  ["plivo-python/tollfreeVerificationListResponse.json", "tollfree.list", "decodes"], // meta.count
  ["plivo-python/tollfreeVerificationUpdateResponse.json", "tollfree.update", "decodes"],
  ["plivo-go/tollFreeRequestVerificationCreateResponse.json", "tollfree.create", "decodes"],
  ["plivo-go/tollFreeRequestVerificationGetResponse.json", "tollfree.get", "decodes"],
  ["plivo-go/tollFreeRequestVerificationListResponse.json", "tollfree.list", "decodes"],
  ["plivo-go/tollFreeRequestVerificationUpdateResponse.json", "tollfree.update", "decodes"],
  ["plivo-java/tollfreeVerificationCreateResponse.json", "tollfree.create", "decodes"],
  ["plivo-java/tollfreeVerificationListResponse.json", "tollfree.list", "decodes"], // created_at / updated_at
  ["plivo-java/tollfreeVerificationUpdateResponse.json", "tollfree.update", "decodes"],
  ["plivo-php/tollfreeVerificationCreateResponse.json", "tollfree.create", "decodes"],
  ["plivo-php/tollfreeVerificationListResponse.json", "tollfree.list", "decodes"],
  ["plivo-php/tollfreeVerificationUpdateResponse.json", "tollfree.update", "decodes"],
  ["plivo-php/tollfreeverificationGetResponse.json", "tollfree.get", "decodes"]
]

const isComplianceEndpoint = (path: string) => /^\/v1\/Account\/\{auth_id\}\/(Profile|10dlc|TollfreeVerification)\//.test(path)
const isHandWritten = (notes: string) => /HAND-WRITTEN|wrong/i.test(notes)

describe("fixtures", () => {
  it("INDEX.md lists every compliance fixture file", () => {
    const listed = new Set(indexRows().map((row) => row.file))
    const files = allFixtures().filter((name) => /profile|brand|campaign|tollfreeverification|tollfreerequest/i.test(name))
    expect(files.length).toBeGreaterThan(80)
    expect(files.filter((name) => !listed.has(name))).toEqual([])
  })

  it("covers every compliance fixture the INDEX does not mark hand-written or wrong", () => {
    const relevant = indexRows()
      .filter((row) => isComplianceEndpoint(row.path) && !isHandWritten(row.notes))
      .map((row) => row.file)
    expect([...relevant].sort()).toEqual(FIXTURES.map(([file]) => file).sort())
  })

  for (const [name, reading, outcome] of FIXTURES) {
    it.effect(`${reading}: ${name} ${outcome === "error" ? "fails with BadRequestError" : "decodes"}`, () =>
      Effect.gen(function*() {
        const body = fixture(name)
        if (outcome === "error") {
          const error = yield* Effect.flip(READINGS[reading] ?? Effect.die("no reading"))
          expect(error).toMatchObject({ _tag: "BadRequestError", status: 200, error: body.error, apiId: body.api_id })
          return
        }
        const { decoded, raw } = yield* READINGS[reading] ?? Effect.die("no reading")
        expectDecodedFrom(raw(body), decoded, name, reading.startsWith("tollfree"))
        expect(yield* requests).toHaveLength(1)
      }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, fixture(name))))))
  }

  describe("streams walk the list fixtures by key, each item once", () => {
    const walks: ReadonlyArray<{
      readonly name: string
      readonly key: string
      readonly id: string
      readonly ids: Stream.Stream<string, PlivoError, Compliance.Services>
    }> = [
      {
        name: "plivo-go/profileListResponse.json",
        key: "profiles",
        id: "profile_uuid",
        ids: Stream.unwrap(Effect.map(Profiles, (s) => s.stream())).pipe(Stream.map((p) => p.profile_uuid))
      },
      {
        name: "plivo-python/brandListResponse.json",
        key: "brands",
        id: "brand_id",
        ids: Stream.unwrap(Effect.map(Brands, (s) => s.stream())).pipe(Stream.map((b) => b.brand_id))
      },
      {
        name: "plivo-python/campaignListResponse.json",
        key: "campaigns",
        id: "campaign_id",
        ids: Stream.unwrap(Effect.map(Campaigns, (s) => s.stream())).pipe(Stream.map((c) => c.campaign_id))
      },
      {
        name: "plivo-php/tollfreeVerificationListResponse.json",
        key: "objects",
        id: "uuid",
        ids: Stream.unwrap(Effect.map(TollfreeVerifications, (s) => s.stream())).pipe(Stream.map((v) => v.uuid))
      }
    ]
    for (const { id, ids, key, name } of walks) {
      it.effect(name, () =>
        Effect.gen(function*() {
          const items = fixture(name)[key]
          const expected = Array.isArray(items)
            ? [...new Set(items.map((item: Record<string, unknown>) => item[id]))]
            : []
          expect(expected.length).toBeGreaterThan(0)
          expect(Chunk.toReadonlyArray(yield* Stream.runCollect(ids))).toEqual(expected)
          expect((yield* requests)[0]?.query).toMatchObject({ limit: "20", offset: "0" })
        }).pipe(Effect.provide(stubbed((request) =>
          request.query.offset === "0"
            ? StubHttpClient.json(200, fixture(name))
            : StubHttpClient.json(200, { api_id: "x", meta: { next: null }, [key]: [] })
        ))))
    }
  })
})
