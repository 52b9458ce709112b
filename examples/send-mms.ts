/**
 * Uploads an image to the account's media store, then sends it as an MMS by `media_ids`.
 *
 *   npx tsx --conditions=@plivo-effect/source examples/send-mms.ts
 *
 * It runs against the in-process Plivo emulator unless PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN
 * are set and `--live` is given; then it sends for real, from PLIVO_SRC to PLIVO_DST (MMS
 * is US/Canada only).
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Media, Messages, Messaging } from "@plivo-effect/messaging"
import { Config, Console, Effect, Layer } from "effect"
import * as Plivo from "./lib/plivo.js"

// A 1×1 transparent PNG, so the example needs no file on disk.
const pixel = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="),
  (c) => c.charCodeAt(0)
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
  Effect.provide(Messaging.layer.pipe(Layer.provide(Plivo.layer()))),
  NodeRuntime.runMain
)
