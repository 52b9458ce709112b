/**
 * JSON (or query) request bodies read as fields, and the typed readers of one field.
 * A refusal is the text of a 400.
 *
 * @internal
 */
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { payloadTooLarge, readBody } from "./body.js"
import type { RequestContext } from "./context.js"
import { parseJsonBody } from "./json.js"
import * as Responses from "./responses.js"

/** The fields of a JSON object body. */
export type Fields = Readonly<Record<string, unknown>>

/** A JSON object (not an array, not null). */
export const isRecord = (u: unknown): u is Fields => typeof u === "object" && u !== null && !Array.isArray(u)

/**
 * The JSON body as fields, with the query parameters under it (docs show `?unrent=true`
 * where SDKs send a JSON body). An empty body is `{}`.
 */
export const readFields = (
  ctx: RequestContext,
  limit: number
): Effect.Effect<Either.Either<Fields, HttpServerResponse.HttpServerResponse>> =>
  Effect.map(Effect.either(readBody(ctx.request, limit)), (raw) => {
    if (Either.isLeft(raw)) {
      return Either.left(
        raw.left._tag === "TooLarge"
          ? payloadTooLarge(ctx.apiId, limit)
          : Responses.error(400, ctx.apiId, "invalid json data sent in raw POST")
      )
    }
    const query: Record<string, unknown> = Object.fromEntries(ctx.query)
    if (raw.right.byteLength === 0) return Either.right(query)
    const parsed = parseJsonBody(raw.right)
    if (Either.isLeft(parsed) || !isRecord(parsed.right)) {
      return Either.left(Responses.error(400, ctx.apiId, "invalid json data sent in raw POST"))
    }
    return Either.right({ ...query, ...parsed.right })
  })

/** A boolean field: JSON booleans, or the strings `"true"` / `"false"` some SDKs send. */
export const booleanField = (fields: Fields, key: string): Either.Either<boolean | undefined, string> => {
  const v = fields[key]
  if (v === undefined || v === null) return Either.right(undefined)
  if (typeof v === "boolean") return Either.right(v)
  if (v === "true" || v === "True") return Either.right(true)
  if (v === "false" || v === "False") return Either.right(false)
  return Either.left(`${key} must be a boolean`)
}

/** An optional string field. */
export const stringField = (fields: Fields, key: string): Either.Either<string | undefined, string> => {
  const v = fields[key]
  if (v === undefined || v === null) return Either.right(undefined)
  return typeof v === "string" ? Either.right(v) : Either.left(`${key} must be a string`)
}

