// The README's "Send a message" program, kept here so that the type-check covers it.
import { FetchHttpClient } from "@effect/platform"
import { NodeRuntime } from "@effect/platform-node"
import { PlivoClient, PlivoConfig } from "@plivo-effect/core"
import { Messages } from "@plivo-effect/messaging"
import { Effect, Layer } from "effect"

const PlivoLive = Messages.layer.pipe(
  Layer.provide(PlivoClient.layer),
  Layer.provide(PlivoConfig.layerConfig()), // PLIVO_AUTH_ID, PLIVO_AUTH_TOKEN
  Layer.provide(FetchHttpClient.layer) // keeps connections alive
)

const program = Effect.gen(function*() {
  const messages = yield* Messages
  const sent = yield* messages.send({ src: "14155550100", dst: ["14155550123", "14155550124"], text: "Hello!" })
  yield* Effect.log(`queued ${sent.message_uuid.join(", ")}; invalid: ${sent.invalid_number.join(", ")}`)
})

program.pipe(Effect.provide(PlivoLive), NodeRuntime.runMain)
