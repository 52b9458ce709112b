/**
 * The machinery every verified Plivo webhook endpoint shares, for `@effect/platform` HTTP
 * servers: the options (public URL, tokens, body cap, read timeout, dedupe window), reading
 * the parameters with bounds, checking the V3 signature against the URL Plivo was
 * configured with, decoding, and running each event once across Plivo's retries. The
 * resource packages (`MessagingWebhooks`, `ComplianceWebhooks`) build their endpoints on it.
 *
 * @since 0.1.0
 */
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Cause from "effect/Cause"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as Schema from "effect/Schema"
import * as Dedupe from "./internal/dedupe.js"
import * as WebhookRequest from "./internal/webhookRequest.js"
import { PlivoConfig } from "./PlivoConfig.js"
import * as PlivoSignature from "./PlivoSignature.js"

/**
 * What a webhook server is configured with.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /**
   * Scheme, host, port (and any path prefix a proxy removes) of the URL Plivo was
   * configured to call, e.g. `https://hooks.example.com`. Plivo signs that URL, not the
   * one this server sees behind a proxy.
   */
  readonly publicBaseUrl: string
  /** Tokens accepted besides the `PlivoConfig` one: subaccounts, or a token being rotated. */
  readonly authTokens?: ReadonlyArray<PlivoSignature.AuthToken>
  /** Largest body read, in bytes (default 64 KiB); a larger one is answered 413. */
  readonly maxBodyBytes?: number
  /**
   * How long a handled event is remembered to drop Plivo's retries of it (default 10
   * minutes). Only a run that completed counts: after a handler failure, or an
   * interruption because Plivo hung up, the retry runs the handler again. A retry that
   * arrives while a run of the same event is still in flight is answered 503 with
   * `Retry-After`, never run concurrently and never acknowledged as done.
   */
  readonly dedupeWindow?: Duration.DurationInput
  /**
   * Longest wait for a whole request body (default 10 seconds); a body still incomplete
   * then is answered 408, so a sender trickling bytes cannot hold a connection forever.
   */
  readonly bodyReadTimeout?: Duration.DurationInput
  /**
   * Accept the legacy V2 signature when a request has no V3 one (default false). V2 does
   * not cover the parameters, so a captured V2 signature can be replayed with others.
   */
  readonly allowV2Fallback?: boolean
}

/**
 * The options as checked and completed with their defaults.
 *
 * @since 0.1.0
 * @category models
 */
export interface Settings {
  /** As configured, less a trailing `/`. */
  readonly publicBaseUrl: string
  /** The `PlivoConfig` token first, then `Options.authTokens`. */
  readonly authTokens: PlivoSignature.AuthTokens
  readonly maxBodyBytes: number
  readonly bodyReadTimeout: Duration.Duration
  readonly allowV2Fallback: boolean
}

/**
 * Runs `handle` for the event `key` unless a run of it completed within the dedupe
 * window (answered 200 without running) or is still in flight (answered 503 with
 * `Retry-After`). A failed run answers 500 and leaves the event open for Plivo's retry.
 *
 * @since 0.1.0
 * @category models
 */
export type Once = <E, R>(
  key: string,
  handle: Effect.Effect<HttpServerResponse.HttpServerResponse, E, R>
) => Effect.Effect<HttpServerResponse.HttpServerResponse, never, R>

/**
 * A configured webhook server: its settings and its dedupe table.
 *
 * @since 0.1.0
 * @category models
 */
export interface Receiver {
  readonly settings: Settings
  readonly once: Once
}

/**
 * Checks `options` and builds the receiver; the `PlivoConfig` Auth Token is always
 * accepted. Dies at construction, naming `owner`, on a `publicBaseUrl` that is not an
 * http(s) URL, or on a `maxBodyBytes`, `bodyReadTimeout` or `dedupeWindow` that is not
 * positive and finite: that is a programming error, not a request failure.
 * `publicBaseUrl` is used as written (less a trailing `/`), never normalised, since Plivo
 * signs the URL exactly as configured.
 *
 * @since 0.1.0
 * @category constructors
 * @example
 * ```ts
 * import { PlivoWebhook } from "@plivo-effect/core"
 * import * as Effect from "effect/Effect"
 *
 * const receiver = PlivoWebhook.make("MyWebhooks", { publicBaseUrl: "https://hooks.example.com" })
 * // an Effect needing PlivoConfig
 * ```
 */
export const make = (owner: string, options: Options): Effect.Effect<Receiver, never, PlivoConfig> =>
  Effect.gen(function*() {
    const config = yield* PlivoConfig
    const unusable = WebhookRequest.checkBounds(options)
    if (unusable !== undefined) return yield* Effect.dieMessage(`${owner}: ${unusable}`)
    const publicBaseUrl = yield* Either.match(WebhookRequest.checkBaseUrl(options.publicBaseUrl), {
      onLeft: (why) => Effect.dieMessage(`${owner}: publicBaseUrl ${why}`),
      onRight: Effect.succeed
    })
    return {
      settings: {
        publicBaseUrl,
        authTokens: [config.authToken, ...(options.authTokens ?? [])],
        maxBodyBytes: options.maxBodyBytes ?? 64 * 1024,
        bodyReadTimeout: Duration.decode(options.bodyReadTimeout ?? Duration.seconds(10)),
        allowV2Fallback: options.allowV2Fallback ?? false
      },
      once: makeOnce(Dedupe.make(Duration.toMillis(options.dedupeWindow ?? Duration.minutes(10))))
    }
  })

/** Runs each event once (see `Once`), over the dedupe table. */
const makeOnce = (dedupe: ReturnType<typeof Dedupe.make>): Once => (key, handle) =>
  // Claim and the release-on-exit are set up with interruption off, so no interruption
  // (Plivo hanging up) can land between them and leave the key held forever.
  Effect.uninterruptibleMask((restore) =>
    Effect.flatMap(dedupe.claim(key), (claim) => {
      if (claim === "Done") return Effect.succeed(HttpServerResponse.empty({ status: 200 }))
      if (claim === "InFlight") return Effect.succeed(inProgress)
      return restore(handle).pipe(
        Effect.onExit((exit) => Exit.isSuccess(exit) ? dedupe.complete(key) : dedupe.release(key)),
        Effect.catchAllCause((cause) =>
          // Interrupted: nobody is waiting for an answer any more.
          Cause.isInterruptedOnly(cause)
            ? Effect.interrupt
            : Effect.as(
              Effect.logError("Plivo webhook handler failed", cause),
              HttpServerResponse.text("handler failed", { status: 500 })
            )
        )
      )
    })
  )

/**
 * Form or query parameters as Plivo sends them: every value a string. Checked and kept as
 * the same object rather than rebuilt as `Schema.Record` does: rebuilding assigns each
 * key, and assigning `__proto__` sets a prototype instead of keeping the parameter.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Params = Schema.declare(
  (input: unknown): input is Readonly<Record<string, string>> =>
    typeof input === "object" && input !== null && !Array.isArray(input) &&
    Object.values(input).every((value) => typeof value === "string"),
  { identifier: "Params" }
)

/**
 * The parameters that hold a value: Plivo sends unused ones empty, and an empty one
 * decodes as absent.
 *
 * @since 0.1.0
 * @category utils
 * @example
 * ```ts
 * import { PlivoWebhook } from "@plivo-effect/core"
 *
 * PlivoWebhook.present({ uuid: "u", error_message: "" }) // { uuid: "u" }
 * ```
 */
export const present = (params: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(params).filter(([, value]) => value !== ""))

/**
 * One verified endpoint: reads the parameters (the query for GET, the form body for
 * POST) within the body cap and read timeout, checks the signature against the public
 * URL (403 if it does not verify), decodes them with `schema` (400 if they do not
 * match), and runs `handle` once per `kind:keyOf(event)` (see `Once`).
 *
 * @since 0.1.0
 * @category endpoints
 * @example
 * ```ts
 * import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
 * import { PlivoWebhook } from "@plivo-effect/core"
 * import * as Effect from "effect/Effect"
 *
 * declare const receiver: PlivoWebhook.Receiver
 * // Every parameter as sent, keyed by its uuid.
 * const endpoint = PlivoWebhook.receive(receiver, "event", PlivoWebhook.Params, (params) => params.uuid ?? "", () =>
 *   Effect.succeed(HttpServerResponse.empty({ status: 200 })))
 * ```
 */
export const receive = <A, E, R>(
  receiver: Receiver,
  kind: string,
  schema: Schema.Schema<A, Readonly<Record<string, string>>>,
  keyOf: (event: A) => string,
  handle: (event: A) => Effect.Effect<HttpServerResponse.HttpServerResponse, E, R>
): Effect.Effect<HttpServerResponse.HttpServerResponse, never, HttpServerRequest.HttpServerRequest | R> =>
  Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const { allowV2Fallback, authTokens, bodyReadTimeout, maxBodyBytes, publicBaseUrl } = receiver.settings
    const read = yield* Effect.either(WebhookRequest.readParams(request, maxBodyBytes, bodyReadTimeout))
    if (Either.isLeft(read)) return refusal[read.left]
    const params = read.right
    const valid = PlivoSignature.verifyRequest({
      method: request.method,
      url: WebhookRequest.signedUrl(publicBaseUrl, request),
      params: params.all,
      headers: request.headers,
      authTokens,
      allowV2Fallback
    })
    if (!valid) {
      yield* Effect.logWarning("Plivo webhook refused: signature does not verify")
      return HttpServerResponse.text("invalid signature", { status: 403 })
    }
    const decoded = yield* Effect.either(Schema.decodeUnknown(schema)(params.first))
    if (Either.isLeft(decoded)) {
      return HttpServerResponse.text(`malformed ${kind} payload`, { status: 400 })
    }
    const event = decoded.right
    return yield* receiver.once(`${kind}:${keyOf(event)}`, handle(event))
  })

// 413 and 408 close the connection: the rest of the body was never read.
const refusal: Record<WebhookRequest.ReadFailure, HttpServerResponse.HttpServerResponse> = {
  TooLarge: HttpServerResponse.text("request body too large", { status: 413, headers: { connection: "close" } }),
  Unreadable: HttpServerResponse.text("unreadable request body", { status: 400 }),
  Timeout: HttpServerResponse.text("request body not received in time", { status: 408, headers: { connection: "close" } })
}

// Plivo retries any answer but 2xx; the run in flight decides whether the event is done.
const inProgress = HttpServerResponse.text("event is being handled; retry later", {
  status: 503,
  headers: { "retry-after": "5" }
})
