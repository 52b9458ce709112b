/**
 * The status callback Plivo sends to a send's `url` on every state change.
 *
 * @since 0.1.0
 */
import { Money } from "@plivo-effect/core/Money"
import { PlivoDateTime } from "@plivo-effect/core/PlivoDateTime"
import * as Effect from "effect/Effect"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { optional } from "@plivo-effect/core/PlivoSchema"
import { Params, present } from "@plivo-effect/core/PlivoWebhook"
import { MessageState } from "./MessageRecord.js"

const Fields = Schema.Struct({
  MessageUUID: Schema.String,
  /** A `MessageState`: unknown states are kept as they are. */
  Status: MessageState,
  To: optional(Schema.String),
  From: optional(Schema.String),
  Type: optional(Schema.String),
  Units: optional(Schema.NumberFromString),
  TotalRate: optional(Money),
  TotalAmount: optional(Money),
  MCC: optional(Schema.String),
  MNC: optional(Schema.String),
  /** Set for `failed` and `undelivered`. */
  ErrorCode: optional(Schema.String),
  ParentMessageUUID: optional(Schema.String),
  PartInfo: optional(Schema.String),
  /** Orders the callbacks of one message; use it to discard stale events. */
  Sequence: optional(Schema.NumberFromString),
  MessageTime: optional(PlivoDateTime),
  QueuedTime: optional(PlivoDateTime),
  SentTime: optional(PlivoDateTime),
  DeliveryReportTime: optional(PlivoDateTime),
  requester_ip: optional(Schema.String),
  PowerpackUUID: optional(Schema.String),
  ConversationID: optional(Schema.String),
  ConversationOrigin: optional(Schema.String),
  /** Its format is not settled in Plivo's documentation, so it stays a string. */
  ConversationExpirationTimestamp: optional(Schema.String)
})

/**
 * A delivery report. Only `MessageUUID` and `Status` are required; every parameter,
 * known or not, is kept in `params`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DeliveryReport = Schema.transformOrFail(
  Params,
  Schema.typeSchema(Schema.Struct({ ...Fields.fields, params: Params })),
  {
    strict: true,
    decode: (params, options) =>
      ParseResult.decodeUnknown(Fields)(present(params), options).pipe(
        Effect.map((fields) => ({ ...fields, params }))
      ),
    encode: (report) => ParseResult.succeed(report.params)
  }
)

/**
 * @since 0.1.0
 * @category models
 */
export type DeliveryReport = typeof DeliveryReport.Type

/**
 * States after which a message changes no more (`read` can still follow `delivered` on
 * WhatsApp, so `delivered` counts as final only for SMS and MMS).
 *
 * @since 0.1.0
 * @category guards
 */
export const isFinalDeliveryReport = (report: DeliveryReport): boolean =>
  report.Status === "undelivered" || report.Status === "failed" || report.Status === "read" ||
  report.Status === "rejected" || (report.Status === "delivered" && report.Type !== "whatsapp")
