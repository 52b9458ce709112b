/**
 * Assembles one emulator: resolved options, state, the `HttpApp` and the handle.
 *
 * @internal
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as HttpApp from "@effect/platform/HttpApp"
import * as HttpClient from "@effect/platform/HttpClient"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as FiberSet from "effect/FiberSet"
import * as Option from "effect/Option"
import type * as Scope from "effect/Scope"
import { randomInt } from "node:crypto"
import { makeApp } from "./app.js"
import { defaultBodyLimits } from "./body.js"
import type { PlivoEmulator } from "../../PlivoEmulator.js"
import { makeFaults } from "./faults.js"
import { makeHandle } from "./handle.js"
import { generateAuthId, generateAuthToken } from "./ids.js"
import { defaultBarredPrefixes } from "./numbers.js"
import { makeRateLimits } from "./rateLimits.js"
import type { EmulatorState } from "./state.js"
import { DEFAULT_REQUEST_LOG_SIZE, makeStore } from "./store.js"

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
    const callbackClient = Option.isSome(fromEnvironment)
      ? fromEnvironment.value
      : yield* Effect.provide(HttpClient.HttpClient, FetchHttpClient.layer)
    const state: EmulatorState = {
      authId: options.authId ?? generateAuthId(),
      authToken: options.authToken ?? generateAuthToken(),
      store: makeStore({ requestLogSize: nonNegative(options.requestLogSize, DEFAULT_REQUEST_LOG_SIZE) }),
      bodyLimits: {
        json: nonNegative(options.maxBodyBytes?.json, defaultBodyLimits.json),
        upload: nonNegative(options.maxBodyBytes?.upload, defaultBodyLimits.upload)
      },
      faults: makeFaults(options.seed ?? randomInt(0, 2 ** 31), options.randomFaults),
      rateLimits: makeRateLimits(options.rateLimits ?? false),
      barredPrefixes: options.barredPrefixes ?? defaultBarredPrefixes,
      lifecycle: {
        auto: options.lifecycle?.auto ?? true,
        sentAfter: Duration.decode(options.lifecycle?.sentAfter ?? "100 millis"),
        deliveredAfter: Duration.decode(options.lifecycle?.deliveredAfter ?? "200 millis")
      },
      background: yield* FiberSet.make(),
      callbackChains: new Map(),
      callbackClient
    }
    return { app: makeApp(state), handle: (baseUrl) => makeHandle(state, baseUrl) }
  })
