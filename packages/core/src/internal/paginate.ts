import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import { hasNext, type ListMeta } from "../ListMeta.js"

export interface Page<A> {
  readonly meta?: ListMeta | undefined
  readonly items: ReadonlyArray<A>
}

/** A page is the last when it is short or its `meta.next` is null, empty or missing. */
const isLast = <A>(page: Page<A>, limit: number): boolean => page.items.length < limit || !hasNext(page.meta)

/**
 * Walks offset pages from `start`. Never trusts `total_count` to stop; with `concurrency`
 * above 1 and a `total_count` on the first page, the remaining pages are fetched
 * concurrently and still emitted in order.
 */
export const stream = <A, E, R>(options: {
  readonly start: number
  readonly limit: number
  readonly concurrency: number
  readonly fetch: (offset: number) => Effect.Effect<Page<A>, E, R>
}): Stream.Stream<A, E, R> => {
  const { concurrency, fetch, limit, start } = options
  const sequential = (from: number): Stream.Stream<A, E, R> =>
    Stream.paginateChunkEffect(from, (offset) =>
      fetch(offset).pipe(
        Effect.map((page) =>
          [Chunk.fromIterable(page.items), isLast(page, limit) ? Option.none() : Option.some(offset + limit)] as const
        )
      ))
  if (concurrency <= 1) return sequential(start)
  return Stream.unwrap(
    fetch(start).pipe(Effect.map((first) => {
      const head = Stream.fromIterable(first.items)
      if (isLast(first, limit)) return head
      const total = first.meta?.total_count
      if (total === undefined || total === null) return Stream.concat(head, sequential(start + limit))
      const offsets: Array<number> = []
      for (let offset = start + limit; offset < total; offset += limit) offsets.push(offset)
      // total_count only sizes the concurrent batch: if the batch ends on a full page with
      // a next link, the walk goes on page by page.
      let ended = false
      const rest = Stream.fromIterable(offsets).pipe(
        Stream.mapEffect(fetch, { concurrency }),
        Stream.takeUntil((page) => (ended = isLast(page, limit))),
        Stream.mapConcat((page) => page.items),
        Stream.concat(Stream.suspend(() => (ended ? Stream.empty : sequential(start + limit * (offsets.length + 1)))))
      )
      return Stream.concat(head, rest)
    }))
  )
}
