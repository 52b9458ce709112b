/**
 * Status callbacks, signed with V3 and V2 headers (webhooks.md) and delivered in order
 * per chain (a message, for `message/`). A failing callback is reported to its
 * resource, never raised: the receiver's trouble must not disturb the emulator.
 *
 * @internal
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as FiberSet from "effect/FiberSet"
import { createHmac } from "node:crypto"
import type { PlivoEmulator } from "../../PlivoEmulator.js"
import { nonce as makeNonce } from "./ids.js"
import { signatureBase, signV3 } from "./signing.js"

/** One callback to send. */
export interface CallbackRequest {
  readonly url: string
  readonly method: "GET" | "POST"
  /** The form (POST) or query (GET) parameters, all strings. */
  readonly params: Readonly<Record<string, string>>
}

/** What became of one callback. */
export interface CallbackAttempt {
  /** The `X-Plivo-Signature-*` headers sent. */
  readonly headers: Readonly<Record<string, string>>
  readonly attemptedAtMillis: number
  readonly outcome: PlivoEmulator.CallbackOutcome
}

/** @internal */
export interface Callbacks {
  /**
   * Sends `request` in the background once the previous callback of `chain` is done,
   * then hands the attempt to `record`.
   */
  readonly send: (
    chain: string,
    request: CallbackRequest,
    record: (attempt: CallbackAttempt) => void
  ) => Effect.Effect<void>
  /** Forgets the chains (their fibers are stopped with the background set). */
  readonly reset: () => void
}

const signV2 = (url: string, nonce: string, authToken: string): string =>
  createHmac("sha256", authToken).update(signatureBase(url) + nonce).digest("base64")

/** Signature headers for a callback; the emulator has one account, so `Ma` equals plain. */
export const signatureHeaders = (options: {
  readonly method: "GET" | "POST"
  readonly url: string
  readonly params: Readonly<Record<string, string>>
  readonly authToken: string
  readonly nonce: string
  readonly nonceV2: string
}): Record<string, string> => {
  const v3 = signV3({
    method: options.method,
    url: options.url,
    params: Object.entries(options.params),
    nonce: options.nonce,
    authToken: options.authToken
  })
  const v2 = signV2(options.url, options.nonceV2, options.authToken)
  return {
    "X-Plivo-Signature-V3": v3,
    "X-Plivo-Signature-Ma-V3": v3,
    "X-Plivo-Signature-V3-Nonce": options.nonce,
    "X-Plivo-Signature-V2": v2,
    "X-Plivo-Signature-Ma-V2": v2,
    "X-Plivo-Signature-V2-Nonce": options.nonceV2
  }
}

const deliver = (
  client: HttpClient.HttpClient,
  authToken: string,
  { method, params, url }: CallbackRequest
): Effect.Effect<CallbackAttempt> =>
  Effect.gen(function*() {
    // A GET carries its parameters in the URL: sign the URL as requested, so that a key the
    // configured URL already holds is signed with every value the receiver will see.
    const signedUrl = method === "GET"
      ? `${url}${url.includes("?") ? "&" : "?"}${new URLSearchParams(params).toString()}`
      : url
    const headers = signatureHeaders({ method, url: signedUrl, params, authToken, nonce: makeNonce(), nonceV2: makeNonce() })
    const request = method === "POST"
      ? HttpClientRequest.post(url).pipe(HttpClientRequest.bodyUrlParams(params))
      : HttpClientRequest.get(signedUrl)
    const outcome = yield* client.execute(HttpClientRequest.setHeaders(request, headers)).pipe(
      Effect.tap((response) => Effect.ignore(response.arrayBuffer)),
      Effect.map((response): PlivoEmulator.CallbackOutcome => ({ _tag: "Responded", status: response.status })),
      Effect.timeoutFail({ duration: Duration.seconds(10), onTimeout: () => "timed out after 10 seconds" }),
      Effect.catchAll((e) =>
        Effect.succeed<PlivoEmulator.CallbackOutcome>({
          _tag: "Failed",
          reason: typeof e === "string" ? e : e.message
        })
      )
    )
    const attemptedAtMillis = yield* Clock.currentTimeMillis
    return { headers, attemptedAtMillis, outcome }
  })

/** @internal */
export const makeCallbacks = (options: {
  readonly client: HttpClient.HttpClient
  readonly authToken: string
  readonly background: FiberSet.FiberSet<unknown, unknown>
}): Callbacks => {
  // Last callback per chain, so the next one waits for it and arrives in order.
  const chains = new Map<string, Fiber.Fiber<unknown, unknown>>()
  return {
    send: (chain, request, record) =>
      Effect.gen(function*() {
        const previous = chains.get(chain)
        const fiber = yield* FiberSet.run(
          options.background,
          // Forks inherit the request fiber's flags, which may be uninterruptible.
          Effect.interruptible(Effect.zipRight(
            previous === undefined ? Effect.void : Effect.ignore(Fiber.await(previous)),
            Effect.map(deliver(options.client, options.authToken, request), record)
          ))
        )
        chains.set(chain, fiber)
      }),
    reset: () => chains.clear()
  }
}
