/**
 * Sends one SMS to one or more destinations, then reads its record back.
 *
 *   npx tsx --conditions=@plivo-effect/source examples/send-sms.ts
 *
 * Without PLIVO_AUTH_ID it talks to a stub that answers like Plivo. With PLIVO_AUTH_ID and
 * PLIVO_AUTH_TOKEN it sends for real, from PLIVO_SRC to PLIVO_DST (comma-separated).
 */
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { PlivoClient, PlivoConfig } from "@plivo-effect/core"
import { Messages, segments } from "@plivo-effect/messaging"
import { StubHttpClient } from "@plivo-effect/testing"
import { Array as Arr, Config, type ConfigError, Console, DateTime, Effect, Layer, Option } from "effect"

/** Answers `POST Message/` and `GET Message/{uuid}/` the way Plivo does, remembering what was sent. */
const stubPlivo = (): StubHttpClient.Handler => {
  const sent = new Map<string, { readonly src: string; readonly dst: string; readonly at: Date }>()
  return (request) => {
    if (request.method === "POST" && request.resource === "Message/") {
      const body = Object(request.json)
      const uuids = String(body.dst).split("<").map((dst) => {
        const uuid = crypto.randomUUID()
        sent.set(uuid, { src: String(body.src), dst, at: new Date() })
        return uuid
      })
      return StubHttpClient.json(202, { api_id: crypto.randomUUID(), message: "message(s) queued", message_uuid: uuids })
    }
    const [, uuid = ""] = /^Message\/([^/]+)\/$/.exec(request.resource) ?? []
    const message = sent.get(uuid)
    if (request.method !== "GET" || message === undefined) {
      return StubHttpClient.json(404, { api_id: crypto.randomUUID(), error: "not found" })
    }
    return StubHttpClient.json(200, {
      api_id: crypto.randomUUID(),
      message_uuid: uuid,
      // Plivo's format: space separator, the account's UTC offset (here +00:00).
      message_time: message.at.toISOString().replace("T", " ").replace("Z", "+00:00"),
      message_direction: "outbound",
      message_state: "queued",
      message_type: "sms",
      from_number: message.src,
      to_number: message.dst,
      units: 1,
      total_rate: "0.00500",
      total_amount: "0.00500",
      error_code: null
    })
  }
}

/** The one place that decides which Plivo this example talks to. */
const plivoClient = (): Layer.Layer<PlivoClient, ConfigError.ConfigError> =>
  Layer.unwrapEffect(
    Effect.map(Config.option(Config.string("PLIVO_AUTH_ID")), (authId) =>
      Option.isSome(authId)
        ? PlivoClient.layer.pipe(Layer.provide(PlivoConfig.layerConfig()), Layer.provide(NodeHttpClient.layer))
        : StubHttpClient.layerClient(stubPlivo())
    )
  )

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
  Effect.provide(Messages.layer.pipe(Layer.provide(plivoClient()))),
  NodeRuntime.runMain
)
