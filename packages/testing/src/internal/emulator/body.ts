/**
 * Reading a request body with a size cap. A body over the cap is refused from its
 * `Content-Length` before any byte is read, or, when no length is declared (chunked),
 * as soon as the bytes read pass the cap: the emulator never holds more than the cap
 * of one body, whatever a client sends.
 *
 * @internal
 */
import type * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { IncomingMessage } from "node:http"

/** Largest accepted bodies, in bytes, by the kind of body a route reads. */
export interface BodyLimits {
  readonly json: number
  readonly upload: number
}

const MiB = 1024 * 1024

/**
 * Plivo documents no size for a JSON send; 1 MiB is far above the largest valid one
 * (1,000 destinations of 14 digits, 4,096 characters of text, 10 media URLs, a
 * template). Uploads: media.md allows 10 files of 2 MB; 1 MiB more covers the
 * multipart headers and boundaries.
 */
export const defaultBodyLimits: BodyLimits = { json: MiB, upload: 10 * 2 * MiB + MiB }

/** Why a body could not be had. */
export type BodyFailure =
  | { readonly _tag: "TooLarge" }
  | { readonly _tag: "Unreadable" }

const tooLarge: BodyFailure = { _tag: "TooLarge" }
const unreadable: BodyFailure = { _tag: "Unreadable" }

/** The declared `Content-Length`, when it is a plain decimal number. */
const declaredLength = (request: HttpServerRequest.HttpServerRequest): number | undefined => {
  const header = request.headers["content-length"]
  return header !== undefined && /^\s*\d+\s*$/.test(header) ? Number(header) : undefined
}

const concat = (chunks: ReadonlyArray<Uint8Array>, size: number): Uint8Array => {
  const out = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.byteLength
  }
  return out
}

/**
 * A Node request is read from the `IncomingMessage` directly: the platform's stream
 * destroys the socket when reading stops early, which would lose the 413. Past the cap
 * the rest is discarded unread (the 413 closes the connection), so the client, still
 * writing, can read the answer instead of a reset.
 */
const readNode = (source: IncomingMessage, limit: number): Effect.Effect<Uint8Array, BodyFailure> =>
  Effect.async<Uint8Array, BodyFailure>((resume) => {
    const chunks: Array<Uint8Array> = []
    let size = 0
    const cleanup = () => {
      source.off("data", onData)
      source.off("end", onEnd)
      source.off("error", onError)
      source.off("aborted", onError)
      source.off("close", onError)
    }
    function onData(chunk: Buffer) {
      size += chunk.byteLength
      if (size > limit) {
        cleanup()
        source.resume()
        resume(Effect.fail(tooLarge))
      } else {
        chunks.push(chunk)
      }
    }
    function onEnd() {
      cleanup()
      resume(Effect.succeed(concat(chunks, size)))
    }
    function onError() {
      cleanup()
      resume(Effect.fail(unreadable))
    }
    source.on("data", onData)
    source.once("end", onEnd)
    source.once("error", onError)
    source.once("aborted", onError)
    // A client that goes away mid-body: "close" without "end".
    source.once("close", onError)
    return Effect.sync(cleanup)
  })

/** A web request (in process) is pulled chunk by chunk; failing stops the pulls and cancels the body. */
const readWeb = (request: HttpServerRequest.HttpServerRequest, limit: number): Effect.Effect<Uint8Array, BodyFailure> =>
  request.source instanceof Request && request.source.body === null
    ? Effect.succeed(new Uint8Array(0))
    : request.stream.pipe(
      Stream.mapError((): BodyFailure => unreadable),
      Stream.runFoldEffect(
        { chunks: new Array<Uint8Array>(), size: 0 },
        (acc, chunk): Effect.Effect<{ chunks: Array<Uint8Array>; size: number }, BodyFailure> => {
          const size = acc.size + chunk.byteLength
          if (size > limit) return Effect.fail(tooLarge)
          acc.chunks.push(chunk)
          return Effect.succeed({ chunks: acc.chunks, size })
        }
      ),
      Effect.map(({ chunks, size }) => concat(chunks, size))
    )

/** The whole body of `request`, or `TooLarge` once it is known to exceed `limit` bytes. */
export const readBody = (
  request: HttpServerRequest.HttpServerRequest,
  limit: number
): Effect.Effect<Uint8Array, BodyFailure> => {
  const declared = declaredLength(request)
  if (declared !== undefined && declared > limit) return Effect.fail(tooLarge)
  return request.source instanceof IncomingMessage ? readNode(request.source, limit) : readWeb(request, limit)
}

/**
 * 413 in Plivo's error shape. The connection is closed: the rest of the body was never
 * read, so it cannot carry another request.
 */
export const payloadTooLarge = (apiId: string, limit: number): HttpServerResponse.HttpServerResponse =>
  HttpServerResponse.unsafeJson(
    { api_id: apiId, error: `request body too large: the limit is ${limit} bytes` },
    { status: 413, headers: { connection: "close" } }
  )
