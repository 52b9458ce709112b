/**
 * What happened to each recipient of `Messages.sendBulk` and `Messages.sendEach`: one
 * outcome per recipient, in a tagged union.
 *
 * @since 0.1.0
 */
import { isPlivoError, type PlivoError } from "@plivo-effect/core/PlivoError"
import * as Schema from "effect/Schema"

/**
 * Any `PlivoError`, as a schema, so that an outcome that carries one can be checked like
 * the rest. It holds the error as it is (a class instance): it is not a JSON form.
 *
 * @since 0.1.0
 * @category schemas
 */
export const BulkError: Schema.Schema<PlivoError> = Schema.declare(isPlivoError, { identifier: "PlivoError" })

/**
 * The position of the input an outcome belongs to: set by `sendEach` (the index of the
 * message in its source, from 0), absent for `sendBulk`, whose recipients are named by
 * `dst` alone.
 */
const index = Schema.optional(Schema.Number)

/**
 * Plivo queued the message for `dst` as `message_uuid`: the uuid at the same position
 * among the request's accepted destinations, as Plivo documents. Queued is not
 * delivered; the delivery report or `Messages.get(message_uuid)` tells the rest.
 *
 * @since 0.1.0
 * @category models
 */
export class Queued extends Schema.TaggedClass<Queued>("@plivo-effect/messaging/Queued")("Queued", {
  dst: Schema.String,
  message_uuid: Schema.String,
  index
}) {}

/**
 * `dst` is not a number anything was sent to: it is not a phone number with its country
 * code (refused before any request, `dst` as given), it is the sender itself, or Plivo
 * listed it in `invalid_number` (`dst` normalised, as sent). Nothing was sent to it.
 *
 * @since 0.1.0
 * @category models
 */
export class Invalid extends Schema.TaggedClass<Invalid>("@plivo-effect/messaging/Invalid")("Invalid", {
  dst: Schema.String,
  index
}) {}

/**
 * The request for `dst` failed and certainly did not act: Plivo answered 4xx (a 400, a
 * 403 Geo Permissions block, a 429 after every retry…), the connection was refused before
 * anything was sent, or (`sendEach`) the message's parameters were invalid. Nothing was
 * sent to `dst`; sending it again is safe once the cause is fixed.
 *
 * @since 0.1.0
 * @category models
 */
export class Rejected extends Schema.TaggedClass<Rejected>("@plivo-effect/messaging/Rejected")("Rejected", {
  dst: Schema.String,
  error: BulkError,
  index
}) {}

/**
 * The request for `dst` may have reached Plivo, and whether it was queued cannot be
 * told: a connection lost after the body was sent, a timeout, a 5xx, or a 2xx answer
 * that did not add up (a `DecodeError`, e.g. fewer uuids than accepted destinations).
 * The message may have been sent. It is never re-sent automatically: a blind retry can
 * text someone twice. Look it up later (the message list filtered by `to_number` and
 * time) or leave it to a human.
 *
 * @since 0.1.0
 * @category models
 */
export class Unknown extends Schema.TaggedClass<Unknown>("@plivo-effect/messaging/Unknown")("Unknown", {
  dst: Schema.String,
  error: BulkError,
  index
}) {}

/**
 * One recipient's outcome. The schema checks and encodes outcomes in memory; to persist
 * them, write the fields you need (`_tag`, `dst`, `message_uuid`, the error's `_tag` and
 * `message`), as `examples/bulk-resume.ts` does: some errors hold values JSON cannot carry
 * (a `RateLimitError`'s `retryAfter` is an `Option<Duration>`).
 *
 * @since 0.1.0
 * @category schemas
 * @example
 * ```ts
 * import type { BulkOutcome } from "@plivo-effect/messaging"
 *
 * const describe = (outcome: BulkOutcome): string => {
 *   switch (outcome._tag) {
 *     case "Queued": return `${outcome.dst}: queued as ${outcome.message_uuid}`
 *     case "Invalid": return `${outcome.dst}: not a valid number`
 *     case "Rejected": return `${outcome.dst}: not sent (${outcome.error._tag}), safe to send again`
 *     case "Unknown": return `${outcome.dst}: may have been sent (${outcome.error._tag}); do not resend blindly`
 *   }
 * }
 * ```
 */
export const BulkOutcome = Schema.Union(Queued, Invalid, Rejected, Unknown)

/**
 * @since 0.1.0
 * @category models
 */
export type BulkOutcome = typeof BulkOutcome.Type

/**
 * An outcome of `sendEach`: `index` is the position of its message in the source.
 *
 * @since 0.1.0
 * @category models
 */
export type IndexedOutcome = BulkOutcome & { readonly index: number }
