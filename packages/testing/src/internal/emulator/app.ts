/**
 * The emulator as one `HttpApp`: faults, then account path, Basic auth, rate budgets
 * and the resources' routes. Every request is logged for `requests`.
 *
 * @internal
 */
import type * as HttpApp from "@effect/platform/HttpApp"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as HttpBody from "@effect/platform/HttpBody"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { authenticate } from "./auth.js"
import { nowMicros } from "./clock.js"
import type { RequestContext } from "./context.js"
import type { EmulatorFault } from "../../PlivoEmulator.js"
import { uuid } from "./ids.js"
import type { Route } from "./resource.js"
import * as Responses from "./responses.js"
import { makeRouter } from "./router.js"
import type { KernelState } from "./state.js"
import { dropConnection } from "./transport.js"

const ACCOUNT_PATH = /^\/v1\/Account\/([^/]+)(?:\/(.*))?$/

const tooManyRequests = (apiId: string): HttpServerResponse.HttpServerResponse =>
  Responses.error(429, apiId, "too many requests")

const BAD_GATEWAY_HTML = (status: number) =>
  `<html>\r\n<head><title>${status} ${status === 502 ? "Bad Gateway" : status === 503 ? "Service Temporarily Unavailable" : "Internal Server Error"}</title></head>\r\n<body>\r\n<center><h1>${status}</h1></center>\r\n</body>\r\n</html>\r\n`

const faultResponse = (
  fault: Exclude<EmulatorFault, { readonly _tag: "Delay" | "MalformedBody" | "Disconnect" }>,
  apiId: string
): HttpServerResponse.HttpServerResponse => {
  switch (fault._tag) {
    case "TooManyRequests": {
      const response = tooManyRequests(apiId)
      return fault.retryAfter === undefined
        ? response
        : HttpServerResponse.setHeader(response, "retry-after", String(Math.ceil(Duration.toSeconds(fault.retryAfter))))
    }
    case "ServerError":
      return fault.html
        ? HttpServerResponse.text(BAD_GATEWAY_HTML(fault.status), { status: fault.status, contentType: "text/html" })
        : Responses.error(fault.status, apiId, "internal server error")
  }
}

/** Cuts a JSON body in half: still `application/json`, no longer parseable. */
const malform = (response: HttpServerResponse.HttpServerResponse): HttpServerResponse.HttpServerResponse => {
  const bytes = response.body._tag === "Uint8Array" ? response.body.body : new TextEncoder().encode("{\"api_id\": ")
  return HttpServerResponse.setBody(
    response,
    HttpBody.uint8Array(bytes.slice(0, Math.max(1, Math.floor(bytes.byteLength / 2))), "application/json")
  )
}

/** @internal */
export const makeApp = (state: KernelState, routes: ReadonlyArray<Route>): HttpApp.Default => {
  const route = makeRouter(routes)

  const serve = (
    request: HttpServerRequest.HttpServerRequest,
    url: URL,
    apiId: string,
    now: number
  ): Effect.Effect<HttpServerResponse.HttpServerResponse> => {
    const account = ACCOUNT_PATH.exec(url.pathname)
    if (account === null) return Effect.succeed(Responses.notFound(apiId))
    const pathAuthId = account[1] ?? ""
    const refused = authenticate(request.headers["authorization"], pathAuthId, state)
    if (refused !== undefined) return Effect.succeed(Responses.error(401, apiId, refused))
    const segments = (account[2] ?? "").split("/").filter((s, i, all) => s !== "" || i < all.length - 1)
    const dispatch = route(request.method, segments)
    const budget = dispatch.budget === undefined ? undefined : ([dispatch.budget.key, dispatch.budget] as const)
    if (!state.rateLimits.admit(Math.floor(now / 1000), pathAuthId, budget)) return Effect.succeed(tooManyRequests(apiId))
    const ctx: RequestContext = {
      apiId,
      authId: state.authId,
      request,
      segments,
      query: url.searchParams,
      nowMicros: now,
      remoteIp: Option.getOrElse(request.remoteAddress, () => "127.0.0.1")
    }
    return dispatch.handler(ctx).pipe(
      Effect.catchAllDefect((defect) =>
        Effect.as(
          Effect.logError("PlivoEmulator handler defect", defect),
          Responses.error(500, apiId, "internal server error")
        )
      )
    )
  }

  // The app runs on a runtime captured while its layer was built, i.e. uninterruptible;
  // a client abort or a scope close must still be able to stop it.
  return Effect.interruptible(Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const url = new URL(request.url, "http://emulator.invalid")
    const apiId = uuid()
    const account = ACCOUNT_PATH.exec(url.pathname)
    const faultPath = account === null ? undefined : (account[2] ?? "").replace(/\/+$/, "")
    const fault = yield* state.faults.draw(request.method, faultPath)
    const log = (status: number) =>
      Effect.flatMap(Clock.currentTimeMillis, (atMillis) =>
        Effect.sync(() =>
          state.requestLog.record({
            method: request.method,
            path: url.pathname,
            query: url.search,
            status,
            fault: fault?._tag,
            atMillis
          })
        ))
    const handle = Effect.flatMap(nowMicros, (now) => serve(request, url, apiId, now))
    // Plivo's cap on requests in flight counts from arrival, a delayed answer included.
    const inFlightKey = account?.[1] ?? ""
    if (!state.rateLimits.enter(inFlightKey)) {
      yield* log(429)
      return tooManyRequests(apiId)
    }
    const respond = Effect.gen(function*() {
      let response: HttpServerResponse.HttpServerResponse
      if (fault === undefined) {
        response = yield* handle
      } else {
        switch (fault._tag) {
          case "Disconnect":
            yield* log(0)
            return dropConnection(request)
          case "Delay":
            yield* Effect.sleep(fault.duration)
            response = yield* handle
            break
          case "MalformedBody":
            response = malform(yield* handle)
            break
          default:
            response = faultResponse(fault, apiId)
        }
      }
      yield* log(response.status)
      return response
    })
    return yield* Effect.ensuring(respond, Effect.sync(() => state.rateLimits.leave(inFlightKey)))
  }))
}
