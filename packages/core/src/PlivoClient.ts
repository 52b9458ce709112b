/**
 * The HTTP client every Plivo resource service is built on.
 *
 * @since 0.1.0
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Option from "effect/Option"
import type * as Schema from "effect/Schema"
import type * as Stream from "effect/Stream"
import { fromEnvironment } from "./internal/layerConfig.js"
import * as internal from "./internal/plivoClient.js"
import type { PlivoConfig } from "./PlivoConfig.js"
import type { PlivoError } from "./PlivoError.js"
import type { RetryPolicy } from "./RetryPolicy.js"

/**
 * @since 0.1.0
 * @category models
 */
export declare namespace PlivoClient {
  /**
   * A resource path below `Account/{auth_id}/`, one segment per element:
   * `["Message", uuid, "Media"]` addresses `Message/{uuid}/Media/`. Every segment is
   * checked, so an id from a caller can never step to another resource.
   *
   * @since 0.1.0
   */
  export type Path = ReadonlyArray<string>

  /**
   * Query parameters; `undefined` values are left out, arrays repeat the key.
   *
   * @since 0.1.0
   */
  export type Query = Readonly<
    Record<string, string | number | boolean | ReadonlyArray<string | number | boolean> | undefined>
  >

  /**
   * @since 0.1.0
   */
  export interface CallOptions<A, I, R> {
    /** Decodes the 2xx body. */
    readonly schema: Schema.Schema<A, I, R>
    /** Overrides the configured retry policy for this call. */
    readonly retry?: RetryPolicy
  }

  /**
   * @since 0.1.0
   */
  export interface PaginateOptions<A, I, R> {
    /** Decodes one item of the list. */
    readonly item: Schema.Schema<A, I, R>
    /** The body key holding the items: `objects` (default), or `brands`, `campaigns`, `profiles`. */
    readonly key?: string
    /** Filters sent with every page; `limit` and `offset` are set by the walk. */
    readonly query?: Query
    /** Page size, 1–20 (default 20). */
    readonly limit?: number
    /** First offset (default 0). */
    readonly offset?: number
    /**
     * Pages fetched at once when the first page reports `total_count` (default 1). Items are
     * emitted in order either way.
     */
    readonly concurrency?: number
    readonly retry?: RetryPolicy
    /**
     * Identifies an item (its uuid or id). With it, each item is emitted once, even when a
     * late write pushes rows onto a later page, and 3 full pages in a row with nothing new
     * (a server cycling through or reordering pages) fail with `DecodeError` instead of
     * requesting forever. The latest 2,000 keys are kept (about 200 KB at most), so memory
     * stays flat over any length of history.
     */
    readonly itemKey?: (item: A) => string
  }

  /**
   * @since 0.1.0
   */
  export interface Service {
    /** The Auth ID whose account every path is below. */
    readonly authId: string
    /**
     * The configured base URL, ending with `/` (`https://api.plivo.com/v1/` by default):
     * requests go to `{baseUrl}Account/{authId}/{path}`, the `url` HTTP and transport errors name.
     */
    readonly baseUrl: string
    /** GET with query parameters. Retried on 429, 5xx and transport failures. */
    readonly get: <A, I, R>(
      path: Path,
      options: CallOptions<A, I, R> & { readonly query?: Query }
    ) => Effect.Effect<A, PlivoError, R>
    /** POST with a JSON body. Retried on 429 only, or when the request certainly never left. */
    readonly post: <A, I, R>(
      path: Path,
      options: CallOptions<A, I, R> & { readonly body?: unknown }
    ) => Effect.Effect<A, PlivoError, R>
    /**
     * DELETE with an optional JSON body. A 204 or empty body gives `None`, a JSON body
     * decodes to `Some`.
     */
    readonly del: <A, I, R>(
      path: Path,
      options: CallOptions<A, I, R> & { readonly body?: unknown }
    ) => Effect.Effect<Option.Option<A>, PlivoError, R>
    /** POST `multipart/form-data`, as media upload needs. Retried on 429 only. */
    readonly postMultipart: <A, I, R>(
      path: Path,
      options: CallOptions<A, I, R> & { readonly form: FormData }
    ) => Effect.Effect<A, PlivoError, R>
    /**
     * Every item of an offset-paginated list, page after page. Stops on a short page or a
     * `meta.next` that is null, empty or missing; never relies on `total_count`.
     */
    readonly paginate: <A, I, R>(path: Path, options: PaginateOptions<A, I, R>) => Stream.Stream<A, PlivoError, R>
  }
}

/**
 * The Plivo HTTP client: builds `{baseUrl}Account/{authId}/{path}`, authenticates, sends
 * JSON, maps statuses to typed errors, retries by the policy, times out and traces.
 *
 * @since 0.1.0
 * @category services
 * @example
 * ```ts
 * import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
 * import { PlivoClient, PlivoConfig } from "@plivo-effect/core"
 * import * as Effect from "effect/Effect"
 * import * as Layer from "effect/Layer"
 * import * as Schema from "effect/Schema"
 *
 * const Live = PlivoClient.layer.pipe(
 *   Layer.provide(PlivoConfig.layerConfig()),
 *   Layer.provide(FetchHttpClient.layer)
 * )
 *
 * const program = Effect.gen(function*() {
 *   const client = yield* PlivoClient
 *   return yield* client.get(["Media"], { schema: Schema.Unknown })
 * }).pipe(Effect.provide(Live))
 * ```
 */
export class PlivoClient extends Context.Tag("@plivo-effect/core/PlivoClient")<PlivoClient, PlivoClient.Service>() {
  /**
   * Builds the client from the configuration and an `HttpClient`. The client given is
   * wrapped before `transformClient` sees it: redirects are never followed (a
   * `FetchHttpClient.RequestInit` found here or where a request runs is kept, with
   * `redirect: "manual"`), and the platform's `http.client` span, whose exit would hold the
   * authenticated request, is replaced by the client's own.
   */
  static readonly make: Effect.Effect<PlivoClient.Service, never, PlivoConfig | HttpClient.HttpClient> = internal.make

  /** The client, given a `PlivoConfig` and an `HttpClient`. */
  static readonly layer: Layer.Layer<PlivoClient, never, PlivoConfig | HttpClient.HttpClient> = Layer.effect(
    PlivoClient,
    PlivoClient.make
  )

  /**
   * The client and its `PlivoConfig` in one layer, read from `PLIVO_AUTH_ID`,
   * `PLIVO_AUTH_TOKEN` and the optional `PLIVO_BASE_URL`, sending with
   * `PlivoHttpClient` (which keeps connections alive) unless `options.httpClient` gives
   * another `HttpClient` layer. The other options are those of `PlivoConfig.layerConfig`.
   */
  static readonly layerConfig = <E = never, R = never>(options: PlivoConfig.LayerConfigOptions<E, R> = {}) =>
    fromEnvironment(PlivoClient.layer, options)
}
