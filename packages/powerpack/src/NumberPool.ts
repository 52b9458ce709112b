/**
 * The `NumberPool` service: the numbers, short codes and toll-free numbers of a
 * Powerpack's pool.
 *
 * @since 0.1.0
 */
import { PlivoClient } from "@plivo-effect/core/PlivoClient"
import type { PlivoError } from "@plivo-effect/core/PlivoError"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Stream from "effect/Stream"
import { makeNumbers } from "./internal/poolNumbers.js"
import { makeShortcodes } from "./internal/poolShortcodes.js"
import { makeTollfree } from "./internal/poolTollfree.js"
import type { PoolNumber, PoolNumberList } from "./PoolNumber.js"
import type { PoolShortcode, PoolShortcodeList } from "./PoolShortcode.js"

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
   * One page of the short-code or toll-free list (Plivo documents no filters for them).
   *
   * @since 0.1.0
   */
  export interface PageParams {
    /** 1–20, default 20. */
    readonly limit?: number
    readonly offset?: number
  }

  /**
   * `buyNumber` with a chosen number: rent it and add it.
   *
   * @since 0.1.0
   */
  export interface BuyChosenNumber {
    /** E.164 digits (a leading `+` is dropped), offered to rent. */
    readonly number: string
    /** Default `sms`. */
    readonly service?: "sms" | "mms"
  }

  /**
   * `buyNumber` by search: `GET PhoneNumber/` picks the first number offered that can send
   * `service` (default `sms`), then it is rented and added.
   *
   * @since 0.1.0
   */
  export interface BuySearchedNumber {
    /** ISO 3166-1 alpha-2, e.g. `US`. */
    readonly country_iso: string
    /** Default `any`. Toll-free numbers join through `addTollfree` instead. */
    readonly type?: "any" | "fixed" | "local" | "mobile" | "national"
    /** National digits from the start; `*` stands for any one digit. */
    readonly pattern?: string
    readonly region?: string
    /** Default `sms`. */
    readonly service?: "sms" | "mms"
  }

  /**
   * @since 0.1.0
   */
  export type BuyNumberParams = BuyChosenNumber | BuySearchedNumber

  /**
   * @since 0.1.0
   */
  export interface Service {
    /** One page of `GET NumberPool/{pool}/Number/` (every member, toll-free too). */
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
    /**
     * Rents a number into the account and adds it: `POST NumberPool/{pool}/Number/{number}/`
     * with `rent: "true"` (the string, as Plivo expects). Given a `country_iso` instead of a
     * `number`, it first searches `GET PhoneNumber/` (`country_iso`, `type`, `pattern`,
     * `region`, `services`) and takes the first number offered; when none is, it fails
     * with `NotFoundError` (status 200, path `PhoneNumber/`) and rents nothing.
     */
    readonly buyNumber: (pool_uuid: string, params: BuyNumberParams) => Effect.Effect<PoolNumber, PlivoError>
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
    /** One page of `GET NumberPool/{pool}/Shortcode/`. */
    readonly listShortcodes: (pool_uuid: string, params?: PageParams) => Effect.Effect<PoolShortcodeList, PlivoError>
    /** Every short code of the pool, each once. */
    readonly streamShortcodes: (
      pool_uuid: string,
      params?: Omit<PageParams, "offset">
    ) => Stream.Stream<PoolShortcode, PlivoError>
    /** `GET NumberPool/{pool}/Shortcode/{shortcode}/`. */
    readonly getShortcode: (pool_uuid: string, shortcode: string) => Effect.Effect<PoolShortcode, PlivoError>
    /**
     * `DELETE NumberPool/{pool}/Shortcode/{shortcode}/`: unlinks it (a short code is never
     * unrented). Plivo has no call to add one back: its support links short codes.
     */
    readonly removeShortcode: (pool_uuid: string, shortcode: string) => Effect.Effect<void, PlivoError>
    /** One page of `GET NumberPool/{pool}/Tollfree/`. */
    readonly listTollfree: (pool_uuid: string, params?: PageParams) => Effect.Effect<PoolNumberList, PlivoError>
    /** Every toll-free number of the pool, each once. */
    readonly streamTollfree: (
      pool_uuid: string,
      params?: Omit<PageParams, "offset">
    ) => Stream.Stream<PoolNumber, PlivoError>
    /**
     * `POST NumberPool/{pool}/Tollfree/{number}/`: adds a toll-free number already rented
     * in the account and SMS or MMS capable.
     */
    readonly addTollfree: (pool_uuid: string, number: string) => Effect.Effect<PoolNumber, PlivoError>
    /** `GET NumberPool/{pool}/Tollfree/{number}/`. */
    readonly getTollfree: (pool_uuid: string, number: string) => Effect.Effect<PoolNumber, PlivoError>
    /**
     * `DELETE NumberPool/{pool}/Tollfree/{number}/` with `{"unrent": boolean}`; `unrent:
     * true` also releases the number from the account (irreversible).
     */
    readonly removeTollfree: (
      pool_uuid: string,
      number: string,
      params?: { readonly unrent?: boolean }
    ) => Effect.Effect<void, PlivoError>
  }
}

/**
 * The numbers, short codes and toll-free numbers of a number pool. Paths take the pool's
 * uuid, not the Powerpack's: read it from `Powerpack.number_pool_uuid`. Every parameter is
 * checked before anything is sent (`InvalidParamsError`), and every call is traced
 * (`NumberPool.addNumber`, …) with the pool's uuid and the number as attributes.
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
 *   yield* pool.buyNumber(pack.number_pool_uuid, { country_iso: "US", pattern: "415" })
 *   yield* pool.addTollfree(pack.number_pool_uuid, "18005550100")
 *   return yield* pool.listNumbers(pack.number_pool_uuid, { country_iso2: "US" })
 * })
 * ```
 */
export class NumberPool extends Context.Tag("@plivo-effect/powerpack/NumberPool")<NumberPool, NumberPool.Service>() {
  /** Builds the service on a `PlivoClient`. */
  static readonly make: Effect.Effect<NumberPool.Service, never, PlivoClient> = Effect.map(
    PlivoClient,
    (client): NumberPool.Service => ({ ...makeNumbers(client), ...makeShortcodes(client), ...makeTollfree(client) })
  )

  /** The service, given a `PlivoClient`. */
  static readonly layer: Layer.Layer<NumberPool, never, PlivoClient> = Layer.effect(NumberPool, NumberPool.make)
}
