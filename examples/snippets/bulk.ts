// The README's "Bulk sending" program, kept here so that the type-check covers it.
import { NodeRuntime } from "@effect/platform-node"
import { Messages, Messaging } from "@plivo-effect/messaging"
import { Console, Effect, Stream } from "effect"

// Any Iterable or Stream: an array, a generator reading a file, a database cursor.
function* subscribers(): Generator<string> {
  for (let i = 0; i < 100_000; i++) yield `+1 415 ${String(i).padStart(7, "0")}`
}

const program = Effect.gen(function* () {
  const messages = yield* Messages
  yield* messages.sendBulk({ src: "14155550100", dst: subscribers(), text: "Spring sale: 20% off until Sunday" }).pipe(
    Stream.runForEach((outcome) => {
      switch (outcome._tag) {
        case "Queued": return Console.log(`${outcome.dst} queued as ${outcome.message_uuid}`)
        case "Invalid": return Console.log(`${outcome.dst} is not a valid number`)
        case "Rejected": return Console.log(`${outcome.dst} not sent (${outcome.error._tag}): safe to retry`)
        case "Unknown": return Console.log(`${outcome.dst} may have been sent (${outcome.error._tag}): do not resend blindly`)
      }
    })
  )
})

program.pipe(Effect.provide(Messaging.layerConfig()), NodeRuntime.runMain)
