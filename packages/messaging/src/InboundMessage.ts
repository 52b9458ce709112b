/**
 * The parameters Plivo posts to an application's `message_url` when a message arrives.
 *
 * @since 0.1.0
 */
import { Money } from "@plivo-effect/core/Money"
import * as Effect from "effect/Effect"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { optional } from "@plivo-effect/core/PlivoSchema"
import { Params, present } from "@plivo-effect/core/PlivoWebhook"

const Fields = Schema.Struct({
  MessageUUID: Schema.String,
  From: Schema.String,
  To: Schema.String,
  /** `sms`, `mms` or `whatsapp`; other values are kept as they are. */
  Type: optional(Schema.String),
  /** SMS body, multipart messages already joined. */
  Text: optional(Schema.String),
  /** MMS and WhatsApp text part. */
  Body: optional(Schema.String),
  Units: optional(Schema.NumberFromString),
  TotalRate: optional(Money),
  TotalAmount: optional(Money),
  /** `optout`, `optin`, `help` when a standard keyword matched. */
  MessageIntent: optional(Schema.String),
  PowerpackUUID: optional(Schema.String),
  MediaCount: optional(Schema.NumberFromString),
  ContentType: optional(Schema.String)
})

/** Attachments arrive as `Media0…MediaN` or `Media1…MediaN` depending on the source. */
const mediaOf = (params: Readonly<Record<string, string>>): ReadonlyArray<string> =>
  Object.entries(params)
    .flatMap(([key, value]) => {
      const match = /^Media(\d+)$/.exec(key)
      return match === null || value === "" ? [] : [[Number(match[1]), value] as const]
    })
    .sort(([a], [b]) => a - b)
    .map(([, url]) => url)

/**
 * An inbound SMS, MMS or WhatsApp message. Numbers, money and media are typed; `text` is
 * the message text whatever the type (`Text` for SMS, `Body` otherwise); every parameter,
 * known or not, is kept in `params`. Only `MessageUUID`, `From` and `To` are required.
 *
 * @since 0.1.0
 * @category schemas
 */
export const InboundMessage = Schema.transformOrFail(
  Params,
  Schema.typeSchema(
    Schema.Struct({ ...Fields.fields, text: Schema.String, media: Schema.Array(Schema.String), params: Params })
  ),
  {
    strict: true,
    decode: (params, options) =>
      ParseResult.decodeUnknown(Fields)(present(params), options).pipe(
        Effect.map((fields) => ({ ...fields, text: fields.Text ?? fields.Body ?? "", media: mediaOf(params), params }))
      ),
    encode: (message) => ParseResult.succeed(message.params)
  }
)

/**
 * @since 0.1.0
 * @category models
 */
export type InboundMessage = typeof InboundMessage.Type
