/**
 * An `HttpClient` that answers from a function and records every request, so that code
 * using the SDK can be tested without a network or a Plivo account.
 *
 * @since 0.1.0
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { PlivoClient } from "@plivo-effect/core/PlivoClient"
import { PlivoConfig } from "@plivo-effect/core/PlivoConfig"
import * as Cause from "effect/Cause"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Ref from "effect/Ref"

/**
 * @since 0.1.0
 * @category models
 */
export declare namespace StubHttpClient {
  /**
   * A request as the stub saw it.
   *
   * @since 0.1.0
   */
  export interface RecordedRequest {
    readonly method: string
    /** The full URL, query included. */
    readonly url: string
    /** The URL path, e.g. `/v1/Account/MA…/Message/`. */
    readonly path: string
    /** The path below `Account/{auth_id}/`, e.g. `Message/`; the whole path when it has no such prefix. */
    readonly resource: string
    /** Query parameters; a repeated key keeps its last value (see `url` for all). */
    readonly query: Readonly<Record<string, string>>
    /** Header names are lower case. */
    readonly headers: Readonly<Record<string, string>>
    /** The parsed JSON body, or `undefined` when there was none or it was not JSON. */
    readonly json: unknown
    /** The body as text, `""` when empty or not text. */
    readonly text: string
    /** The multipart body of a form upload. */
    readonly formData: FormData | undefined
  }

  /**
   * What the handler answers.
   *
   * @since 0.1.0
   */
  export type Response =
    | {
      readonly _tag: "Response"
      readonly status: number
      readonly headers: Readonly<Record<string, string>>
      readonly body: string | null
    }
    | { readonly _tag: "TransportFailure"; readonly code: string }

  /**
   * Answers one request, or returns an `Effect` to delay (on the `TestClock`) or never answer.
   *
   * @since 0.1.0
   */
  export type Handler = (request: RecordedRequest) => Response | Effect.Effect<Response>

  /**
   * What the stub received.
   *
   * @since 0.1.0
   */
  export interface Service {
    /** Every request, oldest first. */
    readonly requests: Effect.Effect<ReadonlyArray<RecordedRequest>>
    /**
     * The one request a stubbed call made; fails with `NoSuchElementException`, naming the
     * requests seen, when there were none or more than one.
     */
    readonly onlyRequest: Effect.Effect<RecordedRequest, Cause.NoSuchElementException>
    readonly clear: Effect.Effect<void>
  }
}

const decoder = new TextDecoder()

const bodyOf = (request: HttpClientRequest.HttpClientRequest) => {
  const body = request.body
  switch (body._tag) {
    case "Uint8Array": {
      const text = decoder.decode(body.body)
      return { text, json: parseJson(text), formData: undefined }
    }
    case "Raw":
      return typeof body.body === "string"
        ? { text: body.body, json: parseJson(body.body), formData: undefined }
        : { text: "", json: undefined, formData: undefined }
    case "FormData":
      return { text: "", json: undefined, formData: body.formData }
    default:
      return { text: "", json: undefined, formData: undefined }
  }
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

const record = (request: HttpClientRequest.HttpClientRequest, url: URL): StubHttpClient.RecordedRequest => {
  const match = /\/Account\/[^/]+\/(.*)$/.exec(url.pathname)
  return {
    method: request.method,
    url: url.href,
    path: url.pathname,
    resource: match?.[1] ?? url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: { ...request.headers },
    ...bodyOf(request)
  }
}

/** Requests named in the failure of `onlyRequest`; the rest are counted. */
const MAX_NAMED = 5

const onlyOf = (
  all: ReadonlyArray<StubHttpClient.RecordedRequest>
): Effect.Effect<StubHttpClient.RecordedRequest, Cause.NoSuchElementException> => {
  const [first, ...rest] = all
  if (first !== undefined && rest.length === 0) return Effect.succeed(first)
  const named = all.slice(0, MAX_NAMED).map((request) => `${request.method} ${request.resource}`)
  const more = all.length > MAX_NAMED ? `, and ${all.length - MAX_NAMED} more` : ""
  const seen = all.length === 0 ? "" : `: ${named.join(", ")}${more}`
  return Effect.fail(new Cause.NoSuchElementException(`expected exactly one request, got ${all.length}${seen}`))
}

const credentials = { authId: "MASTUBSTUBSTUBSTUB00", authToken: "stub-auth-token" } as const

const layer = (handler: StubHttpClient.Handler): Layer.Layer<HttpClient.HttpClient | StubHttpClient> =>
  Layer.effectContext(
    Effect.gen(function*() {
      const requests = yield* Ref.make<ReadonlyArray<StubHttpClient.RecordedRequest>>([])
      const client = HttpClient.make((request, url) =>
        Effect.gen(function*() {
          const recorded = record(request, url)
          yield* Ref.update(requests, (all) => [...all, recorded])
          const answer = handler(recorded)
          const response = Effect.isEffect(answer) ? yield* answer : answer
          if (response._tag === "TransportFailure") {
            const cause = Object.assign(new Error(`stubbed transport failure: ${response.code}`), { code: response.code })
            return yield* new HttpClientError.RequestError({ request, reason: "Transport", cause })
          }
          return HttpClientResponse.fromWeb(
            request,
            new Response(response.body, { status: response.status, headers: response.headers })
          )
        })
      )
      return Context.make(HttpClient.HttpClient, client).pipe(
        Context.add(StubHttpClient, {
          requests: Ref.get(requests),
          onlyRequest: Effect.flatMap(Ref.get(requests), onlyOf),
          clear: Ref.set(requests, [])
        })
      )
    })
  )

/**
 * An `HttpClient` that answers every request from a handler and records it, so that code
 * using the SDK can be tested without a network or a Plivo account. The tag reads what the
 * stub received (`requests`, oldest first, `onlyRequest` and `clear`); the statics build
 * the layers and the answers.
 *
 * @since 0.1.0
 * @category services
 * @example
 * ```ts
 * import { PlivoClient } from "@plivo-effect/core"
 * import { StubHttpClient } from "@plivo-effect/testing"
 * import * as Effect from "effect/Effect"
 * import * as Schema from "effect/Schema"
 *
 * const Stub = StubHttpClient.layerClient((request) =>
 *   request.resource === "Message/"
 *     ? StubHttpClient.json(202, { api_id: "1", message: "message(s) queued", message_uuid: ["u1"] })
 *     : StubHttpClient.json(404, { api_id: "1", error: "not found" })
 * )
 *
 * const program = Effect.gen(function*() {
 *   const client = yield* PlivoClient
 *   yield* client.post(["Message"], { schema: Schema.Unknown, body: {} })
 *   const stub = yield* StubHttpClient
 *   return (yield* stub.requests).map((request) => request.resource) // ["Message/"]
 * }).pipe(Effect.provide(Stub))
 * ```
 */
export class StubHttpClient extends Context.Tag("@plivo-effect/testing/StubHttpClient")<
  StubHttpClient,
  StubHttpClient.Service
>() {
  /**
   * An `HttpClient` layer that answers every request with `handler` and records it. The
   * handler may return an `Effect`, to delay (on the `TestClock`) or never answer.
   */
  static readonly layer: (handler: StubHttpClient.Handler) => Layer.Layer<HttpClient.HttpClient | StubHttpClient> =
    layer

  /**
   * A `PlivoClient` that talks to `handler`, with test credentials (`credentials`) and the
   * default retry policy, and its rate budgets off (a stub has no rate limits, and under the
   * `TestClock` a wait for budget would never end); pass `config` to change any option,
   * `budget` included.
   */
  static readonly layerClient = (
    handler: StubHttpClient.Handler,
    config: Partial<PlivoConfig.Options> = {}
  ): Layer.Layer<PlivoClient | StubHttpClient | HttpClient.HttpClient> =>
    PlivoClient.layer.pipe(
      Layer.provideMerge(layer(handler)),
      Layer.provide(PlivoConfig.layer({ ...credentials, budget: false, ...config }).pipe(Layer.orDie))
    )

  /**
   * The one request a stubbed call made, from the `StubHttpClient` in context: a test of one
   * call reads what was sent without indexing `requests`. Fails with
   * `NoSuchElementException`, naming the requests seen, when there were none or more than one.
   */
  static readonly onlyRequest: Effect.Effect<
    StubHttpClient.RecordedRequest,
    Cause.NoSuchElementException,
    StubHttpClient
  > = Effect.flatMap(StubHttpClient, (stub) => stub.onlyRequest)

  /** Credentials of the stubbed account used by `layerClient`. */
  static readonly credentials = credentials

  /** A JSON answer. */
  static readonly json = (
    status: number,
    body: unknown,
    headers: Readonly<Record<string, string>> = {}
  ): StubHttpClient.Response => ({
    _tag: "Response",
    status,
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body)
  })

  /** A text answer, e.g. the HTML error page of a proxy. */
  static readonly text = (
    status: number,
    body: string,
    headers: Readonly<Record<string, string>> = {}
  ): StubHttpClient.Response => ({
    _tag: "Response",
    status,
    headers: { "content-type": "text/plain", ...headers },
    body
  })

  /** An answer without a body, e.g. 204. */
  static readonly empty = (status: number, headers: Readonly<Record<string, string>> = {}): StubHttpClient.Response => ({
    _tag: "Response",
    status,
    headers,
    body: null
  })

  /**
   * No answer: the connection failed with this error code (`ECONNRESET` by default; use
   * `ECONNREFUSED` for a request that never left).
   */
  static readonly transportFailure = (code = "ECONNRESET"): StubHttpClient.Response => ({
    _tag: "TransportFailure",
    code
  })
}
