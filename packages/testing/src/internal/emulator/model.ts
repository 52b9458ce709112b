/**
 * The emulator's own picture of Plivo's data. Records are mutable on purpose: the
 * store holds 100,000s of them and the lifecycle fibers update state in place.
 *
 * @internal
 */
import type { EmulatorFault } from "./faults.js"

/** Values of `message_state` (messages.md §5). */
export const messageStates = [
  "queued",
  "sent",
  "delivered",
  "undelivered",
  "failed",
  "read",
  "rejected",
  "received"
] as const

/** @internal */
export type MessageState = (typeof messageStates)[number]

/** @internal */
export const messageTypes = ["sms", "mms", "whatsapp"] as const

/** @internal */
export type MessageType = (typeof messageTypes)[number]

/** @internal */
export const messageDirections = ["inbound", "outbound"] as const

/** @internal */
export type MessageDirection = (typeof messageDirections)[number]

/** @internal */
export const logModes = ["true", "false", "number_only", "content_only"] as const

/** @internal */
export type LogMode = (typeof logModes)[number]

/** @internal */
export type CallbackMethod = "GET" | "POST"

/** A file attached to a message, as `GET Message/{uuid}/Media/` lists it. */
export interface MessageMediaRecord {
  readonly mediaId: string
  readonly contentType: string
  readonly size: number
  readonly fileName: string
  readonly uploadMicros: number
}

/** @internal */
export interface MessageRecord {
  readonly uuid: string
  /** Insertion order; breaks ties between equal timestamps so pages never overlap. */
  readonly seq: number
  readonly timeMicros: number
  readonly direction: MessageDirection
  readonly type: MessageType
  readonly from: string
  readonly to: string
  readonly text: string | undefined
  readonly units: number
  /** Per-unit rate in 1/100,000 of a currency unit, so money stays exact. */
  readonly rate: number
  readonly carrierFeeRate: number
  readonly powerpackId: string
  readonly requesterIp: string
  readonly countryIso2: string
  readonly mcc: string
  readonly mnc: string
  readonly network: string
  readonly isDomestic: boolean
  readonly tendlcRegistrationStatus: string
  readonly tendlcCampaignId: string
  readonly dltEntityId: string
  readonly dltTemplateId: string
  readonly dltTemplateCategory: string
  readonly conversationId: string
  readonly conversationOrigin: string
  readonly conversationExpiresMicros: number | undefined
  readonly log: LogMode
  readonly callbackUrl: string | undefined
  readonly callbackMethod: CallbackMethod
  readonly mediaIds: ReadonlyArray<string>
  readonly mediaUrls: ReadonlyArray<string>
  /** The JSON body of the send request, for `sentMessages`; absent for seeded messages. */
  readonly requestBody: unknown
  state: MessageState
  errorCode: string | null
  queuedMicros: number
  sentMicros: number | undefined
  deliveredMicros: number | undefined
  updatedMicros: number
  callbackSequence: number
  media: Array<MessageMediaRecord>
}

/** An upload kept by `POST Media/`. */
export interface MediaRecord {
  readonly mediaId: string
  readonly seq: number
  readonly fileName: string
  readonly contentType: string
  readonly size: number
  readonly uploadMicros: number
  readonly content: Uint8Array
}

/** One status callback the emulator attempted. */
export interface CallbackRecord {
  readonly messageUuid: string
  readonly status: MessageState
  readonly sequence: number
  readonly url: string
  readonly method: CallbackMethod
  readonly params: Readonly<Record<string, string>>
  readonly headers: Readonly<Record<string, string>>
  readonly attemptedAtMillis: number
  readonly outcome:
    | { readonly _tag: "Responded"; readonly status: number }
    | { readonly _tag: "Failed"; readonly reason: string }
}

/** One request the emulator answered (or dropped). */
export interface RequestRecord {
  /** 1 for the first request since the emulator started (or was reset); never reused. */
  readonly seq: number
  readonly method: string
  readonly path: string
  readonly query: string
  readonly status: number
  readonly fault: EmulatorFault["_tag"] | undefined
  readonly atMillis: number
}

/** @internal */
export const isMessageState = (u: unknown): u is MessageState =>
  typeof u === "string" && messageStates.some((s) => s === u)

/** @internal */
export const isMessageType = (u: unknown): u is MessageType =>
  typeof u === "string" && messageTypes.some((s) => s === u)

/** @internal */
export const isMessageDirection = (u: unknown): u is MessageDirection =>
  typeof u === "string" && messageDirections.some((s) => s === u)

/** @internal */
export const isLogMode = (u: unknown): u is LogMode => typeof u === "string" && logModes.some((s) => s === u)
