/**
 * The part of an emulator that `message/` holds: its store, its configuration and the
 * kernel it runs on. Routes, the life cycle and the handle all work on it.
 *
 * @internal
 */
import * as Duration from "effect/Duration"
import type { Kernel } from "../resource.js"
import type { MessageStore } from "./store.js"
import { makeMessageStore } from "./store.js"

/** Timing of the automatic queued → sent → delivered walk. */
export interface LifecycleConfig {
  readonly auto: boolean
  readonly sentAfter: Duration.Duration
  readonly deliveredAfter: Duration.Duration
}

/** @internal */
export interface MessageSlice {
  readonly kernel: Kernel
  readonly store: MessageStore
  readonly lifecycle: LifecycleConfig
  readonly barredPrefixes: ReadonlyArray<string>
}

/**
 * Country codes refused with 403 (Geo Permissions): North Korea, Cuba, Iran, Syria —
 * destinations an account would not have enabled.
 */
export const defaultBarredPrefixes: ReadonlyArray<string> = ["850", "53", "98", "963"]

/** The slice for one emulator, from the options `message/` reads. */
export const makeMessageSlice = (kernel: Kernel): MessageSlice => ({
  kernel,
  store: makeMessageStore(kernel.callbackLogSize),
  lifecycle: {
    auto: kernel.options.lifecycle?.auto ?? true,
    sentAfter: Duration.decode(kernel.options.lifecycle?.sentAfter ?? "100 millis"),
    deliveredAfter: Duration.decode(kernel.options.lifecycle?.deliveredAfter ?? "200 millis")
  },
  barredPrefixes: kernel.options.barredPrefixes ?? defaultBarredPrefixes
})
