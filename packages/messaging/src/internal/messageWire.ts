import { parseMoney } from "@plivo-effect/core/Money"
import { parsePlivoDateTime } from "@plivo-effect/core/PlivoDateTime"
import { listMeta } from "@plivo-effect/core/PlivoSchema"
import type * as BigDecimal from "effect/BigDecimal"
import type * as DateTime from "effect/DateTime"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Predicate from "effect/Predicate"
import * as Schema from "effect/Schema"
import type * as AST from "effect/SchemaAST"
import { Message } from "../MessageRecord.js"

/**
 * Decoding a list page with the `Message` schema walks every record twice (the struct's
 * encoded side, then its type side) through a parser step per field: on a 20-message page
 * that is most of the SDK's CPU per page. The usual record is read here by plain code
 * instead, field by field as the schema reads it; anything unusual (a missing or odd field,
 * a timestamp or amount the fast reading does not take) goes to the schema, which gives the
 * same value or the same error as before. `Messages.get` reads its one record here too, so
 * a record decodes the same whichever call fetched it. `test/MessageWire.test.ts` holds the
 * two to agreeing on arbitrary records.
 */

// Thrown inside `fast` only, to leave it for the schema; never escapes this module.
const UNUSUAL: unique symbol = Symbol("unusual")

type Wire = Record<string, unknown>

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/**
 * For a field that read `undefined`: an absent key is absent, but a key that is present
 * must hold a value (`JSON.parse` never gives `undefined`; the schema decides on one).
 */
const absent = (o: Wire, key: string): void => {
  if (Object.prototype.hasOwnProperty.call(o, key)) throw UNUSUAL
}

const string = (v: unknown): string => {
  if (typeof v !== "string") throw UNUSUAL
  return v
}

const nullOrString = (v: unknown): string | null => (v === null ? null : string(v))

const boolean = (v: unknown): boolean => {
  if (typeof v !== "boolean") throw UNUSUAL
  return v
}

const timestamp = (v: unknown): DateTime.Utc => {
  const parsed = parsePlivoDateTime(string(v))
  if (Option.isNone(parsed)) throw UNUSUAL
  return parsed.value
}

const money = (v: unknown): BigDecimal.BigDecimal => {
  if (typeof v !== "string" && typeof v !== "number") throw UNUSUAL
  const parsed = parseMoney(v)
  if (Option.isNone(parsed)) throw UNUSUAL
  return parsed.value
}

// Field by field in the order the schema declares them, which is the order it builds its
// output in (`test/MessageWire.test.ts` compares the keys too). Every field is read and
// written by name at its own site: one helper taking the key (`o[key]`, `out[key] = v`)
// saw every field at one site, so its loads and stores went megamorphic, about a third of
// the reading's time.
const fastMessage = (u: unknown): Message => {
  if (!Predicate.isRecord(u)) throw UNUSUAL
  const apiId = u.api_id
  if (apiId === undefined) absent(u, "api_id")
  const code = u.error_code
  if (code !== undefined && code !== null && typeof code !== "string") throw UNUSUAL
  if (typeof u.units !== "number") throw UNUSUAL
  const head: Mutable<Message> = {
    message_uuid: string(u.message_uuid),
    message_time: timestamp(u.message_time),
    message_direction: string(u.message_direction),
    message_state: string(u.message_state),
    message_type: string(u.message_type),
    from_number: string(u.from_number),
    to_number: string(u.to_number),
    units: u.units,
    total_rate: money(u.total_rate),
    total_amount: money(u.total_amount),
    error_code: code ?? null
  }
  // `api_id` comes first where present: only a single record (`Messages.get`) carries it.
  const out: Mutable<Message> = apiId === undefined ? head : { api_id: string(apiId), ...head }
  let v: unknown
  v = u.error_message
  if (v !== undefined) out.error_message = string(v)
  else absent(u, "error_message")
  v = u.resource_uri
  if (v !== undefined) out.resource_uri = string(v)
  else absent(u, "resource_uri")
  v = u.powerpack_id
  if (v !== undefined) out.powerpack_id = nullOrString(v)
  else absent(u, "powerpack_id")
  v = u.requester_ip
  if (v !== undefined) out.requester_ip = string(v)
  else absent(u, "requester_ip")
  v = u.is_domestic
  if (v !== undefined) out.is_domestic = boolean(v)
  else absent(u, "is_domestic")
  v = u.replaced_sender
  if (v !== undefined) out.replaced_sender = string(v)
  else absent(u, "replaced_sender")
  v = u.destination_country_iso2
  if (v !== undefined) out.destination_country_iso2 = string(v)
  else absent(u, "destination_country_iso2")
  v = u.destination_network
  if (v !== undefined) out.destination_network = nullOrString(v)
  else absent(u, "destination_network")
  v = u.tendlc_campaign_id
  if (v !== undefined) out.tendlc_campaign_id = nullOrString(v)
  else absent(u, "tendlc_campaign_id")
  v = u.tendlc_registration_status
  if (v !== undefined) out.tendlc_registration_status = nullOrString(v)
  else absent(u, "tendlc_registration_status")
  // `blankAsAbsent`: `null` and `""` are absent too.
  v = u.carrier_fees
  if (v === undefined) absent(u, "carrier_fees")
  else if (v !== null && v !== "") out.carrier_fees = money(v)
  v = u.carrier_fees_rate
  if (v === undefined) absent(u, "carrier_fees_rate")
  else if (v !== null && v !== "") out.carrier_fees_rate = money(v)
  v = u.dlt_entity_id
  if (v !== undefined) out.dlt_entity_id = string(v)
  else absent(u, "dlt_entity_id")
  v = u.dlt_template_id
  if (v !== undefined) out.dlt_template_id = string(v)
  else absent(u, "dlt_template_id")
  v = u.dlt_template_category
  if (v !== undefined) out.dlt_template_category = string(v)
  else absent(u, "dlt_template_category")
  v = u.conversation_id
  if (v !== undefined) out.conversation_id = nullOrString(v)
  else absent(u, "conversation_id")
  v = u.conversation_origin
  if (v !== undefined) out.conversation_origin = nullOrString(v)
  else absent(u, "conversation_origin")
  v = u.conversation_expiration_timestamp
  if (v === undefined) absent(u, "conversation_expiration_timestamp")
  else if (v !== null && v !== "") out.conversation_expiration_timestamp = timestamp(v)
  v = u.conversation_expiry_timestamp
  if (v === undefined) absent(u, "conversation_expiry_timestamp")
  else if (v !== null && v !== "") out.conversation_expiry_timestamp = timestamp(v)
  v = u.log
  if (v !== undefined) out.log = string(v)
  else absent(u, "log")
  v = u.message_sent_time
  if (v === undefined) absent(u, "message_sent_time")
  else if (v !== null && v !== "") out.message_sent_time = timestamp(v)
  v = u.message_updated_time
  if (v === undefined) absent(u, "message_updated_time")
  else if (v !== null && v !== "") out.message_updated_time = timestamp(v)
  return out
}

const decodeMessage = ParseResult.decodeUnknown(Message)

/**
 * Options other than the defaults change what the schema does (excess properties kept or
 * refused, every error collected): those decodes are the schema's.
 */
const usual = (options: AST.ParseOptions | undefined): boolean =>
  options === undefined ||
  ((options.onExcessProperty === undefined || options.onExcessProperty === "ignore") &&
    options.exact !== true && options.propertyOrder !== "original")

/**
 * The plain reading of a record, or `undefined` when the schema must decide. Exported for
 * the test that holds it to the schema.
 */
export const readFast = (u: unknown): Message | undefined => {
  try {
    return fastMessage(u)
  } catch (error) {
    if (error === UNUSUAL) return undefined
    throw error
  }
}

/** The decoded side of a wire message, checked no further than being a record: `readFast` and the schema built it. */
const MessageShape = Schema.declare((u: unknown): u is Message => Predicate.isRecord(u), { identifier: "Message" })

/** `Message` from the wire: the plain reading when it applies, else the `Message` schema. */
export const MessageWire: Schema.Schema<Message, unknown> = Schema.transformOrFail(Schema.Unknown, MessageShape, {
  strict: true,
  decode: (u, options) => {
    const fast = usual(options) ? readFast(u) : undefined
    return fast === undefined ? decodeMessage(u, options) : ParseResult.succeed(fast)
  },
  encode: (message) => ParseResult.encodeUnknown(Message)(message)
})

/** `MessageList` from the wire, its records read by `MessageWire`. */
export const MessageListWire = Schema.Struct({
  api_id: Schema.String,
  meta: listMeta,
  objects: Schema.Array(MessageWire)
})
