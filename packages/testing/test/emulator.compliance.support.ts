/**
 * Helpers for the compliance emulator tests: valid request bodies written from
 * compliance.md, calls that expect success, and an `HttpClient` that receives the
 * status callbacks in memory (so they arrive under the TestClock).
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/TestClock"
import { PlivoEmulator } from "../src/PlivoEmulator.js"
import { call, decode, ErrorBody } from "./emulator.support.js"

export const profileBody = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  profile_alias: "acme",
  customer_type: "DIRECT",
  entity_type: "PRIVATE",
  company_name: "Acme Inc.",
  vertical: "TECHNOLOGY",
  ein: "111111111",
  ein_issuing_country: "US",
  address: { street: "1 Main St", city: "Austin", state: "TX", postal_code: "73301", country: "US" },
  authorized_contact: { first_name: "Jo", last_name: "Doe", email: "jo@acme.example", phone: "15125550100", title: "CEO", seniority: "CEO" },
  ...overrides
})

export const campaignBody = (brandId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  brand_id: brandId,
  campaign_alias: "reminders",
  vertical: "TECHNOLOGY",
  usecase: "MIXED",
  sub_usecases: ["2FA", "ACCOUNT_NOTIFICATION"],
  description: "Appointment reminders and account notices sent to our customers.",
  sample1: "Your appointment is tomorrow at 10am.",
  sample2: "Your password was changed just now.",
  subscriber_optin: true,
  subscriber_optout: true,
  subscriber_help: true,
  direct_lending: false,
  embedded_link: false,
  embedded_phone: false,
  age_gated: false,
  affiliate_marketing: false,
  message_flow: "Customers opt in on the web signup form.",
  help_message: "Reply STOP to opt out.",
  optout_message: "You are unsubscribed.",
  ...overrides
})

export const tollfreeBody = (profileUuid: string, overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  profile_uuid: profileUuid,
  number: "18005550100",
  usecase: "2FA, CUSTOMER_CARE",
  usecase_summary: "Sign-in codes for our customers.",
  message_sample: "Your code is 123456.",
  optin_image_url: "https://acme.example/optin.png",
  optin_type: "WEB_FORM",
  volume: "10,000",
  ...overrides
})

/** A call that must answer `status`; returns the body. */
export const expectStatus = (status: number, method: "GET" | "POST" | "DELETE", path: string, json?: unknown) =>
  Effect.flatMap(call(method, path, json === undefined ? {} : { json }), (r) =>
    r.status === status ? Effect.succeed(r.body) : Effect.dieMessage(`${method} ${path}: expected ${status}, got ${r.status}: ${r.text}`))

/** The `error` of a call that must answer `status`. */
export const errorOf = (status: number, method: "GET" | "POST" | "DELETE", path: string, json?: unknown) =>
  Effect.flatMap(expectStatus(status, method, path, json), decode(ErrorBody)).pipe(Effect.map((e) => e.error))

const Created = (key: string) => Schema.Struct({ api_id: Schema.String, message: Schema.String, [key]: Schema.String })

export const createProfile = (overrides: Record<string, unknown> = {}) =>
  Effect.flatMap(expectStatus(200, "POST", "Profile/", profileBody(overrides)), decode(Created("profile_uuid"))).pipe(
    Effect.map((r) => String(r["profile_uuid"]))
  )

export const createBrand = (profileUuid: string, overrides: Record<string, unknown> = {}) =>
  Effect.flatMap(
    expectStatus(200, "POST", "10dlc/Brand/", { profile_uuid: profileUuid, brand_alias: "Acme", brand_type: "STANDARD", ...overrides }),
    decode(Created("brand_id"))
  ).pipe(Effect.map((r) => String(r["brand_id"])))

export const createCampaign = (brandId: string, overrides: Record<string, unknown> = {}) =>
  Effect.flatMap(expectStatus(200, "POST", "10dlc/Campaign/", campaignBody(brandId, overrides)), decode(Created("campaign_id"))).pipe(
    Effect.map((r) => String(r["campaign_id"]))
  )

export const createTollfree = (profileUuid: string, overrides: Record<string, unknown> = {}) =>
  Effect.flatMap(expectStatus(201, "POST", "TollfreeVerification/", tollfreeBody(profileUuid, overrides)), decode(Created("uuid"))).pipe(
    Effect.map((r) => String(r["uuid"]))
  )

/** A field of a JSON object body. */
export const field = (body: unknown, ...path: ReadonlyArray<string>): unknown => {
  let at: unknown = body
  for (const key of path) at = typeof at === "object" && at !== null ? Reflect.get(at, key) : undefined
  return at
}

/** A COMPLETED STANDARD brand and an ACTIVE campaign, through the API under the TestClock. */
export const activeCampaign = (campaignOverrides: Record<string, unknown> = {}) =>
  Effect.gen(function*() {
    const profile = yield* createProfile()
    const brand = yield* createBrand(profile)
    yield* TestClock.adjust("1 second")
    const campaign = yield* createCampaign(brand, campaignOverrides)
    yield* TestClock.adjust("1 second")
    return { profile, brand, campaign }
  })

/** A callback as the in-memory receiver got it. */
export interface Received {
  readonly url: string
  readonly method: string
  readonly headers: Readonly<Record<string, string>>
  readonly params: ReadonlyArray<readonly [string, string]>
}

/** An `HttpClient` for the emulator's callbacks that answers 200 at once and keeps what it got. */
export const receiver = () => {
  const received: Array<Received> = []
  const client = HttpClient.make((request) =>
    Effect.sync(() => {
      const body = request.body._tag === "Uint8Array" ? new TextDecoder().decode(request.body.body) : ""
      const url = new URL(request.url)
      const params = request.method === "GET" ? [...url.searchParams] : [...new URLSearchParams(body)]
      received.push({ url: request.url, method: request.method, headers: request.headers, params })
      return HttpClientResponse.fromWeb(request, new Response("ok", { status: 200 }))
    })
  )
  return { received, layer: Layer.succeed(HttpClient.HttpClient, client) }
}

/** An emulator whose callbacks land in `receiver`. */
export const emulatorWith = (options: PlivoEmulator.Options = {}) => {
  const r = receiver()
  return { received: r.received, layer: PlivoEmulator.layer(options).pipe(Layer.provide(r.layer)) }
}

/** Lets background fibers (callbacks after a decision) run; bounded. */
export const settle = (done: () => boolean) =>
  Effect.gen(function*() {
    for (let i = 0; i < 200 && !done(); i++) yield* Effect.yieldNow()
  })
