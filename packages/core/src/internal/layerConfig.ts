import type * as HttpClient from "@effect/platform/HttpClient"
import type * as ConfigError from "effect/ConfigError"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { PlivoConfig } from "../PlivoConfig.js"

/**
 * The `HttpClient` of `layerConfig` when none is given, `PlivoHttpClient`: `node:http`
 * over one keep-alive agent per layer costs less than half the CPU per send of the platform's
 * `FetchHttpClient` (undici's `fetch`, web streams and a `Response` per request; see
 * `test/bench/README.md`), and unlike `NodeHttpClient.layer` on Node 20 it keeps
 * connections alive. Its agents are built and closed with this layer. `options.httpClient` replaces it (`FetchHttpClient.layer` for a
 * replaceable `fetch`, a stub in tests).
 *
 * It is imported when the layer is built, not with this module: `PlivoClient` (and so
 * `StubHttpClient`) must load without `node:http`, for programs that never send over it.
 */
const defaultClient: Layer.Layer<HttpClient.HttpClient> = Layer.unwrapEffect(
  Effect.map(Effect.promise(() => import("./plivoHttpClient.js")), (module) => module.layer)
)

/**
 * `client` with its configuration read from the environment and its `HttpClient`
 * supplied (by default `defaultClient`). The client layer is a parameter so that
 * `PlivoClient.ts` can call this without a circular import.
 */
export const fromEnvironment = <A, E, R>(
  client: Layer.Layer<A, never, PlivoConfig | HttpClient.HttpClient>,
  options: PlivoConfig.LayerConfigOptions<E, R>
): Layer.Layer<A | PlivoConfig, ConfigError.ConfigError | E, R> => {
  const { httpClient, ...config } = options
  return client.pipe(
    Layer.provideMerge(PlivoConfig.layerConfig(config)),
    Layer.provide(httpClient ?? defaultClient)
  )
}
