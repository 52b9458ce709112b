/**
 * `limit` / `offset` and the `meta` block of list responses (overview.md "Pagination").
 *
 * @internal
 */
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type { RequestContext } from "./context.js"
import * as Responses from "./responses.js"

const Digits = Schema.String.pipe(Schema.pattern(/^\d+$/))

const Limit = Schema.compose(Digits, Schema.NumberFromString).pipe(Schema.int(), Schema.between(1, 20))

const Offset = Schema.compose(Digits, Schema.NumberFromString).pipe(Schema.int(), Schema.nonNegative())

const MESSAGES: Readonly<Record<string, string>> = {
  limit: "limit must be an integer between 1 and 20",
  offset: "offset must be a non-negative integer"
}

const PageParams = Schema.Struct({
  limit: Schema.optionalWith(Limit, { default: () => 20 }),
  offset: Schema.optionalWith(Offset, { default: () => 0 })
})

/** @internal */
export interface PageParams {
  readonly limit: number
  readonly offset: number
}

/** Reads `limit` (1–20, default 20) and `offset` (≥ 0); a bad value is a 400 text. */
export const decodePageParams = (query: URLSearchParams): Either.Either<PageParams, string> => {
  const input: Record<string, string> = {}
  for (const key of ["limit", "offset"]) {
    const value = query.get(key)
    if (value !== null) input[key] = value.trim()
  }
  return Either.mapLeft(Schema.decodeUnknownEither(PageParams)(input), (e) => {
    const [issue] = ParseResult.ArrayFormatter.formatErrorSync(e)
    return MESSAGES[String(issue?.path[0])] ?? "invalid limit or offset"
  })
}

/** `meta` with relative `next`/`previous` paths that keep the caller's other filters. */
export const pageMeta = (options: {
  readonly path: string
  readonly query: URLSearchParams
  readonly page: PageParams
  readonly hasMore: boolean
  readonly totalCount?: number | undefined
}): Record<string, unknown> => {
  const { limit, offset } = options.page
  const link = (at: number): string => {
    const q = new URLSearchParams(options.query)
    q.set("limit", String(limit))
    q.set("offset", String(at))
    return `${options.path}?${q.toString()}`
  }
  const meta: Record<string, unknown> = {
    limit,
    offset,
    next: options.hasMore ? link(offset + limit) : null,
    previous: offset > 0 ? link(Math.max(0, offset - limit)) : null
  }
  if (options.totalCount !== undefined) meta["total_count"] = options.totalCount
  return meta
}

/**
 * The 200 answer for one page of records held in memory: the page's slice, rendered, under
 * `key` (default `objects`), with `meta` and `total_count` (unless `totalCount` is false,
 * as on the 10DLC lists). `blankLinks` answers `""` for a missing `next` / `previous`, as
 * the number pool lists do.
 */
export const listPage = <A>(ctx: RequestContext, options: {
  readonly path: string
  readonly page: PageParams
  readonly items: ReadonlyArray<A>
  readonly render: (a: A) => Readonly<Record<string, unknown>>
  readonly blankLinks?: boolean
  readonly key?: string
  readonly totalCount?: boolean
}): HttpServerResponse.HttpServerResponse => {
  const { items, page } = options
  const meta = pageMeta({
    path: options.path,
    query: ctx.query,
    page,
    hasMore: items.length > page.offset + page.limit,
    totalCount: options.totalCount === false ? undefined : items.length
  })
  return Responses.json(200, ctx.apiId, {
    meta: options.blankLinks === true ? { ...meta, next: meta["next"] ?? "", previous: meta["previous"] ?? "" } : meta,
    [options.key ?? "objects"]: items.slice(page.offset, page.offset + page.limit).map(options.render)
  })
}
