/**
 * The `Powerpacks` service: create, read, change, delete and list the account's Powerpacks.
 *
 * @since 0.1.0
 */
import { spanId } from "@plivo-effect/core/InvalidParams"
import { PlivoClient } from "@plivo-effect/core/PlivoClient"
import type { PlivoError } from "@plivo-effect/core/PlivoError"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import { deleteBody, pageParams, powerpackBody } from "./internal/params.js"
// The schemas come from the internal module: `Powerpack.ts` imports this one for its layers.
import * as Schemas from "./internal/powerpackSchema.js"
import * as PlivoSpan from "@plivo-effect/core/PlivoSpan"
import type { Powerpack, PowerpackList } from "./Powerpack.js"
import type { CreatePowerpackParams, DeletePowerpackParams, UpdatePowerpackParams } from "./PowerpackParams.js"

/**
 * @since 0.1.0
 * @category models
 */
export declare namespace Powerpacks {
  /**
   * @since 0.1.0
   */
  export interface Service {
    /** `POST Powerpack/`. Creates the Powerpack and its (empty) number pool. */
    readonly create: (params: CreatePowerpackParams) => Effect.Effect<Powerpack, PlivoError>
    /** `GET Powerpack/{uuid}/`. */
    readonly get: (uuid: string) => Effect.Effect<Powerpack, PlivoError>
    /** `POST Powerpack/{uuid}/` with the given fields only; answers the whole Powerpack. */
    readonly update: (uuid: string, params: UpdatePowerpackParams) => Effect.Effect<Powerpack, PlivoError>
    /**
     * `DELETE Powerpack/{uuid}/` with `{"unrent_numbers": boolean}`. A 204 and a JSON
     * acknowledgement both succeed.
     */
    readonly delete: (uuid: string, params?: DeletePowerpackParams) => Effect.Effect<void, PlivoError>
    /** One page of `GET Powerpack/`: `limit` 1–20 (default 20), `offset` ≥ 0. */
    readonly list: (params?: Powerpacks.ListParams) => Effect.Effect<PowerpackList, PlivoError>
    /**
     * Every Powerpack, page after page, each once (keyed by `uuid`); a walk that stops
     * advancing fails with `DecodeError` rather than requesting pages forever.
     */
    readonly stream: () => Stream.Stream<Powerpack, PlivoError>
  }

  /**
   * @since 0.1.0
   */
  export interface ListParams {
    readonly limit?: number
    readonly offset?: number
  }
}

const resource = { "plivo.resource": "Powerpack" }

const inSpan = PlivoSpan.resource(resource)

/**
 * Powerpacks: named sender pools. A send with `powerpack_uuid` (see
 * `@plivo-effect/messaging`) picks its sender from the Powerpack's number pool.
 *
 * @since 0.1.0
 * @category services
 * @example
 * ```ts
 * import { Powerpacks } from "@plivo-effect/powerpack"
 * import * as Effect from "effect/Effect"
 *
 * const program = Effect.gen(function*() {
 *   const powerpacks = yield* Powerpacks
 *   const pack = yield* powerpacks.create({ name: "alerts", sticky_sender: true })
 *   return pack.number_pool_uuid
 * })
 * ```
 */
export class Powerpacks extends Context.Tag("@plivo-effect/powerpack/Powerpacks")<Powerpacks, Powerpacks.Service>() {
  /** Builds the service on a `PlivoClient`. */
  static readonly make: Effect.Effect<Powerpacks.Service, never, PlivoClient> = Effect.gen(function*() {
    const client = yield* PlivoClient

    const create = (params: CreatePowerpackParams): Effect.Effect<Powerpack, PlivoError> =>
      inSpan("Powerpacks.create", (span) =>
        Effect.flatMap(powerpackBody("Powerpacks.create", params, true), (body) =>
          Effect.map(client.post(["Powerpack"], { schema: Schemas.Powerpack, body }), (created) => {
            span.attribute("plivo.powerpack_uuid", spanId(created.uuid))
            return created
          })))

    const get = (uuid: string): Effect.Effect<Powerpack, PlivoError> =>
      inSpan("Powerpacks.get", (span) => {
        span.attribute("plivo.powerpack_uuid", spanId(uuid))
        return client.get(["Powerpack", uuid], { schema: Schemas.Powerpack })
      })

    const update = (uuid: string, params: UpdatePowerpackParams): Effect.Effect<Powerpack, PlivoError> =>
      inSpan("Powerpacks.update", (span) => {
        span.attribute("plivo.powerpack_uuid", spanId(uuid))
        return Effect.flatMap(powerpackBody("Powerpacks.update", params, false), (body) =>
          client.post(["Powerpack", uuid], { schema: Schemas.Powerpack, body }))
      })

    const remove = (uuid: string, params: DeletePowerpackParams = {}): Effect.Effect<void, PlivoError> =>
      inSpan("Powerpacks.delete", (span) => {
        span.attribute("plivo.powerpack_uuid", spanId(uuid))
        return Effect.flatMap(deleteBody(params), (body) =>
          Effect.asVoid(client.del(["Powerpack", uuid], { schema: Schema.Unknown, body })))
      })

    const list = (params: Powerpacks.ListParams = {}): Effect.Effect<PowerpackList, PlivoError> =>
      inSpan("Powerpacks.list", () =>
        Effect.flatMap(pageParams("Powerpacks.list", params, true), (query) =>
          client.get(["Powerpack"], { schema: Schemas.PowerpackList, query })))

    const stream = (): Stream.Stream<Powerpack, PlivoError> =>
      client.paginate(["Powerpack"], { item: Schemas.Powerpack, limit: 20, itemKey: (p) => p.uuid }).pipe(
        Stream.withSpan("Powerpacks.stream", { attributes: resource })
      )

    return { create, get, update, delete: remove, list, stream }
  })

  /** The service, given a `PlivoClient`. */
  static readonly layer: Layer.Layer<Powerpacks, never, PlivoClient> = Layer.effect(Powerpacks, Powerpacks.make)
}
