/**
 * Run by `pack.test.ts` before `@effect/platform-node` (an optional peer of
 * `@plivo-effect/testing`) is installed: the barrel, the in-process emulator and a send
 * work without it; only `PlivoEmulator.layerServer` needs it, and says so. Prints one
 * JSON line.
 */
import { Messages } from "@plivo-effect/messaging/Messages"
import * as Testing from "@plivo-effect/testing"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"

const sent = await Effect.runPromise(
  Effect.flatMap(Messages, (messages) => messages.send({ src: "14155550100", dst: "14155550123", text: "no platform-node" })).pipe(
    Effect.provide(Messages.layer.pipe(Layer.provideMerge(Testing.PlivoEmulator.layerClient())))
  )
)
const server = await Effect.runPromiseExit(Effect.provide(Testing.PlivoEmulator, Testing.PlivoEmulator.layerServer()))

console.log(JSON.stringify({
  sent: sent.message_uuid.length,
  server: Exit.isFailure(server) ? Cause.pretty(server.cause) : "started"
}))
