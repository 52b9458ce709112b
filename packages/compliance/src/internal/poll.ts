import * as Effect from "effect/Effect"
import * as Schedule from "effect/Schedule"
import type { DeclinedReason } from "../Brand.js"
import {
  type AwaitOptions,
  defaultSchedule,
  type RegisteredResource,
  RegistrationPendingError,
  RegistrationRejectedError
} from "../Registration.js"

/** Plivo's reasons, as a rejection carries them. */
export interface Reasons {
  readonly declined_reasons?: ReadonlyArray<DeclinedReason>
  readonly error_code?: string
  readonly error_reason?: string
  readonly error_message?: string
}

const APPROVED: ReadonlyArray<string> = ["COMPLETED", "ACTIVE", "APPROVED"]
const REJECTED: ReadonlyArray<string> = ["FAILED", "REJECTED"]

/**
 * Reads the record now and again on `options.schedule` until its status is terminal:
 * approved succeeds with it, `rejected` (besides FAILED and REJECTED) fails with
 * `RegistrationRejectedError`, a schedule that ends first fails with
 * `RegistrationPendingError`; a rejected status that `underReview` holds for is waited
 * out like an undecided one. Statuses compare upper-cased: Plivo's docs title-case them
 * where responses do not.
 */
export const awaitTerminal = <A, E>(
  resource: RegisteredResource,
  id: string,
  read: Effect.Effect<A, E>,
  classify: { readonly status: (record: A) => string | undefined; readonly reasons: (record: A) => Reasons },
  more: {
    readonly rejected?: ReadonlyArray<string>
    /** A rejected status that is still being reviewed, given the first record read. */
    readonly underReview?: (record: A, first: A) => boolean
  },
  options: AwaitOptions = {}
): Effect.Effect<A, E | RegistrationRejectedError | RegistrationPendingError> =>
  Effect.gen(function*() {
    const driver = yield* Schedule.driver(options.schedule ?? defaultSchedule)
    const rejected = [...REJECTED, ...(more.rejected ?? [])]
    let polls = 0
    let first: { readonly record: A } | undefined
    // Bounded by the schedule: each round either ends or waits for its next recurrence.
    while (true) {
      const record = yield* read
      polls++
      first ??= { record }
      const status = classify.status(record)
      const upper = status?.toUpperCase()
      if (upper !== undefined && APPROVED.includes(upper)) return record
      if (
        status !== undefined && upper !== undefined && rejected.includes(upper) &&
        more.underReview?.(record, first.record) !== true
      ) {
        const reasons = classify.reasons(record)
        return yield* new RegistrationRejectedError({
          resource,
          id,
          status,
          ...(reasons.declined_reasons === undefined || reasons.declined_reasons.length === 0
            ? {}
            : { declined_reasons: reasons.declined_reasons }),
          ...(reasons.error_code === undefined ? {} : { error_code: reasons.error_code }),
          ...(reasons.error_reason === undefined ? {} : { error_reason: reasons.error_reason }),
          ...(reasons.error_message === undefined ? {} : { error_message: reasons.error_message })
        })
      }
      const next = yield* Effect.either(driver.next(record))
      if (next._tag === "Left") {
        return yield* new RegistrationPendingError({
          resource,
          id,
          polls,
          ...(status === undefined ? {} : { status })
        })
      }
    }
  })
