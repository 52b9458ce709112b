import type * as HttpClient from "@effect/platform/HttpClient"
import type * as ConfigError from "effect/ConfigError"
import * as Layer from "effect/Layer"
import { PlivoConfig } from "../PlivoConfig.js"
import * as PlivoHttpClient from "./plivoHttpClient.js"

/**
 * `client` with its configuration read from the environment and its `HttpClient`
 * supplied. The client layer is a parameter so that `PlivoClient.ts` can call this
 * without a circular import.
 *
 * `PlivoHttpClient` is the default: `node:http` over one keep-alive agent per layer costs
 * about half the CPU per send of the platform's `FetchHttpClient` (undici's `fetch`, web
 * streams and a `Response` per request; see `test/bench/README.md`), and unlike
 * `NodeHttpClient.layer` on Node 20 it keeps connections alive. Its agents are built and
 * closed with this layer. `options.httpClient` replaces it (`FetchHttpClient.layer` for a
 * replaceable `fetch`, a stub in tests).
 */
export const fromEnvironment = <A, E, R>(
  client: Layer.Layer<A, never, PlivoConfig | HttpClient.HttpClient>,
  options: PlivoConfig.LayerConfigOptions<E, R>
): Layer.Layer<A | PlivoConfig, ConfigError.ConfigError | E, R> => {
  const { httpClient, ...config } = options
  return client.pipe(
    Layer.provideMerge(PlivoConfig.layerConfig(config)),
    Layer.provide(httpClient ?? PlivoHttpClient.layer)
  )
}
