import { describe, expect, it } from "@effect/vitest"
import { StubHttpClient, TestTracer } from "@plivo-effect/testing"
import * as Effect from "effect/Effect"
import * as Schedule from "effect/Schedule"
import * as Stream from "effect/Stream"
import { Brands, Campaigns, type Compliance, Profiles, TollfreeVerifications } from "../src/index.js"
import { stubbed, validCampaign, validProfile, validTollfree } from "./complianceSupport.js"

const hostile = "x".repeat(1_000_000) + "\r\n\u202e<script>"
const once = { schedule: Schedule.stop }

/** Every id-taking call, each answered 404 (the span is what is looked at). */
const calls = (id: string): ReadonlyArray<readonly [string, string, Effect.Effect<unknown, unknown, Compliance.Services>]> => [
  ["Profiles.get", "plivo.profile_uuid", Effect.flatMap(Profiles, (s) => s.get(id))],
  ["Profiles.update", "plivo.profile_uuid", Effect.flatMap(Profiles, (s) => s.update(id, { website: "w" }))],
  ["Profiles.delete", "plivo.profile_uuid", Effect.flatMap(Profiles, (s) => s.delete(id))],
  ["Brands.get", "plivo.brand_id", Effect.flatMap(Brands, (s) => s.get(id))],
  ["Brands.delete", "plivo.brand_id", Effect.flatMap(Brands, (s) => s.delete(id))],
  ["Brands.usecases", "plivo.brand_id", Effect.flatMap(Brands, (s) => s.usecases(id))],
  ["Brands.resendOtp", "plivo.brand_id", Effect.flatMap(Brands, (s) => s.resendOtp(id))],
  ["Brands.awaitRegistration", "plivo.brand_id", Effect.flatMap(Brands, (s) => s.awaitRegistration(id, once))],
  ["Campaigns.get", "plivo.campaign_id", Effect.flatMap(Campaigns, (s) => s.get(id))],
  ["Campaigns.update", "plivo.campaign_id", Effect.flatMap(Campaigns, (s) => s.update(id, { sample3: "x" }))],
  ["Campaigns.delete", "plivo.campaign_id", Effect.flatMap(Campaigns, (s) => s.delete(id))],
  ["Campaigns.linkNumbers", "plivo.campaign_id", Effect.flatMap(Campaigns, (s) => s.linkNumbers(id, { numbers: ["14155550100"] }))],
  ["Campaigns.listNumbers", "plivo.campaign_id", Effect.flatMap(Campaigns, (s) => s.listNumbers(id))],
  ["Campaigns.getNumber", "plivo.campaign_id", Effect.flatMap(Campaigns, (s) => s.getNumber(id, "14155550100"))],
  ["Campaigns.unlinkNumber", "plivo.campaign_id", Effect.flatMap(Campaigns, (s) => s.unlinkNumber(id, "14155550100"))],
  ["Campaigns.awaitRegistration", "plivo.campaign_id", Effect.flatMap(Campaigns, (s) => s.awaitRegistration(id, once))],
  ["Campaigns.awaitNumberLink", "plivo.campaign_id", Effect.flatMap(Campaigns, (s) => s.awaitNumberLink(id, "14155550100", once))],
  ["TollfreeVerifications.get", "plivo.verification_uuid", Effect.flatMap(TollfreeVerifications, (s) => s.get(id))],
  ["TollfreeVerifications.update", "plivo.verification_uuid", Effect.flatMap(TollfreeVerifications, (s) => s.update(id, { extra_data: "x" }))],
  ["TollfreeVerifications.delete", "plivo.verification_uuid", Effect.flatMap(TollfreeVerifications, (s) => s.delete(id))],
  ["TollfreeVerifications.awaitDecision", "plivo.verification_uuid", Effect.flatMap(TollfreeVerifications, (s) => s.awaitDecision(id, once))]
]

const recorded = (id: string) =>
  Effect.gen(function*() {
    const { spans } = yield* TestTracer.withRecording(Effect.all(calls(id).map(([, , call]) => Effect.either(call))))
    return calls(id).map(([name, attribute]) => {
      const span = spans.find((s) => s.name === name)
      return [name, span?.attributes.get(attribute), span?.attributes.get("plivo.resource")] as const
    })
  }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(404, { api_id: "a", error: "not found" }))))

describe("compliance spans", () => {
  it.effect("every id-taking call is a span named after it, with the id and the resource", () =>
    Effect.gen(function*() {
      const seen = yield* recorded("B1C2D3")
      expect(seen.map(([name, id]) => [name, id])).toEqual(calls("B1C2D3").map(([name]) => [name, "B1C2D3"]))
      for (const [name, , resource] of seen) expect(resource, name).toBe(name.startsWith("Profiles") ? "Profile" : name.startsWith("Brands") ? "Brand" : name.startsWith("Campaigns") ? "Campaign" : "TollfreeVerification")
    }))

  it.effect("a huge id with CR/LF and a bidi override is recorded quoted, escaped and bounded", () =>
    Effect.gen(function*() {
      for (const [name, value] of yield* recorded(hostile)) {
        expect(typeof value === "string" && value.length, name).toBeLessThanOrEqual(70)
        expect(value, name).toMatch(/^"x+/)
        expect(value, name).not.toMatch(/[\r\n\u202e]/)
      }
    }))

  it.effect("creates record the new id; lists, streams and imports are spans too", () =>
    Effect.gen(function*() {
      const { spans } = yield* TestTracer.withRecording(Effect.all([
        Effect.flatMap(Brands, (s) => s.create({ profile_uuid: "p", brand_alias: "b", brand_type: "STANDARD" })),
        Effect.flatMap(Campaigns, (s) => s.importCampaign({ campaign_id: "CNEW1", campaign_alias: "c" })),
        Effect.either(Effect.flatMap(Profiles, (s) => s.list())),
        Effect.either(Effect.flatMap(Brands, (s) => s.list())),
        Effect.either(Effect.flatMap(Campaigns, (s) => s.list())),
        Effect.either(Effect.flatMap(TollfreeVerifications, (s) => s.list())),
        Effect.either(Stream.runDrain(Stream.unwrap(Effect.map(Profiles, (s) => s.stream())))),
        Effect.either(Stream.runDrain(Stream.unwrap(Effect.map(Brands, (s) => s.stream())))),
        Effect.either(Stream.runDrain(Stream.unwrap(Effect.map(Campaigns, (s) => s.stream())))),
        Effect.either(Stream.runDrain(Stream.unwrap(Effect.map(TollfreeVerifications, (s) => s.stream()))))
      ]))
      const names = spans.map((span) => span.name)
      expect(names).toEqual(expect.arrayContaining([
        "Brands.create",
        "Campaigns.importCampaign",
        "Profiles.list",
        "Brands.list",
        "Campaigns.list",
        "TollfreeVerifications.list",
        "Profiles.stream",
        "Brands.stream",
        "Campaigns.stream",
        "TollfreeVerifications.stream"
      ]))
      expect(spans.find((s) => s.name === "Brands.create")?.attributes.get("plivo.brand_id")).toBe("NEWBRND")
      expect(spans.find((s) => s.name === "Campaigns.importCampaign")?.attributes.get("plivo.campaign_id")).toBe("CNEW1")
    }).pipe(Effect.provide(stubbed((request) =>
      request.method === "POST"
        ? StubHttpClient.json(200, { api_id: "a", brand_id: "NEWBRND", campaign_id: "CNEW1" })
        : StubHttpClient.json(200, { api_id: "a", meta: { next: null }, profiles: [], brands: [], campaigns: [], objects: [] })
    ))))

  it.effect("each poll of an await is a traced get", () =>
    Effect.gen(function*() {
      const { spans } = yield* TestTracer.withRecording(
        Effect.either(Effect.flatMap(Brands, (s) => s.awaitRegistration("B1", { schedule: Schedule.recurs(2) })))
      )
      expect(spans.filter((s) => s.name === "Brands.get")).toHaveLength(3)
      expect(spans.filter((s) => s.name === "Brands.awaitRegistration")).toHaveLength(1)
    }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(200, { api_id: "a", brand: { brand_id: "B1", registration_status: "PROCESSING" } })))))
})

describe("compliance spans under the native tracer (no tracer installed)", () => {
  const CREATES = new Set(["Profile/", "10dlc/Brand/", "10dlc/Campaign/", "10dlc/Campaign/Import/", "TollfreeVerification/"])

  it.effect("every call leaves the caller's span without the operation's attributes", () =>
    Effect.gen(function*() {
      const [created, failed, caller] = yield* Effect.all([
        // Creates record the new id only once Plivo answers it.
        Effect.all([
          Effect.flatMap(Profiles, (s) => s.create(validProfile)),
          Effect.flatMap(Brands, (s) => s.create({ profile_uuid: "p", brand_alias: "b", brand_type: "STANDARD" })),
          Effect.flatMap(Campaigns, (s) => s.create(validCampaign)),
          Effect.flatMap(Campaigns, (s) => s.importCampaign({ campaign_id: "CNEW1", campaign_alias: "c" })),
          Effect.flatMap(TollfreeVerifications, (s) => s.create(validTollfree))
        ]),
        // The id-taking calls record their id before the request, which the stub answers 404.
        Effect.all(calls("B1C2D3").map(([, , call]) => Effect.flip(call))),
        Effect.currentSpan
      ]).pipe(Effect.withSpan("caller"))
      expect(created).toHaveLength(5)
      expect(failed.map((error) => error instanceof Error && error.name)).toEqual(calls("B1C2D3").map(() => "NotFoundError"))
      expect(caller.name).toBe("caller")
      expect([...caller.attributes.keys()]).toEqual([])
    }).pipe(Effect.provide(stubbed((request) =>
      request.method === "POST" && CREATES.has(request.resource)
        ? StubHttpClient.json(200, { api_id: "a", profile_uuid: "PNEW1", brand_id: "BNEW1", campaign_id: "CNEW1", uuid: "TNEW1" })
        : StubHttpClient.json(404, { api_id: "a", error: "not found" })
    ))))
})
