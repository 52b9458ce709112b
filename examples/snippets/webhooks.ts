// The README's "Receive webhooks" snippet, kept here so that the type-check covers it.
import { HttpRouter, HttpServer } from "@effect/platform"
import { NodeHttpServer, NodeRuntime } from "@effect/platform-node"
import { PlivoConfig } from "@plivo-effect/core"
import { MessageXml, MessagingWebhooks } from "@plivo-effect/messaging"
import { Effect, Layer } from "effect"
import { createServer } from "node:http"

const routes = HttpRouter.empty.pipe(
  HttpRouter.post("/plivo/inbound", MessagingWebhooks.inbound((message) =>
    Effect.succeed(MessageXml.message({ src: message.To, dst: message.From, text: `You said: ${message.text}` })))),
  HttpRouter.post("/plivo/status", MessagingWebhooks.deliveryReports((report) =>
    Effect.log(`${report.MessageUUID} is ${report.Status}`)))
)

HttpServer.serve(routes).pipe(
  Layer.provide(MessagingWebhooks.layer({ publicBaseUrl: "https://hooks.example.com" })),
  Layer.provide(PlivoConfig.layerConfig()), // its Auth Token verifies the signatures
  Layer.provide(NodeHttpServer.layer(createServer, { port: 3000 })),
  Layer.launch,
  NodeRuntime.runMain
)
