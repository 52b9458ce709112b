import * as Cookies from "@effect/platform/Cookies"
import * as Headers from "@effect/platform/Headers"
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as HttpIncomingMessage from "@effect/platform/HttpIncomingMessage"
import * as UrlParams from "@effect/platform/UrlParams"
import * as Effect from "effect/Effect"
import * as Inspectable from "effect/Inspectable"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import type * as Http from "node:http"
import type { Releasable } from "./wire.js"

// Stateless between calls (no `stream: true`); strips a UTF-8 BOM as `Response.text()` does.
const decoder = new TextDecoder()

/** Where the body is: still on the socket, being read, read whole, or lost. */
type Body =
  | { readonly _tag: "Unread" }
  | { readonly _tag: "Reading"; readonly waiters: Array<(result: Effect.Effect<Buffer, unknown>) => void> }
  | { readonly _tag: "Read"; readonly bytes: Buffer }
  | { readonly _tag: "Failed"; readonly cause: unknown }
  | { readonly _tag: "Streamed" }

/**
 * An `HttpClientResponse` over a Node `IncomingMessage`. The body is read once, as whole
 * `Buffer`s joined and decoded once, and kept: `text`, `json`, `arrayBuffer`, `formData`
 * and `urlParamsBody` all derive from the same bytes, with no web stream in between.
 * `stream` hands the chunks over as they come (with back-pressure) when the body was not
 * read yet, and the kept bytes when it was.
 */
export class NodeClientResponse extends Inspectable.Class implements HttpClientResponse.HttpClientResponse, Releasable {
  readonly [HttpIncomingMessage.TypeId]: HttpIncomingMessage.TypeId = HttpIncomingMessage.TypeId
  readonly [HttpClientResponse.TypeId]: HttpClientResponse.TypeId = HttpClientResponse.TypeId
  private body: Body = { _tag: "Unread" }
  private cachedHeaders: Headers.Headers | undefined

  constructor(
    readonly request: HttpClientRequest.HttpClientRequest,
    private readonly source: Http.IncomingMessage
  ) {
    super()
  }

  get status(): number {
    return this.source.statusCode ?? 0
  }

  get headers(): Headers.Headers {
    return this.cachedHeaders ??= Headers.fromInput(this.source.headers)
  }

  get cookies(): Cookies.Cookies {
    return Cookies.fromSetCookie(this.source.headers["set-cookie"] ?? [])
  }

  get remoteAddress(): Option.Option<string> {
    return Option.fromNullable(this.source.socket?.remoteAddress)
  }

  private fail(cause: unknown, description?: string): HttpClientError.ResponseError {
    return new HttpClientError.ResponseError({
      request: this.request,
      response: this,
      reason: "Decode",
      cause,
      ...(description === undefined ? {} : { description })
    })
  }

  /** The whole body, read on first use and kept for every later one. */
  get bytes(): Effect.Effect<Buffer, HttpClientError.ResponseError> {
    return Effect.mapError(
      Effect.async<Buffer, unknown>((resume) => {
        const body = this.body
        switch (body._tag) {
          case "Read":
            return resume(Effect.succeed(body.bytes))
          case "Failed":
            return resume(Effect.fail(body.cause))
          case "Streamed":
            return resume(Effect.fail(new Error("the body was already read as a stream")))
          case "Reading": {
            body.waiters.push(resume)
            return Effect.sync(() => this.leave(resume))
          }
          case "Unread": {
            this.read(resume)
            return Effect.sync(() => this.leave(resume))
          }
        }
      }),
      (cause) => this.fail(cause)
    )
  }

  /**
   * Lets go of a body nobody has started to read: the response is destroyed, and with it
   * its socket, which an unread body would otherwise hold. Reads after it fail.
   */
  release(): void {
    if (this.body._tag !== "Unread") return
    this.body = { _tag: "Failed", cause: new Error("the response was let go of unread") }
    this.source.destroy()
  }

  /**
   * A reader that stops waiting (a timeout) gives up the body: if nobody else waits, the
   * response is destroyed, which also drops its socket rather than leave the rest of the
   * body unread on it.
   */
  private leave(waiter: (result: Effect.Effect<Buffer, unknown>) => void): void {
    const body = this.body
    if (body._tag !== "Reading") return
    const at = body.waiters.indexOf(waiter)
    if (at !== -1) body.waiters.splice(at, 1)
    if (body.waiters.length === 0) this.source.destroy()
  }

  private read(first: (result: Effect.Effect<Buffer, unknown>) => void): void {
    const source = this.source
    // Lost before anyone read it (a reset between the head and the first read): the stream
    // is destroyed and will emit nothing more.
    if (source.destroyed) {
      const cause = source.errored ?? new Error("the connection closed before the body was read")
      this.body = { _tag: "Failed", cause }
      return first(Effect.fail(cause))
    }
    const waiters = [first]
    this.body = { _tag: "Reading", waiters }
    const chunks: Array<Buffer> = []
    const settle = (body: Body, result: Effect.Effect<Buffer, unknown>) => {
      source.off("data", onData)
      source.off("end", onEnd)
      source.off("error", onError)
      source.off("close", onClose)
      this.body = body
      for (const waiter of waiters.splice(0)) waiter(result)
    }
    function onData(chunk: Buffer) {
      chunks.push(chunk)
    }
    const onEnd = () => {
      const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)
      settle({ _tag: "Read", bytes }, Effect.succeed(bytes))
    }
    const onError = (cause: unknown) => settle({ _tag: "Failed", cause }, Effect.fail(cause))
    // A connection lost mid-body ends in "close" without "end" (and, on Node 20, an
    // "aborted" error first, unless nobody listens).
    const onClose = () => onError(new Error("the connection closed before the body was complete"))
    source.on("data", onData)
    source.on("end", onEnd)
    source.on("error", onError)
    source.on("close", onClose)
  }

  get text(): Effect.Effect<string, HttpClientError.ResponseError> {
    return Effect.map(this.bytes, (bytes) => decoder.decode(bytes))
  }

  get json(): Effect.Effect<unknown, HttpClientError.ResponseError> {
    return Effect.flatMap(this.text, (text) => {
      if (text === "") return Effect.succeed(null)
      try {
        return Effect.succeed<unknown>(JSON.parse(text))
      } catch (cause) {
        return Effect.fail(this.fail(cause))
      }
    })
  }

  get arrayBuffer(): Effect.Effect<ArrayBuffer, HttpClientError.ResponseError> {
    return Effect.map(this.bytes, (bytes) => {
      const copy = new ArrayBuffer(bytes.byteLength)
      new Uint8Array(copy).set(bytes)
      return copy
    })
  }

  get urlParamsBody(): Effect.Effect<UrlParams.UrlParams, HttpClientError.ResponseError> {
    return Effect.map(this.text, (text) => UrlParams.fromInput(new URLSearchParams(text)))
  }

  get formData(): Effect.Effect<FormData, HttpClientError.ResponseError> {
    return Effect.flatMap(this.bytes, (bytes) =>
      Effect.tryPromise({
        try: () => {
          const type = this.source.headers["content-type"]
          return new Response(bytes, type === undefined ? {} : { headers: { "content-type": type } }).formData()
        },
        catch: (cause) => this.fail(cause)
      }))
  }

  get stream(): Stream.Stream<Uint8Array, HttpClientError.ResponseError> {
    return Stream.suspend((): Stream.Stream<Uint8Array, HttpClientError.ResponseError> => {
      const body = this.body
      switch (body._tag) {
        case "Unread": {
          if (this.source.destroyed) {
            return Stream.fail(this.fail(this.source.errored ?? new Error("the connection closed before the body was read")))
          }
          this.body = { _tag: "Streamed" }
          return Stream.fromAsyncIterable<Uint8Array, HttpClientError.ResponseError>(
            this.source,
            (cause) => this.fail(cause)
          )
        }
        case "Read":
          return Stream.succeed(body.bytes)
        case "Failed":
          return Stream.fail(this.fail(body.cause))
        case "Reading":
        case "Streamed":
          return Stream.fail(this.fail(new Error("the body is already being read"), "body already read"))
      }
    })
  }

  /** Like the platform's responses, but never starts reading the body to show it. */
  toJSON(): unknown {
    return {
      _id: "@effect/platform/HttpClientResponse",
      request: this.request.toJSON(),
      status: this.status,
      headers: Inspectable.redact(this.headers),
      remoteAddress: this.remoteAddress.toJSON(),
      ...(this.body._tag === "Read" ? { body: decoder.decode(this.body.bytes) } : {})
    }
  }
}
