/**
 * Every compliance service in one layer.
 *
 * @since 0.1.0
 */
import { PlivoClient } from "@plivo-effect/core/PlivoClient"
import type { PlivoConfig } from "@plivo-effect/core/PlivoConfig"
import type * as ConfigError from "effect/ConfigError"
import * as Layer from "effect/Layer"
import { Brands } from "./Brands.js"
import { Campaigns } from "./Campaigns.js"
import { Profiles } from "./Profiles.js"
import { TollfreeVerifications } from "./TollfreeVerifications.js"

/**
 * The services this layer provides.
 *
 * @since 0.1.0
 * @category models
 */
export type Services = Profiles | Brands | Campaigns | TollfreeVerifications

/**
 * `Profiles`, `Brands`, `Campaigns` and `TollfreeVerifications`, given a `PlivoClient`.
 * The program below is the whole 10DLC registration: a brand, awaited; a campaign,
 * awaited; a number linked, awaited. A rejection at any step fails with
 * `RegistrationRejectedError` and Plivo's reasons.
 *
 * @example
 * ```ts
 * import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
 * import { PlivoClient, PlivoConfig } from "@plivo-effect/core"
 * import { Brands, Campaigns, Compliance } from "@plivo-effect/compliance"
 * import * as Effect from "effect/Effect"
 * import * as Layer from "effect/Layer"
 * import * as Schedule from "effect/Schedule"
 *
 * const register = Effect.gen(function*() {
 *   const brands = yield* Brands
 *   const campaigns = yield* Campaigns
 *   const { brand_id } = yield* brands.create({
 *     profile_uuid: "201faedc-7df9-4840-9ab1-3997ce3f7cf4",
 *     brand_alias: "acme",
 *     brand_type: "STANDARD",
 *     url: "https://hooks.example.com/plivo/10dlc"
 *   })
 *   yield* brands.awaitRegistration(brand_id)
 *   const { campaign_id } = yield* campaigns.create({
 *     brand_id,
 *     campaign_alias: "acme-2fa",
 *     vertical: "TECHNOLOGY",
 *     usecase: "2FA",
 *     description: "One-time sign-in codes for users of the Acme app, on request only.",
 *     sample1: "Your Acme code is 123456. Reply STOP to opt out.",
 *     sample2: "Acme: 654321 is your code. Reply HELP for help.",
 *     message_flow: "Users enter their number at sign-up and tick a consent box.",
 *     help_message: "Acme: help at acme.example/help. Reply STOP to opt out.",
 *     optout_message: "Acme: you are unsubscribed and will get no more messages.",
 *     subscriber_optin: true,
 *     subscriber_optout: true,
 *     subscriber_help: true,
 *     direct_lending: false,
 *     embedded_link: false,
 *     embedded_phone: false,
 *     age_gated: false,
 *     affiliate_marketing: false,
 *     url: "https://hooks.example.com/plivo/10dlc"
 *   })
 *   // Carrier review takes days: read once an hour, for up to two weeks.
 *   yield* campaigns.awaitRegistration(campaign_id, {
 *     schedule: Schedule.spaced("1 hour").pipe(Schedule.upTo("14 days"))
 *   })
 *   yield* campaigns.linkNumbers(campaign_id, { numbers: ["14155550100"] })
 *   return yield* campaigns.awaitNumberLink(campaign_id, "14155550100")
 * })
 *
 * const Live = Compliance.layer.pipe(
 *   Layer.provide(PlivoClient.layer),
 *   Layer.provide(PlivoConfig.layer({ authId: "MAXXXXXXXXXXXXXXXXXX", authToken: "your-auth-token" })),
 *   Layer.provide(FetchHttpClient.layer)
 * )
 *
 * const program = register.pipe(
 *   Effect.catchTag("RegistrationRejectedError", (rejected) => Effect.logError(rejected.message)),
 *   Effect.provide(Live)
 * )
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Services, never, PlivoClient> = Layer.mergeAll(
  Profiles.layer,
  Brands.layer,
  Campaigns.layer,
  TollfreeVerifications.layer
)

/**
 * Every compliance service, with the `PlivoClient` and `PlivoConfig` under them, from the
 * environment: `PLIVO_AUTH_ID`, `PLIVO_AUTH_TOKEN` and the optional `PLIVO_BASE_URL`. It
 * sends with `PlivoHttpClient` unless `options.httpClient` gives another `HttpClient`
 * layer; the other options are those of `PlivoConfig.layerConfig`.
 *
 * @example
 * ```ts
 * import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
 * import { Compliance, TollfreeVerifications } from "@plivo-effect/compliance"
 * import * as Effect from "effect/Effect"
 *
 * Effect.gen(function*() {
 *   const verifications = yield* TollfreeVerifications
 *   const page = yield* verifications.list({ status: "UPDATE_REQUIRED" })
 *   yield* Effect.log(page.objects.map((v) => v.number))
 * }).pipe(Effect.provide(Compliance.layerConfig()), NodeRuntime.runMain)
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = <E = never, R = never>(
  options: PlivoConfig.LayerConfigOptions<E, R> = {}
): Layer.Layer<Services | PlivoClient | PlivoConfig, ConfigError.ConfigError | E, R> =>
  layer.pipe(Layer.provideMerge(PlivoClient.layerConfig(options)))
