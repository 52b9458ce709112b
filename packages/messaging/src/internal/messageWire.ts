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

/** An absent key is absent; a key that is present must hold a value `read` takes. */
const optional = <A>(o: Wire, key: string, read: (v: unknown) => A): A | undefined => {
  const v = o[key]
  if (v !== undefined) return read(v)
  if (Object.prototype.hasOwnProperty.call(o, key)) throw UNUSUAL
  return undefined
}

/** `blankAsAbsent`: `null` and `""` are absent too. */
const blankAsAbsent = <A>(o: Wire, key: string, read: (v: unknown) => A): A | undefined =>
  optional(o, key, (v) => (v === null || v === "" ? undefined : read(v)))

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

const set = <K extends keyof Message>(out: Mutable<Message>, key: K, value: Message[K] | undefined): void => {
  if (value !== undefined) out[key] = value
}

// Field by field in the order the schema declares them, which is the order it builds its
// output in (`test/MessageWire.test.ts` compares the keys too).
const fastMessage = (u: unknown): Message => {
  if (!Predicate.isRecord(u)) throw UNUSUAL
  const apiId = optional(u, "api_id", string)
  const code = u.error_code
  if (code !== undefined && code !== null && typeof code !== "string") throw UNUSUAL
  if (typeof u.units !== "number") throw UNUSUAL
  const out: Mutable<Message> = {
    ...(apiId === undefined ? {} : { api_id: apiId }),
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
  set(out, "error_message", optional(u, "error_message", string))
  set(out, "resource_uri", optional(u, "resource_uri", string))
  set(out, "powerpack_id", optional(u, "powerpack_id", nullOrString))
  set(out, "requester_ip", optional(u, "requester_ip", string))
  set(out, "is_domestic", optional(u, "is_domestic", boolean))
  set(out, "replaced_sender", optional(u, "replaced_sender", string))
  set(out, "destination_country_iso2", optional(u, "destination_country_iso2", string))
  set(out, "destination_network", optional(u, "destination_network", nullOrString))
  set(out, "tendlc_campaign_id", optional(u, "tendlc_campaign_id", nullOrString))
  set(out, "tendlc_registration_status", optional(u, "tendlc_registration_status", nullOrString))
  set(out, "carrier_fees", blankAsAbsent(u, "carrier_fees", money))
  set(out, "carrier_fees_rate", blankAsAbsent(u, "carrier_fees_rate", money))
  set(out, "dlt_entity_id", optional(u, "dlt_entity_id", string))
  set(out, "dlt_template_id", optional(u, "dlt_template_id", string))
  set(out, "dlt_template_category", optional(u, "dlt_template_category", string))
  set(out, "conversation_id", optional(u, "conversation_id", nullOrString))
  set(out, "conversation_origin", optional(u, "conversation_origin", nullOrString))
  set(out, "conversation_expiration_timestamp", blankAsAbsent(u, "conversation_expiration_timestamp", timestamp))
  set(out, "conversation_expiry_timestamp", blankAsAbsent(u, "conversation_expiry_timestamp", timestamp))
  set(out, "log", optional(u, "log", string))
  set(out, "message_sent_time", blankAsAbsent(u, "message_sent_time", timestamp))
  set(out, "message_updated_time", blankAsAbsent(u, "message_updated_time", timestamp))
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
