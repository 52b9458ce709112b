/**
 * Every messaging service in one layer.
 *
 * @since 0.1.0
 */
import type { PlivoClient } from "@plivo-effect/core/PlivoClient"
import * as Layer from "effect/Layer"
import { Media } from "./Media.js"
import { Messages } from "./Messages.js"

/**
 * `Messages` and `Media`, given a `PlivoClient`.
 *
 * @since 0.1.0
 * @example
 * import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
 * import { PlivoClient, PlivoConfig } from "@plivo-effect/core"
 * import { Messaging } from "@plivo-effect/messaging"
 * import * as Layer from "effect/Layer"
 *
 * const Live = Messaging.layer.pipe(
 *   Layer.provide(PlivoClient.layer),
 *   Layer.provide(PlivoConfig.layerConfig()),
 *   Layer.provide(FetchHttpClient.layer)
 * )
 */
export const layer: Layer.Layer<Messages | Media, never, PlivoClient> = Layer.mergeAll(Messages.layer, Media.layer)
