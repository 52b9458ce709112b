/**
 * Sends one SMS to one or more destinations, then reads its record back.
 *
 *   npx tsx --conditions=@plivo-effect/source examples/send-sms.ts
 *
 * It runs against the in-process Plivo emulator unless PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN
 * are set and `--live` is given; then it sends for real, from PLIVO_SRC to PLIVO_DST
 * (comma-separated).
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Messages, segments } from "@plivo-effect/messaging"
import { Array as Arr, Config, Console, DateTime, Effect, Layer } from "effect"
import * as Plivo from "./lib/plivo.js"

const program = Effect.gen(function*() {
  const src = yield* Config.string("PLIVO_SRC").pipe(Config.withDefault("14155550100"))
  const dst = yield* Config.array(Config.string(), "PLIVO_DST").pipe(
    Config.validate({ message: "PLIVO_DST needs at least one number", validation: Arr.isNonEmptyArray }),
    Config.withDefault(["+1 415 555 0123"] as const)
  )
  const text = "Your code is 482913. It expires in 10 minutes."
  const info = segments(text)
  yield* Console.log(`text: ${info.characters} ${info.encoding} characters, ${info.units} unit(s)`)

  const messages = yield* Messages
  const sent = yield* messages.send({ src, dst, text })
  yield* Console.log(`queued ${sent.message_uuid.length} message(s), api_id ${sent.api_id}`)
  if (sent.invalid_number.length > 0) yield* Console.log(`skipped as invalid: ${sent.invalid_number.join(", ")}`)

  for (const uuid of sent.message_uuid) {
    const record = yield* messages.get(uuid)
    yield* Console.log(
      `${uuid}: ${record.message_state} to ${record.to_number} at ${DateTime.formatIso(record.message_time)}`
    )
  }
}).pipe(
  Effect.catchTags({
    InvalidParamsError: (e) => Console.error(`not sent: ${e.issue}`),
    ForbiddenError: (e) => Console.error(`Plivo refused the destination country (Geo Permissions): ${e.error}`)
  })
)

program.pipe(
  Effect.provide(Messages.layer.pipe(Layer.provide(Plivo.layer()))),
  NodeRuntime.runMain
)
