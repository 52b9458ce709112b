// The README's "Send through a Powerpack" program, kept here so that the type-check covers it.
import { NodeRuntime } from "@effect/platform-node"
import { Messages, Messaging } from "@plivo-effect/messaging"
import { NumberPool, Powerpack, Powerpacks } from "@plivo-effect/powerpack"
import { Effect, Layer } from "effect"

// Powerpacks and NumberPool on the same PlivoClient as Messages (PLIVO_AUTH_ID, PLIVO_AUTH_TOKEN).
const PlivoLive = Powerpack.layer.pipe(Layer.provideMerge(Messaging.layerConfig()))

const program = Effect.gen(function*() {
  const pack = yield* (yield* Powerpacks).create({ name: "alerts", sticky_sender: true, local_connect: true })
  const pool = yield* NumberPool
  yield* pool.addNumber(pack.number_pool_uuid, "14155550100") // already rented in the account
  yield* pool.buyNumber(pack.number_pool_uuid, { country_iso: "US", pattern: "212" }) // rents one
  yield* pool.addTollfree(pack.number_pool_uuid, "18005550100")

  const messages = yield* Messages
  const sent = yield* messages.send({ powerpack_uuid: pack.uuid, dst: ["14155550123", "12125550123"], text: "Hello!" })
  for (const uuid of sent.message_uuid) {
    const record = yield* messages.get(uuid)
    yield* Effect.log(`${record.to_number} got it from ${record.from_number}`)
  }
})

program.pipe(Effect.provide(PlivoLive), NodeRuntime.runMain)
