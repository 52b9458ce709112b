/**
 * The account media store: uploads in order, and by id.
 *
 * @internal
 */
import type { MediaRecord } from "./model.js"

/** @internal */
export interface MediaStore {
  readonly nextSeq: () => number
  readonly insert: (media: MediaRecord) => void
  readonly get: (mediaId: string) => MediaRecord | undefined
  readonly all: () => ReadonlyArray<MediaRecord>
  /** One page, newest first, with the store's size. */
  readonly list: (offset: number, limit: number) => {
    readonly items: ReadonlyArray<MediaRecord>
    readonly hasMore: boolean
    readonly total: number
  }
  readonly reset: () => void
}

/** @internal */
export const makeMediaStore = (): MediaStore => {
  let seq = 0
  let media: Array<MediaRecord> = []
  let byId = new Map<string, MediaRecord>()
  return {
    nextSeq: () => ++seq,
    insert: (m) => {
      media.push(m)
      byId.set(m.mediaId, m)
    },
    get: (id) => byId.get(id),
    all: () => media.slice(),
    list: (offset, limit) => {
      const items: Array<MediaRecord> = []
      for (let i = media.length - 1 - offset; i >= 0 && items.length < limit; i--) {
        const m = media[i]
        if (m !== undefined) items.push(m)
      }
      return { items, hasMore: media.length > offset + limit, total: media.length }
    },
    reset: () => {
      media = []
      byId = new Map()
    }
  }
}
