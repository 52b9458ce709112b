/**
 * Files as the media store holds them.
 *
 * @internal
 */

/** An upload kept by `POST Media/`. */
export interface MediaRecord {
  readonly mediaId: string
  readonly seq: number
  readonly fileName: string
  readonly contentType: string
  readonly size: number
  readonly uploadMicros: number
  readonly content: Uint8Array
}
