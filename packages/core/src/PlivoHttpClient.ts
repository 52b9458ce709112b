/**
 * A lean `HttpClient` for Node, the one `layerConfig` sends with: `node:http` /
 * `node:https` over one keep-alive agent per layer, under the platform's own `HttpClient`
 * interface (built with `HttpClient.make`, so spans, trace propagation and
 * `HttpClient.withScope` behave as with any other client). The one request each SDK
 * attempt lets out is written directly: no platform span (its exit would hold the
 * `Authorization` header), and none of `make`'s per-request `AbortController` and response
 * wrapper, since the SDK destroys the request on its timeout and lets go of an answer it
 * ends without reading. Every other request, a `transformClient`'s own included, goes
 * through `make`.
 *
 * Request bodies are written to the socket as they are (bytes at once, streams chunk by
 * chunk, `FormData` encoded once with its multipart boundary); response bodies are
 * collected as `Buffer`s and decoded once. There is no `fetch`, no web stream and no
 * `Response` object per request, which is where `FetchHttpClient` spends most of its time
 * per send (see `test/bench/README.md`).
 *
 * - Failures: a request that fails is a `RequestError` (`Transport`) whose `cause` is Node's
 *   error, `code` included (`ECONNREFUSED`, `ECONNRESET`, …); a body that cannot be read
 *   whole is a `ResponseError` (`Decode`).
 * - Interruption (a timeout) destroys the request and its socket.
 * - Redirects are not followed: a 3xx is returned as it is.
 * - The agents' sockets are closed when the layer's scope closes.
 *
 * @since 0.1.0
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as Layer from "effect/Layer"
import type * as Https from "node:https"
import * as internal from "./internal/plivoHttpClient.js"

/**
 * Node's agent options (`node:https`'s, which include `node:http`'s); those given replace
 * the defaults one by one.
 *
 * @since 0.1.0
 * @category models
 */
export type Options = Https.AgentOptions

/**
 * The agents' defaults: `keepAlive`, at most 100 sockets per origin (Plivo's cap on
 * requests in flight per account), an idle socket closed after 4 s (shorter than usual
 * server idle timeouts, so a reused socket is rarely one the server is closing), and the
 * most recently used socket reused first.
 *
 * @since 0.1.0
 * @category defaults
 */
export const defaults: Options = internal.defaults

/**
 * The client with `defaults`. Each build of the layer has its own agents, closed with it.
 *
 * @example
 * ```ts
 * import { PlivoClient } from "@plivo-effect/core/PlivoClient"
 * import { PlivoConfig } from "@plivo-effect/core/PlivoConfig"
 * import * as PlivoHttpClient from "@plivo-effect/core/PlivoHttpClient"
 * import * as Layer from "effect/Layer"
 *
 * const Live = PlivoClient.layer.pipe(
 *   Layer.provide(PlivoConfig.layerConfig()),
 *   Layer.provide(PlivoHttpClient.layer)
 * )
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<HttpClient.HttpClient> = internal.layer

/**
 * The client with agent options of your own over `defaults` (a CA, a proxy's agent
 * settings, fewer sockets).
 *
 * @example
 * ```ts
 * import * as PlivoHttpClient from "@plivo-effect/core/PlivoHttpClient"
 *
 * const Lean = PlivoHttpClient.layerWith({ maxSockets: 20, timeout: 2_000 })
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerWith: (options: Options) => Layer.Layer<HttpClient.HttpClient> = internal.layerWith
