import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import { hasNext, type ListMeta } from "../ListMeta.js"

export interface Page<A> {
  readonly meta?: ListMeta | undefined
  readonly items: ReadonlyArray<A>
  /** The page's items as the server sent them, to tell a page that repeats the one before. */
  readonly fingerprint?: string | undefined
}

/** A page is the last when it is short or its `meta.next` is null, empty or missing. */
const isLast = <A>(page: Page<A>, limit: number): boolean => page.items.length < limit || !hasNext(page.meta)

/**
 * `total_count` as a bound for concurrent fetching, or `undefined` when it cannot be one:
 * missing, negative, not finite (JSON reads `1e400` as `Infinity`) or beyond exact integers.
 */
const usableTotal = (meta: ListMeta | undefined): number | undefined => {
  const total = meta?.total_count
  return typeof total === "number" && Number.isSafeInteger(total) && total >= 0 ? total : undefined
}

/**
 * Walks offset pages from `start`. Never trusts `total_count` to stop, nor to size any
 * work up front: with `concurrency` above 1 and a usable `total_count` on the first page,
 * offsets are produced one at a time as pages are fetched, at most `concurrency` in flight,
 * and items are still emitted in order. A full page identical to the page before it (a
 * server ignoring `offset` while `meta.next` points on) fails with `repeated` instead of
 * emitting the same items forever.
 */
export const stream = <A, E, R>(options: {
  readonly start: number
  readonly limit: number
  readonly concurrency: number
  readonly fetch: (offset: number) => Effect.Effect<Page<A>, E, R>
  readonly repeated: (offset: number) => E
}): Stream.Stream<A, E, R> =>
  Stream.suspend(() => {
    const { concurrency, fetch, limit, repeated, start } = options
    // Per run of the stream: the fingerprint of the last page emitted.
    let previous: string | undefined
    const checked = (offset: number, page: Page<A>): Effect.Effect<Page<A>, E> => {
      if (page.fingerprint !== undefined && page.items.length > 0 && page.fingerprint === previous) {
        return Effect.fail(repeated(offset))
      }
      previous = page.fingerprint
      return Effect.succeed(page)
    }
    const sequential = (from: number): Stream.Stream<A, E, R> =>
      Stream.paginateChunkEffect(from, (offset) =>
        fetch(offset).pipe(
          Effect.flatMap((page) => checked(offset, page)),
          Effect.map((page) =>
            [Chunk.fromIterable(page.items), isLast(page, limit) ? Option.none() : Option.some(offset + limit)] as const
          )
        ))
    if (concurrency <= 1) return sequential(start)
    return Stream.unwrap(
      fetch(start).pipe(
        Effect.flatMap((first) => checked(start, first)),
        Effect.map((first) => {
          const head = Stream.fromIterable(first.items)
          if (isLast(first, limit)) return head
          const total = usableTotal(first.meta)
          if (total === undefined) return Stream.concat(head, sequential(start + limit))
          // total_count only bounds the concurrent part: if it ends on a full page with a
          // next link, the walk goes on page by page.
          let last = start
          let ended = false
          const rest = Stream.iterate(start + limit, (offset) => offset + limit).pipe(
            Stream.takeWhile((offset) => offset < total),
            Stream.mapEffect((offset) => Effect.map(fetch(offset), (page) => [offset, page] as const), { concurrency }),
            Stream.mapEffect(([offset, page]) => {
              last = offset
              return checked(offset, page)
            }),
            Stream.takeUntil((page) => (ended = isLast(page, limit))),
            Stream.mapConcat((page) => page.items),
            Stream.concat(Stream.suspend(() => (ended ? Stream.empty : sequential(last + limit))))
          )
          return Stream.concat(head, rest)
        })
      )
    )
  })
