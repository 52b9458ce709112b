/**
 * The configuration every Plivo call reads: credentials, endpoint, timeout, retries, budgets.
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
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as BudgetSettings from "./internal/budgetSettings.js"
import type { PlivoBudget } from "./PlivoBudget.js"
import * as RetryPolicy from "./RetryPolicy.js"

/**
 * Plivo's production endpoint.
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_BASE_URL = "https://api.plivo.com/v1/"

const VERSION = "0.1.0"

/**
 * @since 0.1.0
 * @category models
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
    /** The budgets `PlivoClient` keeps in memory when no `PlivoBudget` layer is provided. */
    readonly budget: PlivoBudget.Settings
    readonly userAgent: string
    /** Whether each request carries the W3C `traceparent` of the client's span. */
    readonly propagateTrace: boolean
    /** Applied to the `HttpClient` once, when the `PlivoClient` layer is built. */
    readonly transformClient: (client: HttpClient.HttpClient) => HttpClient.HttpClient
  }

  /**
   * What `PlivoConfig.layerConfig` accepts: everything but what it reads from the
   * environment.
   *
   * @since 0.1.0
   */
  export type ConfigOptions = Omit<Options, "authId" | "authToken" | "baseUrl">

  /**
   * What `PlivoClient.layerConfig` and `Messaging.layerConfig` accept: the options of
   * `PlivoConfig.layerConfig`, and the `HttpClient` layer to send with (by default
   * `PlivoHttpClient.layer`, which keeps connections alive).
   *
   * @since 0.1.0
   */
  export interface LayerConfigOptions<E = never, R = never> extends ConfigOptions {
    readonly httpClient?: Layer.Layer<HttpClient.HttpClient, E, R>
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
    /**
     * The rate budgets kept before each attempt (see `PlivoBudget`): default on, with
     * Plivo's numbers; `false` turns them all off. A `PlivoBudget` layer provided to the
     * client wins over this option.
     */
    readonly budget?: PlivoBudget.Options | false
    /** Default `plivo-effect/<version>`. */
    readonly userAgent?: string
    /**
     * Send the W3C `traceparent` of the client's span with every request (default `false`).
     * Off by default: trace ids are internal, and Plivo is a third party. No `b3` headers are
     * sent either way.
     */
    readonly propagateTrace?: boolean
    /**
     * A hook to add tracing, proxies or logging to the underlying `HttpClient`. It must not
     * retry or follow redirects: the client retries by its own policy, and any second
     * request it makes within one attempt (whatever the method) is refused before it
     * leaves, so the call fails with a `TransportError` ("may have been delivered").
     */
    readonly transformClient?: (client: HttpClient.HttpClient) => HttpClient.HttpClient
  }
}

/**
 * The Plivo client configuration.
 *
 * @since 0.1.0
 * @category services
 * @example
 * ```ts
 * import { PlivoConfig } from "@plivo-effect/core"
 *
 * // From explicit values
 * const fixed = PlivoConfig.layer({ authId: "MAXXXXXXXXXXXXXXXXXX", authToken: "token" })
 * // From PLIVO_AUTH_ID, PLIVO_AUTH_TOKEN and (optional) PLIVO_BASE_URL
 * const fromEnv = PlivoConfig.layerConfig()
 * ```
 */
export class PlivoConfig extends Context.Tag("@plivo-effect/core/PlivoConfig")<PlivoConfig, PlivoConfig.Service>() {
  /**
   * Builds the configuration from values. Fails with a `ConfigError` naming the option
   * (`authId`, `baseUrl`) when the Auth ID is not plain alphanumeric (it goes into every
   * URL path) or the base URL is not http(s).
   */
  static readonly make = (options: PlivoConfig.Options): Effect.Effect<PlivoConfig.Service, ConfigError.ConfigError> =>
    resolve(options, optionNames)

  /** A layer from explicit values. */
  static readonly layer = (options: PlivoConfig.Options): Layer.Layer<PlivoConfig, ConfigError.ConfigError> =>
    Layer.effect(PlivoConfig, PlivoConfig.make(options))

  /**
   * A layer that reads `PLIVO_AUTH_ID`, `PLIVO_AUTH_TOKEN` and the optional
   * `PLIVO_BASE_URL` through Effect `Config`; the other options are given here. Errors
   * name the variable to fix, never its value.
   */
  static readonly layerConfig = (
    options: PlivoConfig.ConfigOptions = {}
  ): Layer.Layer<PlivoConfig, ConfigError.ConfigError> =>
    Layer.effect(
      PlivoConfig,
      Effect.gen(function*() {
        const authId = yield* required(Config.string(envNames.authId), envNames.authId, "your Plivo Auth ID")
        const authToken = yield* required(Config.redacted(envNames.authToken), envNames.authToken, "your Plivo Auth Token")
        const baseUrl = yield* Config.string(envNames.baseUrl).pipe(Config.withDefault(DEFAULT_BASE_URL))
        return yield* resolve({ ...options, authId, authToken, baseUrl }, envNames)
      })
    )
}

/** What each value is called where it came from, so an error points at what to change. */
interface Names {
  readonly authId: string
  readonly authToken: string
  readonly baseUrl: string
}

const optionNames: Names = { authId: "authId", authToken: "authToken", baseUrl: "baseUrl" }

const envNames: Names = { authId: "PLIVO_AUTH_ID", authToken: "PLIVO_AUTH_TOKEN", baseUrl: "PLIVO_BASE_URL" }

// Config's own message for a missing redacted value is "<redacted>", which tells a
// newcomer nothing; a blank value (an unfilled `.env` line) is as good as unset.
const required = <A extends string | Redacted.Redacted<string>>(
  config: Config.Config<A>,
  name: string,
  what: string
): Effect.Effect<A, ConfigError.ConfigError> =>
  Effect.flatMap(Config.option(config), (value) => {
    const missing = (state: string) =>
      Effect.fail(
        ConfigError.MissingData([name], `${name} ${state}: set it to ${what}, shown on the overview page of the Plivo console`)
      )
    if (Option.isNone(value)) return missing("is not set")
    const text = typeof value.value === "string" ? value.value : Redacted.value(value.value)
    return text.trim() === "" ? missing("is empty") : Effect.succeed(value.value)
  })

const resolve = (options: PlivoConfig.Options, names: Names): Effect.Effect<PlivoConfig.Service, ConfigError.ConfigError> =>
  Effect.gen(function*() {
    yield* checkAuthId(options.authId, names.authId)
    const baseUrl = yield* normalizeBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL, names.baseUrl)
    const budget = yield* BudgetSettings.resolve(options.budget, ["budget"])
    return {
      authId: options.authId,
      authToken: typeof options.authToken === "string" ? Redacted.make(options.authToken) : options.authToken,
      baseUrl,
      timeout: Duration.decode(options.timeout ?? Duration.seconds(30)),
      retry: options.retry ?? RetryPolicy.defaultPolicy,
      budget,
      userAgent: options.userAgent ?? `plivo-effect/${VERSION}`,
      propagateTrace: options.propagateTrace === true,
      transformClient: options.transformClient ?? ((client) => client)
    }
  })

// The value is never echoed: a token pasted into the wrong variable must not be printed.
// Saying which character is wrong, and where, is enough to spot a stray quote or newline.
const checkAuthId = (authId: string, name: string): Effect.Effect<void, ConfigError.ConfigError> => {
  const expected = `${name} must be plain alphanumeric, like the Auth ID in the Plivo console (MAXXXXXXXXXXXXXXXXXX)`
  if (authId === "") return Effect.fail(ConfigError.InvalidData([name], `${expected}; it is empty`))
  const bad = authId.search(/[^A-Za-z0-9]/)
  if (bad === -1) return Effect.void
  const char = authId.charAt(bad)
  const described = /\s/.test(char) ? "whitespace" : JSON.stringify(char)
  return Effect.fail(ConfigError.InvalidData([name], `${expected}; it has ${described} at position ${bad + 1}`))
}

const normalizeBaseUrl = (input: string, name: string): Effect.Effect<string, ConfigError.ConfigError> => {
  const invalid = (why: string) =>
    Effect.fail(ConfigError.InvalidData([name], `${name} ${why} (the default is ${DEFAULT_BASE_URL})`))
  let url: URL
  try {
    url = new URL(input)
  } catch {
    return invalid("is not a valid URL")
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return invalid("must be an http or https URL")
  if (url.username !== "" || url.password !== "") return invalid("must not hold credentials")
  // A bare trailing `?` or `#` parses to an empty search or hash, yet `href` keeps it and
  // every request path would be appended after it; only the raw text shows it.
  if (url.search !== "" || url.hash !== "" || /[?#]/.test(input)) return invalid("must not hold a query or fragment")
  return Effect.succeed(url.href.endsWith("/") ? url.href : `${url.href}/`)
}
