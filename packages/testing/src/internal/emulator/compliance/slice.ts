/**
 * The part of an emulator that `compliance/` holds: its records, its timing, the
 * callbacks it sent, and the kernel it runs on.
 *
 * @internal
 */
import * as Duration from "effect/Duration"
import type { PlivoEmulator } from "../../../PlivoEmulator.js"
import { type BoundedLog, makeBoundedLog } from "../boundedLog.js"
import type { Kernel } from "../resource.js"
import type { ComplianceStore } from "./store.js"
import { makeComplianceStore } from "./store.js"

/** When the automatic decisions come, counted from the request. */
export interface DecisionTiming {
  readonly auto: boolean
  readonly brandAfter: Duration.Duration
  readonly campaignAfter: Duration.Duration
  readonly numberLinkAfter: Duration.Duration
  readonly tollfreeAfter: Duration.Duration
}

/** A callback attempted, as the handle shows it (time in millis). */
export type CallbackRecord = Omit<PlivoEmulator.ComplianceCallback, "attemptedAt"> & { readonly attemptedAtMillis: number }

/** @internal */
export interface ComplianceSlice {
  readonly kernel: Kernel
  readonly store: ComplianceStore
  readonly timing: DecisionTiming
  /** The last `callbackLogSize` callbacks attempted, oldest first. */
  readonly callbacks: BoundedLog<CallbackRecord>
}

/** The slice for one emulator, from the options `compliance/` reads. */
export const makeComplianceSlice = (kernel: Kernel): ComplianceSlice => {
  const options = kernel.options.compliance
  return {
    kernel,
    store: makeComplianceStore(),
    timing: {
      auto: options?.auto ?? true,
      brandAfter: Duration.decode(options?.brandAfter ?? "200 millis"),
      campaignAfter: Duration.decode(options?.campaignAfter ?? "200 millis"),
      numberLinkAfter: Duration.decode(options?.numberLinkAfter ?? "100 millis"),
      tollfreeAfter: Duration.decode(options?.tollfreeAfter ?? "200 millis")
    },
    callbacks: makeBoundedLog(kernel.callbackLogSize)
  }
}
