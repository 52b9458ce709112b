// The README's "Send a message" program, kept here so that the type-check covers it.
import { NodeRuntime } from "@effect/platform-node"
import { Messages, Messaging } from "@plivo-effect/messaging"
import { Effect } from "effect"

// Reads PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN, and sends over a keep-alive FetchHttpClient.
const PlivoLive = Messaging.layerConfig()

const program = Effect.gen(function*() {
  const messages = yield* Messages
  const sent = yield* messages.send({ src: "14155550100", dst: ["14155550123", "14155550124"], text: "Hello!" })
  yield* Effect.log(`queued ${sent.message_uuid.join(", ")}; invalid: ${sent.invalid_number.join(", ")}`)
})

program.pipe(Effect.provide(PlivoLive), NodeRuntime.runMain)
