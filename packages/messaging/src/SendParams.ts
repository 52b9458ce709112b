/**
 * What `Messages.send` takes: one type per message kind, so that a WhatsApp template on an
 * SMS or a Powerpack on a WhatsApp message does not type-check.
 *
 * @since 0.1.0
 */
import type { Interactive, Location, Template } from "./WhatsApp.js"

/**
 * Plivo's logging preference. `"true"` (default) keeps number and content, `"false"`
 * redacts both, `"number_only"` drops the content, `"content_only"` masks the number.
 * A boolean is sent as `"true"` / `"false"`.
 *
 * @since 0.1.0
 * @category models
 */
export type LogOption = "true" | "false" | "number_only" | "content_only" | boolean

/**
 * India DLT template category.
 *
 * @since 0.1.0
 * @category models
 */
export type DltTemplateCategory = "transactional" | "promotional" | "service_implicit" | "service_explicit"

/**
 * One or more destinations. Each is a phone number with its country code; separators
 * (` -.()`, a leading `+`) are removed, duplicates are dropped after that, and at most
 * 1,000 remain. Plivo's own `"a<b"` form is accepted too.
 *
 * @since 0.1.0
 * @category models
 */
export type Destinations = string | readonly [string, ...Array<string>]

/**
 * Who sends: a `src` (phone number, short code or alphanumeric sender ID) or a Powerpack
 * that picks one from its number pool, never both.
 *
 * @since 0.1.0
 * @category models
 */
export type Sender =
  | { readonly src: string; readonly powerpack_uuid?: never }
  | { readonly powerpack_uuid: string; readonly src?: never }

/**
 * Fields every kind of message accepts.
 *
 * @since 0.1.0
 * @category models
 */
export interface CommonParams {
  readonly dst: Destinations
  /** Status callback URL (http or https). */
  readonly url?: string
  /** Method for `url`; Plivo's default is `POST`. */
  readonly method?: "GET" | "POST"
  readonly log?: LogOption
  /** Marks messages whose conversion you will report to Plivo. */
  readonly trackable?: boolean
  /** Seconds the message may wait in Plivo's queue, 5–10799 (default 10800). */
  readonly message_expiry?: number
  readonly dlt_entity_id?: string
  readonly dlt_template_id?: string
  readonly dlt_template_category?: DltTemplateCategory
}

/**
 * An SMS: `text` is required, at most 1,600 GSM-7 characters or 737 UCS-2 characters
 * (see `segments`).
 *
 * @since 0.1.0
 * @category models
 */
export type SmsParams = CommonParams & Sender & {
  readonly type?: "sms"
  readonly text: string
  readonly media_urls?: never
  readonly media_ids?: never
  readonly template?: never
  readonly interactive?: never
  readonly location?: never
}

/**
 * An MMS (US and Canada): 1–10 attachments counting `media_urls` (public URLs) and
 * `media_ids` (from `Media.upload`) together; `text` is optional.
 *
 * @since 0.1.0
 * @category models
 */
export type MmsParams = CommonParams & Sender & {
  readonly type: "mms"
  readonly text?: string
  readonly media_urls?: ReadonlyArray<string>
  readonly media_ids?: ReadonlyArray<string>
  readonly template?: never
  readonly interactive?: never
  readonly location?: never
}

/**
 * A WhatsApp message from a WABA number (`src` is required; no Powerpack). It carries at
 * least one of `text` (≤ 4,096 characters), one media URL, `template`, `interactive`
 * or `location`.
 *
 * @since 0.1.0
 * @category models
 */
export type WhatsAppParams = CommonParams & {
  readonly type: "whatsapp"
  readonly src: string
  readonly powerpack_uuid?: never
  readonly text?: string
  readonly media_urls?: readonly [string]
  readonly media_ids?: never
  readonly template?: Template
  readonly interactive?: Interactive
  readonly location?: Location
}

/**
 * Parameters of `Messages.send`, discriminated by `type` (`sms` when omitted).
 *
 * @example
 * ```ts
 * import type { SendParams } from "@plivo-effect/messaging"
 *
 * const sms: SendParams = { src: "14155550100", dst: ["14155550123", "14155550124"], text: "Hi" }
 * const mms: SendParams = { powerpack_uuid: "pp-uuid", dst: "14155550123", type: "mms", media_ids: ["m1"] }
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type SendParams = SmsParams | MmsParams | WhatsAppParams
