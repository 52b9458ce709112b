/**
 * Verified Plivo compliance webhooks for `@effect/platform` HTTP servers: 10DLC brand,
 * campaign and number-link status callbacks and toll-free verification decisions,
 * checked, decoded and handed to your code once each.
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
import * as PubSub from "effect/PubSub"
import type * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import {
  BrandCallback,
  CampaignCallback,
  type ComplianceCallback,
  NumberLinkCallback,
  TollfreeCallback
} from "./ComplianceCallback.js"
import { makeChangeKeys } from "./internal/changeKeys.js"

/**
 * @since 0.1.0
 * @category models
 */
export declare namespace ComplianceWebhooks {
  /**
   * The options of `PlivoWebhook` (as for `MessagingWebhooks`): `publicBaseUrl` (the URL
   * Plivo was configured with, as written), extra `authTokens`, `maxBodyBytes`,
   * `bodyReadTimeout`, `dedupeWindow`, `allowV2Fallback`.
   *
   * @since 0.1.0
   */
  export interface Options extends PlivoWebhook.Options {}

  /**
   * @since 0.1.0
   */
  export interface Service {
    readonly receiver: PlivoWebhook.Receiver
    /**
     * The dedupe key of an accepted callback: a retry of a record's last event gets that
     * event's key, a change of status (even back to an earlier one) a new one.
     */
    readonly keyOf: (event: ComplianceCallback) => string
    /** Publishes an accepted callback to `events`. */
    readonly publish: (event: ComplianceCallback) => Effect.Effect<void>
    /** Every callback accepted from the moment the stream starts. */
    readonly events: Stream.Stream<ComplianceCallback>
  }
}

/**
 * Verified endpoints for compliance status callbacks. Give each request's `url` (or a
 * verification's `callback_url`) the public URL of the matching endpoint.
 *
 * @since 0.1.0
 * @category services
 * @example
 * ```ts
 * import * as HttpRouter from "@effect/platform/HttpRouter"
 * import { ComplianceWebhooks } from "@plivo-effect/compliance"
 * import * as Effect from "effect/Effect"
 *
 * const routes = HttpRouter.empty.pipe(
 *   HttpRouter.post("/plivo/brand", ComplianceWebhooks.brandStatus((event) => Effect.log(event.brand_id, event.status))),
 *   HttpRouter.post("/plivo/campaign", ComplianceWebhooks.campaignStatus()),
 *   HttpRouter.post("/plivo/number", ComplianceWebhooks.numberStatus()),
 *   HttpRouter.post("/plivo/tollfree", ComplianceWebhooks.tollfreeStatus((event) => Effect.log(event.status)))
 * )
 * // provide ComplianceWebhooks.layer({ publicBaseUrl: "https://hooks.example.com" }) and PlivoConfig
 * ```
 */
export class ComplianceWebhooks extends Context.Tag("@plivo-effect/compliance/ComplianceWebhooks")<
  ComplianceWebhooks,
  ComplianceWebhooks.Service
>() {
  /**
   * The webhook settings; the `PlivoConfig` Auth Token is always accepted. Dies at
   * construction on unusable options, as `MessagingWebhooks.layer` does.
   */
  static readonly layer = (
    options: ComplianceWebhooks.Options
  ): Layer.Layer<ComplianceWebhooks, never, PlivoConfig> =>
    Layer.effect(
      ComplianceWebhooks,
      Effect.gen(function*() {
        const receiver = yield* PlivoWebhook.make("ComplianceWebhooks", options)
        const events = yield* PubSub.unbounded<ComplianceCallback>()
        return {
          receiver,
          keyOf: makeChangeKeys(),
          publish: (event) => PubSub.publish(events, event),
          events: Stream.fromPubSub(events)
        }
      })
    )

  /** An endpoint for a brand's status callbacks (`Brands.create`'s `url`). */
  static readonly brandStatus = <E = never, R = never>(
    handler: (event: BrandCallback) => Effect.Effect<void, E, R> = () => Effect.void
  ) => endpoint("brand", BrandCallback, handler)

  /** An endpoint for a campaign's status callbacks (`Campaigns.create` / `importCampaign`'s `url`). */
  static readonly campaignStatus = <E = never, R = never>(
    handler: (event: CampaignCallback) => Effect.Effect<void, E, R> = () => Effect.void
  ) => endpoint("campaign", CampaignCallback, handler)

  /** An endpoint for number link and unlink callbacks (`linkNumbers` / `unlinkNumber`'s `url`). */
  static readonly numberStatus = <E = never, R = never>(
    handler: (event: NumberLinkCallback) => Effect.Effect<void, E, R> = () => Effect.void
  ) => endpoint("number", NumberLinkCallback, handler)

  /** An endpoint for toll-free verification decisions (`callback_url`). */
  static readonly tollfreeStatus = <E = never, R = never>(
    handler: (event: TollfreeCallback) => Effect.Effect<void, E, R> = () => Effect.void
  ) => endpoint("tollfree", TollfreeCallback, handler)

  /** Every callback accepted, of every kind, from the moment the stream starts. */
  static readonly eventStream: Stream.Stream<ComplianceCallback, never, ComplianceWebhooks> = Stream.unwrap(
    Effect.map(ComplianceWebhooks, (service) => service.events)
  )
}

const endpoint = <A extends ComplianceCallback, E, R>(
  kind: string,
  schema: Schema.Schema<A, Readonly<Record<string, string>>>,
  handler: (event: A) => Effect.Effect<void, E, R>
): Effect.Effect<HttpServerResponse.HttpServerResponse, never, HttpServerRequest.HttpServerRequest | ComplianceWebhooks | R> =>
  Effect.flatMap(ComplianceWebhooks, (service) =>
    PlivoWebhook.receive(service.receiver, kind, schema, service.keyOf, (event) =>
      handler(event).pipe(
        Effect.zipRight(service.publish(event)),
        Effect.as(HttpServerResponse.empty({ status: 200 }))
      ))
  ).pipe(Effect.withSpan(`ComplianceWebhooks.${kind}`))
