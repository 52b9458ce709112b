import type { InvalidParamsError } from "@plivo-effect/core/PlivoError"
import { normalizePhoneNumber } from "@plivo-effect/core/PhoneNumber"
import type * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { segments } from "../Segments.js"
import type { SendParams } from "../SendParams.js"
import { MessageType } from "../MessageRecord.js"
import { Interactive, Location, Template } from "../WhatsApp.js"
import { describeParse, Issues, isText, preview } from "@plivo-effect/core/InvalidParams"
import { isCleanHttpUrl } from "@plivo-effect/core/HttpUrl"

const OPERATION = "Messages.send"

/** Limits from messages.md §1. */
export const MAX_DESTINATIONS = 1_000
export const MAX_MEDIA = 10
export const MAX_GSM7 = 1_600
export const MAX_UCS2 = 737
export const MAX_WHATSAPP_TEXT = 4_096
export const MIN_EXPIRY = 5
export const MAX_EXPIRY = 10_799

const TYPES: ReadonlyArray<unknown> = MessageType.members[0].literals
const LOG_VALUES: ReadonlyArray<unknown> = ["true", "false", "number_only", "content_only", true, false]
const DLT_CATEGORIES: ReadonlyArray<unknown> = ["transactional", "promotional", "service_implicit", "service_explicit"]

/** The JSON body of `POST Message/`. */
export type SendBody = Record<string, unknown>

/**
 * Destinations as Plivo will see them: normalised, duplicates dropped (first wins), in the
 * caller's order. Plivo would drop duplicates itself, but only after counting them against
 * the 1,000 limit, and its `message_uuid` order follows the unique list.
 */
const destinations = (dst: unknown, issues: Issues): ReadonlyArray<string> => {
  if (typeof dst !== "string" && !Array.isArray(dst)) {
    issues.add("dst must be a phone number or a non-empty array of them")
    return []
  }
  const given: ReadonlyArray<unknown> = typeof dst === "string" ? dst.split("<") : dst
  const unique = new Set<string>()
  const invalid: Array<unknown> = []
  for (const entry of given) {
    const number = typeof entry === "string" ? normalizePhoneNumber(entry) : Option.none()
    if (Option.isSome(number)) unique.add(number.value)
    else invalid.push(entry)
  }
  if (invalid.length > 0) {
    const shown = invalid.slice(0, 3).map(preview).join(", ")
    issues.add(
      `dst must hold phone numbers with their country code (7 to 15 digits); not: ${shown}${
        invalid.length > 3 ? ` and ${invalid.length - 3} more` : ""
      }`
    )
  }
  if (given.length === 0) issues.add("dst needs at least one destination")
  issues.check(
    unique.size <= MAX_DESTINATIONS,
    `dst holds ${unique.size} distinct destinations; at most ${MAX_DESTINATIONS} per request`
  )
  return Array.from(unique)
}

/** Plivo keeps only `A-Z a-z 0-9` of a sender. */
export const sanitizeSender = (src: string): string => src.replace(/[^A-Za-z0-9]/g, "")

const checkSender = (params: SendParams, type: string, issues: Issues): void => {
  const { powerpack_uuid: powerpack, src } = params
  if (src !== undefined && powerpack !== undefined) issues.add("give src or powerpack_uuid, not both")
  if (type === "whatsapp" && powerpack !== undefined) issues.add("WhatsApp messages need src; a Powerpack cannot send them")
  if (src === undefined && powerpack === undefined) issues.add("src or powerpack_uuid is required")
  if (powerpack !== undefined) issues.check(isText(powerpack), "powerpack_uuid must be a non-empty string")
  if (src === undefined) return
  const sender = typeof src === "string" ? sanitizeSender(src) : ""
  if (sender === "") issues.add("src must be a phone number, short code or sender ID")
  else if (/^\d+$/.test(sender)) issues.check(sender.length <= 15, () => `src ${preview(src)} has more than 15 digits`)
  else issues.check(sender.length <= 11, () => `src ${preview(src)}: an alphanumeric sender ID has at most 11 characters`)
}

const checkText = (params: SendParams, type: string, issues: Issues): void => {
  const { text } = params
  if (text !== undefined && typeof text !== "string") {
    issues.add("text must be a string")
    return
  }
  if (type === "sms") {
    if (text === undefined || text === "") {
      issues.add("an SMS needs text")
      return
    }
    const { characters, encoding } = segments(text)
    const max = encoding === "GSM-7" ? MAX_GSM7 : MAX_UCS2
    issues.check(
      characters <= max,
      `text has ${characters} ${encoding} characters; an SMS takes at most ${max}` +
        (encoding === "UCS-2" ? " once any character needs UCS-2" : "")
    )
  }
  if (type === "whatsapp" && text !== undefined) {
    const length = Array.from(text).length
    issues.check(length <= MAX_WHATSAPP_TEXT, `text has ${length} characters; WhatsApp takes at most ${MAX_WHATSAPP_TEXT}`)
  }
}

const list = (value: unknown, field: string, issues: Issues): ReadonlyArray<unknown> => {
  if (value === undefined) return []
  if (Array.isArray(value)) return value
  issues.add(`${field} must be an array`)
  return []
}

const checkMedia = (params: SendParams, type: string, issues: Issues): void => {
  const urls = list(params.media_urls, "media_urls", issues)
  const ids = list(params.media_ids, "media_ids", issues)
  const total = urls.length + ids.length
  if (type === "sms") {
    issues.check(total === 0, `media_urls and media_ids need type "mms" (or "whatsapp" for one media URL)`)
  } else if (type === "mms") {
    issues.check(total >= 1, "an MMS needs at least one of media_urls or media_ids")
    issues.check(total <= MAX_MEDIA, `an MMS takes at most ${MAX_MEDIA} media (media_urls and media_ids together), got ${total}`)
  } else {
    issues.check(ids.length === 0, "media_ids cannot be sent on WhatsApp; use one media URL")
    issues.check(urls.length <= 1, `WhatsApp takes one media URL, got ${urls.length}`)
  }
  const badUrls = urls.filter((url) => !isCleanHttpUrl(url))
  if (badUrls.length > 0) {
    issues.add(
      `media_urls must be http(s) URLs (absolute, with no whitespace, control characters or backslashes); not: ${
        badUrls.slice(0, 3).map(preview).join(", ")
      }`
    )
  }
  issues.check(ids.every(isText), "media_ids must be non-empty strings")
}

/** Validates one WhatsApp object, keeping only the fields Plivo documents. */
const whatsAppObject = <A>(
  schema: Schema.Schema<A>,
  field: "template" | "interactive" | "location",
  value: unknown,
  type: string,
  issues: Issues
): A | undefined => {
  if (value === undefined) return undefined
  if (type !== "whatsapp") {
    issues.add(`${field} needs type "whatsapp"`)
    return undefined
  }
  return Either.match(Schema.validateEither(schema)(value), {
    onLeft: (error) => {
      issues.add(describeParse(field, error))
      return undefined
    },
    onRight: (valid) => valid
  })
}

const checkCommon = (params: SendParams, issues: Issues): void => {
  const { dlt_entity_id, dlt_template_category, dlt_template_id, log, message_expiry, method, trackable, url } = params
  if (url !== undefined) {
    issues.check(
      isCleanHttpUrl(url),
      `url must be an http(s) URL (absolute, with no whitespace, control characters or backslashes), got ${preview(url)}`
    )
  }
  if (method !== undefined) issues.check(method === "GET" || method === "POST", `method must be "GET" or "POST"`)
  if (log !== undefined) {
    issues.check(LOG_VALUES.includes(log), `log must be "true", "false", "number_only", "content_only" or a boolean`)
  }
  if (trackable !== undefined) issues.check(typeof trackable === "boolean", "trackable must be a boolean")
  if (message_expiry !== undefined) {
    issues.check(
      Number.isInteger(message_expiry) && message_expiry >= MIN_EXPIRY && message_expiry <= MAX_EXPIRY,
      `message_expiry must be a whole number of seconds from ${MIN_EXPIRY} to ${MAX_EXPIRY}, got ${preview(message_expiry)}`
    )
  }
  if (dlt_entity_id !== undefined) issues.check(typeof dlt_entity_id === "string", "dlt_entity_id must be a string")
  if (dlt_template_id !== undefined) issues.check(typeof dlt_template_id === "string", "dlt_template_id must be a string")
  if (dlt_template_category !== undefined) {
    issues.check(
      DLT_CATEGORIES.includes(dlt_template_category),
      `dlt_template_category must be one of ${DLT_CATEGORIES.join(", ")}`
    )
  }
}

const set = (body: SendBody, key: string, value: unknown): void => {
  if (value !== undefined) body[key] = value
}

/**
 * Checks every documented rule of a send and builds the JSON body, or fails with
 * `InvalidParamsError` naming each broken rule. Nothing is sent on failure.
 */
export const encode = (params: SendParams): Effect.Effect<SendBody, InvalidParamsError> => {
  const issues = new Issues()
  if (!issues.checkRecord(params, "the parameters")) return issues.result(OPERATION, () => ({}))
  const type: unknown = params.type ?? "sms"
  if (typeof type !== "string" || !TYPES.includes(type)) {
    issues.add(`type must be "sms", "mms" or "whatsapp", got ${preview(type)}`)
    return issues.result(OPERATION, () => ({}))
  }
  checkSender(params, type, issues)
  const dst = destinations(params.dst, issues)
  if (typeof params.src === "string") {
    const sender = sanitizeSender(params.src)
    issues.check(!dst.includes(sender), `src ${preview(params.src)} is also among the destinations`)
  }
  checkText(params, type, issues)
  checkMedia(params, type, issues)
  const template = whatsAppObject(Template, "template", params.template, type, issues)
  const interactive = whatsAppObject(Interactive, "interactive", params.interactive, type, issues)
  interactive?.action?.buttons?.forEach((button, i) => {
    if (button.cta_url !== undefined) {
      issues.check(
        isCleanHttpUrl(button.cta_url),
        `interactive.action.buttons.${i}.cta_url must be an http(s) URL (absolute, with no whitespace, control characters or backslashes), got ${preview(button.cta_url)}`
      )
    }
  })
  const location = whatsAppObject(Location, "location", params.location, type, issues)
  if (type === "whatsapp") {
    issues.check(
      isText(params.text) || (params.media_urls?.length ?? 0) > 0 || params.template !== undefined ||
        params.interactive !== undefined || params.location !== undefined,
      "a WhatsApp message needs text, a media URL, a template, an interactive object or a location"
    )
  }
  checkCommon(params, issues)
  return issues.result(OPERATION, () => {
    const body: SendBody = {}
    set(body, "src", params.src)
    set(body, "powerpack_uuid", params.powerpack_uuid)
    body.dst = dst.join("<")
    body.type = type
    set(body, "text", params.text)
    set(body, "media_urls", params.media_urls)
    set(body, "media_ids", params.media_ids)
    set(body, "template", template)
    set(body, "interactive", interactive)
    set(body, "location", location)
    set(body, "url", params.url)
    set(body, "method", params.method)
    set(body, "log", typeof params.log === "boolean" ? String(params.log) : params.log)
    set(body, "trackable", params.trackable)
    set(body, "message_expiry", params.message_expiry)
    set(body, "dlt_entity_id", params.dlt_entity_id)
    set(body, "dlt_template_id", params.dlt_template_id)
    set(body, "dlt_template_category", params.dlt_template_category)
    return body
  })
}
