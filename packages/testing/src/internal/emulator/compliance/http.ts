/**
 * What every compliance handler does: read the body, find the record of the path, answer
 * a 400 or a page.
 *
 * @internal
 */
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type { RequestContext } from "../context.js"
import type { Fields } from "../fields.js"
import { readFields } from "../fields.js"
import { decodePageParams, listPage } from "../pagination.js"
import type { Handler } from "../resource.js"
import * as Responses from "../responses.js"
import type { ComplianceSlice } from "./slice.js"

type Answer = Effect.Effect<HttpServerResponse.HttpServerResponse>

/** 400 in Plivo's shape. */
export const badRequest = (ctx: RequestContext, error: string): HttpServerResponse.HttpServerResponse =>
  Responses.error(400, ctx.apiId, error)

/** Reads the JSON body, answering 400 / 413 itself when it cannot. */
export const withFields = (slice: ComplianceSlice, ctx: RequestContext, f: (fields: Fields) => Answer): Answer =>
  Effect.flatMap(readFields(ctx, slice.kernel.bodyLimits.json), (fields) => Either.isLeft(fields) ? Effect.succeed(fields.left) : f(fields.right))

/** A checked value, or the 400 of its refusal. */
export const orBadRequest = <A>(ctx: RequestContext, checked: Either.Either<A, string>, f: (a: A) => Answer): Answer =>
  Either.isLeft(checked) ? Effect.succeed(badRequest(ctx, checked.left)) : f(checked.right)

/** The record named by path segment `at`, or the 404 `notFound` text. */
export const withRecord = <A>(
  find: (id: string) => A | undefined,
  at: number,
  notFound: string,
  f: (a: A, ctx: RequestContext) => Answer
): Handler =>
(ctx) => {
  const a = find(ctx.segments[at] ?? "")
  return a === undefined ? Effect.succeed(Responses.error(404, ctx.apiId, notFound)) : f(a, ctx)
}

/** One page of `items` under `key` (10DLC lists: no `total_count`, as Plivo's captures show). */
export const page = <A>(ctx: RequestContext, options: {
  readonly path: string
  readonly key: string
  readonly items: ReadonlyArray<A>
  readonly render: (a: A) => Readonly<Record<string, unknown>>
  readonly totalCount: boolean
}): HttpServerResponse.HttpServerResponse => {
  const params = decodePageParams(ctx.query)
  if (Either.isLeft(params)) return badRequest(ctx, params.left)
  return listPage(ctx, { ...options, path: `/v1/Account/${ctx.authId}/${options.path}`, page: params.right })
}

/** Keeps the items whose `field` equals the query parameter `key`, when given. */
export const filterBy = <A>(
  items: ReadonlyArray<A>,
  query: URLSearchParams,
  key: string,
  field: (a: A) => unknown,
  normalize: (s: string) => string = (s) => s
): ReadonlyArray<A> => {
  const wanted = query.get(key)
  if (wanted === null || wanted === "") return items
  return items.filter((a) => normalize(String(field(a) ?? "")) === normalize(wanted))
}
