/**
 * Assembles one emulator: the kernel's state, the registered resources, the `HttpApp`
 * and the handle.
 *
 * @internal
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as HttpApp from "@effect/platform/HttpApp"
import * as HttpClient from "@effect/platform/HttpClient"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as FiberSet from "effect/FiberSet"
import * as Option from "effect/Option"
import type * as Scope from "effect/Scope"
import { randomInt } from "node:crypto"
import type { PlivoEmulator } from "../../PlivoEmulator.js"
import { makeApp } from "./app.js"
import { defaultBodyLimits } from "./body.js"
import { DEFAULT_CALLBACK_LOG_SIZE } from "./boundedLog.js"
import { makeCallbacks } from "./callbacks.js"
import { makeControls } from "./controls.js"
import { makeFaults } from "./faults.js"
import { generateAuthId, generateAuthToken } from "./ids.js"
import { makeRateLimits } from "./rateLimits.js"
import { DEFAULT_REQUEST_LOG_SIZE, makeRequestLog } from "./requestLog.js"
import { resources } from "./resources.js"
import type { KernelState } from "./state.js"

// A negative or NaN size would make no sense; fall back to the default rather than fail a test layer.
const nonNegative = (n: number | undefined, fallback: number): number =>
  n === undefined || Number.isNaN(n) || n < 0 ? fallback : Math.floor(n)

/** @internal */
export interface Emulator {
  readonly app: HttpApp.Default
  readonly handle: (baseUrl: string) => PlivoEmulator.Service
}

/**
 * Builds an emulator. Status callbacks go through the `HttpClient` in the environment
 * when there is one, else through the global `fetch`.
 */
export const makeEmulator = (options: PlivoEmulator.Options = {}): Effect.Effect<Emulator, never, Scope.Scope> =>
  Effect.gen(function*() {
    const fromEnvironment = yield* Effect.serviceOption(HttpClient.HttpClient)
    const client = Option.isSome(fromEnvironment)
      ? fromEnvironment.value
      : yield* Effect.provide(HttpClient.HttpClient, FetchHttpClient.layer)
    const authId = options.authId ?? generateAuthId()
    const authToken = options.authToken ?? generateAuthToken()
    const background = yield* FiberSet.make()
    const state: KernelState = {
      authId,
      authToken,
      faults: makeFaults(options.seed ?? randomInt(0, 2 ** 31), options.randomFaults),
      rateLimits: makeRateLimits(options.rateLimits),
      requestLog: makeRequestLog(nonNegative(options.requestLogSize, DEFAULT_REQUEST_LOG_SIZE)),
      background,
      callbacks: makeCallbacks({ client, authToken, background })
    }
    // Filled once every resource is made; resources read it at request time.
    let peers: Context.Context<never> = Context.empty()
    const made = resources.make({
      authId,
      options,
      bodyLimits: {
        json: nonNegative(options.maxBodyBytes?.json, defaultBodyLimits.json),
        upload: nonNegative(options.maxBodyBytes?.upload, defaultBodyLimits.upload)
      },
      background,
      callbacks: state.callbacks,
      callbackLogSize: nonNegative(options.callbackLogSize, DEFAULT_CALLBACK_LOG_SIZE),
      peer: (tag) => Context.getOption(peers, tag)
    })
    peers = made.provides
    return {
      app: makeApp(state, made.routes),
      handle: (baseUrl) => ({ ...makeControls(state, baseUrl, made.reset), ...made.handle })
    }
  })
