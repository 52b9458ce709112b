/**
 * `Media/`: the account media store (uploads, lists), the handle's media operations,
 * and `MediaLibrary` for other resources.
 *
 * @internal
 */
import * as Context from "effect/Context"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import type { PlivoEmulator } from "../../../PlivoEmulator.js"
import { nowMicros } from "../clock.js"
import type { Resource } from "../resource.js"
import type { IncomingFile } from "./files.js"
import { storeFiles } from "./files.js"
import type { MediaRecord } from "./model.js"
import { MediaLibrary } from "./port.js"
import { mediaRoutes } from "./routes.js"
import type { MediaStore } from "./store.js"
import { makeMediaStore } from "./store.js"
import { mediaJson } from "./wire.js"

const emulatedMedia = (m: MediaRecord, authId: string): PlivoEmulator.Media => ({
  mediaId: m.mediaId,
  fileName: m.fileName,
  contentType: m.contentType,
  size: m.size,
  uploadTime: DateTime.unsafeMake(Math.floor(m.uploadMicros / 1000)),
  content: m.content,
  json: mediaJson(m, authId)
})

const mediaOperations = (store: MediaStore, authId: string): PlivoEmulator.MediaOperations => ({
  uploadMedia: (files) =>
    Effect.flatMap(nowMicros, (now) =>
      Effect.sync(() => {
        const incoming: Array<IncomingFile> = files.map((f) => ({
          fileName: f.fileName,
          contentType: f.contentType,
          content: typeof f.content === "string" ? new TextEncoder().encode(f.content) : f.content
        }))
        return storeFiles(store, incoming, now).flatMap((r) => r._tag === "Stored" ? [emulatedMedia(r.media, authId)] : [])
      })),
  media: Effect.sync(() => store.all().map((m) => emulatedMedia(m, authId)))
})

/** @internal */
export const MediaResource: Resource<PlivoEmulator.MediaOperations> = {
  make: (kernel) => {
    const store = makeMediaStore()
    return {
      routes: mediaRoutes(kernel, store),
      handle: mediaOperations(store, kernel.authId),
      reset: store.reset,
      provides: Context.make(MediaLibrary, { find: store.get })
    }
  }
}
