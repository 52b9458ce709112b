/**
 * Media rendered as Plivo's JSON (media.md).
 *
 * @internal
 */
import type { Json } from "../responses.js"
import { formatIsoTime } from "../time.js"
import type { MediaRecord } from "./model.js"

/** Public URL of an account media file (media.md). */
export const mediaUrl = (authId: string, mediaId: string): string =>
  `https://media.plivo.com/Account/${authId}/Media/${mediaId}`

/** A media object of `GET Media/{id}/` and `GET Media/` items. */
export const mediaJson = (m: MediaRecord, authId: string): Json => ({
  media_id: m.mediaId,
  file_name: m.fileName,
  content_type: m.contentType,
  size: m.size,
  upload_time: formatIsoTime(m.uploadMicros),
  media_url: mediaUrl(authId, m.mediaId)
})
