/**
 * The request budgets kept in Redis, so that every process sending for one account shares
 * them: `@effect/experimental`'s Redis `RateLimiter` store, on `ioredis` 5.
 *
 * `ioredis` is an optional peer dependency, loaded only when this layer is built: a program
 * that never builds it never loads Redis code, whatever it imports.
 *
 * @since 0.1.0
 */
import type * as RateLimiter from "@effect/experimental/RateLimiter"
import * as ConfigError from "effect/ConfigError"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { PlivoBudget } from "./PlivoBudget.js"

/**
 * Where Redis is, and what to keep there. For any other `ioredis` option (TLS, Sentinel,
 * Cluster), build the store yourself with `@effect/experimental/RateLimiter/Redis`'s
 * `layerStore` and give it to `PlivoBudget.layer`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** `redis://[user:password@]host:port[/db]`; the fields below override its parts. */
  readonly url?: string
  /** Default `127.0.0.1`. */
  readonly host?: string
  /** Default 6379. */
  readonly port?: number
  readonly db?: number
  readonly username?: string
  readonly password?: string | Redacted.Redacted<string>
  /**
   * Put before every key (default `plivo-effect:`); keys then go on with the Auth ID and
   * the budget's name (`plivo-effect:MAXXXXXXXXXXXXXXXXXX:account`). Never the Auth Token.
   */
  readonly prefix?: string
  /** The budgets, as for `PlivoBudget.layer` (default Plivo's numbers). */
  readonly budget?: PlivoBudget.Options | false
}

interface Connection {
  host?: string
  port?: number
  db?: number
  username?: string
  password?: string
}

const invalid = (name: string, message: string) => Effect.fail(ConfigError.InvalidData([name], `${name} ${message}`))

const connectionOf = (options: Options): Effect.Effect<Connection, ConfigError.ConfigError> =>
  Effect.gen(function*() {
    const connection: Connection = {}
    if (options.url !== undefined) {
      let url: URL
      try {
        url = new URL(options.url)
      } catch {
        return yield* invalid("url", "is not a valid URL")
      }
      if (url.protocol !== "redis:") return yield* invalid("url", "must be a redis:// URL")
      if (url.hostname !== "") connection.host = url.hostname.replace(/^\[|\]$/g, "")
      if (url.port !== "") connection.port = Number(url.port)
      if (url.username !== "") connection.username = decodeURIComponent(url.username)
      if (url.password !== "") connection.password = decodeURIComponent(url.password)
      const db = url.pathname.replace(/^\//, "")
      if (db !== "") {
        if (!/^\d+$/.test(db)) return yield* invalid("url", "must name a numeric database, if any")
        connection.db = Number(db)
      }
    }
    if (options.host !== undefined) connection.host = options.host
    if (options.port !== undefined) {
      if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65_535) {
        return yield* invalid("port", "must be an integer from 1 to 65535")
      }
      connection.port = options.port
    }
    if (options.db !== undefined) connection.db = options.db
    if (options.username !== undefined) connection.username = options.username
    if (options.password !== undefined) {
      connection.password = typeof options.password === "string" ? options.password : Redacted.value(options.password)
    }
    return connection
  })

/**
 * The Redis `RateLimiterStore` alone, for `PlivoBudget.layer`. The connection is closed
 * with the layer's scope.
 *
 * @since 0.1.0
 * @category layers
 * @example
 * ```ts
 * import { PlivoBudget, PlivoBudgetRedis } from "@plivo-effect/core"
 * import * as Layer from "effect/Layer"
 *
 * const Budget = PlivoBudget.layer({ inFlight: 50 }).pipe(
 *   Layer.provide(PlivoBudgetRedis.layerStore({ url: "redis://127.0.0.1:6379" }))
 * )
 * ```
 */
export const layerStore = (
  options: Omit<Options, "budget"> = {}
): Layer.Layer<RateLimiter.RateLimiterStore, ConfigError.ConfigError> =>
  Layer.unwrapEffect(
    Effect.gen(function*() {
      const connection = yield* connectionOf(options)
      const Redis = yield* Effect.tryPromise({
        try: () => import("@effect/experimental/RateLimiter/Redis"),
        catch: () =>
          ConfigError.MissingData(["ioredis"], "PlivoBudgetRedis needs the ioredis package: add ioredis@5 to your dependencies")
      })
      return Redis.layerStore({ ...connection, prefix: options.prefix ?? "plivo-effect:" })
    })
  )

/**
 * The budgets with their request budgets in Redis, shared by every process that uses the
 * same Redis and Auth ID. The in-flight cap and the adaptive pace stay per process.
 *
 * @since 0.1.0
 * @category layers
 * @example
 * ```ts
 * import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
 * import { PlivoBudgetRedis, PlivoClient, PlivoConfig } from "@plivo-effect/core"
 * import * as Layer from "effect/Layer"
 *
 * const Live = PlivoClient.layer.pipe(
 *   Layer.provide(PlivoBudgetRedis.layer({ url: "redis://127.0.0.1:6379" })),
 *   Layer.provide(PlivoConfig.layerConfig()),
 *   Layer.provide(FetchHttpClient.layer)
 * )
 * ```
 */
export const layer = (options: Options = {}): Layer.Layer<PlivoBudget, ConfigError.ConfigError> => {
  const { budget, ...store } = options
  return PlivoBudget.layer(budget ?? {}).pipe(Layer.provide(layerStore(store)))
}
