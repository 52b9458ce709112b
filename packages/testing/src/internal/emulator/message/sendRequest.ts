/**
 * `POST Message/`: the body schema and every check Plivo makes before queueing
 * (messages.md §1). The outcome is a plan for the route, or the status and text of
 * the refusal.
 *
 * @internal
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import type { LibraryFile } from "../media/port.js"
import type { CallbackMethod, LogMode, MessageType } from "./model.js"
import { isLogMode, isMessageType } from "./model.js"
import { countryOf, isValidNumber, sanitizeDestination, sanitizeSender } from "../numbers.js"
import { smsTooLong } from "./pricing.js"
import { describeIssue } from "../schemaIssue.js"

// SDKs differ on whether an unset parameter is omitted or sent as null: accept both.
const opt = <S extends Schema.Schema.Any>(schema: S) => Schema.optional(Schema.NullOr(schema))

const StringList = Schema.Union(
  Schema.Array(Schema.String),
  // Older docs describe a comma-separated string.
  Schema.transform(Schema.String, Schema.Array(Schema.String), {
    strict: true,
    decode: (s) => s.split(",").map((x) => x.trim()).filter((x) => x !== ""),
    encode: (xs) => xs.join(",")
  })
)

/** The JSON body of `POST Message/`; unknown keys are ignored as Plivo does. */
export const SendBody = Schema.Struct({
  src: opt(Schema.String),
  powerpack_uuid: opt(Schema.String),
  dst: opt(Schema.String),
  text: opt(Schema.String),
  type: opt(Schema.String),
  url: opt(Schema.String),
  method: opt(Schema.String),
  log: opt(Schema.Union(Schema.String, Schema.Boolean)),
  trackable: opt(Schema.Boolean),
  media_urls: opt(StringList),
  media_ids: opt(StringList),
  message_expiry: opt(Schema.Union(Schema.Number, Schema.NumberFromString)),
  template: opt(Schema.Struct({ name: Schema.String, language: Schema.String })),
  interactive: opt(Schema.Struct({ type: Schema.String })),
  location: opt(Schema.Struct({
    latitude: Schema.String,
    longitude: Schema.String,
    name: Schema.String,
    address: Schema.String
  })),
  dlt_entity_id: opt(Schema.String),
  dlt_template_id: opt(Schema.String),
  dlt_template_category: opt(Schema.String)
})

/** @internal */
export type SendBody = typeof SendBody.Type

/** A send Plivo would accept. */
export interface SendPlan {
  readonly type: MessageType
  readonly from: string
  readonly powerpackId: string
  readonly destinations: ReadonlyArray<string>
  readonly invalid: ReadonlyArray<string>
  readonly text: string | undefined
  readonly callbackUrl: string | undefined
  readonly callbackMethod: CallbackMethod
  readonly log: LogMode
  readonly media: ReadonlyArray<LibraryFile>
  readonly mediaUrls: ReadonlyArray<string>
  readonly messageExpirySeconds: number
  readonly dltEntityId: string
  readonly dltTemplateId: string
  readonly dltTemplateCategory: string
  readonly conversationOrigin: string
}

/** Why a send was refused: 400 for parameters, 403 for Geo Permissions. */
export interface SendRefusal {
  readonly status: 400 | 403
  readonly error: string
}

/** A Powerpack send's sender until its pool picks one (and when no powerpack resource is registered). */
export const POWERPACK_SENDER = "14155550100"

const MAX_DESTINATIONS = 1000
const MAX_MEDIA = 10
const DLT_CATEGORIES = ["transactional", "promotional", "service_implicit", "service_explicit"]

const isHttpUrl = (s: string): boolean => {
  try {
    const u = new URL(s)
    return u.protocol === "http:" || u.protocol === "https:"
  } catch {
    return false
  }
}

const bad = (error: string): Either.Either<SendPlan, SendRefusal> => Either.left({ status: 400, error })

/** Decodes the parsed JSON body; a non-object or mistyped field is a 400. */
export const decodeSendBody = (u: unknown): Either.Either<SendBody, SendRefusal> =>
  Either.mapLeft(Schema.decodeUnknownEither(SendBody)(u), (e) => ({ status: 400, error: describeIssue(e) }))

/** Applies Plivo's rules to a decoded body. */
export const planSend = (
  body: SendBody,
  deps: {
    readonly media: (mediaId: string) => LibraryFile | undefined
    readonly barredPrefixes: ReadonlyArray<string>
  }
): Either.Either<SendPlan, SendRefusal> => {
  const src = body.src ?? undefined
  const powerpack = body.powerpack_uuid ?? undefined
  if (src === undefined && powerpack === undefined) return bad("either src or powerpack_uuid is required")
  if (src !== undefined && powerpack !== undefined) return bad("src and powerpack_uuid cannot both be given")
  const dst = body.dst ?? ""
  if (dst.trim() === "") return bad("dst is required")
  const type = body.type ?? "sms"
  if (!isMessageType(type)) return bad(`invalid type '${type}': must be sms, mms or whatsapp`)
  if (type === "whatsapp" && src === undefined) return bad("src is required for whatsapp messages")
  const hasWhatsappPayload = body.template != null || body.interactive != null || body.location != null
  if (type !== "whatsapp" && hasWhatsappPayload) {
    return bad("template, interactive and location are only valid for whatsapp messages")
  }

  const text = body.text ?? undefined
  const mediaIds = body.media_ids ?? []
  const mediaUrls = body.media_urls ?? []
  const mediaCount = mediaIds.length + mediaUrls.length
  switch (type) {
    case "sms":
      if (text === undefined || text === "") return bad("text is required for sms messages")
      if (smsTooLong(text)) return bad("text is too long: at most 1600 GSM-7 or 737 UCS-2 characters")
      if (mediaCount > 0) return bad("media_urls and media_ids are only valid for mms and whatsapp messages")
      break
    case "mms":
      if (mediaCount === 0) return bad("media_urls or media_ids is required for mms messages")
      if (mediaCount > MAX_MEDIA) return bad("an mms message can carry at most 10 media")
      break
    case "whatsapp":
      if (text !== undefined && [...text].length > 4096) return bad("text is too long: at most 4096 characters")
      if (mediaCount > 1) return bad("a whatsapp message can carry at most 1 media")
      if ((text === undefined || text === "") && !hasWhatsappPayload && mediaCount === 0) {
        return bad("text, template, interactive, location or media_urls is required for whatsapp messages")
      }
      break
  }
  for (const u of mediaUrls) if (!isHttpUrl(u)) return bad(`invalid media_urls entry '${u}'`)
  const media: Array<LibraryFile> = []
  for (const id of mediaIds) {
    const m = deps.media(id)
    if (m === undefined) return bad(`media_ids entry '${id}' not found`)
    media.push(m)
  }

  const url = body.url ?? undefined
  if (url !== undefined && !isHttpUrl(url)) return bad("url must be a valid http or https URL")
  const method = (body.method ?? "POST").toUpperCase()
  if (method !== "GET" && method !== "POST") return bad("method must be GET or POST")
  const log = String(body.log ?? "true")
  if (!isLogMode(log)) return bad("log must be one of true, false, number_only, content_only")
  const expiry = body.message_expiry ?? 10_800
  if (body.message_expiry != null && (!Number.isInteger(expiry) || expiry < 5 || expiry > 10_799)) {
    return bad("message_expiry must be an integer between 5 and 10799")
  }
  const category = body.dlt_template_category ?? ""
  if (category !== "" && !DLT_CATEGORIES.includes(category)) {
    return bad(`dlt_template_category must be one of ${DLT_CATEGORIES.join(", ")}`)
  }

  let from = POWERPACK_SENDER
  if (src !== undefined) {
    from = sanitizeSender(src)
    const numeric = /^\d+$/.test(from)
    if (from === "" || (numeric && from.length > 14) || (!numeric && from.length > 11)) {
      return bad(`'${src}' is not a valid src`)
    }
  }

  const destinations: Array<string> = []
  const invalid: Array<string> = []
  const seen = new Set<string>()
  for (const raw of dst.split("<").map((d) => d.trim()).filter((d) => d !== "")) {
    const digits = sanitizeDestination(raw)
    if (seen.has(digits)) continue
    seen.add(digits)
    const country = countryOf(digits).iso2
    const ok = isValidNumber(digits) && (type !== "mms" || country === "US" || country === "CA")
    if (ok) destinations.push(digits)
    else invalid.push(raw)
  }
  if (seen.size > MAX_DESTINATIONS) return bad("dst can list at most 1000 unique destinations")
  if (destinations.length === 0) return bad(`'${invalid[0] ?? dst}' is not a valid phone number.`)
  const barred = destinations.find((d) => deps.barredPrefixes.some((p) => d.startsWith(p)))
  if (barred !== undefined) {
    return Either.left({
      status: 403,
      error: `destination number ${barred} is in a country not enabled in your Geo Permissions`
    })
  }

  return Either.right({
    type,
    from,
    powerpackId: powerpack ?? "",
    destinations,
    invalid,
    text,
    callbackUrl: url,
    callbackMethod: method,
    log,
    media,
    mediaUrls,
    messageExpirySeconds: expiry,
    dltEntityId: body.dlt_entity_id ?? "",
    dltTemplateId: body.dlt_template_id ?? "",
    dltTemplateCategory: category,
    conversationOrigin: type !== "whatsapp" ? "" : body.template != null ? "marketing" : "service"
  })
}
