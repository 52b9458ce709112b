/**
 * Decisions on registrations, on the emulator's `Clock`: the automatic one (from the
 * reserved inputs, after the configured delay) and the handle's `decide…`. Each change
 * posts a signed status callback to the record's `url` / `callback_url`, and a decision
 * bumps the record's generation so that an automatic one still sleeping knows it was
 * overtaken.
 *
 * @internal
 */
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as FiberSet from "effect/FiberSet"
import { nowMicros } from "../clock.js"
import type { PlivoEmulator } from "../../../PlivoEmulator.js"
import type { Params } from "./callbackParams.js"
import { brandParams, campaignParams, numberParams, tollfreeParams } from "./callbackParams.js"
import type { Brand, CallbackTarget, Campaign, DeclinedReason, LinkedNumber, LinkStatus, Tollfree } from "./model.js"
import type { CampaignFailure, Outcome, TollfreeFailure } from "./reserved.js"
import type { ComplianceSlice } from "./slice.js"

/** Posts one callback in the background, in order with the others of `id`, and records it. */
export const notify = (
  slice: ComplianceSlice,
  resource: PlivoEmulator.ComplianceCallback["resource"],
  id: string,
  target: CallbackTarget | undefined,
  params: Params
): Effect.Effect<void> => {
  if (target === undefined) return Effect.void
  const { method, url } = target
  return slice.kernel.callbacks.send(`${resource}:${id}`, { url, method, params }, (attempt) => {
    slice.callbacks.push({
      resource,
      id,
      status: params["status"] ?? "",
      url,
      method,
      params,
      headers: attempt.headers,
      attemptedAtMillis: attempt.attemptedAtMillis,
      outcome: attempt.outcome
    })
  })
}

/**
 * Runs `decide` at `fromMicros + after`, unless the record's generation moved meanwhile.
 * Deadlines count from the request, so a fiber that starts late still keeps time.
 */
const later = (
  slice: ComplianceSlice,
  fromMicros: number,
  after: Duration.Duration,
  generation: () => number,
  decide: Effect.Effect<void>
): Effect.Effect<void> => {
  if (!slice.timing.auto) return Effect.void
  const due = fromMicros + Duration.toMillis(after) * 1000
  const expected = generation()
  const run = Effect.flatMap(nowMicros, (now) => due > now ? Effect.sleep(Duration.micros(BigInt(due - now))) : Effect.void).pipe(
    Effect.zipRight(Effect.suspend(() => generation() === expected ? decide : Effect.void))
  )
  // Forks inherit the request fiber's flags, which may be uninterruptible.
  return Effect.asVoid(FiberSet.run(slice.kernel.background, Effect.interruptible(run)))
}

/** Sets a brand's status and notifies. */
export const setBrand = (
  slice: ComplianceSlice,
  b: Brand,
  status: Brand["status"],
  reasons: ReadonlyArray<DeclinedReason> = []
): Effect.Effect<void> =>
  Effect.suspend(() => {
    b.status = status
    b.declinedReasons = status === "FAILED" ? reasons : []
    b.generation += 1
    return notify(slice, "brand", b.brandId, b.callback, brandParams(b))
  })

/** Schedules a brand's automatic decision. */
export const decideBrandLater = (
  slice: ComplianceSlice,
  b: Brand,
  fromMicros: number,
  outcome: Outcome<ReadonlyArray<DeclinedReason>>
): Effect.Effect<void> =>
  outcome._tag === "Pending" ? Effect.void : later(
    slice,
    fromMicros,
    slice.timing.brandAfter,
    () => b.generation,
    outcome._tag === "Approve" ? setBrand(slice, b, "COMPLETED") : setBrand(slice, b, "FAILED", outcome.failure)
  )

/** Sets a campaign's status (with its error when failed) and notifies. */
export const setCampaign = (
  slice: ComplianceSlice,
  c: Campaign,
  status: Campaign["status"],
  failure?: CampaignFailure
): Effect.Effect<void> =>
  Effect.suspend(() => {
    c.status = status
    c.errorCode = status === "FAILED" ? failure?.errorCode : undefined
    c.errorReason = status === "FAILED" ? failure?.errorReason : undefined
    c.generation += 1
    return notify(slice, "campaign", c.campaignId, c.callback, campaignParams(c))
  })

/** Schedules a campaign's automatic decision. */
export const decideCampaignLater = (
  slice: ComplianceSlice,
  c: Campaign,
  fromMicros: number,
  outcome: Outcome<CampaignFailure>
): Effect.Effect<void> =>
  outcome._tag === "Pending" ? Effect.void : later(
    slice,
    fromMicros,
    slice.timing.campaignAfter,
    () => c.generation,
    outcome._tag === "Approve" ? setCampaign(slice, c, "ACTIVE") : setCampaign(slice, c, "FAILED", outcome.failure)
  )

/** Sets a linked number's status and notifies. */
export const setLink = (slice: ComplianceSlice, c: Campaign, n: LinkedNumber, status: LinkStatus): Effect.Effect<void> =>
  Effect.suspend(() => {
    n.status = status
    n.generation += 1
    return notify(slice, "number", `${c.campaignId}/${n.number}`, n.callback, numberParams(c, n))
  })

/** Schedules a number link's automatic decision. */
export const decideLinkLater = (
  slice: ComplianceSlice,
  c: Campaign,
  n: LinkedNumber,
  fromMicros: number,
  outcome: Outcome<undefined>
): Effect.Effect<void> =>
  outcome._tag === "Pending" ? Effect.void : later(
    slice,
    fromMicros,
    slice.timing.numberLinkAfter,
    () => n.generation,
    // Unlinked meanwhile: nothing to decide.
    Effect.suspend(() =>
      c.numbers.get(n.number) !== n ? Effect.void : setLink(slice, c, n, outcome._tag === "Approve" ? "COMPLETED" : "FAILED")
    )
  )

/** Six days in `UPDATE_REQUIRED` without an update rejects a verification (compliance.md). */
export const UPDATE_WINDOW = Duration.days(6)

/** Sets a verification's status and notifies; `UPDATE_REQUIRED` starts the six-day window. */
export const setTollfree = (
  slice: ComplianceSlice,
  t: Tollfree,
  status: Tollfree["status"],
  errorMessage = ""
): Effect.Effect<void> =>
  Effect.gen(function*() {
    const now = yield* nowMicros
    t.status = status
    t.errorMessage = errorMessage
    t.updatedMicros = now
    t.generation += 1
    const target = typeof t.fields["callback_url"] === "string" && t.fields["callback_url"] !== ""
      ? { url: t.fields["callback_url"], method: t.fields["callback_method"] === "GET" ? "GET" as const : "POST" as const }
      : undefined
    yield* notify(slice, "tollfree", t.uuid, target, tollfreeParams(t))
    if (status === "UPDATE_REQUIRED") {
      yield* later(
        slice,
        now,
        UPDATE_WINDOW,
        () => t.generation,
        setTollfree(slice, t, "REJECTED", "No update was received within 6 days of UPDATE_REQUIRED.")
      )
    }
  })

/** Schedules a verification's automatic decision (after a create, or an update in `UPDATE_REQUIRED`). */
export const decideTollfreeLater = (
  slice: ComplianceSlice,
  t: Tollfree,
  fromMicros: number,
  outcome: Outcome<TollfreeFailure>
): Effect.Effect<void> =>
  outcome._tag === "Pending" ? Effect.void : later(
    slice,
    fromMicros,
    slice.timing.tollfreeAfter,
    () => t.generation,
    outcome._tag === "Approve"
      ? setTollfree(slice, t, "APPROVED")
      : setTollfree(slice, t, outcome.failure.status, outcome.failure.errorMessage)
  )
