/**
 * Every messaging service in one layer.
 *
 * @since 0.1.0
 */
import { PlivoClient } from "@plivo-effect/core/PlivoClient"
import type { PlivoConfig } from "@plivo-effect/core/PlivoConfig"
import type * as ConfigError from "effect/ConfigError"
import * as Layer from "effect/Layer"
import { Media } from "./Media.js"
import { Messages } from "./Messages.js"

/**
 * `Messages` and `Media`, given a `PlivoClient`: the composable form, for programs that
 * build the client themselves (tests, several accounts). `layerConfig` is the one-step one.
 *
 * @example
 * ```ts
 * import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
 * import { PlivoClient, PlivoConfig } from "@plivo-effect/core"
 * import { Messaging } from "@plivo-effect/messaging"
 * import * as Layer from "effect/Layer"
 *
 * const Live = Messaging.layer.pipe(
 *   Layer.provide(PlivoClient.layer),
 *   Layer.provide(PlivoConfig.layer({ authId: "MAXXXXXXXXXXXXXXXXXX", authToken: "your-auth-token" })),
 *   Layer.provide(FetchHttpClient.layer)
 * )
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Messages | Media, never, PlivoClient> = Layer.mergeAll(Messages.layer, Media.layer)

/**
 * `Messages` and `Media`, with the `PlivoClient` and `PlivoConfig` under them, from the
 * environment: `PLIVO_AUTH_ID`, `PLIVO_AUTH_TOKEN` and the optional `PLIVO_BASE_URL`. It
 * sends with `PlivoHttpClient` (which keeps connections alive) unless `options.httpClient`
 * gives another `HttpClient` layer; the other options are those of
 * `PlivoConfig.layerConfig` (timeout, retry, user agent).
 *
 * @example
 * ```ts
 * import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
 * import { Messages, Messaging } from "@plivo-effect/messaging"
 * import * as Effect from "effect/Effect"
 *
 * Effect.gen(function*() {
 *   const messages = yield* Messages
 *   yield* messages.send({ src: "14155550100", dst: "14155550123", text: "Hello!" })
 * }).pipe(Effect.provide(Messaging.layerConfig()), NodeRuntime.runMain)
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = <E = never, R = never>(
  options: PlivoConfig.LayerConfigOptions<E, R> = {}
): Layer.Layer<Messages | Media | PlivoClient | PlivoConfig, ConfigError.ConfigError | E, R> =>
  layer.pipe(Layer.provideMerge(PlivoClient.layerConfig(options)))
