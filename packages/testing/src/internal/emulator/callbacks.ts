/**
 * Status callbacks (messages.md §7), signed with V3 and V2 headers (webhooks.md).
 * A failing callback is recorded, never raised: the receiver's trouble must not
 * disturb the emulator.
 *
 * @internal
 */
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import { createHmac } from "node:crypto"
import { nonce as makeNonce } from "./ids.js"
import type { CallbackRecord, MessageRecord, MessageState } from "./model.js"
import { formatMoney } from "./pricing.js"
import { signatureBase, signV3 } from "./signing.js"
import type { EmulatorState } from "./state.js"
import { formatCallbackTime, formatSecondsTime } from "./time.js"

const time = (micros: number | undefined): string => (micros === undefined ? "" : formatCallbackTime(micros))

/** The form fields of one callback, all strings. */
export const callbackParams = (m: MessageRecord, sequence: number): Record<string, string> => {
  const params: Record<string, string> = {
    MessageUUID: m.uuid,
    To: m.to,
    From: m.from,
    Type: m.type,
    Status: m.state,
    Units: String(m.units),
    TotalRate: formatMoney(m.rate),
    TotalAmount: formatMoney(m.rate * m.units),
    MCC: m.mcc,
    MNC: m.mnc,
    ParentMessageUUID: m.uuid,
    PartInfo: `1 of ${m.units}`,
    Sequence: String(sequence),
    MessageTime: time(m.timeMicros),
    QueuedTime: time(m.queuedMicros),
    SentTime: time(m.sentMicros),
    DeliveryReportTime: time(m.deliveredMicros),
    requester_ip: m.requesterIp,
    PowerpackUUID: m.powerpackId
  }
  if ((m.state === "failed" || m.state === "undelivered") && m.errorCode !== null) params["ErrorCode"] = m.errorCode
  if (m.type === "whatsapp") {
    params["ConversationID"] = m.conversationId
    params["ConversationOrigin"] = m.conversationOrigin
    params["ConversationExpirationTimestamp"] = m.conversationExpiresMicros === undefined
      ? ""
      : formatSecondsTime(m.conversationExpiresMicros)
  }
  return params
}

const signV2 = (url: string, nonce: string, authToken: string): string =>
  createHmac("sha256", authToken).update(signatureBase(url) + nonce).digest("base64")

/** Signature headers for a callback; the emulator has one account, so `Ma` equals plain. */
export const signatureHeaders = (options: {
  readonly method: "GET" | "POST"
  readonly url: string
  readonly params: Readonly<Record<string, string>>
  readonly authToken: string
  readonly nonce: string
  readonly nonceV2: string
}): Record<string, string> => {
  const v3 = signV3({
    method: options.method,
    url: options.url,
    params: Object.entries(options.params),
    nonce: options.nonce,
    authToken: options.authToken
  })
  const v2 = signV2(options.url, options.nonceV2, options.authToken)
  return {
    "X-Plivo-Signature-V3": v3,
    "X-Plivo-Signature-Ma-V3": v3,
    "X-Plivo-Signature-V3-Nonce": options.nonce,
    "X-Plivo-Signature-V2": v2,
    "X-Plivo-Signature-Ma-V2": v2,
    "X-Plivo-Signature-V2-Nonce": options.nonceV2
  }
}

/** Sends one callback and records what happened. */
export const deliverCallback = (
  state: EmulatorState,
  m: MessageRecord,
  snapshot: { readonly status: MessageState; readonly sequence: number; readonly params: Record<string, string> },
  url: string
): Effect.Effect<void> =>
  Effect.gen(function*() {
    const method = m.callbackMethod
    const params = snapshot.params
    // A GET carries its parameters in the URL: sign the URL as requested, so that a key the
    // configured URL already holds is signed with every value the receiver will see.
    const signedUrl = method === "GET"
      ? `${url}${url.includes("?") ? "&" : "?"}${new URLSearchParams(params).toString()}`
      : url
    const headers = signatureHeaders({
      method,
      url: signedUrl,
      params,
      authToken: state.authToken,
      nonce: makeNonce(),
      nonceV2: makeNonce()
    })
    const request = method === "POST"
      ? HttpClientRequest.post(url).pipe(HttpClientRequest.bodyUrlParams(params))
      : HttpClientRequest.get(signedUrl)
    const outcome = yield* state.callbackClient.execute(HttpClientRequest.setHeaders(request, headers)).pipe(
      Effect.tap((response) => Effect.ignore(response.arrayBuffer)),
      Effect.map((response): CallbackRecord["outcome"] => ({ _tag: "Responded", status: response.status })),
      Effect.timeoutFail({ duration: Duration.seconds(10), onTimeout: () => "timed out after 10 seconds" }),
      Effect.catchAll((e) =>
        Effect.succeed<CallbackRecord["outcome"]>({
          _tag: "Failed",
          reason: typeof e === "string" ? e : e.message
        })
      )
    )
    const attemptedAtMillis = yield* Clock.currentTimeMillis
    state.store.recordCallback({
      messageUuid: m.uuid,
      status: snapshot.status,
      sequence: snapshot.sequence,
      url,
      method,
      params,
      headers,
      attemptedAtMillis,
      outcome
    })
  })
