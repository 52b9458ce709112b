/**
 * A Plivo webhook server: answers inbound messages with an XML auto-reply and logs
 * delivery reports, verifying every request's V3 signature.
 *
 *   npx tsx --conditions=@plivo-effect/source examples/webhook-server.ts [--once]
 *
 * Point your Plivo application's `message_url` at `{PLIVO_WEBHOOK_BASE_URL}/plivo/inbound`
 * and send with `url: {PLIVO_WEBHOOK_BASE_URL}/plivo/status`. PLIVO_WEBHOOK_BASE_URL is
 * the public URL Plivo calls (a proxy or tunnel in front of PORT, a free port by default).
 *
 * Against the emulator (no credentials, or no `--live`) it also plays both sides once: it
 * sends an SMS whose delivery reports come back through the server, and posts a signed
 * inbound message to see the auto-reply. With `--once` it stops after that.
 */
import { NodeRuntime } from "@effect/platform-node"
import { PlivoSignature } from "@plivo-effect/core"
import { Messages, MessagingWebhooks } from "@plivo-effect/messaging"
import type { PlivoEmulator } from "@plivo-effect/testing"
import { Console, Effect, Layer, Logger, LogLevel, Option } from "effect"
import * as Plivo from "./lib/plivo.js"
import * as Webhooks from "./lib/webhooks.js"

/** Posts an inbound message signed as Plivo would, and prints the server's answer. */
const simulateInbound = (emulator: PlivoEmulator.Service, inboundUrl: string) =>
  Effect.gen(function*() {
    const params = {
      MessageUUID: crypto.randomUUID(),
      From: "14155550123",
      To: "14155550100",
      Type: "sms",
      Text: "What time do you open? <tomorrow>",
      Units: "1",
      TotalRate: "0.00000",
      TotalAmount: "0.00000"
    }
    const nonce = String(Date.now())
    const signature = PlivoSignature.computeV3({ method: "POST", url: inboundUrl, params, nonce, authToken: emulator.authToken })
    const answer = yield* Effect.promise(() =>
      fetch(inboundUrl, {
        method: "POST",
        headers: { "X-Plivo-Signature-V3": signature, "X-Plivo-Signature-V3-Nonce": nonce },
        body: new URLSearchParams(params)
      }).then(async (response) => `${response.status} ${await response.text()}`)
    )
    yield* Console.log(`inbound "${params.Text}" answered: ${answer}`)
    const forged = yield* Effect.promise(() =>
      fetch(inboundUrl, { method: "POST", body: new URLSearchParams(params) }).then((response) => response.status)
    )
    yield* Console.log(`the same request without a signature answered: ${forged}`)
  })

const program = Effect.gen(function*() {
  const backend = yield* Plivo.Backend
  const server = yield* Webhooks.WebhookServer
  yield* Console.log(`webhooks for ${backend.description}:\n  inbound: ${server.inboundUrl}\n  status:  ${server.statusUrl}`)
  if (Option.isSome(backend.emulator)) {
    const messages = yield* Messages
    const sent = yield* messages.send({ src: "14155550100", dst: "+1 415 555 0123", text: "Table ready", url: server.statusUrl })
    const uuid = sent.message_uuid[0] ?? ""
    const report = yield* MessagingWebhooks.awaitFinal(uuid).pipe(Effect.timeout("10 seconds"))
    yield* Console.log(`delivery report for ${uuid}: ${report.Status} (sequence ${report.Sequence ?? "?"})`)
    yield* simulateInbound(backend.emulator.value, server.inboundUrl)
    if (process.argv.includes("--once")) return
  }
  yield* Console.log("listening; Ctrl-C to stop")
  return yield* Effect.never
})

// The emulator run (--once) picks a free port so that it never clashes with a running server.
const ServerLayer = process.argv.includes("--once") ? Webhooks.layer() : Webhooks.layerConfig

program.pipe(
  Effect.provide(Layer.merge(Messages.layer, ServerLayer).pipe(Layer.provideMerge(Plivo.layer()))),
  Logger.withMinimumLogLevel(LogLevel.Debug),
  NodeRuntime.runMain
)
