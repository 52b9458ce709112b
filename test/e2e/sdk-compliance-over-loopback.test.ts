/**
 * Our compliance SDK against the emulator served on a real loopback socket: the whole
 * 10DLC registration written as a user's program (profile → brand → awaitRegistration →
 * campaign → awaitRegistration → link numbers → awaitNumberLink), toll-free verifications
 * approved, rejected and sent back for an update, and the status callback of every
 * transition received by a real `ComplianceWebhooks` server on 127.0.0.1.
 *
 * The program runs twice: under the `TestClock` (the socket emulator's decisions and the
 * awaits' default schedule both follow it, so days of polling take no time) and live, with
 * 50 ms decisions and a 20 ms polling schedule.
 */
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServer from "@effect/platform/HttpServer"
import { describe, expect, it } from "@effect/vitest"
import {
  type AwaitOptions,
  Brands,
  Campaigns,
  Compliance,
  type ComplianceCallback,
  ComplianceWebhooks,
  type CreateCampaignParams,
  Profiles,
  RegistrationRejectedError,
  TollfreeVerifications
} from "@plivo-effect/compliance"
import { PlivoClient, PlivoConfig, PlivoSignature } from "@plivo-effect/core"
import { PlivoEmulator } from "@plivo-effect/testing"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Schedule from "effect/Schedule"
import * as TestClock from "effect/TestClock"
import { createServer } from "node:http"
import { eventually, fastRetry } from "./support.js"

/** Where the status callbacks of one registration go (absent: none are asked for). */
interface Hooks {
  readonly brand: string
  readonly campaign: string
  readonly number: string
  readonly tollfree: string
}

/** What one registration is made of; the reserved inputs pick the emulator's decision. */
interface Registration {
  readonly brand_alias: string
  readonly description: string
  readonly number: string
}

const approved: Registration = {
  brand_alias: "acme",
  description: "One-time sign-in codes for users of the Acme app, sent on request only.",
  number: "14155550100"
}

const campaignParams = (brand_id: string, description: string): CreateCampaignParams => ({
  brand_id,
  campaign_alias: "acme-2fa",
  vertical: "TECHNOLOGY",
  usecase: "2FA",
  description,
  sample1: "Your Acme code is 123456. Reply STOP to opt out.",
  sample2: "Acme: 654321 is your code. Reply HELP for help.",
  message_flow: "Users enter their number at sign-up and tick a consent box.",
  help_message: "Acme: help at acme.example/help. Reply STOP to opt out.",
  optout_message: "Acme: you are unsubscribed and will get no more messages.",
  subscriber_optin: true,
  subscriber_optout: true,
  subscriber_help: true,
  direct_lending: false,
  embedded_link: false,
  embedded_phone: false,
  age_gated: false,
  affiliate_marketing: false
})

const createProfile = Effect.flatMap(Profiles, (profiles) =>
  profiles.create({
    profile_alias: "acme",
    customer_type: "DIRECT",
    entity_type: "PRIVATE",
    company_name: "Acme Inc.",
    ein: "111111111",
    vertical: "TECHNOLOGY",
    address: { street: "1 Main St", city: "Austin", state: "TX", postal_code: "78701", country: "US" },
    authorized_contact: { first_name: "Ada", last_name: "Lovelace", email: "ada@acme.example" }
  }))

/**
 * The user's program: profile → brand → await → campaign → await → link → await. A
 * rejection anywhere ends it with `RegistrationRejectedError`.
 */
const register = (input: Registration, options: AwaitOptions, hooks?: Hooks) =>
  Effect.gen(function*() {
    const brands = yield* Brands
    const campaigns = yield* Campaigns
    const { profile_uuid } = yield* createProfile
    const { brand_id } = yield* brands.create({
      profile_uuid,
      brand_alias: input.brand_alias,
      brand_type: "STANDARD",
      ...(hooks === undefined ? {} : { url: hooks.brand })
    })
    const brand = yield* brands.awaitRegistration(brand_id, options)
    const { campaign_id } = yield* campaigns.create({
      ...campaignParams(brand_id, input.description),
      ...(hooks === undefined ? {} : { url: hooks.campaign })
    })
    const campaign = yield* campaigns.awaitRegistration(campaign_id, options)
    yield* campaigns.linkNumbers(campaign_id, {
      numbers: [input.number],
      ...(hooks === undefined ? {} : { url: hooks.number })
    })
    const link = yield* campaigns.awaitNumberLink(campaign_id, input.number, options)
    return { profile_uuid, brand, campaign, link }
  })

/** A toll-free verification of `number`, decided by the reserved word in its summary. */
const verify = (profile_uuid: string, number: string, summary: string, hooks?: Hooks) =>
  Effect.flatMap(TollfreeVerifications, (verifications) =>
    verifications.create({
      profile_uuid,
      number,
      usecase: "2FA,ACCOUNT_NOTIFICATION",
      usecase_summary: summary,
      message_sample: "Your Acme code is 123456.",
      optin_image_url: "https://acme.example/optin.png",
      optin_type: "WEB_FORM",
      volume: "10,000",
      ...(hooks === undefined ? {} : { callback_url: hooks.tollfree })
    }))

const rejected = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.flatMap(Effect.flip(effect), (error) =>
    error instanceof RegistrationRejectedError
      ? Effect.succeed(error)
      : Effect.dieMessage(`expected RegistrationRejectedError, got ${String(error)}`))

/** The emulator on 127.0.0.1 and every compliance service aimed at it over a real client. */
const loopback = (options: PlivoEmulator.Options, timeout: Duration.DurationInput) =>
  Layer.unwrapEffect(Effect.map(PlivoEmulator, (handle) =>
    Compliance.layer.pipe(
      Layer.provideMerge(PlivoClient.layer),
      Layer.provide(NodeHttpClient.layer),
      Layer.provideMerge(
        PlivoConfig.layer({ authId: handle.authId, authToken: handle.authToken, baseUrl: handle.baseUrl, retry: fastRetry, timeout })
      )
    ))).pipe(Layer.provideMerge(PlivoEmulator.layerServer(options)), Layer.orDie)

/**
 * The four `ComplianceWebhooks` endpoints on a real server on 127.0.0.1 (a free port),
 * verifying with the emulator's Auth Token; `seen` is every callback accepted, in order.
 */
const webhookServer = () => Effect.gen(function*() {
  const emulator = yield* PlivoEmulator
  const serverContext = yield* Layer.build(NodeHttpServer.layer(createServer, { port: 0, host: "127.0.0.1" }))
  const server = Context.get(serverContext, HttpServer.HttpServer)
  if (server.address._tag !== "TcpAddress") return yield* Effect.dieMessage("webhook server: no TCP address")
  const base = `http://127.0.0.1:${server.address.port}`
  const context = yield* Layer.build(
    ComplianceWebhooks.layer({ publicBaseUrl: base }).pipe(
      Layer.provide(PlivoConfig.layer({ authId: emulator.authId, authToken: emulator.authToken })),
      Layer.orDie
    )
  )
  const seen: Array<ComplianceCallback> = []
  const record = (event: ComplianceCallback) => Effect.sync(() => void seen.push(event))
  const router = HttpRouter.empty.pipe(
    HttpRouter.post("/plivo/brand", ComplianceWebhooks.brandStatus(record)),
    HttpRouter.post("/plivo/campaign", ComplianceWebhooks.campaignStatus(record)),
    HttpRouter.post("/plivo/number", ComplianceWebhooks.numberStatus(record)),
    HttpRouter.post("/plivo/tollfree", ComplianceWebhooks.tollfreeStatus(record))
  )
  yield* server.serve(router).pipe(Effect.provide(context))
  const hooks: Hooks = {
    brand: `${base}/plivo/brand`,
    campaign: `${base}/plivo/campaign`,
    number: `${base}/plivo/number`,
    tollfree: `${base}/plivo/tollfree`
  }
  return { hooks, seen }
})

/** The accepted callbacks of one kind, in the order they arrived. */
const ofKind = <K extends ComplianceCallback["kind"]>(seen: ReadonlyArray<ComplianceCallback>, kind: K) =>
  seen.filter((event): event is Extract<ComplianceCallback, { readonly kind: K }> => event.kind === kind)

/** Waits until `count` callbacks were accepted, then checks every delivery was answered 200. */
const settled = (seen: ReadonlyArray<ComplianceCallback>, count: number) =>
  Effect.gen(function*() {
    yield* eventually(Effect.sync(() => seen.length), (n) => n >= count)
    const emulator = yield* PlivoEmulator
    const delivered = yield* eventually(emulator.complianceCallbacks, (all) => all.length >= count)
    expect(delivered.map((c) => c.outcome)).toEqual(Array(count).fill({ _tag: "Responded", status: 200 }))
    expect(seen).toHaveLength(count)
  })

/**
 * Runs `program` in a fiber, moving the TestClock `step` at a time until it ends
 * (bounded). The TestClock cannot see a request in flight on the socket, so it moves in
 * steps far shorter than the client's timeout rather than in one jump.
 */
const underTestClock = <A, E, R>(program: Effect.Effect<A, E, R>, step: Duration.DurationInput = "5 minutes") =>
  Effect.gen(function*() {
    const fiber = yield* Effect.fork(program)
    for (let steps = 0; steps < 10_000; steps++) {
      const exit = yield* Fiber.poll(fiber)
      if (Option.isSome(exit)) return yield* exit.value
      yield* TestClock.adjust(step)
    }
    yield* Fiber.interrupt(fiber)
    return yield* Effect.dieMessage("the program did not end within 10,000 steps of the TestClock")
  })

describe("the compliance journey under the TestClock (socket emulator, Plivo-like delays, default await schedule)", () => {
  // Review times of the order Plivo's take; the client's timeout is on the TestClock too,
  // long enough that no step ends a request.
  const underTest = loopback({
    compliance: { brandAfter: "30 minutes", campaignAfter: "6 hours", numberLinkAfter: "10 minutes", tollfreeAfter: "2 hours" }
  }, "1 day")

  it.scoped("approved: brand COMPLETED, campaign ACTIVE, number COMPLETED, each after simulated polls", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const startedAt = yield* Clock.currentTimeMillis
      const result = yield* underTestClock(register(approved, {}))
      expect(result.brand).toMatchObject({ brand_alias: "acme", brand_type: "STANDARD", registration_status: "COMPLETED" })
      expect(result.campaign).toMatchObject({ brand_id: result.brand.brand_id, registration_status: "ACTIVE", usecase: "2FA" })
      expect(result.link.phone_numbers).toEqual([{ number: "14155550100", status: "COMPLETED" }])
      // The decisions came after 30 minutes, 6 hours and 10 minutes of the TestClock, and
      // the awaits saw them only by reading again on defaultSchedule's pace.
      const elapsed = (yield* Clock.currentTimeMillis) - startedAt
      expect(elapsed).toBeGreaterThanOrEqual(Duration.toMillis(Duration.minutes(6 * 60 + 40)))
      const reads = (path: string) =>
        Effect.map(emulator.requests, (all) => all.filter((r) => r.method === "GET" && r.path.endsWith(path)).length)
      expect(yield* reads(`10dlc/Brand/${result.brand.brand_id}/`)).toBeGreaterThan(1)
      expect(yield* reads(`10dlc/Campaign/${result.campaign.campaign_id}/`)).toBeGreaterThan(1)
      expect(yield* reads(`10dlc/Campaign/${result.campaign.campaign_id}/Number/14155550100/`)).toBeGreaterThan(1)
      expect(yield* emulator.numberLinks).toEqual([
        { campaignId: result.campaign.campaign_id, number: "14155550100", status: "COMPLETED" }
      ])
    }).pipe(Effect.provide(underTest)))

  it.scoped("rejected brand, campaign and number link: RegistrationRejectedError with Plivo's reasons", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const brand = yield* rejected(underTestClock(register({ ...approved, brand_alias: "acme #FAILED:TCR_EIN_MISMATCH" }, {})))
      expect(brand).toMatchObject({
        resource: "Brand",
        status: "FAILED",
        declined_reasons: [{ code: "TCR_EIN_MISMATCH", message: "The brand information could not be verified by TCR." }]
      })
      const campaign = yield* rejected(underTestClock(register({ ...approved, description: `${approved.description} #FAILED:1002` }, {})))
      expect(campaign).toMatchObject({
        resource: "Campaign",
        status: "FAILED",
        error_code: "1002",
        error_reason: "The campaign's sample messages do not match its use case."
      })
      yield* emulator.seedNumbers([{ number: "14155559999" }])
      const link = yield* rejected(underTestClock(register({ ...approved, number: "14155559999" }, {})))
      expect(link).toMatchObject({ resource: "CampaignNumber", status: "FAILED" })
      expect(link.id).toMatch(/^C[A-Z0-9]{6}\/14155559999$/)
    }).pipe(Effect.provide(underTest)))

  it.scoped("toll-free: approved, rejected, and sent back, updated (sent back again), updated, then approved", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      yield* emulator.seedNumbers([{ number: "18885550101" }, { number: "18885550102" }])
      const verifications = yield* TollfreeVerifications
      const { profile_uuid } = yield* createProfile
      const ok = yield* verify(profile_uuid, "18005550100", "One-time sign-in codes.")
      expect(yield* underTestClock(verifications.awaitDecision(ok.uuid))).toMatchObject({ status: "APPROVED" })
      const no = yield* verify(profile_uuid, "18885550101", "Codes #REJECTED")
      expect(yield* rejected(underTestClock(verifications.awaitDecision(no.uuid)))).toMatchObject({
        resource: "TollfreeVerification",
        status: "REJECTED",
        error_message: "The use case does not meet the carriers' requirements."
      })
      const back = yield* verify(profile_uuid, "18885550102", "Codes #UPDATE_REQUIRED")
      expect(yield* rejected(underTestClock(verifications.awaitDecision(back.uuid)))).toMatchObject({
        status: "UPDATE_REQUIRED",
        error_message: "The opt-in information is incomplete: update the request."
      })
      // An update that does not fix it is sent back again: a rejection, not an endless review.
      yield* verifications.update(back.uuid, { usecase_summary: "Codes, still vague #UPDATE_REQUIRED" })
      expect(yield* rejected(underTestClock(verifications.awaitDecision(back.uuid, { afterUpdate: true })))).toMatchObject({
        status: "UPDATE_REQUIRED"
      })
      yield* verifications.update(back.uuid, { usecase_summary: "One-time sign-in codes; opt-in on the web form." })
      const decided = yield* underTestClock(verifications.awaitDecision(back.uuid, { afterUpdate: true }))
      expect(decided).toMatchObject({ status: "APPROVED", usecase_summary: "One-time sign-in codes; opt-in on the web form." })
    }).pipe(Effect.provide(underTest)))
})

describe("the compliance journey live over loopback (50 ms decisions), callbacks to a real ComplianceWebhooks server", () => {
  const fast = Duration.millis(50)
  const live = loopback(
    { compliance: { brandAfter: fast, campaignAfter: fast, numberLinkAfter: fast, tollfreeAfter: fast } },
    "10 seconds"
  )
  const quick: AwaitOptions = { schedule: Schedule.spaced("20 millis").pipe(Schedule.upTo("5 seconds")) }

  it.scopedLive("approved: every transition's callback arrives verified and typed, unlink included", () =>
    Effect.gen(function*() {
      const { hooks, seen } = yield* webhookServer()
      const result = yield* register(approved, quick, hooks)
      const { brand_id } = result.brand
      const { campaign_id } = result.campaign
      expect(result.link.phone_numbers).toEqual([{ number: "14155550100", status: "COMPLETED" }])
      yield* settled(seen, 5)
      yield* (yield* Campaigns).unlinkNumber(campaign_id, "14155550100", { url: hooks.number })
      yield* settled(seen, 6)
      // In order per record (the emulator does not order callbacks of different records).
      expect(ofKind(seen, "Brand")).toMatchObject([
        { brand_id, brand_alias: "acme", profile_uuid: result.profile_uuid, status: "created", registration_status: "PROCESSING" },
        { brand_id, status: "registered", registration_status: "COMPLETED" }
      ])
      expect(ofKind(seen, "Campaign")).toMatchObject([
        { campaign_id, brand_id, campaign_alias: "acme-2fa", status: "created", registration_status: "PROCESSING" },
        { campaign_id, status: "registered", registration_status: "ACTIVE" }
      ])
      expect(ofKind(seen, "CampaignNumber")).toMatchObject([
        { campaign_id, number: "14155550100", status: "linked", number_status: "COMPLETED" },
        { campaign_id, number: "14155550100", status: "unlinked", number_status: "UNLINKED" }
      ])
      // Nothing was left untyped: every parameter sent is also a typed field.
      for (const event of seen) expect(Object.keys(event.params).every((key) => key in event)).toBe(true)
    }).pipe(Effect.provide(live)))

  it.scopedLive("rejections end the program with Plivo's reasons, and their callbacks carry the same", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const { hooks, seen } = yield* webhookServer()
      const brand = yield* rejected(register({ ...approved, brand_alias: "acme #FAILED:TCR_EIN_MISMATCH" }, quick, hooks))
      expect(brand).toMatchObject({ resource: "Brand", status: "FAILED", declined_reasons: [{ code: "TCR_EIN_MISMATCH" }] })
      yield* settled(seen, 2)
      const brandRejected = ofKind(seen, "Brand").find((e) => e.brand_id === brand.id && e.status === "rejected")
      expect(brandRejected).toMatchObject({ registration_status: "FAILED" })
      // The reasons travel as JSON text: the same ones the await reported.
      expect(JSON.parse(brandRejected?.declined_reasons ?? "null")).toEqual(brand.declined_reasons)

      const campaign = yield* rejected(register({ ...approved, description: `${approved.description} #FAILED:1002` }, quick, hooks))
      expect(campaign).toMatchObject({ resource: "Campaign", status: "FAILED", error_code: "1002" })
      yield* settled(seen, 6)
      expect(ofKind(seen, "Campaign").find((e) => e.campaign_id === campaign.id && e.status === "rejected")).toMatchObject({
        campaign_id: campaign.id,
        registration_status: "FAILED",
        error_code: "1002",
        error_reason: campaign.error_reason
      })

      yield* emulator.seedNumbers([{ number: "14155559999" }])
      const link = yield* rejected(register({ ...approved, number: "14155559999" }, quick, hooks))
      expect(link).toMatchObject({ resource: "CampaignNumber", status: "FAILED" })
      yield* settled(seen, 11)
      const linkRejected = ofKind(seen, "CampaignNumber")
      expect(linkRejected).toMatchObject([{ number: "14155559999", status: "rejected", number_status: "FAILED" }])
      expect(link.id).toBe(`${linkRejected[0]?.campaign_id}/14155559999`)
    }).pipe(Effect.provide(live)))

  it.scopedLive("toll-free approved, rejected, and UPDATE_REQUIRED → update → APPROVED, each decision called back", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      yield* emulator.seedNumbers([{ number: "18885550101" }, { number: "18885550102" }])
      const { hooks, seen } = yield* webhookServer()
      const verifications = yield* TollfreeVerifications
      const { profile_uuid } = yield* createProfile
      const ok = yield* verify(profile_uuid, "18005550100", "One-time sign-in codes.", hooks)
      expect(yield* verifications.awaitDecision(ok.uuid, quick)).toMatchObject({ status: "APPROVED" })
      const no = yield* verify(profile_uuid, "18885550101", "Codes #REJECTED", hooks)
      const refusal = yield* rejected(verifications.awaitDecision(no.uuid, quick))
      expect(refusal).toMatchObject({ resource: "TollfreeVerification", id: no.uuid, status: "REJECTED" })
      const back = yield* verify(profile_uuid, "18885550102", "Codes #UPDATE_REQUIRED", hooks)
      const sentBack = yield* rejected(verifications.awaitDecision(back.uuid, quick))
      expect(sentBack).toMatchObject({ status: "UPDATE_REQUIRED" })
      yield* verifications.update(back.uuid, { usecase_summary: "One-time sign-in codes; opt-in on the web form." })
      expect(yield* verifications.awaitDecision(back.uuid, { ...quick, afterUpdate: true })).toMatchObject({ status: "APPROVED" })
      yield* settled(seen, 4)
      const of = (uuid: string) => ofKind(seen, "TollfreeVerification").filter((e) => e.uuid === uuid)
      expect(of(ok.uuid)).toMatchObject([{ number: "18005550100", status: "APPROVED" }])
      expect(of(no.uuid)).toMatchObject([{ number: "18885550101", status: "REJECTED", error_message: refusal.error_message }])
      expect(of(back.uuid)).toMatchObject([
        { number: "18885550102", status: "UPDATE_REQUIRED", error_message: sentBack.error_message },
        { status: "APPROVED" }
      ])
      // An approval carries an empty error_message: read as absent.
      expect(of(ok.uuid)[0]).not.toHaveProperty("error_message")
    }).pipe(Effect.provide(live)))

  it.scopedLive("a campaign FAILED, updated, re-vetted ACTIVE: the await and each callback follow it", () =>
    Effect.gen(function*() {
      const { hooks, seen } = yield* webhookServer()
      const brands = yield* Brands
      const campaigns = yield* Campaigns
      const { profile_uuid } = yield* createProfile
      const { brand_id } = yield* brands.create({ profile_uuid, brand_alias: "acme", brand_type: "STANDARD" })
      yield* brands.awaitRegistration(brand_id, quick)
      const { campaign_id } = yield* campaigns.create({
        ...campaignParams(brand_id, `${approved.description} #FAILED`),
        url: hooks.campaign
      })
      expect(yield* rejected(campaigns.awaitRegistration(campaign_id, quick))).toMatchObject({ error_code: "1001" })
      yield* campaigns.update(campaign_id, { description: approved.description })
      expect(yield* campaigns.awaitRegistration(campaign_id, quick)).toMatchObject({ registration_status: "ACTIVE" })
      yield* settled(seen, 4)
      expect(seen.map((e) => e.kind === "Campaign" ? `${e.status} ${e.registration_status}` : e.kind)).toEqual([
        "created PROCESSING",
        "rejected FAILED",
        "created PROCESSING",
        "registered ACTIVE"
      ])
    }).pipe(Effect.provide(live)))

  it.scopedLive("a forged callback is refused with 403 and reaches no handler", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const { hooks, seen } = yield* webhookServer()
      const params = { brand_id: "BFORGED", status: "registered", registration_status: "COMPLETED" }
      const post = (authToken: string) =>
        Effect.promise(() =>
          fetch(hooks.brand, {
            method: "POST",
            headers: {
              "content-type": "application/x-www-form-urlencoded",
              "x-plivo-signature-v3": PlivoSignature.computeV3({ method: "POST", url: hooks.brand, params, nonce: "1234", authToken }),
              "x-plivo-signature-v3-nonce": "1234"
            },
            body: new URLSearchParams(params).toString()
          }).then((response) => response.status)
        )
      expect(yield* post(`${emulator.authToken}x`)).toBe(403)
      expect(seen).toEqual([])
      // The same request signed with the account's token is accepted: the 403 was the signature.
      expect(yield* post(emulator.authToken)).toBe(200)
      expect(seen).toMatchObject([{ kind: "Brand", brand_id: "BFORGED" }])
    }).pipe(Effect.provide(live)))
})
