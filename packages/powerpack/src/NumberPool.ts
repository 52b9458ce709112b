/**
 * The `NumberPool` service: the numbers of a Powerpack's pool.
 *
 * @since 0.1.0
 */
import { PlivoClient } from "@plivo-effect/core/PlivoClient"
import type { PlivoError } from "@plivo-effect/core/PlivoError"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import { addBody, numberFilters, poolNumber, removeBody } from "./internal/poolParams.js"
import { spanId } from "./internal/spanId.js"
import { PoolNumber, PoolNumberList } from "./PoolNumber.js"

/**
 * @since 0.1.0
 * @category models
 */
export declare namespace NumberPool {
  /**
   * `listNumbers` filters.
   *
   * @since 0.1.0
   */
  export interface NumberFilters {
    /** Up to 10 comma-separated prefixes without the country code; needs `country_iso2`. */
    readonly starts_with?: string
    readonly country_iso2?: string
    /** Local and national numbers count as `fixed`. */
    readonly type?: "fixed" | "mobile" | "toll-free"
    readonly service?: "sms" | "mms"
    /** 1–20, default 20. */
    readonly limit?: number
    readonly offset?: number
  }

  /**
   * @since 0.1.0
   */
  export interface Service {
    /** One page of `GET NumberPool/{pool}/Number/`. */
    readonly listNumbers: (pool_uuid: string, filters?: NumberFilters) => Effect.Effect<PoolNumberList, PlivoError>
    /** Every number of the pool, page after page, each once; `limit` is the page size. */
    readonly streamNumbers: (
      pool_uuid: string,
      filters?: Omit<NumberFilters, "offset">
    ) => Stream.Stream<PoolNumber, PlivoError>
    /**
     * `POST NumberPool/{pool}/Number/{number}/`: adds a number already rented in the
     * account. A Powerpack needs a number added with `service: "mms"` to send MMS.
     */
    readonly addNumber: (
      pool_uuid: string,
      number: string,
      params?: { readonly service?: "sms" | "mms" }
    ) => Effect.Effect<PoolNumber, PlivoError>
    /** `GET NumberPool/{pool}/Number/{number}/`. */
    readonly getNumber: (pool_uuid: string, number: string) => Effect.Effect<PoolNumber, PlivoError>
    /**
     * `DELETE NumberPool/{pool}/Number/{number}/` with `{"unrent": boolean}`; `unrent: true`
     * also releases the number from the account (irreversible).
     */
    readonly removeNumber: (
      pool_uuid: string,
      number: string,
      params?: { readonly unrent?: boolean }
    ) => Effect.Effect<void, PlivoError>
  }
}

const resource = { "plivo.resource": "NumberPool" }

const annotate = (pool_uuid: unknown, number?: unknown) =>
  Effect.annotateCurrentSpan({
    "plivo.number_pool_uuid": spanId(pool_uuid),
    ...(number === undefined ? {} : { "plivo.number": spanId(number) })
  })

/**
 * The numbers of a number pool. Paths take the pool's uuid, not the Powerpack's: read it
 * from `Powerpack.number_pool_uuid`.
 *
 * @since 0.1.0
 * @category services
 * @example
 * ```ts
 * import { NumberPool, Powerpacks } from "@plivo-effect/powerpack"
 * import * as Effect from "effect/Effect"
 *
 * const program = Effect.gen(function*() {
 *   const pack = yield* (yield* Powerpacks).get("86bbb125-97bb-4d72-89fd-81d5c515b015")
 *   const pool = yield* NumberPool
 *   yield* pool.addNumber(pack.number_pool_uuid, "14155550100", { service: "mms" })
 *   return yield* pool.listNumbers(pack.number_pool_uuid, { country_iso2: "US" })
 * })
 * ```
 */
export class NumberPool extends Context.Tag("@plivo-effect/powerpack/NumberPool")<NumberPool, NumberPool.Service>() {
  /** Builds the service on a `PlivoClient`. */
  static readonly make: Effect.Effect<NumberPool.Service, never, PlivoClient> = Effect.gen(function*() {
    const client = yield* PlivoClient

    const listNumbers = Effect.fn("NumberPool.listNumbers", { attributes: resource })(
      function*(pool_uuid: string, filters: NumberPool.NumberFilters = {}) {
        yield* annotate(pool_uuid)
        const query = yield* numberFilters("NumberPool.listNumbers", filters, true)
        return yield* client.get(["NumberPool", pool_uuid, "Number"], { schema: PoolNumberList, query })
      }
    )

    const streamNumbers = (
      pool_uuid: string,
      filters: Omit<NumberPool.NumberFilters, "offset"> = {}
    ): Stream.Stream<PoolNumber, PlivoError> =>
      Stream.unwrap(
        Effect.map(numberFilters("NumberPool.streamNumbers", filters, false), ({ limit: _, ...query }) =>
          client.paginate(["NumberPool", pool_uuid, "Number"], {
            item: PoolNumber,
            query,
            limit: filters.limit ?? 20,
            itemKey: (n) => n.number
          }))
      ).pipe(Stream.withSpan("NumberPool.streamNumbers", { attributes: { ...resource, "plivo.number_pool_uuid": spanId(pool_uuid) } }))

    const addNumber = Effect.fn("NumberPool.addNumber", { attributes: resource })(
      function*(pool_uuid: string, number: string, params: { readonly service?: "sms" | "mms" } = {}) {
        yield* annotate(pool_uuid, number)
        const digits = yield* poolNumber("NumberPool.addNumber", number)
        const body = yield* addBody(params)
        return yield* client.post(["NumberPool", pool_uuid, "Number", digits], { schema: PoolNumber, body })
      }
    )

    const getNumber = Effect.fn("NumberPool.getNumber", { attributes: resource })(
      function*(pool_uuid: string, number: string) {
        yield* annotate(pool_uuid, number)
        const digits = yield* poolNumber("NumberPool.getNumber", number)
        return yield* client.get(["NumberPool", pool_uuid, "Number", digits], { schema: PoolNumber })
      }
    )

    const removeNumber = Effect.fn("NumberPool.removeNumber", { attributes: resource })(
      function*(pool_uuid: string, number: string, params: { readonly unrent?: boolean } = {}) {
        yield* annotate(pool_uuid, number)
        const digits = yield* poolNumber("NumberPool.removeNumber", number)
        const body = yield* removeBody(params)
        yield* client.del(["NumberPool", pool_uuid, "Number", digits], { schema: Schema.Unknown, body })
      }
    )

    return { listNumbers, streamNumbers, addNumber, getNumber, removeNumber }
  })

  /** The service, given a `PlivoClient`. */
  static readonly layer: Layer.Layer<NumberPool, never, PlivoClient> = Layer.effect(NumberPool, NumberPool.make)
}
