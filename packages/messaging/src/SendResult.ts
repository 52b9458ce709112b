/**
 * What Plivo answers to a send (HTTP 202).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * `message_uuid` holds one UUID per accepted destination, in order; destinations Plivo
 * skipped as invalid are listed in `invalid_number` (empty when Plivo omits it). 202
 * means queued, not delivered. Decoding is as lenient as it can be: a message that Plivo
 * queued must not look like a failed send, or a caller may send it twice.
 *
 * @example
 * ```ts
 * import { Messages } from "@plivo-effect/messaging"
 * import * as Effect from "effect/Effect"
 *
 * const firstUuid = Effect.gen(function*() {
 *   const messages = yield* Messages
 *   const result = yield* messages.send({ src: "14155550100", dst: "14155550123", text: "Hi" })
 *   return result.message_uuid[0]
 * })
 * ```
 *
 * @since 0.1.0
 * @category schemas
 */
export const SendResult = Schema.Struct({
  api_id: Schema.String,
  message: Schema.optionalWith(Schema.String, { default: () => "" }),
  message_uuid: Schema.Array(Schema.String),
  invalid_number: Schema.optionalWith(Schema.Array(Schema.String), { default: () => [], nullable: true })
}).annotations({ identifier: "SendResult" })

/**
 * @since 0.1.0
 * @category models
 */
export interface SendResult extends Schema.Schema.Type<typeof SendResult> {}
