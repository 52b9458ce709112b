import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import { hasNext, type ListMeta } from "../ListMeta.js"
import { RecentKeys } from "./recentKeys.js"

export interface Page<A> {
  readonly meta?: ListMeta | undefined
  readonly items: ReadonlyArray<A>
  /**
   * The page's items as `JSON.parse` read them from the server's answer, to tell a page that
   * repeats the one before.
   */
  readonly raw?: ReadonlyArray<unknown> | undefined
}

/** `null` as `JSON.stringify` writes it: `JSON.parse` reads `1e400` as `Infinity`, written back as `null`. */
const writesNull = (v: unknown): boolean => v === null || (typeof v === "number" && !Number.isFinite(v))

/**
 * Whether two values from `JSON.parse` would be written as the same JSON text (keys in the
 * same order included), without writing either: serialising every page to compare it with
 * the one before cost about as much as parsing it, where two pages that differ (every page
 * of a walk that advances) differ at their first record's first differing field.
 */
export const sameJson = (a: unknown, b: unknown): boolean => {
  if (a === b) return true
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) {
    return writesNull(a) && writesNull(b)
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false
    return true
  }
  if (Array.isArray(b)) return false
  const keys = Object.keys(a)
  const others = Object.keys(b)
  if (keys.length !== others.length) return false
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!
    if (key !== others[i] || !sameJson(Reflect.get(a, key), Reflect.get(b, key))) return false
  }
  return true
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
 * Full pages in a row that bring no new key before a keyed walk is taken to be going round
 * in circles (a server cycling through pages, or reordering one, while ignoring `offset`).
 * A row shifts onto a later page only through a late write above the walk, and a whole page
 * of repeats needs `limit` of them between two fetches: three such pages in a row do not
 * happen to a walk that advances.
 */
const MAX_STALE_PAGES = 3

/**
 * How many of the latest keys a keyed walk remembers. A row repeats on a later page only
 * when rows written above the walk (late writes inside its time bounds) push it back past
 * the offset reached, so it reappears at most as many rows back as were written in the
 * meantime: 2,000 rows, 100 pages of 20, is far beyond what a walk pinned to its start
 * meets. Remembering every key instead grew by about 100 bytes a row (10 MB per 100,000),
 * so memory was not flat over a long history; the window holds about 200 KB at most. A
 * server cycling through more than 2,000 rows while ignoring `offset` is not caught by the
 * stale check; one repeating a page is, by comparing it with the page before.
 */
export const KEY_WINDOW = 2_000

/**
 * Walks offset pages from `start`. Never trusts `total_count` to stop, nor to size any
 * work up front: with `concurrency` above 1 and a usable `total_count` on the first page,
 * offsets are produced one at a time as pages are fetched, at most `concurrency` in flight,
 * and items are still emitted in order. A full page identical to the page before it (a
 * server ignoring `offset` while `meta.next` points on) fails with `repeated` instead of
 * emitting the same items forever; a page longer than `limit` (a server ignoring `limit`,
 * so that no offset arithmetic is safe) fails with `stuck`.
 *
 * With `key`, an item whose key was among the last `KEY_WINDOW` keys emitted is dropped, and
 * `MAX_STALE_PAGES` full pages in a row with no new key fail with `stuck`. See `KEY_WINDOW`
 * for why a window and not every key. Relying on the order instead would need no memory,
 * but Plivo documents no order among rows of the same time, and a wrong guess there would
 * silently drop rows.
 */
export const stream = <A, E, R>(options: {
  readonly start: number
  readonly limit: number
  readonly concurrency: number
  readonly fetch: (offset: number) => Effect.Effect<Page<A>, E, R>
  readonly repeated: (offset: number) => E
  readonly stuck: (offset: number, reason: string) => E
  readonly key?: ((item: A) => string) | undefined
}): Stream.Stream<A, E, R> =>
  Stream.suspend(() => {
    const { concurrency, fetch, key, limit, repeated, start, stuck } = options
    // Per run of the stream: the raw items of the last page emitted (that one page only, so
    // memory stays flat), the latest keys emitted, and how many full pages in a row brought none.
    let previous: ReadonlyArray<unknown> | undefined
    const seen = new RecentKeys(KEY_WINDOW)
    let stale = 0
    const checked = (offset: number, page: Page<A>): Effect.Effect<Page<A> & { readonly last: boolean }, E> => {
      if (page.items.length > limit) {
        return Effect.fail(stuck(offset, `holds ${page.items.length} items, more than the limit of ${limit} asked for (the server ignores limit?)`))
      }
      if (page.raw !== undefined && page.items.length > 0 && previous !== undefined && sameJson(page.raw, previous)) {
        return Effect.fail(repeated(offset))
      }
      previous = page.raw
      const last = isLast(page, limit)
      if (key === undefined) return Effect.succeed({ ...page, last })
      const items = page.items.filter((item) => seen.add(key(item)))
      stale = items.length > 0 || page.items.length < limit ? 0 : stale + 1
      if (stale >= MAX_STALE_PAGES) {
        return Effect.fail(stuck(offset, `makes ${stale} full pages in a row with nothing new: the listing does not advance`))
      }
      return Effect.succeed({ ...page, items, last })
    }
    const fetchChecked = (offset: number) => Effect.flatMap(fetch(offset), (page) => checked(offset, page))
    // Page after page, one page ahead: when a page is handed on, the next is already being
    // fetched (and checked) while the consumer works through this one. Nothing more: the
    // prefetch is joined before the one after is started, and it is interrupted with the
    // stream's scope, so a consumer that stops makes no request beyond that one page. Its
    // failure is met when the consumer asks for that page, after this page's items.
    const sequential = (from: number): Stream.Stream<A, E, R> =>
      Stream.unwrapScoped(Effect.map(Effect.scope, (scope) => {
        interface Ahead {
          readonly offset: number
          readonly page: Fiber.Fiber<Page<A> & { readonly last: boolean }, E> | undefined
        }
        return Stream.paginateChunkEffect<Ahead, A, E, R>({ offset: from, page: undefined }, ({ offset, page }) =>
          Effect.flatMap(page === undefined ? fetchChecked(offset) : Fiber.join(page), (current) => {
            const items = Chunk.unsafeFromArray(current.items)
            if (current.last) return Effect.succeed([items, Option.none<Ahead>()] as const)
            const next = offset + limit
            return Effect.map(
              Effect.forkIn(fetchChecked(next), scope),
              (fiber) => [items, Option.some<Ahead>({ offset: next, page: fiber })] as const
            )
          }))
      }))
    if (concurrency <= 1) return sequential(start)
    return Stream.unwrap(
      fetch(start).pipe(
        Effect.flatMap((first) => checked(start, first)),
        Effect.map((first) => {
          const head = Stream.fromIterable(first.items)
          if (first.last) return head
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
            Stream.takeUntil((page) => (ended = page.last)),
            Stream.mapConcat((page) => page.items),
            Stream.concat(Stream.suspend(() => (ended ? Stream.empty : sequential(last + limit))))
          )
          return Stream.concat(head, rest)
        })
      )
    )
  })
