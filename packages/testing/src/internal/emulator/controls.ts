/**
 * The handle's own operations, whatever the resources: credentials, the request log,
 * faults, rate limits and `reset`.
 *
 * @internal
 */
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as FiberSet from "effect/FiberSet"
import type { PlivoEmulator } from "../../PlivoEmulator.js"
import type { KernelState } from "./state.js"

/** @internal */
export const makeControls = (
  state: KernelState,
  baseUrl: string,
  resetResources: () => void
): PlivoEmulator.Controls => ({
  authId: state.authId,
  authToken: state.authToken,
  baseUrl,
  requests: Effect.sync(() =>
    state.requestLog.all().map(({ atMillis, ...r }) => ({ ...r, at: DateTime.unsafeMake(atMillis) }))
  ),
  fault: (fault, target = {}) => Effect.sync(() => state.faults.script(fault, target)),
  randomFaults: (config) => Effect.sync(() => state.faults.setRandom(config)),
  clearFaults: Effect.sync(() => state.faults.clear()),
  rateLimits: (enabled) => Effect.sync(() => state.rateLimits.setEnabled(enabled)),
  reset: Effect.gen(function*() {
    // Background work first, so nothing records into a store being cleared.
    yield* FiberSet.clear(state.background)
    resetResources()
    state.requestLog.reset()
    state.callbacks.reset()
    state.faults.clear()
    state.rateLimits.reset()
  })
})
