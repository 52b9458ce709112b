/**
 * What the kernel of one emulator holds: the account, faults, rate limits, the request
 * log and the background work. Resources keep their own records.
 *
 * @internal
 */
import type * as FiberSet from "effect/FiberSet"
import type { Callbacks } from "./callbacks.js"
import type { Faults } from "./faults.js"
import type { RateLimits } from "./rateLimits.js"
import type { RequestLog } from "./requestLog.js"

/** @internal */
export interface KernelState {
  readonly authId: string
  readonly authToken: string
  readonly faults: Faults
  readonly rateLimits: RateLimits
  readonly requestLog: RequestLog
  /** Lifecycle walks and callbacks; cleared by `reset`, interrupted when the layer closes. */
  readonly background: FiberSet.FiberSet<unknown, unknown>
  readonly callbacks: Callbacks
}
