/**
 * What the handle hands out: snapshots of messages, media, callbacks and requests, and
 * the inputs of its seeding and upload operations.
 *
 * @internal
 */
import type * as Cause from "effect/Cause"
import type * as DateTime from "effect/DateTime"
import type * as Effect from "effect/Effect"
import type * as Option from "effect/Option"
import type { EmulatorFault, FaultTarget, RandomFaults } from "./faults.js"
import type { CallbackRecord, LogMode, MessageDirection, MessageState, MessageType } from "./model.js"
import type { Json } from "./wire.js"

/** A message as the emulator holds it. */
export interface EmulatedMessage {
  readonly messageUuid: string
  readonly time: DateTime.Utc
  readonly direction: MessageDirection
  readonly type: MessageType
  readonly state: MessageState
  readonly errorCode: string | null
  readonly from: string
  readonly to: string
  readonly text: string | undefined
  readonly units: number
  readonly mediaIds: ReadonlyArray<string>
  readonly mediaUrls: ReadonlyArray<string>
  readonly callbackUrl: string | undefined
  readonly callbackMethod: "GET" | "POST"
  /** The JSON body of the `POST Message/` that created it; `undefined` when seeded. */
  readonly requestBody: unknown
  /** The record exactly as `GET Message/{uuid}/` returns it, without `api_id`. */
  readonly json: Json
}

/** A file in the account media store. */
export interface EmulatedMedia {
  readonly mediaId: string
  readonly fileName: string
  readonly contentType: string
  readonly size: number
  readonly uploadTime: DateTime.Utc
  readonly content: Uint8Array
  /** As `GET Media/{id}/` returns it, without `api_id`. */
  readonly json: Json
}

/** A status callback the emulator attempted. */
export interface EmulatorCallback {
  readonly messageUuid: string
  readonly status: MessageState
  /** The `Sequence` parameter: 1, 2, 3… per message. */
  readonly sequence: number
  readonly url: string
  readonly method: "GET" | "POST"
  /** The form (POST) or query (GET) parameters sent. */
  readonly params: Readonly<Record<string, string>>
  /** The `X-Plivo-Signature-*` headers sent. */
  readonly headers: Readonly<Record<string, string>>
  readonly attemptedAt: DateTime.Utc
  readonly outcome: CallbackRecord["outcome"]
}

/** A request the emulator answered. `status` is 0 when a `Disconnect` fault dropped it. */
export interface EmulatorRequest {
  /**
   * Position among all requests since start (or `reset`), from 1. It keeps counting
   * when old entries leave the log, so `seq > n` selects "the requests after the n-th".
   */
  readonly seq: number
  readonly method: string
  readonly path: string
  /** The query string including `?`, or `""`. */
  readonly query: string
  readonly status: number
  /** `_tag` of the fault applied, if any. */
  readonly fault: EmulatorFault["_tag"] | undefined
  readonly at: DateTime.Utc
}

/** One message to seed; every field has a default. */
export interface SeedMessage {
  readonly messageUuid?: string | undefined
  /** `message_time`; defaults to now on the emulator's `Clock`. */
  readonly time?: DateTime.DateTime.Input | undefined
  /** Default `"outbound"`. */
  readonly direction?: MessageDirection | undefined
  /** Default `"sms"`. */
  readonly type?: MessageType | undefined
  /** Default `"delivered"`. Seeded messages do not move on their own. */
  readonly state?: MessageState | undefined
  /** Default `"000"` when delivered or read, `"1000"` when failed/undelivered, else null. */
  readonly errorCode?: string | null | undefined
  /** Default `"14155550100"` (outbound) / `"14155550123"` (inbound). */
  readonly from?: string | undefined
  /** Default `"14155550123"` (outbound) / `"14155550100"` (inbound). */
  readonly to?: string | undefined
  readonly text?: string | undefined
  readonly powerpackId?: string | undefined
  readonly log?: LogMode | undefined
}

/** Many messages spread evenly over `(start, end]`, newest at `end`. */
export interface SeedMessages extends Omit<SeedMessage, "messageUuid" | "time" | "to"> {
  readonly count: number
  /** Destinations, used in turn. */
  readonly to?: string | ReadonlyArray<string> | undefined
  /** Default: `end` minus 24 hours. */
  readonly start?: DateTime.DateTime.Input | undefined
  /** Default: now on the emulator's `Clock`. */
  readonly end?: DateTime.DateTime.Input | undefined
}

/** A file for `uploadMedia`. */
export interface MediaFile {
  readonly fileName: string
  readonly contentType: string
  readonly content: Uint8Array | string
}

/** The handle's operations; see `PlivoEmulator` for the documented contract. */
export interface EmulatorHandle {
  readonly authId: string
  readonly authToken: string
  readonly baseUrl: string
  readonly seedMessage: (input?: SeedMessage) => Effect.Effect<EmulatedMessage>
  readonly seedMessages: (input: SeedMessages) => Effect.Effect<ReadonlyArray<string>>
  readonly message: (messageUuid: string) => Effect.Effect<Option.Option<EmulatedMessage>>
  readonly sentMessages: Effect.Effect<ReadonlyArray<EmulatedMessage>>
  readonly advance: (
    messageUuid: string,
    state: MessageState,
    options?: { readonly errorCode?: string | null | undefined }
  ) => Effect.Effect<EmulatedMessage, Cause.NoSuchElementException>
  readonly callbacks: Effect.Effect<ReadonlyArray<EmulatorCallback>>
  /** The last `requestLogSize` requests answered (default 1,000), oldest first. */
  readonly requests: Effect.Effect<ReadonlyArray<EmulatorRequest>>
  readonly fault: (
    fault: EmulatorFault,
    target?: FaultTarget & { readonly times?: number | undefined }
  ) => Effect.Effect<void>
  readonly randomFaults: (config: RandomFaults | undefined) => Effect.Effect<void>
  readonly clearFaults: Effect.Effect<void>
  readonly rateLimits: (enabled: boolean) => Effect.Effect<void>
  readonly uploadMedia: (files: ReadonlyArray<MediaFile>) => Effect.Effect<ReadonlyArray<EmulatedMedia>>
  readonly media: Effect.Effect<ReadonlyArray<EmulatedMedia>>
  readonly reset: Effect.Effect<void>
}
