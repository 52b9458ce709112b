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
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { createServer } from "node:http"
import type { EmulatorOptions } from "./internal/emulator/emulator.js"
import { makeEmulator } from "./internal/emulator/emulator.js"
import type * as Faults from "./internal/emulator/faults.js"
import type * as Handle from "./internal/emulator/handleTypes.js"
import type * as Model from "./internal/emulator/model.js"
import * as Numbers from "./internal/emulator/numbers.js"
import { signV3, stringToSignV3 } from "./internal/emulator/signing.js"
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
   * that uses the SDK.
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
            PlivoConfig.layer({ authId: emulator.authId, authToken: emulator.authToken, baseUrl: emulator.baseUrl })
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

  /**
   * A reserved destination whose message ends as asked (see the README table):
   * `testNumber("undelivered", "30")` is `"15553003000"`.
   *
   * @since 0.1.0
   */
  static readonly testNumber: (
    outcome: "delivered" | "sent" | "queued" | "undelivered" | "failed",
    errorCode?: string
  ) => string = Numbers.testNumber

  /**
   * Plivo's V3 signature as the emulator computes it, for tests that check a verifier.
   *
   * @since 0.1.0
   */
  static readonly signV3: (input: {
    readonly method: "GET" | "POST"
    readonly url: string
    readonly params: Iterable<readonly [string, string]>
    readonly nonce: string
    readonly authToken: string
  }) => string = signV3

  /**
   * The string the V3 signature covers (webhooks.md), for debugging a mismatch.
   *
   * @since 0.1.0
   */
  static readonly stringToSignV3: (input: {
    readonly method: "GET" | "POST"
    readonly url: string
    readonly params: Iterable<readonly [string, string]>
    readonly nonce: string
  }) => string = stringToSignV3
}

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
   *   last `requestLogSize`, default 1,000, each with its `seq` since start).
   * - `fault(fault, { method?, path?, times? })`, `randomFaults(config | undefined)`,
   *   `clearFaults`; `rateLimits(enabled)`.
   * - `uploadMedia(files)`, `media`; `reset` (forgets everything but credentials).
   *
   * @since 0.1.0
   */
  export type Service = Handle.EmulatorHandle
  /** @since 0.1.0 */
  export type Options = EmulatorOptions
  /** @since 0.1.0 */
  export type Message = Handle.EmulatedMessage
  /** @since 0.1.0 */
  export type Media = Handle.EmulatedMedia
  /** @since 0.1.0 */
  export type Callback = Handle.EmulatorCallback
  /** @since 0.1.0 */
  export type Request = Handle.EmulatorRequest
  /** @since 0.1.0 */
  export type SeedMessage = Handle.SeedMessage
  /** @since 0.1.0 */
  export type SeedMessages = Handle.SeedMessages
  /** @since 0.1.0 */
  export type MediaFile = Handle.MediaFile
  /** @since 0.1.0 */
  export type FaultTarget = Faults.FaultTarget
  /** @since 0.1.0 */
  export type RandomFaults = Faults.RandomFaults
  /** @since 0.1.0 */
  export type MessageState = Model.MessageState
  /** @since 0.1.0 */
  export type MessageType = Model.MessageType
}

/**
 * A fault for `PlivoEmulator#fault` / `randomFaults`.
 *
 * @since 0.1.0
 * @category models
 */
export type EmulatorFault = Faults.EmulatorFault

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
