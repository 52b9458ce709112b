/**
 * The Message Detail Record (MDR) returned by `GET Message/{uuid}/` and in message lists.
 *
 * @since 0.1.0
 */
import { Money } from "@plivo-effect/core/Money"
import { PlivoDateTime } from "@plivo-effect/core/PlivoDateTime"
import { blankAsAbsent, ListPage, OpenEnum, optional } from "@plivo-effect/core/PlivoSchema"
import * as Schema from "effect/Schema"
import { ErrorCode, LenientDateTime } from "./internal/schema.js"

/**
 * `message_direction`. Unknown values decode as plain strings.
 *
 * @since 0.1.0
 * @category schemas
 */
export const MessageDirection = OpenEnum("inbound", "outbound")

/**
 * `message_state` (messages.md §5). `rejected` and `deleted` appear only in some SDKs;
 * unknown values decode as plain strings.
 *
 * @since 0.1.0
 * @category schemas
 */
export const MessageState = OpenEnum(
  "queued",
  "sent",
  "delivered",
  "undelivered",
  "failed",
  "read",
  "received",
  "rejected"
)

/**
 * `message_type`. Unknown values decode as plain strings.
 *
 * @since 0.1.0
 * @category schemas
 */
export const MessageType = OpenEnum("sms", "mms", "whatsapp")

/**
 * WhatsApp `conversation_origin`; Plivo sends `""` for non-WhatsApp messages.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ConversationOrigin = OpenEnum("utility", "authentication", "marketing", "service")

/**
 * `tendlc_registration_status` of a US message. Unknown values decode as plain strings.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TendlcRegistrationStatus = OpenEnum("registered", "unregistered")

/**
 * A message record. Field names are Plivo's. Every field Plivo added after 2020 is
 * optional, and unknown fields are ignored.
 *
 * - Timestamps decode to `DateTime.Utc` (Plivo sends them in the account's time zone).
 *   Optional timestamps sent as `""` or `null` decode as absent. The WhatsApp expiry is
 *   read under both names Plivo uses, `conversation_expiration_timestamp` (SDKs, fixtures)
 *   and `conversation_expiry_timestamp` (docs), as a Plivo timestamp or Unix seconds.
 * - `total_rate`, `total_amount`, `carrier_fees`, `carrier_fees_rate` decode to exact
 *   `BigDecimal`s.
 * - `error_code` stays `string | null` (`"000"` means delivered); `null` also when absent.
 * - `api_id` is present on `Messages.get` only.
 *
 * @example
 * ```ts
 * import * as Schema from "effect/Schema"
 * import { Message } from "@plivo-effect/messaging"
 *
 * declare const json: unknown // a body of GET Message/{message_uuid}/
 * const message = Schema.decodeUnknownSync(Message)(json)
 * message.message_time // DateTime.Utc
 * ```
 *
 * @since 0.1.0
 * @category schemas
 */
export const Message = Schema.Struct({
  api_id: optional(Schema.String),
  message_uuid: Schema.String,
  message_time: PlivoDateTime,
  message_direction: MessageDirection,
  message_state: MessageState,
  message_type: MessageType,
  from_number: Schema.String,
  to_number: Schema.String,
  units: Schema.Number,
  total_rate: Money,
  total_amount: Money,
  error_code: Schema.optionalWith(ErrorCode, { default: () => null }),
  error_message: optional(Schema.String),
  resource_uri: optional(Schema.String),
  powerpack_id: optional(Schema.NullOr(Schema.String)),
  requester_ip: optional(Schema.String),
  is_domestic: optional(Schema.Boolean),
  replaced_sender: optional(Schema.String),
  destination_country_iso2: optional(Schema.String),
  destination_network: optional(Schema.NullOr(Schema.String)),
  tendlc_campaign_id: optional(Schema.NullOr(Schema.String)),
  tendlc_registration_status: optional(Schema.NullOr(TendlcRegistrationStatus)),
  carrier_fees: blankAsAbsent(Money),
  carrier_fees_rate: blankAsAbsent(Money),
  dlt_entity_id: optional(Schema.String),
  dlt_template_id: optional(Schema.String),
  dlt_template_category: optional(Schema.String),
  conversation_id: optional(Schema.NullOr(Schema.String)),
  conversation_origin: optional(Schema.NullOr(ConversationOrigin)),
  conversation_expiration_timestamp: blankAsAbsent(LenientDateTime),
  conversation_expiry_timestamp: blankAsAbsent(LenientDateTime),
  log: optional(Schema.String),
  message_sent_time: blankAsAbsent(PlivoDateTime),
  message_updated_time: blankAsAbsent(PlivoDateTime)
}).annotations({ identifier: "Message" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Message extends Schema.Schema.Type<typeof Message> {}

/**
 * One page of `GET Message/`. `meta` carries no `total_count` on the live API.
 *
 * @since 0.1.0
 * @category schemas
 */
export const MessageList = Schema.Struct({
  api_id: Schema.String,
  ...ListPage(Message, "objects").fields
}).annotations({ identifier: "MessageList" })

/**
 * @since 0.1.0
 * @category models
 */
export interface MessageList extends Schema.Schema.Type<typeof MessageList> {}
