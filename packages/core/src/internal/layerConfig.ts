import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as ConfigError from "effect/ConfigError"
import * as Layer from "effect/Layer"
import { PlivoConfig } from "../PlivoConfig.js"

/**
 * `client` with its configuration read from the environment and its `HttpClient`
 * supplied. The client layer is a parameter so that `PlivoClient.ts` can call this
 * without a circular import.
 *
 * `FetchHttpClient` is the default because it keeps connections alive (Node's fetch pools
 * sockets), where `NodeHttpClient.layer` opens a new TLS connection per request on Node 20.
 * It is provided *inside* this layer, so a `FetchHttpClient.Fetch` supplied from outside
 * still replaces the `fetch` it calls.
 */
export const fromEnvironment = <A, E, R>(
  client: Layer.Layer<A, never, PlivoConfig | HttpClient.HttpClient>,
  options: PlivoConfig.LayerConfigOptions<E, R>
): Layer.Layer<A | PlivoConfig, ConfigError.ConfigError | E, R> => {
  const { httpClient, ...config } = options
  return client.pipe(
    Layer.provideMerge(PlivoConfig.layerConfig(config)),
    Layer.provide(httpClient ?? FetchHttpClient.layer)
  )
}
