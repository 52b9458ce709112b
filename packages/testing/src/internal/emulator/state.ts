/**
 * Everything one emulator instance holds, shared by its routes, lifecycle and handle.
 *
 * @internal
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as Duration from "effect/Duration"
import type * as Fiber from "effect/Fiber"
import type * as FiberSet from "effect/FiberSet"
import type { BodyLimits } from "./body.js"
import type { Faults } from "./faults.js"
import type { RateLimits } from "./rateLimits.js"
import type { Store } from "./store.js"

/** Timing of the automatic queued → sent → delivered walk. */
export interface LifecycleConfig {
  readonly auto: boolean
  readonly sentAfter: Duration.Duration
  readonly deliveredAfter: Duration.Duration
}

/** @internal */
export interface EmulatorState {
  readonly authId: string
  readonly authToken: string
  readonly store: Store
  readonly bodyLimits: BodyLimits
  readonly faults: Faults
  readonly rateLimits: RateLimits
  readonly barredPrefixes: ReadonlyArray<string>
  readonly lifecycle: LifecycleConfig
  /** Lifecycle walks and callbacks; cleared by `reset`, interrupted when the layer closes. */
  readonly background: FiberSet.FiberSet<unknown, unknown>
  /** Last callback per message, so the next one waits for it and arrives in order. */
  readonly callbackChains: Map<string, Fiber.Fiber<unknown, unknown>>
  /** Sends status callbacks; from the environment when the layer was given one. */
  readonly callbackClient: HttpClient.HttpClient
}
