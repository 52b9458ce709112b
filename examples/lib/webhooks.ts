/**
 * A verified Plivo webhook server on loopback: inbound messages get an XML auto-reply,
 * delivery reports are logged and published to `MessagingWebhooks.deliveryReportStream`,
 * 10DLC status callbacks are published to `ComplianceWebhooks.eventStream`.
 */
import { HttpRouter, HttpServer } from "@effect/platform"
import { NodeHttpServer } from "@effect/platform-node"
import { ComplianceWebhooks } from "@plivo-effect/compliance"
import { MessageXml, MessagingWebhooks } from "@plivo-effect/messaging"
import { Config, Context, Effect, Layer, Option } from "effect"
import { createServer } from "node:http"

export const routes = HttpRouter.empty.pipe(
  HttpRouter.post(
    "/plivo/inbound",
    MessagingWebhooks.inbound((message) =>
      Effect.log(`inbound ${message.Type ?? "sms"} from ${message.From}: ${message.text}`).pipe(
        Effect.as(MessageXml.message({ src: message.To, dst: message.From, text: `Got it: "${message.text}"` }))
      )
    )
  ),
  HttpRouter.post(
    "/plivo/status",
    MessagingWebhooks.deliveryReports((report) =>
      Effect.logDebug(`delivery report ${report.MessageUUID}: ${report.Status}${report.ErrorCode ? ` (${report.ErrorCode})` : ""}`)
    )
  ),
  HttpRouter.post("/plivo/10dlc/brand", ComplianceWebhooks.brandStatus()),
  HttpRouter.post("/plivo/10dlc/campaign", ComplianceWebhooks.campaignStatus()),
  HttpRouter.post("/plivo/10dlc/number", ComplianceWebhooks.numberStatus())
)

export class WebhookServer extends Context.Tag("examples/WebhookServer")<WebhookServer, {
  /** Where Plivo should send delivery reports: give it as `url` when sending. */
  readonly statusUrl: string
  readonly inboundUrl: string
  /** Where Plivo should send 10DLC status callbacks: give them as `url` of each request. */
  readonly complianceUrls: { readonly brand: string; readonly campaign: string; readonly number: string }
  /** The address the server listens on. */
  readonly localUrl: string
  /** False when the public URL is the loopback one, which the real Plivo cannot call. */
  readonly reachable: boolean
}>() {}

/**
 * Serves `routes` on `port` (0 picks a free one). `publicBaseUrl` is the URL Plivo calls,
 * which differs from the local address behind a proxy or tunnel; by default the local one.
 */
export const layer = (options: { readonly port?: number; readonly publicBaseUrl?: string } = {}) =>
  Layer.scopedContext(
    Effect.gen(function*() {
      const server = yield* HttpServer.HttpServer
      const local = server.address._tag === "TcpAddress" ? `http://127.0.0.1:${server.address.port}` : "http://127.0.0.1"
      const publicBaseUrl = options.publicBaseUrl ?? local
      const webhooks = yield* Layer.build(
        Layer.merge(MessagingWebhooks.layer({ publicBaseUrl }), ComplianceWebhooks.layer({ publicBaseUrl }))
      )
      yield* server.serve(Effect.provide(yield* HttpRouter.toHttpApp(routes), webhooks))
      return Context.add(webhooks, WebhookServer, {
        statusUrl: `${publicBaseUrl}/plivo/status`,
        inboundUrl: `${publicBaseUrl}/plivo/inbound`,
        complianceUrls: {
          brand: `${publicBaseUrl}/plivo/10dlc/brand`,
          campaign: `${publicBaseUrl}/plivo/10dlc/campaign`,
          number: `${publicBaseUrl}/plivo/10dlc/number`
        },
        localUrl: local,
        reachable: options.publicBaseUrl !== undefined
      })
    })
  ).pipe(Layer.provide(NodeHttpServer.layer(createServer, { port: options.port ?? 0, host: "127.0.0.1" })))

/** `layer` with PORT (default 0, a free port) and PLIVO_WEBHOOK_BASE_URL from the environment. */
export const layerConfig = Layer.unwrapEffect(
  Effect.map(
    Config.all({
      port: Config.integer("PORT").pipe(Config.withDefault(0)),
      publicBaseUrl: Config.option(Config.string("PLIVO_WEBHOOK_BASE_URL"))
    }),
    ({ port, publicBaseUrl }) =>
      layer({ port, ...Option.match(publicBaseUrl, { onNone: () => ({}), onSome: (url) => ({ publicBaseUrl: url }) }) })
  )
)
