/**
 * A Powerpack as Plivo returns it: a named sender pool whose numbers live in a number
 * pool; and `Powerpack.layer`, both Powerpack services in one layer.
 *
 * @since 0.1.0
 */
import { PlivoClient } from "@plivo-effect/core/PlivoClient"
import type { PlivoConfig } from "@plivo-effect/core/PlivoConfig"
import type * as ConfigError from "effect/ConfigError"
import * as Layer from "effect/Layer"
import type * as Schema from "effect/Schema"
import * as internal from "./internal/powerpackSchema.js"
import { NumberPool } from "./NumberPool.js"
import { Powerpacks } from "./Powerpacks.js"

/**
 * A number type in a priority order.
 *
 * @since 0.1.0
 * @category schemas
 */
export const NumberType = internal.NumberType

/**
 * One entry of `number_priority`: which number type a send to `country_iso` over
 * `service_type` tries first, second and third. An unset rank decodes as absent.
 *
 * @since 0.1.0
 * @category schemas
 */
export const NumberPriority = internal.NumberPriority

/**
 * @since 0.1.0
 * @category models
 */
export interface NumberPriority extends Schema.Schema.Type<typeof NumberPriority> {}

/**
 * The uuid of the number pool a `number_pool` path names: the segment after `NumberPool`.
 * Plivo has no endpoint from a Powerpack id to its pool, so this is how every pool call
 * finds its path.
 *
 * @since 0.1.0
 * @category utils
 * @example
 * ```ts
 * import { numberPoolUuid } from "@plivo-effect/powerpack/Powerpack"
 *
 * numberPoolUuid("/v1/Account/MA123/NumberPool/659c7f88-c819-46e2-8af4-2d8a84249099/")
 * // "659c7f88-c819-46e2-8af4-2d8a84249099"
 * ```
 */
export const numberPoolUuid: (path: string) => string | undefined = internal.numberPoolUuid

const layer: Layer.Layer<Powerpacks | NumberPool, never, PlivoClient> = Layer.mergeAll(
  Powerpacks.layer,
  NumberPool.layer
)

const layerConfig = <E = never, R = never>(
  options: PlivoConfig.LayerConfigOptions<E, R> = {}
): Layer.Layer<Powerpacks | NumberPool | PlivoClient | PlivoConfig, ConfigError.ConfigError | E, R> =>
  layer.pipe(Layer.provideMerge(PlivoClient.layerConfig(options)))

/**
 * A Powerpack. Besides the wire fields it carries `number_pool_uuid`, read from
 * `number_pool`; a `number_pool` that names no pool fails decoding. Unknown fields (such as
 * the console's `smart_sender`) are ignored. `application_id` decodes to a digit string
 * whether Plivo sends a string or a number; `""` decodes as absent.
 *
 * The schema also carries the package's layers:
 *
 * - `Powerpack.layer`: `Powerpacks` and `NumberPool`, given a `PlivoClient` (the
 *   composable form, for programs that build the client themselves).
 * - `Powerpack.layerConfig(options?)`: the same with the `PlivoClient` and `PlivoConfig`
 *   under them, from `PLIVO_AUTH_ID`, `PLIVO_AUTH_TOKEN` and the optional
 *   `PLIVO_BASE_URL`; the options are those of `PlivoConfig.layerConfig`.
 *
 * @since 0.1.0
 * @category schemas
 * @example
 * ```ts
 * import * as Schema from "effect/Schema"
 * import { Powerpack } from "@plivo-effect/powerpack"
 *
 * const pack = Schema.decodeUnknownSync(Powerpack)({
 *   uuid: "86bbb125-97bb-4d72-89fd-81d5c515b015",
 *   name: "alerts",
 *   application_id: "",
 *   application_type: "",
 *   number_pool: "/v1/Account/MA123/NumberPool/659c7f88-c819-46e2-8af4-2d8a84249099/",
 *   created_on: "2019-09-03T08:50:09.510692Z"
 * })
 * pack.number_pool_uuid // "659c7f88-c819-46e2-8af4-2d8a84249099"
 * ```
 * @example
 * ```ts
 * import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
 * import { PlivoClient, PlivoConfig } from "@plivo-effect/core"
 * import { NumberPool, Powerpack, Powerpacks } from "@plivo-effect/powerpack"
 * import * as Effect from "effect/Effect"
 * import * as Layer from "effect/Layer"
 *
 * const Live = Powerpack.layer.pipe(
 *   Layer.provide(PlivoClient.layer),
 *   Layer.provide(PlivoConfig.layer({ authId: "MAXXXXXXXXXXXXXXXXXX", authToken: "your-auth-token" })),
 *   Layer.provide(FetchHttpClient.layer)
 * )
 *
 * const program = Effect.gen(function*() {
 *   const pack = yield* (yield* Powerpacks).create({ name: "alerts" })
 *   return yield* (yield* NumberPool).addNumber(pack.number_pool_uuid, "14155550100")
 * }).pipe(Effect.provide(Live))
 *
 * // Or from the environment, in one step:
 * const fromEnv = program.pipe(Effect.provide(Powerpack.layerConfig()))
 * ```
 */
export const Powerpack: typeof internal.Powerpack & {
  readonly layer: typeof layer
  readonly layerConfig: typeof layerConfig
} = Object.assign(internal.Powerpack, { layer, layerConfig })

/**
 * @since 0.1.0
 * @category models
 */
export interface Powerpack extends Schema.Schema.Type<typeof internal.Powerpack> {}

/**
 * One page of `GET Powerpack/`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PowerpackList = internal.PowerpackList

/**
 * @since 0.1.0
 * @category models
 */
export interface PowerpackList extends Schema.Schema.Type<typeof PowerpackList> {}
