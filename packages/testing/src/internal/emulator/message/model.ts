/**
 * Messages as the emulator holds them. Records are mutable on purpose: the store holds
 * 100,000s of them and the lifecycle fibers update state in place.
 *
 * @internal
 */
import type { PlivoEmulator } from "../../../PlivoEmulator.js"

/** @internal */
export type MessageState = PlivoEmulator.MessageState

// A record, not a list, so that a state added to the public type without one here fails to compile.
const MESSAGE_STATES: Readonly<Record<MessageState, true>> = {
  queued: true,
  sent: true,
  delivered: true,
  undelivered: true,
  failed: true,
  read: true,
  rejected: true,
  received: true
}

/** @internal */
export type MessageType = PlivoEmulator.MessageType

const MESSAGE_TYPES: Readonly<Record<MessageType, true>> = { sms: true, mms: true, whatsapp: true }

/** @internal */
export type MessageDirection = PlivoEmulator.MessageDirection

const MESSAGE_DIRECTIONS: Readonly<Record<MessageDirection, true>> = { inbound: true, outbound: true }

/** @internal */
export type LogMode = PlivoEmulator.LogMode

const LOG_MODES: Readonly<Record<LogMode, true>> = { true: true, false: true, number_only: true, content_only: true }

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
  readonly outcome: PlivoEmulator.CallbackOutcome
}

const member = <K extends string>(keys: Readonly<Record<K, true>>) => (u: unknown): u is K =>
  typeof u === "string" && Object.hasOwn(keys, u)

/** @internal */
export const isMessageState = member(MESSAGE_STATES)

/** @internal */
export const isMessageType = member(MESSAGE_TYPES)

/** @internal */
export const isMessageDirection = member(MESSAGE_DIRECTIONS)

/** @internal */
export const isLogMode = member(LOG_MODES)
