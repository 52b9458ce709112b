/**
 * Verified Plivo webhooks for `@effect/platform` HTTP servers: inbound messages and
 * delivery reports, checked, decoded and handed to your code once each.
 *
 * @since 0.1.0
 */
import type * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import type { PlivoConfig } from "@plivo-effect/core/PlivoConfig"
import * as PlivoWebhook from "@plivo-effect/core/PlivoWebhook"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as PubSub from "effect/PubSub"
import type * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import * as DeliveryReportModule from "./DeliveryReport.js"
import { DeliveryReport } from "./DeliveryReport.js"
import { InboundMessage } from "./InboundMessage.js"
import * as MessageXml from "./MessageXml.js"

/**
 * @since 0.1.0
 * @category models
 */
export declare namespace MessagingWebhooks {
  /**
   * @since 0.1.0
   */
  export interface Options extends PlivoWebhook.Options {}

  /**
   * @since 0.1.0
   */
  export interface Service {
    readonly options: PlivoWebhook.Settings
    /**
     * Runs `handle` for the event `key` unless a run of it completed within the dedupe
     * window (answered 200 without running) or is still in flight (answered 503 with
     * `Retry-After`). A failed run answers 500 and leaves the event open for Plivo's retry.
     */
    readonly once: <E, R>(
      key: string,
      handle: Effect.Effect<HttpServerResponse.HttpServerResponse, E, R>
    ) => Effect.Effect<HttpServerResponse.HttpServerResponse, never, R>
    /** Publishes an accepted report, remembering it when it is final. */
    readonly publish: (report: DeliveryReport) => Effect.Effect<void>
    /** Every report published from the moment the stream starts. */
    readonly deliveryReports: Stream.Stream<DeliveryReport>
    /** The last final report received for a message, if any. */
    readonly finalReport: (messageUuid: string) => Effect.Effect<Option.Option<DeliveryReport>>
    /** Waits for the final report of a message; one that arrived before the call is found too. */
    readonly awaitFinal: (messageUuid: string) => Effect.Effect<DeliveryReport>
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
 * @category services
 * @example
 * ```ts
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
 * ```
 */
export class MessagingWebhooks extends Context.Tag("@plivo-effect/messaging/MessagingWebhooks")<
  MessagingWebhooks,
  MessagingWebhooks.Service
>() {
  /**
   * The webhook settings; the `PlivoConfig` Auth Token is always accepted. Dies at
   * construction on a `publicBaseUrl` that is not an http(s) URL, or on a `maxBodyBytes`,
   * `bodyReadTimeout` or `dedupeWindow` that is not positive and finite: that is a
   * programming error, not a request failure. `publicBaseUrl` is used as written (less a trailing
   * `/`), never normalised, since Plivo signs the URL exactly as configured.
   */
  static readonly layer = (options: MessagingWebhooks.Options): Layer.Layer<MessagingWebhooks, never, PlivoConfig> =>
    Layer.effect(
      MessagingWebhooks,
      Effect.gen(function*() {
        const receiver = yield* PlivoWebhook.make("MessagingWebhooks", options)
        const reports = yield* PubSub.unbounded<DeliveryReport>()
        return {
          options: receiver.settings,
          once: receiver.once,
          ...makeReports(reports)
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
          Effect.zipRight(Effect.flatMap(MessagingWebhooks, (service) => service.publish(report))),
          Effect.as(HttpServerResponse.empty({ status: 200 }))
        )
    )

  /** Every delivery report accepted from the moment the stream starts. */
  static readonly deliveryReportStream: Stream.Stream<DeliveryReport, never, MessagingWebhooks> = Stream.unwrap(
    Effect.map(MessagingWebhooks, (service) => service.deliveryReports)
  )

  /**
   * Waits for the final report (delivered, undelivered, failed, read) of one message; a
   * report that arrived before the call is found too.
   */
  static readonly awaitFinal = (messageUuid: string): Effect.Effect<DeliveryReport, never, MessagingWebhooks> =>
    Effect.flatMap(MessagingWebhooks, (service) => service.awaitFinal(messageUuid))

  /** The last final report received for one message, if any (none when it never came). */
  static readonly finalReport = (
    messageUuid: string
  ): Effect.Effect<Option.Option<DeliveryReport>, never, MessagingWebhooks> =>
    Effect.flatMap(MessagingWebhooks, (service) => service.finalReport(messageUuid))
}

/**
 * The report side of the service: one `PubSub` for every subscriber, and the last final
 * report per message (bounded, oldest dropped first) so a late waiter still gets it.
 */
const makeReports = (reports: PubSub.PubSub<DeliveryReport>) => {
  const finals = new Map<string, DeliveryReport>()
  const isFinal = (report: DeliveryReport, messageUuid: string) =>
    report.MessageUUID === messageUuid && DeliveryReportModule.isFinalDeliveryReport(report)

  const publish = (report: DeliveryReport): Effect.Effect<void> =>
    Effect.suspend(() => {
      if (DeliveryReportModule.isFinalDeliveryReport(report)) {
        if (finals.size >= MAX_FINALS) finals.delete(finals.keys().next().value ?? "")
        finals.set(report.MessageUUID, report)
      }
      return PubSub.publish(reports, report)
    })

  const finalReport = (messageUuid: string) => Effect.sync(() => Option.fromNullable(finals.get(messageUuid)))

  // Subscribed before the map is read: a report arriving between the two is not missed.
  const awaitFinal = (messageUuid: string): Effect.Effect<DeliveryReport> =>
    Effect.scoped(Effect.gen(function*() {
      const subscription = yield* PubSub.subscribe(reports)
      const known = finals.get(messageUuid)
      if (known !== undefined) return known
      return yield* Stream.fromQueue(subscription).pipe(
        Stream.filter((report) => isFinal(report, messageUuid)),
        Stream.runHead,
        Effect.flatMap(Option.match({ onNone: () => Effect.never, onSome: Effect.succeed }))
      )
    }))

  return { publish, finalReport, awaitFinal, deliveryReports: Stream.fromPubSub(reports) }
}

const endpoint = <A, E, R>(
  kind: string,
  schema: Schema.Schema<A, Readonly<Record<string, string>>>,
  keyOf: (event: A) => string,
  handle: (event: A) => Effect.Effect<HttpServerResponse.HttpServerResponse, E, R>
): Effect.Effect<HttpServerResponse.HttpServerResponse, never, HttpServerRequest.HttpServerRequest | MessagingWebhooks | R> =>
  Effect.flatMap(MessagingWebhooks, (service) =>
    PlivoWebhook.receive({ settings: service.options, once: service.once }, kind, schema, keyOf, handle)
  ).pipe(Effect.withSpan(`MessagingWebhooks.${kind}`))
