/**
 * The parameters of a message status callback (messages.md §7).
 *
 * @internal
 */
import { formatCallbackTime, formatSecondsTime } from "../time.js"
import type { MessageRecord } from "./model.js"
import { formatMoney } from "./pricing.js"

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
