/**
 * Shared helpers of the end-to-end tests: the SDK wired to an emulator on a loopback
 * socket, a real webhook server, and small predicates over what the emulator recorded.
 */
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import * as HttpRouter from "@effect/platform/HttpRouter"
import type * as HttpServerError from "@effect/platform/HttpServerError"
import * as HttpServer from "@effect/platform/HttpServer"
import { PlivoClient, PlivoConfig, PlivoHttpClient, RetryPolicy } from "@plivo-effect/core"
import { Messaging, MessagingWebhooks } from "@plivo-effect/messaging"
import type { Media, Messages } from "@plivo-effect/messaging"
import { PlivoEmulator } from "@plivo-effect/testing"
import type * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import { createServer } from "node:http"

/**
 * The default policy's shape with short delays, so transient faults cost milliseconds.
 * A `Retry-After` the emulator sends is still honoured exactly.
 */
export const fastRetry: RetryPolicy.RetryPolicy = RetryPolicy.make({ base: "20 millis", cap: "200 millis" })

/** The SDK services over its default `PlivoHttpClient` (real sockets), aimed at `handle`'s loopback server. */
export const sdkFor = (
  handle: PlivoEmulator.Service,
  options: { readonly authToken?: string; readonly retry?: RetryPolicy.RetryPolicy } = {}
): Layer.Layer<Messages | Media | PlivoClient | PlivoConfig, ConfigError.ConfigError> =>
  Messaging.layer.pipe(
    Layer.provideMerge(PlivoClient.layer),
    Layer.provide(PlivoHttpClient.layer),
    Layer.provideMerge(
      PlivoConfig.layer({
        authId: handle.authId,
        authToken: options.authToken ?? handle.authToken,
        baseUrl: handle.baseUrl,
        retry: options.retry ?? fastRetry,
        timeout: "10 seconds",
        // The emulator's rate limits are off here, so the SDK's budgets are too.
        budget: false
      })
    )
  )

/** `PlivoEmulator.layerServer(options)` and the SDK pointed at it over loopback. */
export const loopback = (
  options: PlivoEmulator.Options = {}
): Layer.Layer<
  PlivoEmulator | Messages | Media | PlivoClient | PlivoConfig,
  ConfigError.ConfigError | HttpServerError.ServeError
> =>
  Layer.unwrapEffect(Effect.map(PlivoEmulator, (handle) => sdkFor(handle))).pipe(
    Layer.provideMerge(PlivoEmulator.layerServer(options))
  )

/** A webhook receiver running on a real loopback port. */
export interface WebhookServer {
  /** `http://127.0.0.1:PORT/plivo/status`: give it as a send's `url`. */
  readonly statusUrl: string
  /** The `MessagingWebhooks` instance behind the server, for `awaitFinal` and the report stream. */
  readonly context: Context.Context<MessagingWebhooks>
}

/**
 * Serves `MessagingWebhooks.deliveryReports()` on `127.0.0.1` (a free port), verifying
 * signatures with `authToken`. The port is only known once the server listens, so the
 * `publicBaseUrl` is built after that, then the router is served with it.
 */
export const webhookServer = (
  authId: string,
  authToken: string
): Effect.Effect<WebhookServer, HttpServerError.ServeError | ConfigError.ConfigError, Scope.Scope> =>
  Effect.gen(function*() {
    const serverContext = yield* Layer.build(NodeHttpServer.layer(createServer, { port: 0, host: "127.0.0.1" }))
    const server = Context.get(serverContext, HttpServer.HttpServer)
    if (server.address._tag !== "TcpAddress") return yield* Effect.dieMessage("webhook server: no TCP address")
    const publicBaseUrl = `http://127.0.0.1:${server.address.port}`
    const context = yield* Layer.build(
      MessagingWebhooks.layer({ publicBaseUrl }).pipe(Layer.provide(PlivoConfig.layer({ authId, authToken })))
    )
    const router = HttpRouter.empty.pipe(HttpRouter.post("/plivo/status", MessagingWebhooks.deliveryReports()))
    yield* server.serve(router).pipe(Effect.provide(context))
    return { statusUrl: `${publicBaseUrl}/plivo/status`, context }
  })

/** Requests the emulator recorded after `since` of them, e.g. to count retries of one call. */
export const requestsSince = (
  handle: PlivoEmulator.Service,
  since: number
): Effect.Effect<ReadonlyArray<PlivoEmulator.Request>> =>
  // By `seq`, not by index: the log keeps only the last `requestLogSize` requests.
  Effect.map(handle.requests, (all) => all.filter((r) => r.seq > since))

/** The number of requests the emulator has answered so far. */
export const requestCount = (handle: PlivoEmulator.Service): Effect.Effect<number> =>
  Effect.map(handle.requests, (all) => all[all.length - 1]?.seq ?? 0)

/** `Account/{authId}/` + `rest` as the emulator records request paths. */
export const accountPath = (handle: PlivoEmulator.Service, rest: string) => `/v1/Account/${handle.authId}/${rest}`

/** `items[index]`, failing the test when it is absent (`noUncheckedIndexedAccess`). */
export const at = <A>(items: ReadonlyArray<A>, index: number): A => {
  const item = items[index]
  if (item === undefined) throw new Error(`expected an item at index ${index} of ${items.length}`)
  return item
}

/** Narrows a tagged error, failing the test with the actual tag when it is another one. */
export const withTag = <E extends { readonly _tag: string }, T extends E["_tag"]>(
  error: E,
  tag: T
): Extract<E, { readonly _tag: T }> => {
  const is = (e: E): e is Extract<E, { readonly _tag: T }> => e._tag === tag
  if (!is(error)) throw new Error(`expected ${tag}, got ${error._tag}: ${String(error)}`)
  return error
}

/** Runs `effect` every 25 ms until `done` holds, failing after `within`. */
export const eventually = <A, E, R>(
  effect: Effect.Effect<A, E, R>,
  done: (a: A) => boolean,
  within: Duration.DurationInput = "5 seconds"
): Effect.Effect<A, E | Error, R> => {
  const loop: Effect.Effect<A, E, R> = Effect.flatMap(
    effect,
    (a) => (done(a) ? Effect.succeed(a) : Effect.zipRight(Effect.sleep("25 millis"), Effect.suspend(() => loop)))
  )
  return Effect.timeoutFail(loop, {
    duration: within,
    onTimeout: () => new Error(`condition not met within ${Duration.format(Duration.decode(within))}`)
  })
}
