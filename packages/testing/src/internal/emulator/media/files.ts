/**
 * The account media store behind `POST Media/` (media.md): 10 files per request,
 * 2 MB per file.
 *
 * @internal
 */
import { uuid } from "../ids.js"
import type { MediaRecord } from "./model.js"
import type { MediaStore } from "./store.js"

/** @internal */
export const MAX_FILES_PER_UPLOAD = 10

/** @internal */
export const MAX_FILE_BYTES = 2 * 1024 * 1024

/** A file as received. */
export interface IncomingFile {
  readonly fileName: string
  readonly contentType: string
  readonly content: Uint8Array
}

/** What became of one file: stored, or refused with a reason. */
export type UploadResult =
  | { readonly _tag: "Stored"; readonly media: MediaRecord }
  | { readonly _tag: "Refused"; readonly file: IncomingFile; readonly reason: string }

/** Stores each acceptable file; the caller has already checked the file count. */
export const storeFiles = (
  store: MediaStore,
  files: ReadonlyArray<IncomingFile>,
  nowMicros: number
): ReadonlyArray<UploadResult> =>
  files.map((file, i): UploadResult => {
    if (file.content.byteLength > MAX_FILE_BYTES) {
      return { _tag: "Refused", file, reason: "file size exceeds the 2 MB limit" }
    }
    const media: MediaRecord = {
      mediaId: uuid(),
      seq: store.nextSeq(),
      fileName: file.fileName,
      contentType: file.contentType === "" ? "application/octet-stream" : file.contentType,
      size: file.content.byteLength,
      // Files of one request share a time but keep their order.
      uploadMicros: nowMicros + i,
      content: file.content
    }
    store.insert(media)
    return { _tag: "Stored", media }
  })
