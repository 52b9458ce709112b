/**
 * Verified Plivo webhooks for `@effect/platform` HTTP servers: inbound messages and
 * delivery reports, checked, decoded and handed to your code once each.
 *
 * @since 0.1.0
 */
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { PlivoConfig } from "@plivo-effect/core/PlivoConfig"
import * as PlivoSignature from "@plivo-effect/core/PlivoSignature"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as PubSub from "effect/PubSub"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import * as DeliveryReportModule from "./DeliveryReport.js"
import { DeliveryReport } from "./DeliveryReport.js"
import { InboundMessage } from "./InboundMessage.js"
import * as Dedupe from "./internal/dedupe.js"
import * as WebhookRequest from "./internal/webhookRequest.js"
import * as MessageXml from "./MessageXml.js"

/**
 * @since 0.1.0
 */
export declare namespace MessagingWebhooks {
  /**
   * @since 0.1.0
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
    /** How long an event is remembered to drop Plivo's retries of it (default 10 minutes). */
    readonly dedupeWindow?: Duration.DurationInput
    /**
     * Accept the legacy V2 signature when a request has no V3 one (default false). V2 does
     * not cover the parameters, so a captured V2 signature can be replayed with others.
     */
    readonly allowV2Fallback?: boolean
  }

  /**
   * @since 0.1.0
   */
  export interface Service {
    readonly options: Required<Omit<Options, "authTokens" | "dedupeWindow">> & {
      readonly authTokens: PlivoSignature.AuthTokens
    }
    readonly dedupe: ReturnType<typeof Dedupe.make>
    readonly reports: PubSub.PubSub<DeliveryReport>
    /** The last final report per message, so a late waiter still gets it. */
    readonly finals: Map<string, DeliveryReport>
  }

  /**
   * What an inbound handler may answer: nothing, or messages to send as Message XML.
   *
   * @since 0.1.0
   */
  export type Reply = void | MessageXml.Message | ReadonlyArray<MessageXml.Message>
}

const MAX_FINALS = 10_000

/**
 * Verified webhook endpoints and the stream of delivery reports they receive.
 *
 * @since 0.1.0
 * @example
 * import * as HttpRouter from "@effect/platform/HttpRouter"
 * import { MessageXml, MessagingWebhooks } from "@plivo-effect/messaging"
 * import * as Effect from "effect/Effect"
 *
 * const routes = HttpRouter.empty.pipe(
 *   HttpRouter.post("/plivo/inbound", MessagingWebhooks.inbound((message) =>
 *     Effect.succeed(MessageXml.message({ src: message.To, dst: message.From, text: "Thanks!" }))
 *   )),
 *   HttpRouter.post("/plivo/status", MessagingWebhooks.deliveryReports((report) => Effect.log(report.Status)))
 * )
 * // provide MessagingWebhooks.layer({ publicBaseUrl: "https://hooks.example.com" }) and PlivoConfig
 */
export class MessagingWebhooks extends Context.Tag("@plivo-effect/messaging/MessagingWebhooks")<
  MessagingWebhooks,
  MessagingWebhooks.Service
>() {
  /**
   * The webhook settings; the `PlivoConfig` Auth Token is always accepted. Dies at
   * construction on a `publicBaseUrl` that is not an http(s) URL: that is a programming
   * error, not a request failure.
   */
  static readonly layer = (options: MessagingWebhooks.Options): Layer.Layer<MessagingWebhooks, never, PlivoConfig> =>
    Layer.effect(
      MessagingWebhooks,
      Effect.gen(function*() {
        const config = yield* PlivoConfig
        const publicBaseUrl = yield* Either.match(WebhookRequest.normalizeBaseUrl(options.publicBaseUrl), {
          onLeft: (why) => Effect.dieMessage(`MessagingWebhooks: publicBaseUrl ${why}`),
          onRight: Effect.succeed
        })
        return {
          options: {
            publicBaseUrl,
            authTokens: [config.authToken, ...(options.authTokens ?? [])],
            maxBodyBytes: options.maxBodyBytes ?? 64 * 1024,
            allowV2Fallback: options.allowV2Fallback ?? false
          },
          dedupe: Dedupe.make(Duration.toMillis(options.dedupeWindow ?? Duration.minutes(10))),
          reports: yield* PubSub.unbounded<DeliveryReport>(),
          finals: new Map()
        }
      })
    )

  /**
   * An endpoint for the inbound messages of an application's `message_url`. The handler
   * may answer with messages, sent back as Message XML.
   */
  static readonly inbound = <E, R>(
    handler: (message: InboundMessage) => Effect.Effect<MessagingWebhooks.Reply, E, R>
  ): Effect.Effect<HttpServerResponse.HttpServerResponse, never, HttpServerRequest.HttpServerRequest | MessagingWebhooks | R> =>
    endpoint("inbound", InboundMessage, (message) => message.MessageUUID, (message) =>
      handler(message).pipe(Effect.map((reply) => {
        if (reply === undefined || (Array.isArray(reply) && reply.length === 0)) return HttpServerResponse.empty({ status: 200 })
        return HttpServerResponse.text(MessageXml.response(reply), { contentType: MessageXml.contentType })
      })))

  /**
   * An endpoint for the status callbacks of a send's `url`. Every accepted report is also
   * published to `deliveryReportStream`.
   */
  static readonly deliveryReports = <E = never, R = never>(
    handler: (report: DeliveryReport) => Effect.Effect<void, E, R> = () => Effect.void
  ): Effect.Effect<HttpServerResponse.HttpServerResponse, never, HttpServerRequest.HttpServerRequest | MessagingWebhooks | R> =>
    endpoint(
      "deliveryReport",
      DeliveryReport,
      (report) => `${report.MessageUUID}:${report.Sequence ?? report.Status}`,
      (report) =>
        handler(report).pipe(
          Effect.zipRight(MessagingWebhooks.pipe(Effect.flatMap((service) => {
            if (DeliveryReportModule.isFinalDeliveryReport(report)) {
              if (service.finals.size >= MAX_FINALS) service.finals.delete(service.finals.keys().next().value ?? "")
              service.finals.set(report.MessageUUID, report)
            }
            return PubSub.publish(service.reports, report)
          }))),
          Effect.as(HttpServerResponse.empty({ status: 200 }))
        )
    )

  /** Every delivery report accepted from the moment the stream starts. */
  static readonly deliveryReportStream: Stream.Stream<DeliveryReport, never, MessagingWebhooks> = Stream.unwrapScoped(
    Effect.map(MessagingWebhooks, (service) => Stream.fromPubSub(service.reports))
  )

  /**
   * Waits for the final report (delivered, undelivered, failed, read) of one message; a
   * report that arrived before the call is found too.
   */
  static readonly awaitFinal = (messageUuid: string): Effect.Effect<DeliveryReport, never, MessagingWebhooks> =>
    Effect.flatMap(MessagingWebhooks, (service) =>
      Effect.scoped(Effect.gen(function*() {
        const subscription = yield* PubSub.subscribe(service.reports)
        const known = service.finals.get(messageUuid)
        if (known !== undefined) return known
        return yield* Stream.fromQueue(subscription).pipe(
          Stream.filter((report) => report.MessageUUID === messageUuid && DeliveryReportModule.isFinalDeliveryReport(report)),
          Stream.runHead,
          Effect.flatMap(Option.match({ onNone: () => Effect.never, onSome: Effect.succeed }))
        )
      })))
}

const endpoint = <A, E, R>(
  kind: string,
  schema: Schema.Schema<A, Readonly<Record<string, string>>>,
  keyOf: (event: A) => string,
  handle: (event: A) => Effect.Effect<HttpServerResponse.HttpServerResponse, E, R>
): Effect.Effect<HttpServerResponse.HttpServerResponse, never, HttpServerRequest.HttpServerRequest | MessagingWebhooks | R> =>
  Effect.gen(function*() {
    const service = yield* MessagingWebhooks
    const request = yield* HttpServerRequest.HttpServerRequest
    const read = yield* Effect.either(WebhookRequest.readParams(request, service.options.maxBodyBytes))
    if (Either.isLeft(read)) {
      return read.left === "TooLarge"
        ? HttpServerResponse.text("request body too large", { status: 413 })
        : HttpServerResponse.text("unreadable request body", { status: 400 })
    }
    const params = read.right
    const valid = PlivoSignature.verifyRequest({
      method: request.method,
      url: WebhookRequest.signedUrl(service.options.publicBaseUrl, request),
      params: params.all,
      headers: request.headers,
      authTokens: service.options.authTokens,
      allowV2Fallback: service.options.allowV2Fallback
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
    const key = `${kind}:${keyOf(event)}`
    if (!(yield* service.dedupe.claim(key))) return HttpServerResponse.empty({ status: 200 })
    return yield* handle(event).pipe(
      Effect.tapErrorCause((cause) =>
        Effect.zipRight(service.dedupe.release(key), Effect.logError("Plivo webhook handler failed", cause))
      ),
      Effect.catchAllCause(() => Effect.succeed(HttpServerResponse.text("handler failed", { status: 500 })))
    )
  }).pipe(Effect.withSpan(`MessagingWebhooks.${kind}`))
