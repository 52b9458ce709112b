/**
 * Building message records, for sends and for seeding.
 *
 * @internal
 */
import { hexId, uuid } from "../ids.js"
import type { LogMode, MessageDirection, MessageMediaRecord, MessageRecord, MessageState, MessageType } from "./model.js"
import { countryOf } from "../numbers.js"
import { carrierFeeRateFor, rateFor, unitsFor } from "./pricing.js"
import type { SendPlan } from "./sendRequest.js"
import { MICROS_PER_DAY } from "../time.js"

/** Fields a caller may choose; the rest follow from them. */
export interface RecordInput {
  readonly uuid?: string | undefined
  readonly seq: number
  readonly timeMicros: number
  readonly direction: MessageDirection
  readonly type: MessageType
  readonly state: MessageState
  readonly errorCode: string | null
  readonly from: string
  readonly to: string
  readonly text: string | undefined
  readonly powerpackId?: string | undefined
  readonly requesterIp: string
  readonly log?: LogMode | undefined
  readonly callbackUrl?: string | undefined
  readonly callbackMethod?: "GET" | "POST" | undefined
  readonly mediaIds?: ReadonlyArray<string> | undefined
  readonly mediaUrls?: ReadonlyArray<string> | undefined
  readonly media?: ReadonlyArray<MessageMediaRecord> | undefined
  readonly requestBody?: unknown
  readonly dltEntityId?: string | undefined
  readonly dltTemplateId?: string | undefined
  readonly dltTemplateCategory?: string | undefined
  readonly conversationOrigin?: string | undefined
}

/** @internal */
export const makeRecord = (input: RecordInput): MessageRecord => {
  const country = countryOf(input.direction === "outbound" ? input.to : input.from)
  const ours = input.direction === "outbound" ? input.from : input.to
  const numericSender = /^\d{8,14}$/.test(ours)
  const isDomestic = numericSender && country.iso2 !== "" && countryOf(ours).iso2 === country.iso2
  const northAmerica = country.iso2 === "US" || country.iso2 === "CA"
  const whatsapp = input.type === "whatsapp"
  const terminal = input.state !== "queued"
  return {
    uuid: input.uuid ?? uuid(),
    seq: input.seq,
    timeMicros: input.timeMicros,
    direction: input.direction,
    type: input.type,
    from: input.from,
    to: input.to,
    text: input.text,
    units: unitsFor(input.type, input.text),
    rate: rateFor(input.type, northAmerica),
    carrierFeeRate: input.direction === "outbound" ? carrierFeeRateFor(country.iso2) : 0,
    powerpackId: input.powerpackId ?? "",
    requesterIp: input.requesterIp,
    countryIso2: country.iso2,
    mcc: country.mcc,
    mnc: country.mnc,
    network: country.network,
    isDomestic,
    tendlcRegistrationStatus: country.iso2 === "US" && input.type !== "whatsapp" && /^1\d{10}$/.test(ours)
      ? "unregistered"
      : "",
    tendlcCampaignId: "",
    dltEntityId: input.dltEntityId ?? "",
    dltTemplateId: input.dltTemplateId ?? "",
    dltTemplateCategory: input.dltTemplateCategory ?? "",
    conversationId: whatsapp ? hexId(32) : "",
    conversationOrigin: whatsapp ? (input.conversationOrigin ?? "service") : "",
    conversationExpiresMicros: whatsapp ? input.timeMicros + MICROS_PER_DAY : undefined,
    log: input.log ?? "true",
    callbackUrl: input.callbackUrl,
    callbackMethod: input.callbackMethod ?? "POST",
    mediaIds: input.mediaIds ?? [],
    mediaUrls: input.mediaUrls ?? [],
    requestBody: input.requestBody,
    state: input.state,
    errorCode: input.errorCode,
    queuedMicros: input.timeMicros,
    sentMicros: terminal && input.state !== "received" ? input.timeMicros : undefined,
    deliveredMicros: ["delivered", "undelivered", "read"].includes(input.state) ? input.timeMicros : undefined,
    updatedMicros: input.timeMicros,
    callbackSequence: 0,
    media: [...(input.media ?? [])]
  }
}

const EXTENSION_TYPES: Readonly<Record<string, string>> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  mp4: "video/mp4",
  mp3: "audio/mp3",
  pdf: "application/pdf",
  txt: "text/plain",
  vcf: "text/vcard",
  csv: "text/csv"
}

/** A message's view of a `media_urls` entry; the emulator does not fetch it, so size is 0. */
export const urlMedia = (url: string, uploadMicros: number): MessageMediaRecord => {
  const name = new URL(url).pathname.split("/").pop() ?? ""
  const ext = name.includes(".") ? (name.split(".").pop() ?? "").toLowerCase() : ""
  return {
    mediaId: uuid(),
    contentType: EXTENSION_TYPES[ext] ?? "application/octet-stream",
    size: 0,
    fileName: name,
    uploadMicros
  }
}

/** One record per accepted destination of a send. */
export const recordsForSend = (
  plan: SendPlan,
  options: {
    readonly nowMicros: number
    readonly nextSeq: () => number
    readonly requesterIp: string
    readonly requestBody: unknown
    /** The sender of each destination, when it is not `plan.from` (a Powerpack's pick). */
    readonly senders?: ReadonlyMap<string, string> | undefined
  }
): ReadonlyArray<MessageRecord> =>
  plan.destinations.map((to) =>
    makeRecord({
      seq: options.nextSeq(),
      timeMicros: options.nowMicros,
      direction: "outbound",
      type: plan.type,
      state: "queued",
      errorCode: null,
      from: options.senders?.get(to) ?? plan.from,
      to,
      text: plan.text,
      powerpackId: plan.powerpackId,
      requesterIp: options.requesterIp,
      log: plan.log,
      callbackUrl: plan.callbackUrl,
      callbackMethod: plan.callbackMethod,
      mediaIds: plan.media.map((m) => m.mediaId),
      mediaUrls: plan.mediaUrls,
      media: [
        ...plan.media.map((m) => ({
          mediaId: m.mediaId,
          contentType: m.contentType,
          size: m.size,
          fileName: m.fileName,
          uploadMicros: m.uploadMicros
        })),
        ...plan.mediaUrls.map((u) => urlMedia(u, options.nowMicros))
      ],
      requestBody: options.requestBody,
      dltEntityId: plan.dltEntityId,
      dltTemplateId: plan.dltTemplateId,
      dltTemplateCategory: plan.dltTemplateCategory,
      conversationOrigin: plan.conversationOrigin
    })
  )
