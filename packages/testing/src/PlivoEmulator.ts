/**
 * An in-memory Plivo Messaging API for tests and demos. It speaks the wire format on
 * its own (its machinery uses nothing from `@plivo-effect/core`; only `layerClient`
 * wires the SDK's client to it), so it is an independent check of the SDK's encoders
 * and decoders.
 *
 * @since 0.1.0
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpApp from "@effect/platform/HttpApp"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as HttpServer from "@effect/platform/HttpServer"
import type * as HttpServerError from "@effect/platform/HttpServerError"
import { PlivoClient } from "@plivo-effect/core/PlivoClient"
import { PlivoConfig } from "@plivo-effect/core/PlivoConfig"
import type * as Cause from "effect/Cause"
import * as Context from "effect/Context"
import type * as DateTime from "effect/DateTime"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Option from "effect/Option"
import { createServer } from "node:http"
import { makeEmulator } from "./internal/emulator/emulator.js"
import * as TestNumbers from "./internal/emulator/message/testNumbers.js"
import { inProcessFetch } from "./internal/emulator/transport.js"

// Reserved `.invalid` host: a real request sent there by mistake fails fast.
const IN_PROCESS_BASE_URL = "http://plivo-emulator.invalid/v1/"

/**
 * The handle of a running emulator.
 *
 * - `PlivoEmulator.layer(options?)` runs it in process and also provides an
 *   `HttpClient.HttpClient` that reaches it with no socket.
 * - `PlivoEmulator.layerServer(options?)` serves it on `127.0.0.1` (a free port unless
 *   `port` is given); `baseUrl` is then `http://127.0.0.1:PORT/v1/`.
 *
 * Status callbacks are sent with the `HttpClient` found in the environment of the
 * layer, or with the global `fetch` when there is none.
 *
 * @example
 * ```ts
 * import { PlivoEmulator } from "@plivo-effect/testing"
 * import * as HttpClient from "@effect/platform/HttpClient"
 * import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
 * import * as Effect from "effect/Effect"
 *
 * const program = Effect.gen(function*() {
 *   const emulator = yield* PlivoEmulator
 *   const client = yield* HttpClient.HttpClient
 *   const response = yield* client.execute(
 *     HttpClientRequest.post(`${emulator.baseUrl}Account/${emulator.authId}/Message/`).pipe(
 *       HttpClientRequest.basicAuth(emulator.authId, emulator.authToken),
 *       HttpClientRequest.bodyUnsafeJson({ src: "14155550100", dst: "14155550123", text: "hi" })
 *     )
 *   )
 *   const sent = yield* emulator.sentMessages
 * }).pipe(Effect.provide(PlivoEmulator.layer()))
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class PlivoEmulator extends Context.Tag("@plivo-effect/testing/PlivoEmulator")<
  PlivoEmulator,
  PlivoEmulator.Service
>() {
  /**
   * An in-process emulator plus an `HttpClient` wired to it (`FetchHttpClient` over the
   * app's web handler). The app runs with the layer's services, so under `it.effect`
   * the lifecycle follows the `TestClock`.
   *
   * @since 0.1.0
   */
  static readonly layer = (
    options: PlivoEmulator.Options = {}
  ): Layer.Layer<PlivoEmulator | HttpClient.HttpClient> =>
    Layer.scopedContext(Effect.gen(function*() {
      const emulator = yield* makeEmulator(options)
      const runtime = yield* Effect.runtime<never>()
      const fetch = inProcessFetch(HttpApp.toWebHandlerRuntime(runtime)(emulator.app))
      const client = yield* Layer.build(
        Layer.provide(FetchHttpClient.layer, Layer.succeed(FetchHttpClient.Fetch, fetch))
      )
      return Context.add(client, PlivoEmulator, emulator.handle(IN_PROCESS_BASE_URL))
    }))

  /**
   * `baseUrl` of an in-process emulator. Its `HttpClient` answers every URL whatever the
   * host, so an SDK left on `https://api.plivo.com/v1/` reaches the emulator too.
   *
   * @since 0.1.0
   */
  static readonly inProcessBaseUrl: string = IN_PROCESS_BASE_URL

  /**
   * A `PlivoClient` (and its `PlivoConfig`) wired to an in-process emulator with the
   * emulator's credentials, plus the emulator's handle: the shortest way to test code
   * that uses the SDK. The client's rate budgets follow the emulator's `rateLimits`: off
   * when they are off (the default), the same numbers when they are on.
   *
   * @since 0.1.0
   * @example
   * ```ts
   * import { layer } from "@effect/vitest"
   * import { Messaging } from "@plivo-effect/messaging"
   * import { PlivoEmulator } from "@plivo-effect/testing"
   * import * as Layer from "effect/Layer"
   *
   * layer(Messaging.layer.pipe(Layer.provideMerge(PlivoEmulator.layerClient())))("my service", (it) => {
   *   // it.effect(...) tests that yield* Messages and PlivoEmulator
   * })
   * ```
   */
  static readonly layerClient = (
    options: PlivoEmulator.Options = {}
  ): Layer.Layer<PlivoClient | PlivoConfig | PlivoEmulator | HttpClient.HttpClient> =>
    Layer.unwrapEffect(
      Effect.map(PlivoEmulator, (emulator) =>
        PlivoClient.layer.pipe(
          Layer.provideMerge(
            PlivoConfig.layer({
              authId: emulator.authId,
              authToken: emulator.authToken,
              baseUrl: emulator.baseUrl,
              budget: budgetFor(options.rateLimits)
            })
          ),
          // The emulator generates valid credentials and an http base URL: this cannot fail.
          Layer.orDie
        ))
    ).pipe(Layer.provideMerge(PlivoEmulator.layer(options)))

  /**
   * The emulator served over HTTP on `127.0.0.1` (`options.port`, default a free port).
   * A `Disconnect` fault destroys the request's socket.
   *
   * @since 0.1.0
   */
  static readonly layerServer = (
    options: PlivoEmulator.Options = {}
  ): Layer.Layer<PlivoEmulator, HttpServerError.ServeError> =>
    Layer.scoped(
      PlivoEmulator,
      Effect.gen(function*() {
        const emulator = yield* makeEmulator(options)
        const server = yield* HttpServer.HttpServer
        yield* server.serve(emulator.app)
        const port = server.address._tag === "TcpAddress" ? server.address.port : 0
        return emulator.handle(`http://127.0.0.1:${port}/v1/`)
      })
    ).pipe(Layer.provide(Layer.unwrapEffect(
      // `@effect/platform-node` is an optional peer: only this layer loads it.
      Effect.promise(() => import("@effect/platform-node/NodeHttpServer")).pipe(
        Effect.map((NodeHttpServer) =>
          NodeHttpServer.layer(createServer, { port: options.port ?? 0, host: "127.0.0.1" })
        )
      )
    )))
}

/** The SDK budgets that match the emulator's `rateLimits`. */
const budgetFor = (limits: PlivoEmulator.Options["rateLimits"]): NonNullable<PlivoConfig.Options["budget"]> => {
  if (limits === undefined || limits === false) return false
  if (limits === true) return {}
  return {
    ...(limits.account === undefined ? {} : { account: limits.account }),
    ...(limits.messageList === undefined ? {} : { messageList: limits.messageList }),
    ...(limits.inFlight === undefined ? {} : { inFlight: limits.inFlight })
  }
}

/**
 * A reserved destination whose message ends as asked (see the README table):
 * `testNumber("undelivered", "30")` is `"15553003000"`.
 *
 * @example
 * ```ts
 * import { testNumber } from "@plivo-effect/testing"
 *
 * const spam = testNumber("undelivered", "30") // "15553003000": sent, then undelivered with error 30
 * const stuck = testNumber("queued") // "15555000000": never leaves queued
 * ```
 *
 * @since 0.1.0
 * @category utils
 */
export const testNumber: (
  outcome: "delivered" | "sent" | "queued" | "undelivered" | "failed",
  errorCode?: string
) => string = TestNumbers.testNumber

/**
 * @since 0.1.0
 * @category models
 */
export declare namespace PlivoEmulator {
  /**
   * The handle:
   *
   * - `authId`, `authToken`: the one account's credentials (plain strings: a test tool).
   * - `baseUrl`: ends in `/v1/`; append `Account/{authId}/...`.
   * - `seedMessage(input?)`, `seedMessages({ count, start?, end?, to?, ... })`: add
   *   history (seeded messages do not move on their own); the latter returns the uuids,
   *   oldest first.
   * - `message(uuid)`, `sentMessages` (created by `POST Message/`, in order).
   * - `advance(uuid, state, { errorCode? })`: set a state now, firing its callback.
   * - `callbacks`, `requests`: what the emulator sent and answered (`requests` keeps the
   *   last `requestLogSize`, default 1,000, each with its `seq` since start; `callbacks`
   *   the last `callbackLogSize`, default 1,000).
   * - `fault(fault, { method?, path?, times? })`, `randomFaults(config | undefined)`,
   *   `clearFaults`; `rateLimits(enabled)`.
   * - `uploadMedia(files)`, `media`.
   * - `seedNumbers`, `seedAvailableNumbers`, `accountNumbers`, `availableNumbers`: the
   *   account's phone numbers and those offered to rent.
   * - `seedShortcode`, `powerpacks`: short codes of a Powerpack's pool, and the Powerpacks.
   * - `seedProfiles`, `seedBrands`, `seedCampaigns`, `seedNumberLinks`,
   *   `seedTollfreeVerifications`; `profiles`, `brands`, `campaigns`, `numberLinks`,
   *   `tollfreeVerifications`; `decideBrand`, `decideCampaign`, `decideNumberLink`,
   *   `decideTollfree`; `complianceCallbacks`: 10DLC and toll-free verification.
   * - `reset` (forgets everything but credentials; numbers go back to the defaults).
   *
   * It is the emulator's own operations plus those of each resource it emulates.
   *
   * @since 0.1.0
   */
  export interface Service
    extends Controls, MessageOperations, MediaOperations, NumberOperations, PowerpackOperations, ComplianceOperations
  {}

  /**
   * What every emulator has whatever resources it emulates: credentials, the request
   * log, faults, rate limits and `reset`.
   *
   * @since 0.1.0
   */
  export interface Controls {
    readonly authId: string
    readonly authToken: string
    readonly baseUrl: string
    /** The last `requestLogSize` requests answered (default 1,000), oldest first. */
    readonly requests: Effect.Effect<ReadonlyArray<Request>>
    readonly fault: (
      fault: EmulatorFault,
      target?: FaultTarget & { readonly times?: number | undefined }
    ) => Effect.Effect<void>
    readonly randomFaults: (config: RandomFaults | undefined) => Effect.Effect<void>
    readonly clearFaults: Effect.Effect<void>
    readonly rateLimits: (enabled: boolean) => Effect.Effect<void>
    /** Stops every walk and callback, then forgets everything but the credentials. */
    readonly reset: Effect.Effect<void>
  }

  /**
   * The operations of `Message/`: seeding, inspection, scripted states and callbacks.
   *
   * @since 0.1.0
   */
  export interface MessageOperations {
    readonly seedMessage: (input?: SeedMessage) => Effect.Effect<Message>
    readonly seedMessages: (input: SeedMessages) => Effect.Effect<ReadonlyArray<string>>
    readonly message: (messageUuid: string) => Effect.Effect<Option.Option<Message>>
    readonly sentMessages: Effect.Effect<ReadonlyArray<Message>>
    readonly advance: (
      messageUuid: string,
      state: MessageState,
      options?: { readonly errorCode?: string | null | undefined }
    ) => Effect.Effect<Message, Cause.NoSuchElementException>
    /** The last `callbackLogSize` status callbacks attempted (default 1,000), oldest first. */
    readonly callbacks: Effect.Effect<ReadonlyArray<Callback>>
  }

  /**
   * The operations of `Media/`: uploads and inspection of the account media store.
   *
   * @since 0.1.0
   */
  export interface MediaOperations {
    readonly uploadMedia: (files: ReadonlyArray<MediaFile>) => Effect.Effect<ReadonlyArray<Media>>
    readonly media: Effect.Effect<ReadonlyArray<Media>>
  }

  /**
   * The operations of the account's phone numbers: numbers rented into the account and
   * numbers offered to rent (`GET PhoneNumber/`, buy-and-add). Out of the box the account
   * owns `defaultAccountNumbers` and may rent `defaultAvailableNumbers`.
   *
   * @since 0.1.0
   */
  export interface NumberOperations {
    /** Rents numbers into the account (replacing one already there with the same number). */
    readonly seedNumbers: (numbers: ReadonlyArray<SeedNumber>) => Effect.Effect<ReadonlyArray<AccountNumber>>
    /** Offers numbers to rent; a number already rented is left where it is. */
    readonly seedAvailableNumbers: (numbers: ReadonlyArray<SeedNumber>) => Effect.Effect<ReadonlyArray<AccountNumber>>
    /** The numbers rented in the account, in the order they were rented. */
    readonly accountNumbers: Effect.Effect<ReadonlyArray<AccountNumber>>
    /** The numbers offered to rent. */
    readonly availableNumbers: Effect.Effect<ReadonlyArray<AccountNumber>>
  }

  /**
   * A phone number to seed. `country_iso2` defaults to the country of its prefix, `type`
   * to `fixed` (`tollfree` for a US/CA 8XX number), `sms` to true, `mms` to true for
   * US/CA numbers and false elsewhere.
   *
   * @since 0.1.0
   */
  export interface SeedNumber {
    readonly number: string
    readonly country_iso2?: string | undefined
    readonly type?: NumberType | undefined
    readonly sms?: boolean | undefined
    readonly mms?: boolean | undefined
  }

  /**
   * A phone number of the account, or offered to it.
   *
   * @since 0.1.0
   */
  export interface AccountNumber {
    readonly number: string
    readonly countryIso2: string
    readonly type: NumberType
    readonly sms: boolean
    readonly mms: boolean
  }

  /**
   * @since 0.1.0
   */
  export type NumberType = "fixed" | "mobile" | "tollfree"

  /**
   * The operations of `Powerpack/` and its number pools. Short codes have no API (Plivo
   * adds them through support), so they are seeded here.
   *
   * @since 0.1.0
   */
  export interface PowerpackOperations {
    /**
     * Links a short code to a Powerpack's pool. Fails when the Powerpack is unknown, when
     * its pool already has a short code of that country (one US and one Canadian per
     * Powerpack), or when the short code is in another Powerpack.
     */
    readonly seedShortcode: (input: SeedShortcode) => Effect.Effect<void, Cause.IllegalArgumentException>
    /** The Powerpacks, as `GET Powerpack/{uuid}/` returns them (without `api_id`), oldest first. */
    readonly powerpacks: Effect.Effect<ReadonlyArray<Readonly<Record<string, unknown>>>>
  }

  /**
   * A short code for `seedShortcode`.
   *
   * @since 0.1.0
   */
  export interface SeedShortcode {
    readonly powerpackUuid: string
    readonly shortcode: string
    /** `US` or `CA`. */
    readonly country_iso2: "US" | "CA"
  }

  /**
   * The operations of 10DLC (`Profile/`, `10dlc/Brand/`, `10dlc/Campaign/`, number links)
   * and `TollfreeVerification/`. Records are returned as `GET` renders them (without
   * `api_id`). Seeded records do not move on their own; `decide…` sets an outcome at once,
   * fires its status callback, and wins over the automatic decision.
   *
   * @since 0.1.0
   */
  export interface ComplianceOperations {
    /** Adds profiles (`SECONDARY`); fails on an unknown enum value. */
    readonly seedProfiles: (
      profiles: ReadonlyArray<SeedProfile>
    ) => Effect.Effect<ReadonlyArray<ComplianceRecord>, Cause.IllegalArgumentException>
    /** Adds brands; each needs an existing profile that no other brand uses. */
    readonly seedBrands: (
      brands: ReadonlyArray<SeedBrand>
    ) => Effect.Effect<ReadonlyArray<ComplianceRecord>, Cause.IllegalArgumentException>
    /** Adds campaigns of existing brands. */
    readonly seedCampaigns: (
      campaigns: ReadonlyArray<SeedCampaign>
    ) => Effect.Effect<ReadonlyArray<ComplianceRecord>, Cause.IllegalArgumentException>
    /** Links numbers of the account to a campaign with a status (default `COMPLETED`). */
    readonly seedNumberLinks: (input: SeedNumberLinks) => Effect.Effect<void, Cause.IllegalArgumentException>
    /** Adds toll-free verifications of existing profiles. */
    readonly seedTollfreeVerifications: (
      verifications: ReadonlyArray<SeedTollfreeVerification>
    ) => Effect.Effect<ReadonlyArray<ComplianceRecord>, Cause.IllegalArgumentException>
    /** The profiles, oldest first (the account's primary profile first). */
    readonly profiles: Effect.Effect<ReadonlyArray<ComplianceRecord>>
    readonly brands: Effect.Effect<ReadonlyArray<ComplianceRecord>>
    readonly campaigns: Effect.Effect<ReadonlyArray<ComplianceRecord>>
    /** Every number linked (or being linked) to a campaign. */
    readonly numberLinks: Effect.Effect<ReadonlyArray<NumberLink>>
    readonly tollfreeVerifications: Effect.Effect<ReadonlyArray<ComplianceRecord>>
    /** Sets a brand's `registration_status` (`FAILED` with `declinedReasons`, default one reason). */
    readonly decideBrand: (
      brandId: string,
      status: "COMPLETED" | "FAILED",
      options?: { readonly declinedReasons?: ReadonlyArray<{ readonly code: string; readonly message: string }> | undefined }
    ) => Effect.Effect<ComplianceRecord, Cause.NoSuchElementException>
    /** Sets a campaign's `registration_status` (`FAILED` with `errorCode` / `errorReason`, default 1001). */
    readonly decideCampaign: (
      campaignId: string,
      status: "ACTIVE" | "FAILED" | "EXPIRED",
      options?: { readonly errorCode?: string | undefined; readonly errorReason?: string | undefined }
    ) => Effect.Effect<ComplianceRecord, Cause.NoSuchElementException>
    /** Sets the status of a number linked to a campaign. */
    readonly decideNumberLink: (
      campaignId: string,
      number: string,
      status: "COMPLETED" | "FAILED"
    ) => Effect.Effect<NumberLink, Cause.NoSuchElementException>
    /** Sets a toll-free verification's `status` (`error_message` from `errorMessage`, or a default). */
    readonly decideTollfree: (
      uuid: string,
      status: "APPROVED" | "REJECTED" | "UPDATE_REQUIRED",
      options?: { readonly errorMessage?: string | undefined }
    ) => Effect.Effect<ComplianceRecord, Cause.NoSuchElementException>
    /** The last `callbackLogSize` 10DLC and toll-free status callbacks attempted (default 1,000), oldest first. */
    readonly complianceCallbacks: Effect.Effect<ReadonlyArray<ComplianceCallback>>
  }

  /**
   * A compliance record as `GET` renders it, without `api_id`.
   *
   * @since 0.1.0
   */
  export type ComplianceRecord = Readonly<Record<string, unknown>>

  /**
   * A profile to seed; unset fields get a complete private US company.
   *
   * @since 0.1.0
   */
  export interface SeedProfile {
    readonly profile_uuid?: string | undefined
    readonly profile_alias?: string | undefined
    readonly customer_type?: "DIRECT" | "RESELLER" | undefined
    readonly entity_type?: string | undefined
    readonly company_name?: string | undefined
    readonly vertical?: string | undefined
    /** `""` for none (a STANDARD brand then cannot use the profile). */
    readonly ein?: string | undefined
    readonly stock_symbol?: string | undefined
    readonly stock_exchange?: string | undefined
  }

  /**
   * A brand to seed (default `STANDARD`, `COMPLETED`).
   *
   * @since 0.1.0
   */
  export interface SeedBrand {
    readonly profile_uuid: string
    readonly brand_id?: string | undefined
    readonly brand_alias?: string | undefined
    readonly brand_type?: "STANDARD" | "STARTER" | undefined
    readonly registration_status?: "PROCESSING" | "COMPLETED" | "FAILED" | undefined
  }

  /**
   * A campaign to seed (default `MIXED`, `ACTIVE`, source `plivo`).
   *
   * @since 0.1.0
   */
  export interface SeedCampaign {
    readonly brand_id: string
    readonly campaign_id?: string | undefined
    readonly campaign_alias?: string | undefined
    readonly usecase?: string | undefined
    readonly registration_status?: "PROCESSING" | "ACTIVE" | "FAILED" | "EXPIRED" | undefined
  }

  /**
   * Numbers to seed as linked to a campaign.
   *
   * @since 0.1.0
   */
  export interface SeedNumberLinks {
    readonly campaignId: string
    readonly numbers: ReadonlyArray<string>
    readonly status?: "PROCESSING" | "COMPLETED" | "FAILED" | undefined
  }

  /**
   * A toll-free verification to seed (default `SUBMITTED`, the account's toll-free number).
   *
   * @since 0.1.0
   */
  export interface SeedTollfreeVerification {
    readonly profile_uuid: string
    readonly uuid?: string | undefined
    readonly number?: string | undefined
    readonly usecase?: string | undefined
    readonly status?: "SUBMITTED" | "APPROVED" | "REJECTED" | "UPDATE_REQUIRED" | undefined
    readonly error_message?: string | undefined
  }

  /**
   * A number linked (or being linked) to a campaign.
   *
   * @since 0.1.0
   */
  export interface NumberLink {
    readonly campaignId: string
    readonly number: string
    readonly status: "PROCESSING" | "COMPLETED" | "FAILED"
  }

  /**
   * A 10DLC or toll-free status callback the emulator attempted.
   *
   * @since 0.1.0
   */
  export interface ComplianceCallback extends CallbackAttempt {
    readonly resource: "brand" | "campaign" | "number" | "tollfree"
    /** `brand_id`, `campaign_id`, `{campaign_id}/{number}` or the verification's `uuid`. */
    readonly id: string
    /** The `status` parameter sent. */
    readonly status: string
  }

  /**
   * Options of `PlivoEmulator.layer` / `layerServer`.
   *
   * @since 0.1.0
   */
  export interface Options {
    /** Default: `"MA"` + 18 random upper-case alphanumerics. */
    readonly authId?: string | undefined
    /** Default: 40 random alphanumerics. */
    readonly authToken?: string | undefined
    /** `layerServer` only; default 0 (a free port). */
    readonly port?: number | undefined
    /**
     * Enforce Plivo's budgets, per Auth ID: 300 requests / 5 s, 20 / min on `GET Message/`,
     * 100 in flight (the defaults of `@plivo-effect/core`'s `PlivoBudget`); default false.
     * An object turns them on with other numbers, e.g. smaller ones to keep a test short.
     */
    readonly rateLimits?: boolean | RateLimits | undefined
    /** Seed of the random fault source; default random. */
    readonly seed?: number | undefined
    /** Random faults from the start (also settable through the handle). */
    readonly randomFaults?: RandomFaults | undefined
    /** Destination prefixes refused with 403; default North Korea, Cuba, Iran, Syria. */
    readonly barredPrefixes?: ReadonlyArray<string> | undefined
    /**
     * How many answered requests `requests` keeps (the oldest go first); default 1,000.
     * `0` keeps none, `Infinity` keeps all (memory then grows with every request).
     */
    readonly requestLogSize?: number | undefined
    /**
     * How many callback records `callbacks` (message status) and `complianceCallbacks`
     * (10DLC and toll-free) each keep (the oldest go first); default 1,000. `0` keeps none,
     * `Infinity` keeps all. Delivery does not depend on it: every callback is still sent.
     */
    readonly callbackLogSize?: number | undefined
    /**
     * Largest request bodies accepted, in bytes; larger ones get 413 without being read
     * further. Defaults: `json` (the `POST Message/` body) 1 MiB, `upload` (`POST Media/`)
     * 21 MiB (10 files of 2 MB plus multipart framing). Mostly for tests of the limit.
     */
    readonly maxBodyBytes?: {
      readonly json?: number | undefined
      readonly upload?: number | undefined
    } | undefined
    /** The automatic queued → sent → delivered walk. */
    readonly lifecycle?: {
      /** Default true; false leaves sent messages queued until `advance`. */
      readonly auto?: boolean | undefined
      /** queued → sent; default 100 millis. */
      readonly sentAfter?: Duration.DurationInput | undefined
      /** sent → delivered / undelivered; default 200 millis. */
      readonly deliveredAfter?: Duration.DurationInput | undefined
    } | undefined
    /** The automatic 10DLC and toll-free decisions (see the README's reserved inputs). */
    readonly compliance?: {
      /** Default true; false leaves every registration pending until a `decide…`. */
      readonly auto?: boolean | undefined
      /** Brand `PROCESSING` → `COMPLETED` / `FAILED`; default 200 millis. */
      readonly brandAfter?: Duration.DurationInput | undefined
      /** Campaign `PROCESSING` → `ACTIVE` / `FAILED`; default 200 millis. */
      readonly campaignAfter?: Duration.DurationInput | undefined
      /** Number link `PROCESSING` → `COMPLETED` / `FAILED`; default 100 millis. */
      readonly numberLinkAfter?: Duration.DurationInput | undefined
      /** Toll-free `SUBMITTED` → `APPROVED` / `REJECTED` / `UPDATE_REQUIRED`; default 200 millis. */
      readonly tollfreeAfter?: Duration.DurationInput | undefined
    } | undefined
  }

  /**
   * One budget of `rateLimits`: at most `limit` requests in any sliding `window`.
   *
   * @since 0.1.0
   */
  export interface RateLimit {
    readonly limit: number
    readonly window: Duration.DurationInput
  }

  /**
   * The budgets of `rateLimits`, each defaulting to Plivo's number.
   *
   * @since 0.1.0
   */
  export interface RateLimits {
    readonly account?: RateLimit | undefined
    readonly messageList?: RateLimit | undefined
    readonly inFlight?: number | undefined
  }

  /**
   * A message as the emulator holds it.
   *
   * @since 0.1.0
   */
  export interface Message {
    readonly messageUuid: string
    readonly time: DateTime.Utc
    readonly direction: MessageDirection
    readonly type: MessageType
    readonly state: MessageState
    readonly errorCode: string | null
    readonly from: string
    readonly to: string
    readonly text: string | undefined
    readonly units: number
    readonly mediaIds: ReadonlyArray<string>
    readonly mediaUrls: ReadonlyArray<string>
    readonly callbackUrl: string | undefined
    readonly callbackMethod: "GET" | "POST"
    /** The JSON body of the `POST Message/` that created it; `undefined` when seeded. */
    readonly requestBody: unknown
    /** The record exactly as `GET Message/{uuid}/` returns it, without `api_id`. */
    readonly json: Readonly<Record<string, unknown>>
  }

  /**
   * A file in the account media store.
   *
   * @since 0.1.0
   */
  export interface Media {
    readonly mediaId: string
    readonly fileName: string
    readonly contentType: string
    readonly size: number
    readonly uploadTime: DateTime.Utc
    readonly content: Uint8Array
    /** As `GET Media/{id}/` returns it, without `api_id`. */
    readonly json: Readonly<Record<string, unknown>>
  }

  /**
   * A status callback the emulator attempted.
   *
   * @since 0.1.0
   */
  export interface Callback extends CallbackAttempt {
    readonly messageUuid: string
    readonly status: MessageState
    /** The `Sequence` parameter: 1, 2, 3… per message. */
    readonly sequence: number
  }

  /**
   * Where a status callback went, what it carried and what became of it.
   *
   * @since 0.1.0
   */
  export interface CallbackAttempt {
    readonly url: string
    readonly method: "GET" | "POST"
    /** The form (POST) or query (GET) parameters sent. */
    readonly params: Readonly<Record<string, string>>
    /** The `X-Plivo-Signature-*` headers sent. */
    readonly headers: Readonly<Record<string, string>>
    readonly attemptedAt: DateTime.Utc
    readonly outcome: CallbackOutcome
  }

  /**
   * What became of a callback: the receiver's status, or why none came.
   *
   * @since 0.1.0
   */
  export type CallbackOutcome =
    | { readonly _tag: "Responded"; readonly status: number }
    | { readonly _tag: "Failed"; readonly reason: string }

  /**
   * A request the emulator answered. `status` is 0 when a `Disconnect` fault dropped it.
   *
   * @since 0.1.0
   */
  export interface Request {
    /**
     * Position among all requests since start (or `reset`), from 1. It keeps counting
     * when old entries leave the log, so `seq > n` selects "the requests after the n-th".
     */
    readonly seq: number
    readonly method: string
    readonly path: string
    /** The query string including `?`, or `""`. */
    readonly query: string
    readonly status: number
    /** `_tag` of the fault applied, if any. */
    readonly fault: EmulatorFault["_tag"] | undefined
    readonly at: DateTime.Utc
  }

  /**
   * One message to seed; every field has a default.
   *
   * @since 0.1.0
   */
  export interface SeedMessage {
    readonly messageUuid?: string | undefined
    /** `message_time`; defaults to now on the emulator's `Clock`. */
    readonly time?: DateTime.DateTime.Input | undefined
    /** Default `"outbound"`. */
    readonly direction?: MessageDirection | undefined
    /** Default `"sms"`. */
    readonly type?: MessageType | undefined
    /** Default `"delivered"`. Seeded messages do not move on their own. */
    readonly state?: MessageState | undefined
    /** Default `"000"` when delivered or read, `"1000"` when failed/undelivered, else null. */
    readonly errorCode?: string | null | undefined
    /** Default `"14155550100"` (outbound) / `"14155550123"` (inbound). */
    readonly from?: string | undefined
    /** Default `"14155550123"` (outbound) / `"14155550100"` (inbound). */
    readonly to?: string | undefined
    readonly text?: string | undefined
    readonly powerpackId?: string | undefined
    readonly log?: LogMode | undefined
  }

  /**
   * Many messages spread evenly over `(start, end]`, newest at `end`.
   *
   * @since 0.1.0
   */
  export interface SeedMessages extends Omit<SeedMessage, "messageUuid" | "time" | "to"> {
    readonly count: number
    /** Destinations, used in turn. */
    readonly to?: string | ReadonlyArray<string> | undefined
    /** Default: `end` minus 24 hours. */
    readonly start?: DateTime.DateTime.Input | undefined
    /** Default: now on the emulator's `Clock`. */
    readonly end?: DateTime.DateTime.Input | undefined
  }

  /**
   * A file for `uploadMedia`.
   *
   * @since 0.1.0
   */
  export interface MediaFile {
    readonly fileName: string
    readonly contentType: string
    readonly content: Uint8Array | string
  }

  /**
   * Which requests a fault applies to.
   *
   * @since 0.1.0
   */
  export interface FaultTarget {
    /** HTTP method, e.g. `"POST"`; any when absent. */
    readonly method?: string | undefined
    /**
     * Path after `/v1/Account/{auth_id}/`, without trailing slash: a glob where `*` is one
     * segment and `**` anything (`"Message"`, `"Message/*"`, `"Media/**"`), or a RegExp
     * tested against e.g. `"Message/3f2a…/Media"`. Any path when absent.
     */
    readonly path?: string | RegExp | undefined
  }

  /**
   * Faults drawn at random, reproducibly when the emulator has a `seed`.
   *
   * @since 0.1.0
   */
  export interface RandomFaults extends FaultTarget {
    /** Chance, 0–1, that a matching request gets a fault. */
    readonly probability: number
    /** One of these is chosen uniformly for each faulty request. */
    readonly faults: ReadonlyArray<EmulatorFault>
  }

  /**
   * Values of `message_state` (messages.md §5).
   *
   * @since 0.1.0
   */
  export type MessageState =
    | "queued"
    | "sent"
    | "delivered"
    | "undelivered"
    | "failed"
    | "read"
    | "rejected"
    | "received"

  /**
   * Values of `message_type`.
   *
   * @since 0.1.0
   */
  export type MessageType = "sms" | "mms" | "whatsapp"

  /**
   * Values of `message_direction`.
   *
   * @since 0.1.0
   */
  export type MessageDirection = "inbound" | "outbound"

  /**
   * Values of a send's `log` (what Plivo keeps of the number and content).
   *
   * @since 0.1.0
   */
  export type LogMode = "true" | "false" | "number_only" | "content_only"
}

/**
 * A fault for `PlivoEmulator#fault` / `randomFaults`.
 *
 * @since 0.1.0
 * @category models
 */
export type EmulatorFault =
  | {
    /** 429 `{api_id, error: "too many requests"}`, with `Retry-After` in seconds when set. */
    readonly _tag: "TooManyRequests"
    readonly retryAfter: Duration.Duration | undefined
  }
  | {
    /** A 5xx; `html` bodies imitate a proxy's error page instead of Plivo's JSON. */
    readonly _tag: "ServerError"
    readonly status: 500 | 502 | 503
    readonly html: boolean
  }
  | {
    /** The connection is closed without a response; the request is not processed. */
    readonly _tag: "Disconnect"
  }
  | {
    /** The request is answered normally after this pause on the emulator's `Clock`. */
    readonly _tag: "Delay"
    readonly duration: Duration.Duration
  }
  | {
    /** The request is processed, then its JSON body is cut in half. */
    readonly _tag: "MalformedBody"
  }

const disconnect: EmulatorFault = { _tag: "Disconnect" }
const malformedBody: EmulatorFault = { _tag: "MalformedBody" }

/**
 * Constructors of `EmulatorFault`.
 *
 * @example
 * ```ts
 * import { EmulatorFault, PlivoEmulator } from "@plivo-effect/testing"
 * import * as Effect from "effect/Effect"
 *
 * const flaky = Effect.gen(function*() {
 *   const emulator = yield* PlivoEmulator
 *   yield* emulator.fault(EmulatorFault.tooManyRequests({ retryAfter: "2 seconds" }), { method: "POST", path: "Message" })
 *   yield* emulator.fault(EmulatorFault.serverError(503), { times: 2 })
 * })
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const EmulatorFault = {
  /** 429 `{api_id, error: "too many requests"}`, with `Retry-After` (whole seconds) when given. */
  tooManyRequests: (options: { readonly retryAfter?: Duration.DurationInput | undefined } = {}): EmulatorFault => ({
    _tag: "TooManyRequests",
    retryAfter: options.retryAfter === undefined ? undefined : Duration.decode(options.retryAfter)
  }),
  /** A 5xx. By default 500 is Plivo's JSON error and 502 / 503 a proxy's HTML page. */
  serverError: (status: 500 | 502 | 503 = 500, options: { readonly html?: boolean | undefined } = {}): EmulatorFault => ({
    _tag: "ServerError",
    status,
    html: options.html ?? status !== 500
  }),
  /** The connection is dropped before any response; the request is not processed. */
  disconnect,
  /** The request is answered normally after `duration` on the emulator's `Clock`. */
  delay: (duration: Duration.DurationInput): EmulatorFault => ({ _tag: "Delay", duration: Duration.decode(duration) }),
  /** The request is processed (a send is queued!) and its JSON body cut in half. */
  malformedBody
} as const
