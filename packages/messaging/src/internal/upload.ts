import type { InvalidParamsError } from "@plivo-effect/core/PlivoError"
import { PlivoDateTime } from "@plivo-effect/core/PlivoDateTime"
import { Issues, isText, preview } from "@plivo-effect/core/InvalidParams"
import { blankAsAbsent, optional } from "@plivo-effect/core/PlivoSchema"
import type * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import type { MediaFile, UploadResult } from "../MediaUpload.js"

const OPERATION = "Media.upload"

/** media.md: at most 10 files per request and 2 MB each (read as MiB: the docs do not say). */
export const MAX_FILES = 10
export const MAX_FILE_BYTES = 2 * 1024 * 1024

const MIME = /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+(?:\s*;.*)?$/

const sizeOf = (data: unknown): number | undefined =>
  data instanceof Uint8Array ? data.byteLength : data instanceof Blob ? data.size : undefined

/**
 * Checks the files against Plivo's limits and builds the multipart body: one `file` part
 * per file, with its name and content type.
 */
export const form = (files: ReadonlyArray<MediaFile>): Effect.Effect<FormData, InvalidParamsError> => {
  const issues = new Issues()
  if (!Array.isArray(files)) {
    issues.add("files must be an array")
    return issues.result(OPERATION, () => new FormData())
  }
  issues.check(files.length >= 1, "give at least one file")
  issues.check(files.length <= MAX_FILES, `at most ${MAX_FILES} files per upload, got ${files.length}`)
  files.forEach((file: MediaFile, i) => {
    const at = `files[${i}]`
    if (typeof file !== "object" || file === null) return issues.add(`${at} must be a file { name, contentType, data }, got ${preview(file)}`)
    issues.check(isText(file.name), `${at}.name must be a non-empty file name`)
    issues.check(
      typeof file.contentType === "string" && MIME.test(file.contentType),
      `${at}.contentType must be a MIME type such as image/jpeg, got ${preview(file.contentType)}`
    )
    const size = sizeOf(file.data)
    if (size === undefined) issues.add(`${at}.data must be a Uint8Array or a Blob`)
    else {
      issues.check(
        size <= MAX_FILE_BYTES,
        `${at} (${preview(file.name)}) has ${size} bytes; Plivo takes at most ${MAX_FILE_BYTES} (2 MiB) per file`
      )
    }
  })
  return issues.result(OPERATION, () => {
    const body = new FormData()
    for (const file of files) {
      body.append("file", new Blob([file.data], { type: file.contentType }), file.name)
    }
    return body
  })
}

const RawItem = Schema.Struct({
  media_id: optional(Schema.String),
  media_url: optional(Schema.String),
  url: optional(Schema.String),
  message_uuid: optional(Schema.String),
  file_name: optional(Schema.String),
  content_type: optional(Schema.String),
  size: optional(Schema.Number),
  upload_time: blankAsAbsent(PlivoDateTime),
  status: optional(Schema.String),
  status_code: optional(Schema.Number),
  error_code: optional(Schema.NullOr(Schema.Union(Schema.String, Schema.Number))),
  error_message: optional(Schema.NullOr(Schema.String))
})

type RawItem = typeof RawItem.Type

/** The upload answer before each file is classified. */
export const RawResponse = Schema.Struct({
  api_id: Schema.String,
  objects: Schema.Array(RawItem)
})

const hasErrorCode = (code: string | number | null | undefined): code is string | number =>
  code !== undefined && code !== null && code !== "" && code !== 0 && code !== "0"

const isFailure = (item: RawItem): boolean =>
  item.media_id === undefined ||
  (item.status !== undefined && item.status.toLowerCase() !== "success") ||
  (item.status_code !== undefined && (item.status_code < 200 || item.status_code > 299)) ||
  hasErrorCode(item.error_code) ||
  (item.error_message !== undefined && item.error_message !== null && item.error_message !== "")

/**
 * A file counts as stored only when it has a `media_id` and nothing says otherwise:
 * `status` other than `success`, a non-2xx `status_code`, or an error code or message.
 */
export const classify = (item: RawItem): UploadResult => {
  const { error_code, error_message, media_id, media_url, url, ...rest } = item
  if (media_id === undefined || isFailure(item)) {
    return {
      _tag: "Failed",
      ...rest,
      ...(media_id === undefined ? {} : { media_id }),
      ...(hasErrorCode(error_code) ? { error_code: String(error_code) } : {}),
      ...(error_message === undefined || error_message === null ? {} : { error_message })
    }
  }
  const link = media_url ?? url
  return { _tag: "Uploaded", ...rest, media_id, ...(link === undefined ? {} : { media_url: link }) }
}
