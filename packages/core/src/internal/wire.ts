import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import type * as Fiber from "effect/Fiber"
import * as FiberRef from "effect/FiberRef"
import { constTrue } from "effect/Function"
import * as Option from "effect/Option"

/**
 * What the client below any `transformClient` was asked for during one attempt: how many
 * requests (only the first is let out), whether any answer came back, the request let out
 * (a direct client writes that one itself, see `directClients`) and the answer a direct
 * client handed over (set as it arrives, so no interruption falls between it and the
 * attempt; letting go of it once read does nothing).
 */
export interface Attempt {
  sends: number
  responded: boolean
  request: HttpClientRequest.HttpClientRequest | undefined
  response: Releasable | undefined
}

/** An answer whose socket can be let go of without reading its body. */
export interface Releasable {
  readonly release: () => void
}

/** The attempt in progress on this fiber, set by the client around each `execute`. */
export const currentAttempt = FiberRef.unsafeMake<Attempt | undefined>(undefined)

export const makeAttempt = (): Attempt => ({ sends: 0, responded: false, request: undefined, response: undefined })

/**
 * Lets go of the answer of an attempt that ended without reading it: an interruption (the
 * timeout, a stream that stopped) or a failure (in a `transformClient`) between the answer
 * and the read. Nothing else would: a direct client's answer has no abort of its own.
 */
export const release = (attempt: Attempt): Effect.Effect<void> => Effect.sync(() => attempt.response?.release())

/** One fiber ref set for the time of an effect (see `within`). */
export interface Local {
  readonly set: Effect.Effect<void>
  /** Reads the value the ref holds on `fiber` now, and gives the effect that puts it back. */
  readonly save: (fiber: Pick<Fiber.RuntimeFiber<unknown, unknown>, "getFiberRef">) => Effect.Effect<void>
}

/** `fiberRef` set to `value` for the time of an effect. */
export const local = <A>(fiberRef: FiberRef.FiberRef<A>, value: A): Local => ({
  set: FiberRef.set(fiberRef, value),
  save: (fiber) => FiberRef.set(fiberRef, fiber.getFiberRef(fiberRef))
})

/** `fiberRef` set to `f` of the value it holds, for the time of an effect. */
export const localWith = <A>(fiberRef: FiberRef.FiberRef<A>, f: (current: A) => A): Local => ({
  set: FiberRef.update(fiberRef, f),
  save: (fiber) => FiberRef.set(fiberRef, fiber.getFiberRef(fiberRef))
})

/** The effects one after the other, with no step added for a single one. */
const sequence = (effects: ReadonlyArray<Effect.Effect<void>>): Effect.Effect<void> => {
  let all: Effect.Effect<void> | undefined
  for (const effect of effects) all = all === undefined ? effect : Effect.zipRight(all, effect)
  return all ?? Effect.void
}

/**
 * Runs `self` with every `locals` set, and puts back the values they held on every exit:
 * `Effect.locally` of each, in fewer steps. `Effect.locally` (and `provideService`) is an
 * `acquireUseRelease` of about ten steps per ref; on every request that is measurable. The
 * values before are read with `getFiberRef` rather than `getFiberRefs`, which writes a ref
 * (the runtime flags) of its own and so copies every ref of the fiber once more. Set and put
 * back while uninterruptible, so an interruption cannot leave them.
 */
export const within = <A, E, R>(
  self: Effect.Effect<A, E, R>,
  locals: ReadonlyArray<Local>,
  /** Run on every exit too, with the values put back. */
  after?: Effect.Effect<void>
): Effect.Effect<A, E, R> =>
  Effect.uninterruptibleMask((restore) =>
    Effect.withFiberRuntime((fiber) => {
      const saved = locals.map((entry) => entry.save(fiber))
      const leave = sequence(after === undefined ? saved : [...saved, after])
      return Effect.zipRight(
        sequence(locals.map((entry) => entry.set)),
        Effect.matchCauseEffect(restore(self), {
          onFailure: (cause) => Effect.zipRight(leave, Effect.failCause(cause)),
          onSuccess: (value) => Effect.as(leave, value)
        })
      )
    })
  )

/** The platform's own span off. */
const platformSpanOff: Local = local(HttpClient.currentTracerDisabledWhen, constTrue)

/**
 * What the client sets around each attempt, above any `transformClient`: the attempt and the
 * platform's span off already, so that the guard below finds it off and sets nothing itself
 * (one `within` per request instead of two); the guard still turns it off wherever a
 * `transformClient` turned it back on. With no `transformClient` over one of the
 * `directClients`, the attempt alone: every request goes through the guard to that client,
 * which makes no platform span for it. A `transformClient` may send some other way (another
 * client, a request of its own), so then the span is off for all of it.
 */
export const aroundAttempt = (
  client: HttpClient.HttpClient,
  transformed: boolean
): (attempt: Attempt) => ReadonlyArray<Local> =>
  directClients.has(client) && !transformed
    ? (attempt) => [local(currentAttempt, attempt)]
    : (attempt) => [local(currentAttempt, attempt), platformSpanOff]

/**
 * Wraps the `HttpClient` the user plugged in, before `transformClient` sees it:
 *
 * - redirects are never followed. Node's `http` and undici's `request` do not follow them;
 *   `fetch` does unless told `redirect: "manual"`, so that is forced on the
 *   `FetchHttpClient.RequestInit` of every Plivo request (except over a `PlivoHttpClient`,
 *   which reads none: see `directClients`), over the user's own options (those
 *   given where the request runs or, failing that, where the `PlivoClient` layer was built).
 *   Plivo's API never redirects: a 3xx is an error, never a second hop that fails in a way
 *   that looks like "never sent" and gets a send repeated.
 * - the platform's `http.client` span is off: its exit holds the authenticated request,
 *   `Authorization` header included. The client's own span carries safe attributes instead.
 * - every request and every answer is counted on the current attempt, and any request after
 *   the first fails here without being executed. A `transformClient` that retries or follows
 *   a redirect would otherwise repeat a send Plivo may have acted on, or hand the credential
 *   and the request to whatever origin a `Location` names; refusing only after the answer is
 *   too late for both.
 */
export const guard = (
  client: HttpClient.HttpClient,
  initAtBuild: Option.Option<globalThis.RequestInit>
): HttpClient.HttpClient => {
  const direct = directClients.has(client)
  return HttpClient.transform(client, (execute, request) =>
    // One step reads both the attempt and the context, where a generator took four.
    Effect.withFiberRuntime((fiber) => {
      const attempt = fiber.getFiberRef(currentAttempt)
      if (attempt !== undefined) {
        if (++attempt.sends > 1) return Effect.fail(refused(request, attempt))
        attempt.request = request
      }
      const locals: Array<Local> = []
      // A direct client inside an attempt makes no platform span. Anywhere else the span is
      // off already when set by `aroundAttempt` and not turned back on by a `transformClient`.
      const spanless = direct && attempt !== undefined
      if (!spanless && fiber.getFiberRef(HttpClient.currentTracerDisabledWhen) !== constTrue) locals.push(platformSpanOff)
      if (!direct) {
        const context = fiber.currentContext
        const init = Option.orElse(Context.getOption(context, FetchHttpClient.RequestInit), () => initAtBuild)
        locals.push(local(FiberRef.currentContext, Context.add(context, FetchHttpClient.RequestInit, {
          ...Option.getOrElse(init, () => ({})),
          redirect: "manual"
        })))
      }
      // The platform's span off and, for a client that may be `fetch`, the fetch options in
      // place, in one step each way (what `HttpClient.withTracerDisabledWhen` and
      // `Effect.provideService` did in two); nothing at all when neither is needed.
      const executed = locals.length === 0 ? execute : within(execute, locals)
      return attempt === undefined ? executed : Effect.map(executed, (response) => {
        attempt.responded = true
        return response
      })
    }))
}

/**
 * Clients that need nothing of the guard but the attempt count: they follow no redirect,
 * read no `FetchHttpClient.RequestInit`, and make no platform span for the request an
 * attempt let out (`attempt.request`: a `PlivoHttpClient` writes that one directly, and
 * hands its answer to `attempt.response`). For them the guard leaves the context and the
 * span switch alone: no fiber-ref write at all. Any other client, a `PlivoHttpClient`
 * wrapped by the user's own layer included, gets the span off and the fetch options.
 */
export const directClients = new WeakSet<HttpClient.HttpClient>()

/**
 * The failure of a request refused for being the second of an attempt. Its cause carries a
 * `code`, so the `TransportError` built from it says why; the first request may have been
 * delivered, which `attempt.sends > 1` already tells `Transport.mayHaveBeenDelivered`.
 */
const refused = (request: HttpClientRequest.HttpClientRequest, attempt: Attempt) =>
  new HttpClientError.RequestError({
    request,
    reason: "Transport",
    description: "refused a second request within one Plivo request",
    cause: Object.assign(
      new Error(
        `the HttpClient asked for request ${attempt.sends} of one Plivo request; it was refused before ` +
          "it left: a transformClient must not retry or follow redirects (the SDK retries what is safe to)"
      ),
      { code: REPEATED_CODE }
    )
  })

/** The `code` on the cause of a refused second request. */
export const REPEATED_CODE = "ERR_PLIVO_REPEATED_REQUEST"
