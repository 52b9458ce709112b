/**
 * Shared helpers for the emulator tests: raw HTTP calls and wire schemas written from
 * the reference (not from core), so the tests check the emulator against the docs.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as Headers from "@effect/platform/Headers"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { PlivoEmulator } from "../src/PlivoEmulator.js"

export interface CallResult {
  readonly status: number
  readonly headers: Headers.Headers
  readonly text: string
  readonly body: unknown
}

export interface CallOptions {
  readonly json?: unknown
  readonly body?: string
  readonly formData?: FormData
  /** `"none"` sends no Authorization; a pair overrides the credentials. */
  readonly auth?: "none" | { readonly id: string; readonly token: string }
  /** Overrides the `{auth_id}` path segment. */
  readonly pathAuthId?: string
  /** A raw path from the host root, e.g. `/v1/Foo/`. */
  readonly rawPath?: string
}

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Calls the emulator at `Account/{auth_id}/{path}` with its credentials. */
export const call = (method: "GET" | "POST" | "DELETE" | "PUT" | "PATCH", path: string, options: CallOptions = {}) =>
  Effect.gen(function*() {
    const emulator = yield* PlivoEmulator
    const client = yield* HttpClient.HttpClient
    const origin = new URL(emulator.baseUrl).origin
    const url = options.rawPath !== undefined
      ? origin + options.rawPath
      : `${emulator.baseUrl}Account/${options.pathAuthId ?? emulator.authId}/${path}`
    let request = HttpClientRequest.make(method)(url)
    if (options.auth !== "none") {
      const auth = options.auth ?? { id: emulator.authId, token: emulator.authToken }
      request = HttpClientRequest.basicAuth(request, auth.id, auth.token)
    }
    if (options.json !== undefined) request = HttpClientRequest.bodyUnsafeJson(request, options.json)
    if (options.body !== undefined) request = HttpClientRequest.bodyText(request, options.body, "application/json")
    if (options.formData !== undefined) request = HttpClientRequest.bodyFormData(request, options.formData)
    const response = yield* client.execute(request)
    const text = yield* response.text
    return { status: response.status, headers: response.headers, text, body: parse(text) } satisfies CallResult
  })

/** Decodes with a schema; a mismatch fails the test with the parse error. */
export const decode = <A, I>(schema: Schema.Schema<A, I>) => (u: unknown) => Schema.decodeUnknown(schema)(u)

export const ErrorBody = Schema.Struct({ api_id: Schema.String, error: Schema.String })

export const SendResponse = Schema.Struct({
  api_id: Schema.String,
  message: Schema.Literal("message(s) queued"),
  message_uuid: Schema.Array(Schema.String),
  invalid_number: Schema.optional(Schema.Array(Schema.String))
})

const Money = Schema.String.pipe(Schema.pattern(/^\d+\.\d{5}$/))
const MessageTime = Schema.String.pipe(Schema.pattern(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?\+00:00$/))

/** Every field of messages.md §2 (`message_sent_time` only once sent). */
export const MessageRecord = Schema.Struct({
  message_uuid: Schema.String,
  message_time: MessageTime,
  message_direction: Schema.Literal("inbound", "outbound"),
  message_state: Schema.String,
  message_type: Schema.Literal("sms", "mms", "whatsapp"),
  from_number: Schema.String,
  to_number: Schema.String,
  units: Schema.Int,
  total_rate: Money,
  total_amount: Money,
  error_code: Schema.NullOr(Schema.String),
  error_message: Schema.String,
  resource_uri: Schema.String,
  powerpack_id: Schema.String,
  requester_ip: Schema.String,
  is_domestic: Schema.Boolean,
  replaced_sender: Schema.String,
  destination_country_iso2: Schema.String,
  tendlc_campaign_id: Schema.String,
  tendlc_registration_status: Schema.String,
  destination_network: Schema.String,
  carrier_fees: Money,
  carrier_fees_rate: Money,
  dlt_entity_id: Schema.String,
  dlt_template_id: Schema.String,
  dlt_template_category: Schema.String,
  conversation_id: Schema.String,
  conversation_origin: Schema.String,
  conversation_expiration_timestamp: Schema.String,
  log: Schema.String,
  message_sent_time: Schema.optional(MessageTime),
  message_updated_time: MessageTime
})

export const GetMessageResponse = Schema.extend(MessageRecord, Schema.Struct({ api_id: Schema.String }))

export const Meta = Schema.Struct({
  limit: Schema.Int,
  offset: Schema.Int,
  next: Schema.NullOr(Schema.String),
  previous: Schema.NullOr(Schema.String),
  total_count: Schema.optional(Schema.Int)
})

export const MessageList = Schema.Struct({
  api_id: Schema.String,
  meta: Meta,
  objects: Schema.Array(MessageRecord)
})

export const MediaObject = Schema.Struct({
  media_id: Schema.String,
  file_name: Schema.String,
  content_type: Schema.String,
  size: Schema.Int,
  upload_time: Schema.String.pipe(Schema.pattern(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/)),
  media_url: Schema.String
})

/** Sends an SMS with the handle's defaults; returns the decoded 202 body. */
export const sendSms = (body: Record<string, unknown>) =>
  Effect.flatMap(
    call("POST", "Message/", { json: { src: "14155550100", text: "hello", ...body } }),
    (r) => r.status === 202 ? decode(SendResponse)(r.body) : Effect.dieMessage(`expected 202, got ${r.status}: ${r.text}`)
  )
