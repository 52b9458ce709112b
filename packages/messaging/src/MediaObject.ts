/**
 * A stored media file: an upload in the account's `Media/` store, or an attachment of an
 * MMS under `Message/{uuid}/Media/`.
 *
 * @since 0.1.0
 */
import { PlivoDateTime } from "@plivo-effect/core/PlivoDateTime"
import * as Schema from "effect/Schema"
import { blankAsAbsent, ListPage, optional } from "@plivo-effect/core/PlivoSchema"

const fields = {
  /** Present on single-object responses (`Media.get`). */
  api_id: optional(Schema.String),
  media_id: Schema.String,
  /** Set on MMS attachments. */
  message_uuid: optional(Schema.String),
  /** May hold a path, e.g. `/media/XbxZ41fWLeRECPsGIJ/source.gif`. */
  file_name: optional(Schema.String),
  content_type: optional(Schema.String),
  /** Bytes. */
  size: optional(Schema.Number),
  upload_time: blankAsAbsent(PlivoDateTime)
}

const Wire = Schema.Struct({ ...fields, media_url: optional(Schema.String), url: optional(Schema.String) })

const Decoded = Schema.Struct({ ...fields, media_url: optional(Schema.String) })

/**
 * A media object. Plivo names its link `media_url` in the docs and `url` in most SDK
 * fixtures; both decode to `media_url` (`media_url` wins when both are present). Only
 * `media_id` is required; unknown fields are ignored.
 *
 * @example
 * ```ts
 * import * as Schema from "effect/Schema"
 * import { MediaObject } from "@plivo-effect/messaging"
 *
 * Schema.decodeUnknownSync(MediaObject)({ media_id: "m1", url: "https://media.plivo.com/…" }).media_url
 * ```
 *
 * @since 0.1.0
 * @category schemas
 */
export const MediaObject = Schema.transform(Wire, Schema.typeSchema(Decoded), {
  strict: true,
  decode: ({ media_url, url, ...rest }) => {
    const link = media_url ?? url
    return link === undefined ? rest : { ...rest, media_url: link }
  },
  encode: (media) => media
}).annotations({ identifier: "MediaObject" })

/**
 * @since 0.1.0
 * @category models
 */
export interface MediaObject extends Schema.Schema.Type<typeof MediaObject> {}

/**
 * One page of `GET Media/`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const MediaList = Schema.Struct({
  api_id: Schema.String,
  ...ListPage(MediaObject, "objects").fields
}).annotations({ identifier: "MediaList" })

/**
 * @since 0.1.0
 * @category models
 */
export interface MediaList extends Schema.Schema.Type<typeof MediaList> {}

/**
 * The attachments of one MMS (`GET Message/{uuid}/Media/`). Plivo sends no `meta` here.
 *
 * @since 0.1.0
 * @category schemas
 */
export const MessageMediaList = Schema.Struct({
  api_id: Schema.String,
  objects: Schema.Array(MediaObject)
}).annotations({ identifier: "MessageMediaList" })

/**
 * @since 0.1.0
 * @category models
 */
export interface MessageMediaList extends Schema.Schema.Type<typeof MessageMediaList> {}
