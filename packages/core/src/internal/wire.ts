import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import { constTrue } from "effect/Function"
import * as Option from "effect/Option"

/**
 * What reached the wire during one attempt, as seen by the innermost client, below any
 * `transformClient`: how many requests went out and whether any answer came back.
 */
export interface Attempt {
  sends: number
  responded: boolean
}

/** The attempt in progress on this fiber, set by the client around each `execute`. */
export const currentAttempt = FiberRef.unsafeMake<Attempt | undefined>(undefined)

export const makeAttempt = (): Attempt => ({ sends: 0, responded: false })

/**
 * Wraps the `HttpClient` the user plugged in, before `transformClient` sees it:
 *
 * - redirects are never followed. Node's `http` and undici's `request` do not follow them;
 *   `fetch` does unless told `redirect: "manual"`, so that is forced on the
 *   `FetchHttpClient.RequestInit` of every Plivo request, over the user's own options (those
 *   given where the request runs or, failing that, where the `PlivoClient` layer was built).
 *   Plivo's API never redirects: a 3xx is an error, never a second hop that fails in a way
 *   that looks like "never sent" and gets a send repeated.
 * - the platform's `http.client` span is off: its exit holds the authenticated request,
 *   `Authorization` header included. The client's own span carries safe attributes instead.
 * - every request and every answer is counted on the current attempt.
 */
export const guard = (
  client: HttpClient.HttpClient,
  initAtBuild: Option.Option<globalThis.RequestInit>
): HttpClient.HttpClient =>
  HttpClient.transformResponse(HttpClient.withTracerDisabledWhen(client, constTrue), (execute) =>
    Effect.gen(function*() {
      const attempt = yield* FiberRef.get(currentAttempt)
      if (attempt !== undefined) attempt.sends++
      const init = Option.orElse(yield* Effect.serviceOption(FetchHttpClient.RequestInit), () => initAtBuild)
      const response = yield* Effect.provideService(execute, FetchHttpClient.RequestInit, {
        ...Option.getOrElse(init, () => ({})),
        redirect: "manual"
      })
      if (attempt !== undefined) attempt.responded = true
      return response
    }))
