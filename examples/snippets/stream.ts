// The README's "Stream a history" program, kept here so that the type-check covers it.
import { FetchHttpClient } from "@effect/platform"
import { NodeRuntime } from "@effect/platform-node"
import { PlivoClient, PlivoConfig } from "@plivo-effect/core"
import { Messages } from "@plivo-effect/messaging"
import { Console, DateTime, Effect, Layer, Stream } from "effect"

const PlivoLive = Messages.layer.pipe(
  Layer.provide(PlivoClient.layer),
  Layer.provide(PlivoConfig.layerConfig()),
  Layer.provide(FetchHttpClient.layer) // keeps connections alive
)

const program = Effect.gen(function*() {
  const messages = yield* Messages
  yield* messages.stream({ message_direction: "outbound" }).pipe(
    Stream.runForEach((m) => Console.log(`${DateTime.formatIso(m.message_time)} ${m.to_number} ${m.message_state}`))
  )
})

program.pipe(Effect.provide(PlivoLive), NodeRuntime.runMain)
