/**
 * What `media/` offers other resources: finding an uploaded file by id (a send's
 * `media_ids`). The only module of `media/` another folder may import.
 *
 * @internal
 */
import * as Context from "effect/Context"

/** An uploaded file as another resource sees it: metadata, not content. */
export interface LibraryFile {
  readonly mediaId: string
  readonly fileName: string
  readonly contentType: string
  readonly size: number
  readonly uploadMicros: number
}

/** The account media store, as other resources may use it. */
export class MediaLibrary extends Context.Tag("@plivo-effect/testing/emulator/MediaLibrary")<
  MediaLibrary,
  { readonly find: (mediaId: string) => LibraryFile | undefined }
>() {}
