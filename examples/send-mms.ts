/**
 * Uploads an image to the account's media store, then sends it as an MMS by `media_ids`.
 *
 *   npx tsx --conditions=@plivo-effect/source examples/send-mms.ts
 *
 * Without PLIVO_AUTH_ID it talks to a stub that answers like Plivo. With PLIVO_AUTH_ID and
 * PLIVO_AUTH_TOKEN it sends for real, from PLIVO_SRC to PLIVO_DST (MMS is US/Canada only).
 */
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { PlivoClient, PlivoConfig } from "@plivo-effect/core"
import { Media, Messages, Messaging } from "@plivo-effect/messaging"
import { StubHttpClient } from "@plivo-effect/testing"
import { Config, type ConfigError, Console, Effect, Layer, Option } from "effect"

// A 1×1 transparent PNG, so the example needs no file on disk.
const pixel = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="),
  (c) => c.charCodeAt(0)
)

/** Answers `POST Media/` (one item per `file` part) and `POST Message/` the way Plivo does. */
const stubPlivo: StubHttpClient.Handler = (request) => {
  if (request.method === "POST" && request.resource === "Media/") {
    const objects = (request.formData?.getAll("file") ?? []).flatMap((part) => {
      if (!(part instanceof File)) return []
      const media_id = crypto.randomUUID()
      return [{
        media_id,
        file_name: part.name,
        content_type: part.type,
        size: part.size,
        status: "success",
        status_code: 201,
        upload_time: new Date().toISOString(),
        url: `https://media.plivo.com/Account/MASTUB/Media/${media_id}`
      }]
    })
    return StubHttpClient.json(200, { api_id: crypto.randomUUID(), objects })
  }
  if (request.method === "POST" && request.resource === "Message/") {
    const destinations = String(Object(request.json).dst).split("<")
    return StubHttpClient.json(202, {
      api_id: crypto.randomUUID(),
      message: "message(s) queued",
      message_uuid: destinations.map(() => crypto.randomUUID())
    })
  }
  return StubHttpClient.json(404, { api_id: crypto.randomUUID(), error: "not found" })
}

/** The one place that decides which Plivo this example talks to. */
const plivoClient = (): Layer.Layer<PlivoClient, ConfigError.ConfigError> =>
  Layer.unwrapEffect(
    Effect.map(Config.option(Config.string("PLIVO_AUTH_ID")), (authId) =>
      Option.isSome(authId)
        ? PlivoClient.layer.pipe(Layer.provide(PlivoConfig.layerConfig()), Layer.provide(NodeHttpClient.layer))
        : StubHttpClient.layerClient(stubPlivo)
    )
  )

const program = Effect.gen(function*() {
  const src = yield* Config.string("PLIVO_SRC").pipe(Config.withDefault("14155550100"))
  const dst = yield* Config.string("PLIVO_DST").pipe(Config.withDefault("+1 415 555 0123"))

  const media = yield* Media
  const upload = yield* media.upload([{ name: "pixel.png", contentType: "image/png", data: pixel }])
  for (const result of upload.objects) {
    yield* result._tag === "Uploaded"
      ? Console.log(`uploaded ${result.file_name ?? "?"} (${result.size ?? "?"} bytes) as ${result.media_id}`)
      : Console.log(`Plivo did not store ${result.file_name ?? "a file"}: ${result.error_message ?? result.status ?? "?"}`)
  }
  const mediaIds = upload.objects.flatMap((r) => (r._tag === "Uploaded" ? [r.media_id] : []))
  if (mediaIds.length === 0) return yield* Console.error("nothing to send")

  const messages = yield* Messages
  const sent = yield* messages.send({ src, dst, type: "mms", text: "Here is the picture", media_ids: mediaIds })
  yield* Console.log(`MMS queued as ${sent.message_uuid.join(", ")}`)
}).pipe(Effect.catchTag("InvalidParamsError", (e) => Console.error(`not sent: ${e.message}`)))

program.pipe(
  Effect.provide(Messaging.layer.pipe(Layer.provide(plivoClient()))),
  NodeRuntime.runMain
)
