/**
 * The configuration every Plivo call reads: credentials, endpoint, timeout, retries.
 *
 * @since 0.1.0
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as RetryPolicy from "./RetryPolicy.js"

/** Plivo's production endpoint. */
export const DEFAULT_BASE_URL = "https://api.plivo.com/v1/"

const VERSION = "0.1.0"

/**
 * @since 0.1.0
 */
export declare namespace PlivoConfig {
  /**
   * The resolved configuration.
   *
   * @since 0.1.0
   */
  export interface Service {
    readonly authId: string
    readonly authToken: Redacted.Redacted<string>
    /** Always ends with `/`; resource paths go below `{baseUrl}Account/{authId}/`. */
    readonly baseUrl: string
    /** Per attempt, including reading the body. */
    readonly timeout: Duration.Duration
    readonly retry: RetryPolicy.RetryPolicy
    readonly userAgent: string
    /** Applied to the `HttpClient` once, when the `PlivoClient` layer is built. */
    readonly transformClient: (client: HttpClient.HttpClient) => HttpClient.HttpClient
  }

  /**
   * What `PlivoConfig.layer` accepts; everything but the credentials has a default.
   *
   * @since 0.1.0
   */
  export interface Options {
    readonly authId: string
    readonly authToken: string | Redacted.Redacted<string>
    /** Default `https://api.plivo.com/v1/`. */
    readonly baseUrl?: string
    /** Default 30 seconds. */
    readonly timeout?: Duration.DurationInput
    /** Default `RetryPolicy.defaultPolicy`. */
    readonly retry?: RetryPolicy.RetryPolicy
    /** Default `plivo-effect/<version>`. */
    readonly userAgent?: string
    /** A hook to add tracing, proxies or logging to the underlying `HttpClient`. */
    readonly transformClient?: (client: HttpClient.HttpClient) => HttpClient.HttpClient
  }
}

/**
 * The Plivo client configuration.
 *
 * @since 0.1.0
 * @example
 * import { PlivoConfig } from "@plivo-effect/core"
 *
 * // From explicit values
 * const fixed = PlivoConfig.layer({ authId: "MAXXXXXXXXXXXXXXXXXX", authToken: "token" })
 * // From PLIVO_AUTH_ID, PLIVO_AUTH_TOKEN and (optional) PLIVO_BASE_URL
 * const fromEnv = PlivoConfig.layerConfig()
 */
export class PlivoConfig extends Context.Tag("@plivo-effect/core/PlivoConfig")<PlivoConfig, PlivoConfig.Service>() {
  /**
   * Builds the configuration from values. Fails with a `ConfigError` when the Auth ID is
   * not plain alphanumeric (it goes into every URL path) or the base URL is not http(s).
   */
  static readonly make = (options: PlivoConfig.Options): Effect.Effect<PlivoConfig.Service, ConfigError.ConfigError> =>
    Effect.gen(function*() {
      if (!/^[A-Za-z0-9]+$/.test(options.authId)) {
        return yield* Effect.fail(
          ConfigError.InvalidData(["authId"], "the Plivo Auth ID must be plain alphanumeric (e.g. MAXXXXXXXXXXXXXXXXXX)")
        )
      }
      const baseUrl = yield* normalizeBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL)
      return {
        authId: options.authId,
        authToken: typeof options.authToken === "string" ? Redacted.make(options.authToken) : options.authToken,
        baseUrl,
        timeout: Duration.decode(options.timeout ?? Duration.seconds(30)),
        retry: options.retry ?? RetryPolicy.defaultPolicy,
        userAgent: options.userAgent ?? `plivo-effect/${VERSION}`,
        transformClient: options.transformClient ?? ((client) => client)
      }
    })

  /** A layer from explicit values. */
  static readonly layer = (options: PlivoConfig.Options): Layer.Layer<PlivoConfig, ConfigError.ConfigError> =>
    Layer.effect(PlivoConfig, PlivoConfig.make(options))

  /**
   * A layer that reads `PLIVO_AUTH_ID`, `PLIVO_AUTH_TOKEN` and the optional
   * `PLIVO_BASE_URL` through Effect `Config`; the other options are given here.
   */
  static readonly layerConfig = (
    options: Omit<PlivoConfig.Options, "authId" | "authToken" | "baseUrl"> = {}
  ): Layer.Layer<PlivoConfig, ConfigError.ConfigError> =>
    Layer.effect(
      PlivoConfig,
      Effect.gen(function*() {
        const authId = yield* Config.string("PLIVO_AUTH_ID")
        const authToken = yield* Config.redacted("PLIVO_AUTH_TOKEN")
        const baseUrl = yield* Config.string("PLIVO_BASE_URL").pipe(Config.withDefault(DEFAULT_BASE_URL))
        return yield* PlivoConfig.make({ ...options, authId, authToken, baseUrl })
      })
    )
}

const normalizeBaseUrl = (input: string): Effect.Effect<string, ConfigError.ConfigError> => {
  const invalid = (why: string) => Effect.fail(ConfigError.InvalidData(["baseUrl"], why))
  let url: URL
  try {
    url = new URL(input)
  } catch {
    return invalid("the base URL is not a valid URL")
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return invalid("the base URL must be http or https")
  if (url.username !== "" || url.password !== "") return invalid("the base URL must not hold credentials")
  if (url.search !== "" || url.hash !== "") return invalid("the base URL must not hold a query or fragment")
  return Effect.succeed(url.href.endsWith("/") ? url.href : `${url.href}/`)
}
