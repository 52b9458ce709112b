/**
 * The `Media` service: the account's media store, used by MMS through `media_ids`.
 *
 * @since 0.1.0
 */
import type { InvalidParamsError, PlivoError } from "@plivo-effect/core/PlivoError"
import { PlivoClient } from "@plivo-effect/core/PlivoClient"
import * as PlivoSpan from "@plivo-effect/core/PlivoSpan"
import { Issues, spanId } from "@plivo-effect/core/InvalidParams"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import * as Upload from "./internal/upload.js"
import { MediaList, MediaObject } from "./MediaObject.js"
import type { MediaFile, UploadResponse } from "./MediaUpload.js"

/**
 * @since 0.1.0
 * @category models
 */
export declare namespace Media {
  /**
   * @since 0.1.0
   */
  export interface Service {
    /**
     * `POST Media/` (multipart, one `file` part per file). At most 10 files of at most
     * 2 MiB each, checked before sending. Each file gets its own result: a file Plivo did
     * not store is a `Failed` result, not an error of the whole call. Plivo purges media
     * not used by an MMS within 6 hours.
     */
    readonly upload: (files: ReadonlyArray<MediaFile>) => Effect.Effect<UploadResponse, PlivoError>
    /** `GET Media/{media_id}/`. */
    readonly get: (media_id: string) => Effect.Effect<MediaObject, PlivoError>
    /** One page of `GET Media/`: `limit` 1–20 (default 20), `offset` ≥ 0. */
    readonly list: (params?: Media.ListParams) => Effect.Effect<MediaList, PlivoError>
    /**
     * Every media object, page after page; `limit` is the page size. None is emitted twice,
     * and a walk that stops advancing (pages repeated, cycled or reordered, or longer than
     * `limit`) fails with `DecodeError` rather than requesting pages forever.
     */
    readonly stream: (params?: { readonly limit?: number }) => Stream.Stream<MediaObject, PlivoError>
  }

  /**
   * @since 0.1.0
   */
  export interface ListParams {
    readonly limit?: number
    readonly offset?: number
  }
}

const resource = { "plivo.resource": "Media" }

/** Each call's span (see `PlivoSpan.resource` for why not `Effect.fn` or `annotateCurrentSpan`). */
const inSpan = PlivoSpan.resource(resource)

const pageQuery = (params: Media.ListParams): Effect.Effect<PlivoClient.Query, InvalidParamsError> => {
  const issues = new Issues()
  if (!issues.checkRecord(params, "the parameters")) return issues.result("Media.list", () => ({}))
  const { limit, offset } = params
  issues.checkLimit(limit)
  issues.checkOffset(offset)
  return issues.result("Media.list", () => ({
    ...(limit === undefined ? {} : { limit }),
    ...(offset === undefined ? {} : { offset })
  }))
}

/**
 * Media: upload files for MMS, read and list what the account stores. Plivo documents no
 * way to delete account media (unused uploads expire after 6 hours); to drop the media of
 * a sent MMS use `Messages.deleteMedia`.
 *
 * @since 0.1.0
 * @category services
 * @example
 * ```ts
 * import { Media, Messages } from "@plivo-effect/messaging"
 * import * as Effect from "effect/Effect"
 * import { readFile } from "node:fs/promises"
 *
 * const program = Effect.gen(function*() {
 *   const media = yield* Media
 *   const jpeg = yield* Effect.promise(() => readFile("cat.jpg"))
 *   const { objects } = yield* media.upload([{ name: "cat.jpg", contentType: "image/jpeg", data: jpeg }])
 *   const ids = objects.flatMap((r) => (r._tag === "Uploaded" ? [r.media_id] : []))
 *   const messages = yield* Messages
 *   return yield* messages.send({ src: "14155550100", dst: "14155550123", type: "mms", media_ids: ids })
 * })
 * ```
 */
export class Media extends Context.Tag("@plivo-effect/messaging/Media")<Media, Media.Service>() {
  /** Builds the service on a `PlivoClient`. */
  static readonly make: Effect.Effect<Media.Service, never, PlivoClient> = Effect.gen(function*() {
    const client = yield* PlivoClient

    const upload = (files: ReadonlyArray<MediaFile>): Effect.Effect<UploadResponse, PlivoError> =>
      inSpan("Media.upload", (span) =>
        Effect.flatMap(Upload.form(files), (form) =>
          Effect.map(client.postMultipart(["Media"], { schema: Upload.RawResponse, form }), (response) => {
            const objects = response.objects.map(Upload.classify)
            span.attribute("plivo.api_id", response.api_id)
            span.attribute("plivo.media.files", files.length)
            span.attribute("plivo.media.failed", objects.filter((r) => r._tag === "Failed").length)
            return { api_id: response.api_id, objects }
          })))

    const get = (media_id: string): Effect.Effect<MediaObject, PlivoError> =>
      inSpan("Media.get", (span) => {
        span.attribute("plivo.media_id", spanId(media_id))
        return client.get(["Media", media_id], { schema: MediaObject })
      })

    const list = (params: Media.ListParams = {}): Effect.Effect<MediaList, PlivoError> =>
      inSpan("Media.list", () =>
        Effect.flatMap(pageQuery(params), (query) => client.get(["Media"], { schema: MediaList, query })))

    const stream = (params: { readonly limit?: number } = {}): Stream.Stream<MediaObject, PlivoError> =>
      client.paginate(["Media"], { item: MediaObject, limit: params.limit ?? 20, itemKey: (m) => m.media_id }).pipe(
        Stream.withSpan("Media.stream", { attributes: resource })
      )

    return { upload, get, list, stream }
  })

  /** The service, given a `PlivoClient`. */
  static readonly layer: Layer.Layer<Media, never, PlivoClient> = Layer.effect(Media, Media.make)
}
