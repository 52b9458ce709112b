import type * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import { quote } from "../InvalidParams.js"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import { isNodeBody, readNodeBody } from "./nodeBody.js"
import { isCleanHttpUrl } from "../HttpUrl.js"

/** Why a request was refused before its signature was checked. */
export type ReadFailure = "TooLarge" | "Unreadable" | "Timeout"

export interface Incoming {
  /** Every value of every parameter, as signed. */
  readonly all: Record<string, Array<string>>
  /** The first value of each parameter, as decoded. */
  readonly first: Record<string, string>
}

/**
 * Groups the pairs by key. A Map, not an object literal: parameter names are the sender's
 * choice, and `__proto__`, `constructor` or `toString` must be plain keys, not lookups
 * into `Object.prototype`. `Object.fromEntries` then makes each an own property.
 */
const collect = (pairs: Iterable<readonly [string, string]>): Incoming => {
  const grouped = new Map<string, Array<string>>()
  for (const [key, value] of pairs) {
    const values = grouped.get(key)
    if (values === undefined) grouped.set(key, [value])
    else values.push(value)
  }
  return {
    all: Object.fromEntries(grouped),
    first: Object.fromEntries(Array.from(grouped, ([key, values]) => [key, values[0] ?? ""]))
  }
}

const decoder = new TextDecoder()

/** A web request's body, pulled chunk by chunk; failing stops the pulls and cancels the body. */
const webBytes = (request: HttpServerRequest.HttpServerRequest, maxBytes: number) => {
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
      return bytes
    })
  )
}

/**
 * Reads the body, refusing to buffer more than `maxBytes` or to wait longer than
 * `timeout` for it: a sender trickling bytes would otherwise hold the connection open
 * with no answer for as long as it likes. A Node body is read from its stream directly,
 * so that stopping early leaves the socket up for the refusal.
 */
const boundedText = (request: HttpServerRequest.HttpServerRequest, maxBytes: number, timeout: Duration.Duration) => {
  const declared = Number(request.headers["content-length"] ?? "0")
  if (declared > maxBytes) return Effect.fail<ReadFailure>("TooLarge")
  const source = request.source
  const bytes: Effect.Effect<Uint8Array, ReadFailure> = isNodeBody(source)
    ? readNodeBody(source, maxBytes)
    : webBytes(request, maxBytes)
  return bytes.pipe(
    Effect.map((bytes) => decoder.decode(bytes)),
    Effect.timeoutFail({ duration: timeout, onTimeout: (): ReadFailure => "Timeout" })
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
  maxBytes: number,
  timeout: Duration.Duration
): Effect.Effect<Incoming, ReadFailure> => {
  if (request.method === "GET") {
    const target = pathAndQuery(request)
    const query = target.indexOf("?")
    return Effect.succeed(collect(new URLSearchParams(query < 0 ? "" : target.slice(query + 1))))
  }
  return boundedText(request, maxBytes, timeout).pipe(Effect.map((text) => collect(new URLSearchParams(text))))
}

/**
 * The URL Plivo signed: the public base it was configured with, then the path and query
 * this server received, concatenated as text. A proxy may change scheme, host and port,
 * never the path.
 */
export const signedUrl = (publicBaseUrl: string, request: HttpServerRequest.HttpServerRequest): string =>
  publicBaseUrl + pathAndQuery(request)

/**
 * Checks the configured base and returns it as written, less trailing slashes (the path
 * received starts with one). It is not rewritten through `URL`: Plivo signs the URL
 * exactly as configured, and `URL` would lower-case the host, drop a default port, or
 * resolve dot segments, turning every valid signature into a 403.
 */
export const checkBaseUrl = (input: string): Either.Either<string, string> => {
  if (!isCleanHttpUrl(input)) {
    return Either.left("must be an absolute http(s) URL with no whitespace, control characters or backslashes")
  }
  if (input.includes("?") || input.includes("#")) return Either.left("must not hold a query or fragment")
  return Either.right(input.replace(/\/+$/, ""))
}

/** A positive, finite duration, or none: NaN and negatives decode to zero, `Infinity` to forever. */
const boundedDuration = (input: unknown): boolean =>
  Option.match(Duration.decodeUnknown(input), {
    onNone: () => false,
    onSome: (d) => Duration.isFinite(d) && !Duration.isZero(d)
  })

/**
 * Why the size and time bounds of the webhook options cannot be used, if they cannot. Each
 * is a limit: `NaN` makes every comparison false, so a `maxBodyBytes` of `NaN` would be no
 * cap at all, and a zero, negative or infinite bound either refuses everything or nothing.
 */
export const checkBounds = (options: {
  readonly maxBodyBytes?: number | undefined
  readonly bodyReadTimeout?: Duration.DurationInput | undefined
  readonly dedupeWindow?: Duration.DurationInput | undefined
}): string | undefined => {
  const { bodyReadTimeout, dedupeWindow, maxBodyBytes } = options
  if (maxBodyBytes !== undefined && !(Number.isSafeInteger(maxBodyBytes) && maxBodyBytes > 0)) {
    return `maxBodyBytes must be a positive whole number of bytes, got ${quote(maxBodyBytes)}`
  }
  if (bodyReadTimeout !== undefined && !boundedDuration(bodyReadTimeout)) {
    return `bodyReadTimeout must be a positive, finite duration, got ${quote(bodyReadTimeout)}`
  }
  if (dedupeWindow !== undefined && !boundedDuration(dedupeWindow)) {
    return `dedupeWindow must be a positive, finite duration, got ${quote(dedupeWindow)}`
  }
  return undefined
}
