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
import { optionalParam, Params, present } from "./internal/formParams.js"

const Fields = Schema.Struct({
  MessageUUID: Schema.String,
  /** `queued`, `sent`, `delivered`, `undelivered`, `failed`, `read`; others kept as they are. */
  Status: Schema.String,
  To: optionalParam(Schema.String),
  From: optionalParam(Schema.String),
  Type: optionalParam(Schema.String),
  Units: optionalParam(Schema.NumberFromString),
  TotalRate: optionalParam(Money),
  TotalAmount: optionalParam(Money),
  MCC: optionalParam(Schema.String),
  MNC: optionalParam(Schema.String),
  /** Set for `failed` and `undelivered`. */
  ErrorCode: optionalParam(Schema.String),
  ParentMessageUUID: optionalParam(Schema.String),
  PartInfo: optionalParam(Schema.String),
  /** Orders the callbacks of one message; use it to discard stale events. */
  Sequence: optionalParam(Schema.NumberFromString),
  MessageTime: optionalParam(PlivoDateTime),
  QueuedTime: optionalParam(PlivoDateTime),
  SentTime: optionalParam(PlivoDateTime),
  DeliveryReportTime: optionalParam(PlivoDateTime),
  requester_ip: optionalParam(Schema.String),
  PowerpackUUID: optionalParam(Schema.String),
  ConversationID: optionalParam(Schema.String),
  ConversationOrigin: optionalParam(Schema.String),
  /** Its format is not settled in Plivo's documentation, so it stays a string. */
  ConversationExpirationTimestamp: optionalParam(Schema.String)
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
