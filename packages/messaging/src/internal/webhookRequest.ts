import type * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Stream from "effect/Stream"

/** Why a request was refused before its signature was checked. */
export type ReadFailure = "TooLarge" | "Unreadable"

export interface Incoming {
  /** Every value of every parameter, as signed. */
  readonly all: Record<string, Array<string>>
  /** The first value of each parameter, as decoded. */
  readonly first: Record<string, string>
}

const collect = (pairs: Iterable<readonly [string, string]>): Incoming => {
  const all: Record<string, Array<string>> = {}
  const first: Record<string, string> = {}
  for (const [key, value] of pairs) {
    ;(all[key] ??= []).push(value)
    if (!(key in first)) first[key] = value
  }
  return { all, first }
}

const decoder = new TextDecoder()

/** Reads the body, refusing to buffer more than `maxBytes`. */
const boundedText = (request: HttpServerRequest.HttpServerRequest, maxBytes: number) => {
  const declared = Number(request.headers["content-length"] ?? "0")
  if (declared > maxBytes) return Effect.fail<ReadFailure>("TooLarge")
  const initial: { readonly size: number; readonly parts: Array<Uint8Array> } = { size: 0, parts: [] }
  return request.stream.pipe(
    Stream.mapError((): ReadFailure => "Unreadable"),
    Stream.runFoldEffect(initial, (acc, chunk) => {
      const size = acc.size + chunk.length
      if (size > maxBytes) return Effect.fail<ReadFailure>("TooLarge")
      acc.parts.push(chunk)
      return Effect.succeed({ size, parts: acc.parts })
    }),
    Effect.map(({ parts, size }) => {
      const bytes = new Uint8Array(size)
      let at = 0
      for (const part of parts) {
        bytes.set(part, at)
        at += part.length
      }
      return decoder.decode(bytes)
    })
  )
}

/** Path and query of the request as it arrived; web requests carry an absolute URL. */
const pathAndQuery = (request: HttpServerRequest.HttpServerRequest): string => {
  const url = request.originalUrl
  if (url.startsWith("/")) return url
  const afterScheme = url.indexOf("//")
  const slash = url.indexOf("/", afterScheme < 0 ? 0 : afterScheme + 2)
  return slash < 0 ? "/" : url.slice(slash)
}

/**
 * The parameters Plivo sent: the query for GET, the form body for POST. The query of a
 * POST is part of the signed URL, not of the parameters.
 */
export const readParams = (
  request: HttpServerRequest.HttpServerRequest,
  maxBytes: number
): Effect.Effect<Incoming, ReadFailure> => {
  if (request.method === "GET") {
    const target = pathAndQuery(request)
    const query = target.indexOf("?")
    return Effect.succeed(collect(new URLSearchParams(query < 0 ? "" : target.slice(query + 1))))
  }
  return boundedText(request, maxBytes).pipe(Effect.map((text) => collect(new URLSearchParams(text))))
}

/**
 * The URL Plivo signed: the public origin it was configured with, then the path and query
 * this server received. A proxy may change scheme, host and port, never the path.
 */
export const signedUrl = (publicBaseUrl: string, request: HttpServerRequest.HttpServerRequest): string =>
  publicBaseUrl + pathAndQuery(request)

export const normalizeBaseUrl = (input: string): Either.Either<string, string> => {
  try {
    const url = new URL(input)
    if (url.protocol !== "https:" && url.protocol !== "http:") return Either.left("must be http or https")
    if (url.search !== "" || url.hash !== "") return Either.left("must not hold a query or fragment")
    return Either.right(`${url.origin}${url.pathname}`.replace(/\/+$/, ""))
  } catch {
    return Either.left("is not a valid URL")
  }
}
