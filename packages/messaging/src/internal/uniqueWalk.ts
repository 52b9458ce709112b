import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"

/**
 * Full pages in a row that bring nothing new before a walk is taken to be going round in
 * circles (a server cycling through the same pages). Rows shift onto a later page only
 * through late writes above the walk, and a whole page of repeats needs `limit` of them
 * between two fetches: three such pages in a row do not happen to a walk that advances.
 */
const MAX_STALE_PAGES = 3

/** Why a walk was stopped: it stopped making progress at `offset`. */
export interface Stuck {
  readonly offset: number
  readonly reason: string
}

/**
 * Emits each item of an offset walk once, and stops a walk that no longer advances.
 *
 * - Every key emitted is remembered for the whole stream, not a recent window: a row
 *   pushed back by a late write can reappear any number of pages later. Memory grows by
 *   one key per message, about 100 bytes, so 10 MB per 100,000 messages; Plivo's rate limit
 *   on `GET Message/` (20 pages of 20 a minute) keeps that growth to ~0.5 MB a minute.
 *   Relying on the pinned time bound and the newest-first order instead would need no
 *   memory, but Plivo documents no order among rows of the same `message_time`, and a
 *   guess wrong there would silently drop messages.
 * - Every page but the last is full (`pageSize` items), so pages are recovered by count.
 *   `MAX_STALE_PAGES` full pages in a row with nothing new (a server cycling through the
 *   same pages) fail the stream with `onStuck` instead of requesting pages forever. A page
 *   identical to the one before is already stopped by core's `paginate`.
 */
export const uniqueWalk = <A, E, R, E2>(
  stream: Stream.Stream<A, E, R>,
  options: {
    readonly key: (a: A) => string
    readonly pageSize: number
    readonly onStuck: (stuck: Stuck) => E2
  }
): Stream.Stream<A, E | E2, R> =>
  Stream.suspend(() => {
    const { key, onStuck, pageSize } = options
    const seen = new Set<string>()
    let page = 0
    let offset = 0
    let fresh = false
    let stale = 0
    return Stream.mapChunksEffect(stream, (chunk) => {
      const out: Array<A> = []
      for (const item of chunk) {
        const k = key(item)
        page++
        if (!seen.has(k)) {
          seen.add(k)
          fresh = true
          out.push(item)
        }
        if (page < pageSize) continue
        stale = fresh ? 0 : stale + 1
        if (stale >= MAX_STALE_PAGES) {
          return Effect.fail(onStuck({ offset, reason: `is the ${stale}th full page in a row with no new item` }))
        }
        page = 0
        fresh = false
        offset += pageSize
      }
      return Effect.succeed(Chunk.unsafeFromArray(out))
    })
  })
