import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as UrlParams from "@effect/platform/UrlParams"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import * as Http from "node:http"
import * as Https from "node:https"
import { Readable } from "node:stream"
import { NodeClientResponse } from "./plivoHttpClientResponse.js"
import { type Attempt, currentAttempt, directClients } from "./wire.js"

/**
 * The agents' defaults. Plivo holds an account to 100 requests in flight, so more sockets
 * than that would only queue at Plivo; an idle socket is dropped after 4 s (undici's
 * default, and what `fetch` does), well before the usual server idle timeouts (5 s for
 * Node servers, 60 s or more behind load balancers), so a reused socket is rarely one the
 * server is closing at that moment. A `Keep-Alive: timeout=…` from the server shortens it.
 */
export const defaults: Https.AgentOptions = {
  keepAlive: true,
  maxSockets: 100,
  timeout: 4_000,
  scheduling: "lifo"
}

/** One keep-alive agent per protocol, destroyed (every socket closed) with the scope. */
export const agents = (options: Https.AgentOptions): Effect.Effect<Agents, never, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.sync((): Agents => {
      const settings = { ...defaults, ...options }
      return { http: new Http.Agent(settings), https: new Https.Agent(settings) }
    }),
    ({ http, https }) =>
      Effect.sync(() => {
        http.destroy()
        https.destroy()
      })
  )

/** The agents a client sends with. */
export interface Agents {
  readonly http: Http.Agent
  readonly https: Https.Agent
}

/** A body as it is written: bytes at once, or a Node stream piped. */
type Payload = string | Uint8Array | Readable | undefined

const requestError = (
  request: HttpClientRequest.HttpClientRequest,
  reason: HttpClientError.RequestError["reason"],
  cause: unknown
) => new HttpClientError.RequestError({ request, reason, cause })

/**
 * One exchange: writes the request and succeeds with the response as soon as its head
 * arrives. Interruption destroys the request (and its socket); so does aborting `signal`,
 * which the platform's `HttpClient.make` does when a body read is interrupted or a
 * response is dropped unread. On the direct path (see `make`) there is no signal; the
 * answer goes to `attempt.response` instead, for the SDK to let go of if it ends unread.
 */
const exchange = (
  agents: Agents,
  request: HttpClientRequest.HttpClientRequest,
  url: URL,
  signal: AbortSignal | undefined,
  attempt: Attempt | undefined,
  payload: Payload,
  headers: Http.OutgoingHttpHeaders
): Effect.Effect<HttpClientResponse.HttpClientResponse, HttpClientError.RequestError> =>
  Effect.async((resume) => {
    let nodeRequest: Http.ClientRequest
    try {
      const options = { method: request.method, headers }
      nodeRequest = url.protocol === "https:"
        ? Https.request(url, { ...options, agent: agents.https })
        : Http.request(url, { ...options, agent: agents.http })
    } catch (cause) {
      // Node validates the method and header values before anything is sent.
      return resume(Effect.fail(requestError(request, "Encode", cause)))
    }
    const destroy = () => nodeRequest.destroy()
    signal?.addEventListener("abort", destroy, { once: true })
    nodeRequest.on("error", (cause) => resume(Effect.fail(requestError(request, "Transport", cause))))
    nodeRequest.on("response", (response) => {
      const answer = new NodeClientResponse(request, response)
      if (attempt !== undefined) attempt.response = answer
      resume(Effect.succeed(answer))
    })
    if (payload instanceof Readable) {
      payload.on("error", (cause) => {
        resume(Effect.fail(requestError(request, "Encode", cause)))
        nodeRequest.destroy()
      })
      payload.pipe(nodeRequest)
    } else {
      nodeRequest.end(payload)
    }
    return Effect.sync(destroy)
  })

const isBytes = (body: unknown): body is string | Uint8Array => typeof body === "string" || body instanceof Uint8Array

/** What `fetch` would accept as a raw body, written through `Response` to get its bytes. */
const isBodyInit = (body: unknown): body is Blob | ArrayBuffer | URLSearchParams | ReadableStream<Uint8Array> =>
  body instanceof Blob || body instanceof ArrayBuffer || body instanceof URLSearchParams ||
  body instanceof ReadableStream

/**
 * `body` encoded by the platform's own `Response`: the bytes and the content type that
 * goes with them (a multipart boundary, for `FormData`), sent with a `Content-Length`.
 */
const encodeWeb = (
  request: HttpClientRequest.HttpClientRequest,
  body: FormData | Blob | ArrayBuffer | URLSearchParams | ReadableStream<Uint8Array>
) =>
  Effect.tryPromise({
    try: async () => {
      const response = new Response(body)
      const bytes = new Uint8Array(await response.arrayBuffer())
      return { bytes, type: response.headers.get("content-type") }
    },
    catch: (cause) => requestError(request, "Encode", cause)
  })

/**
 * One request written with the agents: through `HttpClient.make` with its `signal`, or
 * directly for `attempt`.
 */
const send = (
  agents: Agents,
  request: HttpClientRequest.HttpClientRequest,
  url: URL,
  signal: AbortSignal | undefined,
  attempt: Attempt | undefined
): Effect.Effect<HttpClientResponse.HttpClientResponse, HttpClientError.RequestError> => {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return Effect.fail(
      new HttpClientError.RequestError({ request, reason: "InvalidUrl", description: `unsupported protocol ${url.protocol}` })
    )
  }
  const body = request.body
  switch (body._tag) {
    case "Empty":
      return exchange(agents, request, url, signal, attempt, undefined, request.headers)
    case "Uint8Array":
      return exchange(agents, request, url, signal, attempt, body.body, request.headers)
    case "Raw": {
      const raw = body.body
      if (isBytes(raw)) return exchange(agents, request, url, signal, attempt, raw, request.headers)
      if (!isBodyInit(raw)) {
        return Effect.fail(
          new HttpClientError.RequestError({ request, reason: "Encode", description: "unsupported raw body" })
        )
      }
      return Effect.flatMap(encodeWeb(request, raw), ({ bytes, type }) =>
        exchange(agents, request, url, signal, attempt, bytes, {
          ...(type === null ? {} : { "content-type": type }),
          ...request.headers,
          "content-length": bytes.byteLength
        }))
    }
    case "FormData":
      return Effect.flatMap(encodeWeb(request, body.formData), ({ bytes, type }) =>
        exchange(agents, request, url, signal, attempt, bytes, {
          ...request.headers,
          ...(type === null ? {} : { "content-type": type }),
          "content-length": bytes.byteLength
        }))
    case "Stream":
      return Effect.flatMap(
        Stream.toReadableStreamEffect(body.stream),
        (readable) => exchange(agents, request, url, signal, attempt, Readable.fromWeb(readable), request.headers)
      )
  }
}

/**
 * An `HttpClient` over `node:http` / `node:https` with the given agents. It follows no
 * redirect and reads no fetch options, so the SDK's guard does not set them (`directClients`).
 *
 * Any request goes through the platform's `HttpClient.make` (its span, trace propagation,
 * `HttpClient.withScope`, the abort of a response dropped unread), except the one request
 * an SDK attempt lets out (`attempt.request`, set by `Wire.guard`): that one is written
 * directly, with no platform span, whose exit would hold the `Authorization` header. `make`
 * would give it an `AbortController` (and its listener), a `FinalizationRegistry` entry and
 * a wrapper of the response, for cases the SDK covers itself: an interruption (its timeout)
 * destroys the request, or the response while its body is read, and an attempt that ends
 * before reading the answer lets go of it (`Wire.release`). A `HttpClient.withScope` inside
 * a `transformClient` is not honoured there: the request ends with the attempt, not with
 * that scope.
 */
export const make = (agents: Agents): HttpClient.HttpClient => {
  const platform = HttpClient.make((request, url, signal) => send(agents, request, url, signal, undefined))
  const client = HttpClient.makeWith<HttpClientError.HttpClientError, never, HttpClientError.HttpClientError, never>(
    (effect) =>
      Effect.flatMap(effect, (request) =>
        Effect.withFiberRuntime<HttpClientResponse.HttpClientResponse, HttpClientError.HttpClientError>((fiber) => {
          // Only the very request the guard let out: not one the user sends from a fiber that
          // inherited the attempt (a daemon forked in a `transformClient`, say).
          const attempt = fiber.getFiberRef(currentAttempt)
          if (attempt === undefined || attempt.request !== request) return platform.execute(request)
          const url = UrlParams.makeUrl(request.url, request.urlParams, request.hash)
          return url._tag === "Left"
            ? Effect.fail(new HttpClientError.RequestError({ request, reason: "InvalidUrl", cause: url.left }))
            : send(agents, request, url.right, undefined, attempt)
        })),
    Effect.succeed
  )
  directClients.add(client)
  return client
}

/** The client as a layer: its agents live as long as the layer. */
export const layerWith = (options: Https.AgentOptions): Layer.Layer<HttpClient.HttpClient> =>
  Layer.scoped(HttpClient.HttpClient, Effect.map(agents(options), make))

/** With the defaults. */
export const layer: Layer.Layer<HttpClient.HttpClient> = layerWith({})
