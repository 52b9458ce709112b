/**
 * Input and per-file outcome of `Media.upload`.
 *
 * @since 0.1.0
 */
import type * as DateTime from "effect/DateTime"
import type { MediaObject } from "./MediaObject.js"

/**
 * One file to upload. `contentType` is passed through as the part's MIME type (Plivo's
 * own allow-list is not documented; JPEG, PNG, GIF, MP4, PDF, vCard and text are safe).
 *
 * @since 0.1.0
 * @category models
 */
export interface MediaFile {
  /** File name sent in the part's `Content-Disposition`. */
  readonly name: string
  /** MIME type, e.g. `image/jpeg`. */
  readonly contentType: string
  /** At most 2 MiB. */
  readonly data: Uint8Array | Blob
}

/**
 * A file Plivo stored: use `media_id` in `media_ids` of an MMS.
 *
 * @since 0.1.0
 * @category models
 */
export interface UploadedMedia extends MediaObject {
  readonly _tag: "Uploaded"
  /** `"success"`. */
  readonly status?: string
  /** `201` per file. */
  readonly status_code?: number
}

/**
 * A file Plivo reported as not stored, with whatever detail it gave.
 *
 * @since 0.1.0
 * @category models
 */
export interface FailedUpload {
  readonly _tag: "Failed"
  readonly media_id?: string
  readonly file_name?: string
  readonly content_type?: string
  readonly size?: number
  readonly upload_time?: DateTime.Utc
  readonly status?: string
  readonly status_code?: number
  readonly error_code?: string
  readonly error_message?: string
}

/**
 * The outcome of one file. An upload answers 2xx as a whole while each file has its own
 * outcome, so a failed file is a value here, not an error.
 *
 * @since 0.1.0
 * @category models
 */
export type UploadResult = UploadedMedia | FailedUpload

/**
 * What `Media.upload` returns: one result per file, in Plivo's order (the upload order).
 *
 * @example
 * ```ts
 * import { Media } from "@plivo-effect/messaging"
 * import * as Effect from "effect/Effect"
 *
 * const upload = (bytes: Uint8Array) =>
 *   Effect.gen(function*() {
 *     const media = yield* Media
 *     const { objects } = yield* media.upload([{ name: "a.jpg", contentType: "image/jpeg", data: bytes }])
 *     return objects.flatMap((r) => (r._tag === "Uploaded" ? [r.media_id] : []))
 *   })
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface UploadResponse {
  readonly api_id: string
  readonly objects: ReadonlyArray<UploadResult>
}
