import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as RateLimiter from "@effect/experimental/RateLimiter"
import * as Cause from "effect/Cause"
import type * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import type * as Tracer from "effect/Tracer"
import { PlivoBudget } from "../PlivoBudget.js"
import type { PlivoClient } from "../PlivoClient.js"
import { PlivoConfig } from "../PlivoConfig.js"
import {
  BadRequestError,
  DecodeError,
  type HttpStatusError,
  InvalidParamsError,
  type PlivoError,
  TransportError
} from "../PlivoError.js"
import { Issues, MAX_LIMIT, preview } from "../InvalidParams.js"
import { listMeta } from "../PlivoSchema.js"
import type { RetryPolicy } from "../RetryPolicy.js"
import * as Body from "./body.js"
import * as Budget from "./budget.js"
import * as Issue from "./issue.js"
import * as Paginate from "./paginate.js"
import * as Path from "./path.js"
import * as Secret from "./secret.js"
import * as Span from "./span.js"
import * as Status from "./status.js"
import * as Timeout from "./timeout.js"
import * as Transport from "./transport.js"
import * as Wire from "./wire.js"

type Method = "GET" | "POST" | "DELETE"

/** What the attempts of one call have seen so far. */
interface Progress {
  attempts: number
  /** The status of the last answer. */
  status: number | undefined
}

const apiIdOfFailure = (cause: Cause.Cause<PlivoError>): string | undefined => {
  const failure = Cause.failureOption(cause)
  if (failure._tag === "None") return undefined
  return "apiId" in failure.value ? failure.value.apiId : undefined
}

interface Call {
  readonly method: Method
  readonly path: string
  /** Without the query: what errors and spans may show. */
  readonly url: string
  readonly request: HttpClientRequest.HttpClientRequest
  readonly retry: RetryPolicy
}

/**
 * 429 is always safe to retry: Plivo did not act on it. Anything else that failed is
 * retried only when repeating it cannot act twice: GET and DELETE, or a request that
 * certainly never left this machine.
 */
const isRetryable = (method: Method) => (error: HttpStatusError | TransportError): boolean => {
  switch (error._tag) {
    case "RateLimitError":
      return true
    case "ServerError":
      return method !== "POST"
    case "TransportError":
      return method !== "POST" || !error.mayHaveBeenDelivered
    default:
      return false
  }
}

const toQuery = (query: PlivoClient.Query | undefined): Array<[string, string]> => {
  const params: Array<[string, string]> = []
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue
    const values = typeof value === "object" ? value : [value]
    for (const item of values) params.push([key, String(item)])
  }
  return params
}

/**
 * Builds the client once, when its layer is built. The user's `HttpClient` is wrapped by
 * `Wire.guard` before `transformClient` sees it (no redirects, no platform span holding the
 * `Authorization` header). Every request is built absolute and authenticated (see
 * `prepare`), so that `transformClient` sees the request as it leaves, and a `User-Agent`
 * or header it sets still wins over the defaults.
 */
export const make: Effect.Effect<PlivoClient.Service, never, PlivoConfig | HttpClient.HttpClient> = Effect.gen(
  function*() {
    const config = yield* PlivoConfig
    const provided = yield* Effect.serviceOption(PlivoBudget)
    const budget = Option.isSome(provided)
      ? provided.value
      : yield* Effect.provide(Budget.make(config.budget), RateLimiter.layerStoreMemory)
    const init = yield* Effect.serviceOption(FetchHttpClient.RequestInit)
    const prefix = `${config.baseUrl}Account/${config.authId}/`
    // Encoded once: Base64 of the credentials on every request is measurable per send.
    const headers = {
      Authorization: `Basic ${btoa(`${config.authId}:${Redacted.value(config.authToken)}`)}`,
      Accept: "application/json",
      "User-Agent": config.userAgent
    }
    const plugged = yield* HttpClient.HttpClient
    const guarded = Wire.guard(plugged, init)
    const http = config.transformClient(guarded)
    return makeService(config, prefix, headers, http, Wire.aroundAttempt(plugged, http !== guarded), budget)
  }
)

/** The operations; every request is built below `prefix`, with `headers`. */
const makeService = (
  config: PlivoConfig.Service,
  prefix: string,
  headers: Readonly<Record<string, string>>,
  http: HttpClient.HttpClient,
  aroundAttempt: (attempt: Wire.Attempt) => ReadonlyArray<Wire.Local>,
  budget: PlivoBudget.Service
): PlivoClient.Service => {
  const scrub = Secret.make(config.authId, config.authToken)
  const origin = new URL(config.baseUrl).origin
  const timeoutMessage = `no answer within ${Duration.format(config.timeout)}`
  const timeout = Timeout.make(config.timeout)
  const requestOptions = { headers }
  // Opt-in: a trace id handed to a third party is internal information, and the platform's
  // own propagation stays off with its span (see `Wire.guard`).
  const execute = config.propagateTrace
    ? (request: HttpClientRequest.HttpClientRequest) =>
      Effect.contextWithEffect((context: Context.Context<never>) => {
        const span = Span.propagated(context)
        return http.execute(span === undefined ? request : HttpClientRequest.setHeader(request, "traceparent", Span.traceparent(span)))
      })
    : http.execute

  /**
   * One request and its body; non-2xx answers become typed errors. What reached the wire is
   * counted below any `transformClient` (see `Wire.guard`), so a failure after an answer is
   * never taken for a request that never left, and a send repeated by the user's client is
   * refused rather than reported as a success. The status is kept on `progress` by plain
   * assignment; the span gets it once, when the call ends (see `run`).
   */
  const attempt = (call: Call, progress: Progress): Effect.Effect<Status.Answer, HttpStatusError | TransportError> =>
    Effect.suspend(() => {
      const n = ++progress.attempts
      const wire = Wire.makeAttempt()
      return execute(call.request).pipe(
        Effect.flatMap((response) =>
          Effect.map(response.text, (text): Status.Answer => ({
            status: response.status,
            headers: response.headers,
            text,
            json: Body.parseJson(text)
          }))
        ),
        Effect.mapError((error) => Transport.toError(call, error, wire, scrub)),
        // An answer the attempt ends without reading (interrupted by the timeout, failed in a
        // `transformClient`) is let go of; after a read there is nothing to let go of.
        (effect) => Wire.within(effect, aroundAttempt(wire), Wire.release(wire)),
        (effect) =>
          timeout(effect, () =>
            new TransportError({
              method: call.method,
              path: call.path,
              url: call.url,
              reason: "Timeout",
              description: timeoutMessage,
              mayHaveBeenDelivered: true
            })),
        Effect.flatMap((answer): Effect.Effect<Status.Answer, HttpStatusError | TransportError> => {
          if (call.method === "POST" && wire.sends > 1) return Effect.fail(Transport.repeated(call, wire))
          progress.status = answer.status
          return answer.status >= 200 && answer.status < 300
            ? Effect.succeed(answer)
            : Effect.flip(Status.toError(answer, call, n, scrub))
        })
      )
    })

  /**
   * Sends with retries; succeeds with a 2xx answer that holds no `error`. Every attempt,
   * retries included, waits for its budget (and says so on the span). The retry driver (the
   * schedule's state and clock) is set up only once an attempt has failed with an error the
   * method may retry: that error is replayed to the policy first, which then decides the
   * delay exactly as if it had driven the first attempt.
   */
  const run = (call: Call, span: Tracer.Span): Effect.Effect<Status.Answer, PlivoError> =>
    Effect.suspend(() => {
      const progress: Progress = { attempts: 0, status: undefined }
      const target = { authId: config.authId, method: call.method, path: call.path }
      const once = budget.run(target, attempt(call, progress))
      const retryable = isRetryable(call.method)
      const answered = Effect.catchIf(once, retryable, (first) => {
        let replay: HttpStatusError | TransportError | undefined = first
        const again = Effect.suspend(() => {
          if (replay === undefined) return once
          const error = replay
          replay = undefined
          return Effect.fail(error)
        })
        return Effect.retry(again, { schedule: call.retry, while: retryable })
      })
      return answered.pipe(
        Effect.flatMap((answer): Effect.Effect<Status.Answer, BadRequestError> => {
          if (!Body.holdsError(answer.json)) return Effect.succeed(answer)
          const apiId = Body.apiIdOf(answer.json, scrub)
          return Effect.fail(
            new BadRequestError({
              status: answer.status,
              ...(apiId === undefined ? {} : { apiId }),
              error: Body.errorTextOf(answer.json, answer.text, scrub),
              method: call.method,
              path: call.path,
              url: call.url
            })
          )
        }),
        // One annotation for the whole call, on every exit, by plain assignment (annotating
        // is synchronous, so `onExit`'s uninterruptible step is not needed). Plivo support
        // asks for the api_id of a failed request too.
        Effect.matchCauseEffect({
          onFailure: (cause) => {
            annotate(span, progress, apiIdOfFailure(cause))
            return Effect.failCause(cause)
          },
          onSuccess: (answer) => {
            annotate(span, progress, Body.apiIdOf(answer.json, scrub))
            return Effect.succeed(answer)
          }
        })
      )
    })

  const annotate = (of: Tracer.Span, progress: Progress, apiId: string | undefined) => {
    const span = Span.annotated(of)
    if (span === undefined) return
    span.attribute("plivo.attempts", progress.attempts)
    if (progress.status !== undefined) span.attribute("http.response.status_code", progress.status)
    if (apiId !== undefined) span.attribute("plivo.api_id", apiId)
  }

  const decode = <A, I, R>(call: Call, schema: Schema.Schema<A, I, R>, answer: Status.Answer) => {
    if (answer.json === undefined) {
      const issue = answer.text.trim() === "" ? "the body is empty" : "the body is not JSON"
      return Effect.fail(new DecodeError({ method: call.method, path: call.path, issue }))
    }
    return Schema.decodeUnknown(schema)(answer.json).pipe(
      Effect.mapError((error) =>
        new DecodeError({ method: call.method, path: call.path, issue: Issue.describe(error, scrub) })
      )
    )
  }

  /**
   * Validates the path, then builds the request once: absolute, authenticated, with its body.
   * Then `use`, or the `InvalidParamsError` with nothing sent; a plain branch, not one more step.
   */
  const prepare = <A, E, R>(
    method: Method,
    segments: PlivoClient.Path,
    retry: RetryPolicy | undefined,
    body: (request: HttpClientRequest.HttpClientRequest) => HttpClientRequest.HttpClientRequest,
    use: (call: Call) => Effect.Effect<A, E, R>
  ): Effect.Effect<A, E | InvalidParamsError, R> => {
    const path = Path.build(segments)
    if (Either.isLeft(path)) {
      return Effect.fail(new InvalidParamsError({ operation: `${method} ${Path.describe(segments)}`, issue: path.left }))
    }
    const url = prefix + path.right
    return use({
      method,
      path: path.right,
      url,
      retry: retry ?? config.retry,
      request: body(HttpClientRequest.make(method)(url, requestOptions))
    })
  }

  /**
   * The client span. The platform's own `http.client` span is off (its exit would hold the
   * authenticated request), so this one carries the safe part of its attributes. Made only
   * when it goes somewhere (see `PlivoSpan.use`), or when its ids are propagated.
   */
  const traced = <A, E, R>(
    method: Method,
    segments: PlivoClient.Path,
    body: (span: Tracer.Span) => Effect.Effect<A, E, R>
  ): Effect.Effect<A, E, R> =>
    Span.use(`Plivo ${method} ${Path.describe(segments.slice(0, 1))}`, {
      kind: "client",
      // A stack trace per call is measurable on every send; the span's name says where it is.
      captureStackTrace: false,
      attributes: {
        "http.request.method": method,
        "plivo.resource": Path.describe(segments),
        "server.address": origin
      }
    }, config.propagateTrace, body)

  const jsonBody = (body: unknown) => (request: HttpClientRequest.HttpClientRequest) =>
    body === undefined ? request : HttpClientRequest.bodyUnsafeJson(request, body)

  const get: PlivoClient.Service["get"] = (segments, options) =>
    traced(
      "GET",
      segments,
      (span) => Effect.suspend(() =>
        prepare(
          "GET",
          segments,
          options.retry,
          HttpClientRequest.setUrlParams(toQuery(options.query)),
          (call) => Effect.flatMap(run(call, span), (answer) => decode(call, options.schema, answer))
        )
      )
    )

  const post: PlivoClient.Service["post"] = (segments, options) =>
    traced(
      "POST",
      segments,
      (span) => Effect.suspend(() =>
        prepare(
          "POST",
          segments,
          options.retry,
          jsonBody(options.body ?? {}),
          (call) => Effect.flatMap(run(call, span), (answer) => decode(call, options.schema, answer))
        )
      )
    )

  const postMultipart: PlivoClient.Service["postMultipart"] = (segments, options) =>
    traced(
      "POST",
      segments,
      (span) => Effect.suspend(() =>
        prepare(
          "POST",
          segments,
          options.retry,
          HttpClientRequest.bodyFormData(options.form),
          (call) => Effect.flatMap(run(call, span), (answer) => decode(call, options.schema, answer))
        )
      )
    )

  const del: PlivoClient.Service["del"] = (segments, options) =>
    traced(
      "DELETE",
      segments,
      (span) => Effect.suspend(() =>
        prepare("DELETE", segments, options.retry, jsonBody(options.body), (call) =>
          Effect.flatMap(run(call, span), (answer) =>
            answer.text.trim() === ""
              ? Effect.succeedNone
              : Effect.asSome(decode(call, options.schema, answer))))
      )
    )

  const paginate: PlivoClient.Service["paginate"] = (segments, options) => {
    const limit = options.limit ?? MAX_LIMIT
    const start = options.offset ?? 0
    const concurrency = options.concurrency ?? 1
    const issues = new Issues()
    issues.checkLimit(limit)
    issues.checkOffset(start)
    issues.check(
      Number.isInteger(concurrency) && concurrency >= 1,
      () => `concurrency must be a positive integer, got ${preview(concurrency)}`
    )
    if (!issues.isEmpty) return Stream.unwrap(Effect.as(issues.result(`list ${Path.describe(segments)}`, () => 0), Stream.empty))
    const key = options.key ?? "objects"
    const page = Schema.Struct({
      meta: listMeta,
      items: Schema.propertySignature(Schema.Array(options.item)).pipe(Schema.fromKey(key))
    })
    const fetchPage = (offset: number, span: Tracer.Span) =>
      Effect.suspend(() =>
        prepare(
          "GET",
          segments,
          options.retry,
          HttpClientRequest.setUrlParams(toQuery({ ...options.query, limit, offset })),
          (call) =>
            Effect.flatMap(run(call, span), (answer) =>
              Effect.map(decode(call, page, answer), (decoded): Paginate.Page<Schema.Schema.Type<typeof options.item>> => ({
                ...decoded,
                raw: rawItemsOf(answer.json, key)
              })))
        )
      )
    return Paginate.stream({
      start,
      limit,
      concurrency,
      fetch: (offset) => traced("GET", segments, (span) => fetchPage(offset, span)),
      repeated: (offset) =>
        new DecodeError({
          method: "GET",
          path: Either.getOrElse(Path.build(segments), () => Path.describe(segments)),
          issue: `the page at offset ${offset} repeats the page before it while meta.next points on ` +
            "(the server ignores offset?): stopped rather than emit the same items again"
        }),
      stuck: (offset, reason) =>
        new DecodeError({
          method: "GET",
          path: Either.getOrElse(Path.build(segments), () => Path.describe(segments)),
          issue: `the page at offset ${offset} ${reason}`
        }),
      key: options.itemKey
    })
  }

  return { authId: config.authId, baseUrl: config.baseUrl, get, post, del, postMultipart, paginate }
}

/** The raw items of a page, to compare with the page before; they came from `JSON.parse`. */
const rawItemsOf = (json: unknown, key: string): ReadonlyArray<unknown> | undefined => {
  if (typeof json !== "object" || json === null || !(key in json)) return undefined
  const items: unknown = Reflect.get(json, key)
  return Array.isArray(items) ? items : undefined
}

