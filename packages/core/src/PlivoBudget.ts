/**
 * Plivo's rate budgets, kept before Plivo enforces them: 300 requests per 5 seconds per
 * account, 20 per minute on `GET Message/` (the message list), 100 requests in flight.
 *
 * `PlivoClient` consults the budget before every attempt, retries included. Without a
 * `PlivoBudget` layer it makes one in memory from `PlivoConfig`'s `budget` option (on by
 * default, with Plivo's numbers). The request budgets live in a `RateLimiter` store of
 * `@effect/experimental`: in memory for one process, in Redis (`PlivoBudgetRedis`) when
 * several processes send for one account. The in-flight cap and the adaptive pace (slower
 * for a while after a 429) are always this process's own.
 *
 * @since 0.1.0
 */
import * as RateLimiter from "@effect/experimental/RateLimiter"
import * as Context from "effect/Context"
import type * as ConfigError from "effect/ConfigError"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as internal from "./internal/budget.js"
import * as Settings from "./internal/budgetSettings.js"

/**
 * @since 0.1.0
 * @category models
 */
export declare namespace PlivoBudget {
  /**
   * One request budget: at most `limit` requests in any `window`. Both default to Plivo's
   * numbers for that budget.
   *
   * @since 0.1.0
   */
  export interface Limit {
    /** Requests allowed in any window; an integer of at least 4. */
    readonly limit?: number
    readonly window?: Duration.DurationInput
    /**
     * Requests that may leave at once after a quiet spell (default 5% of `limit`, at least
     * 1). The rest are paced evenly, so no sliding window ever holds more than `limit`.
     */
    readonly burst?: number
  }

  /**
   * What to keep. Each budget is on unless set to `false`.
   *
   * @since 0.1.0
   */
  export interface Options {
    /** Every request of the account: default 300 per 5 seconds. */
    readonly account?: Limit | false
    /** `GET Message/`, the message list (not `GET Message/{uuid}/`): default 20 per minute. */
    readonly messageList?: Limit | false
    /** Requests of one account in flight at once in this process: default 100. */
    readonly inFlight?: number | false
    /** Slow this process's pace after a 429 and let it recover (default true). */
    readonly adaptive?: boolean
  }

  /**
   * A request budget as kept: a token bucket of `burst` tokens, one more every `period`.
   *
   * @since 0.1.0
   */
  export interface Rate {
    readonly limit: number
    readonly window: Duration.Duration
    readonly burst: number
    readonly period: Duration.Duration
  }

  /**
   * The checked options; `undefined` is off.
   *
   * @since 0.1.0
   */
  export interface Settings {
    readonly account: Rate | undefined
    readonly messageList: Rate | undefined
    readonly inFlight: number | undefined
    readonly adaptive: boolean
  }

  /**
   * An attempt as the budget sees it: its account and its request.
   *
   * @since 0.1.0
   */
  export interface Request {
    readonly authId: string
    readonly method: string
    /** Below `Account/{auth_id}/`, with the trailing `/`: `Message/`. */
    readonly path: string
  }

  /**
   * This process's pace for an account, as a fraction of each budget's full pace: 1 unless
   * a recent 429 slowed it.
   *
   * @since 0.1.0
   */
  export interface Pace {
    readonly account: number
    readonly messageList: number
  }

  /**
   * @since 0.1.0
   */
  export interface Service {
    readonly settings: Settings
    /**
     * Runs one attempt within the budgets: takes an in-flight slot, waits for the
     * request's budgets (the time waited is added to the current span as
     * `plivo.budget.waited_ms`, with a `plivo.budget.wait` event), and slows the pace
     * when the attempt fails with a `RateLimitError`.
     */
    readonly run: <A, E, R>(request: Request, attempt: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
    readonly pace: (authId: string) => Effect.Effect<Pace>
  }
}

/**
 * The rate budgets `PlivoClient` keeps. Provide one to share it between clients, to keep it
 * in Redis (`PlivoBudgetRedis.layer`) or to set it apart from `PlivoConfig`; a provided
 * `PlivoBudget` wins over `PlivoConfig`'s `budget` option.
 *
 * @since 0.1.0
 * @category services
 * @example
 * ```ts
 * import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
 * import { PlivoBudget, PlivoClient, PlivoConfig } from "@plivo-effect/core"
 * import * as Layer from "effect/Layer"
 *
 * // Half of the account's budget, leaving the rest to another application.
 * const Live = PlivoClient.layer.pipe(
 *   Layer.provide(PlivoBudget.layerMemory({ account: { limit: 150, window: "5 seconds" } })),
 *   Layer.provide(PlivoConfig.layerConfig()),
 *   Layer.provide(FetchHttpClient.layer)
 * )
 * ```
 */
export class PlivoBudget extends Context.Tag("@plivo-effect/core/PlivoBudget")<PlivoBudget, PlivoBudget.Service>() {
  /**
   * The budgets, their request budgets kept in the `RateLimiterStore` given (memory, Redis
   * or any other). Fails with a `ConfigError` naming the option that is out of range.
   */
  static readonly make = (
    options: PlivoBudget.Options | false = {}
  ): Effect.Effect<PlivoBudget.Service, ConfigError.ConfigError, RateLimiter.RateLimiterStore> =>
    Effect.flatMap(Settings.resolve(options, ["budget"]), internal.make)

  /** The budgets over the `RateLimiterStore` in the context. */
  static readonly layer = (
    options: PlivoBudget.Options | false = {}
  ): Layer.Layer<PlivoBudget, ConfigError.ConfigError, RateLimiter.RateLimiterStore> =>
    Layer.effect(PlivoBudget, PlivoBudget.make(options))

  /** The budgets in this process's memory: what `PlivoClient` makes when none is provided. */
  static readonly layerMemory = (options: PlivoBudget.Options | false = {}): Layer.Layer<PlivoBudget, ConfigError.ConfigError> =>
    PlivoBudget.layer(options).pipe(Layer.provide(RateLimiter.layerStoreMemory))

  /** No budget at all: every attempt goes at once, and only a 429's backoff slows a client. */
  static readonly off: Layer.Layer<PlivoBudget> = Layer.effect(
    PlivoBudget,
    Effect.provide(internal.make(Settings.off), RateLimiter.layerStoreMemory)
  )
}
