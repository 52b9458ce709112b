/**
 * Moves messages through their states on the emulator's `Clock` and fires a status
 * callback for each change. Walks are fibers that sleep, so under TestClock a
 * `TestClock.adjust` completes them at once.
 *
 * @internal
 */
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as FiberSet from "effect/FiberSet"
import { nowMicros } from "../clock.js"
import { callbackParams } from "./callbackParams.js"
import { defaultErrorCode } from "./errorCodes.js"
import type { MessageRecord, MessageState } from "./model.js"
import type { MessageSlice } from "./slice.js"
import type { TestOutcome } from "./testNumbers.js"

// Read through a function so checks after a `yield*` are not narrowed by earlier ones:
// the record may have been changed meanwhile by `advance`.
const stateOf = (m: MessageRecord): MessageState => m.state

// Deadlines count from when the message was queued, not from when this fiber got to
// run, so a walk that starts late (e.g. after a TestClock.adjust) still keeps time.
const sleepUntil = (micros: number): Effect.Effect<void> =>
  Effect.flatMap(nowMicros, (now) => (micros > now ? Effect.sleep(Duration.micros(BigInt(micros - now))) : Effect.void))

/** Queues the status callback for the record's current state, after its predecessors. */
export const notify = (slice: MessageSlice, m: MessageRecord): Effect.Effect<void> =>
  Effect.suspend(() => {
    const url = m.callbackUrl
    if (url === undefined) return Effect.void
    m.callbackSequence += 1
    // Snapshot now: the record may change again before this callback is sent.
    const status = m.state
    const sequence = m.callbackSequence
    const params = callbackParams(m, sequence)
    const method = m.callbackMethod
    return slice.kernel.callbacks.send(m.uuid, { url, method, params }, (attempt) =>
      slice.store.recordCallback({
        messageUuid: m.uuid,
        status,
        sequence,
        url,
        method,
        params,
        headers: attempt.headers,
        attemptedAtMillis: attempt.attemptedAtMillis,
        outcome: attempt.outcome
      }))
  })

/** Sets a state with its timestamps and error code, then notifies. */
export const transition = (
  slice: MessageSlice,
  m: MessageRecord,
  to: MessageState,
  errorCode?: string | null
): Effect.Effect<void> =>
  Effect.gen(function*() {
    const now = yield* nowMicros
    m.state = to
    m.errorCode = errorCode === undefined ? defaultErrorCode(to) : errorCode
    m.updatedMicros = now
    if (to === "sent" && m.sentMicros === undefined) m.sentMicros = now
    if (to === "delivered" || to === "undelivered" || to === "read") {
      m.sentMicros ??= now
      m.deliveredMicros ??= now
    }
    yield* notify(slice, m)
  })

/** Why a queued message fails before reaching a carrier, if it does. */
export interface EarlyFailure {
  readonly expirySeconds: number
  /** Text plus media over 5 MB fails with 120 (messages.md §1). */
  readonly oversized: boolean
}

/** Starts the automatic walk of a freshly queued message. */
export const startWalk = (
  slice: MessageSlice,
  m: MessageRecord,
  outcome: TestOutcome,
  early: EarlyFailure
): Effect.Effect<void> => {
  if (!slice.lifecycle.auto || outcome._tag === "StaysQueued") return Effect.void
  const { deliveredAfter, sentAfter } = slice.lifecycle
  const sentAt = m.queuedMicros + Duration.toMillis(sentAfter) * 1000
  const walk = Effect.gen(function*() {
    yield* sleepUntil(sentAt)
    // A manual `advance` wins: only move a message that is still where the walk left it.
    if (stateOf(m) !== "queued") return
    if (Duration.greaterThan(sentAfter, Duration.seconds(early.expirySeconds))) {
      return yield* transition(slice, m, "failed", "420")
    }
    if (early.oversized) return yield* transition(slice, m, "failed", "120")
    if (outcome._tag === "Failed") return yield* transition(slice, m, "failed", outcome.errorCode)
    yield* transition(slice, m, "sent")
    if (outcome._tag === "StaysSent") return
    yield* sleepUntil(sentAt + Duration.toMillis(deliveredAfter) * 1000)
    if (stateOf(m) !== "sent") return
    if (outcome._tag === "Undelivered") return yield* transition(slice, m, "undelivered", outcome.errorCode)
    yield* transition(slice, m, "delivered", "000")
  })
  // Forks inherit the request fiber's flags, which may be uninterruptible (a runtime
  // captured while a layer was built); walks must stop when the emulator closes.
  return Effect.asVoid(FiberSet.run(slice.kernel.background, Effect.interruptible(walk)))
}
