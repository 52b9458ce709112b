/**
 * Messages rendered as Plivo's JSON (messages.md §2, §4).
 *
 * @internal
 */
import type { Json } from "../responses.js"
import { formatIsoTime, formatMessageTime, formatSecondsTime } from "../time.js"
import { errorMessageFor } from "./errorCodes.js"
import type { MessageMediaRecord, MessageRecord } from "./model.js"
import { formatMoney } from "./pricing.js"

/** `log: "false"` and `"content_only"` mask the number, as `+12025550***` in the docs. */
const masked = (number: string, log: MessageRecord["log"]): string =>
  log === "false" || log === "content_only" ? number.slice(0, -3) + "***" : number

/** The Message Detail Record, every field of messages.md §2 except `api_id`. */
export const messageJson = (m: MessageRecord, authId: string): Json => {
  const total = m.rate * m.units
  const base: Record<string, unknown> = {
    message_uuid: m.uuid,
    message_time: formatMessageTime(m.timeMicros),
    message_direction: m.direction,
    message_state: m.state,
    message_type: m.type,
    from_number: m.direction === "inbound" ? masked(m.from, m.log) : m.from,
    to_number: m.direction === "outbound" ? masked(m.to, m.log) : m.to,
    units: m.units,
    total_rate: formatMoney(m.rate),
    total_amount: formatMoney(total),
    error_code: m.errorCode,
    error_message: errorMessageFor(m.errorCode),
    resource_uri: `/v1/Account/${authId}/Message/${m.uuid}/`,
    powerpack_id: m.powerpackId,
    requester_ip: m.requesterIp,
    is_domestic: m.isDomestic,
    replaced_sender: "",
    destination_country_iso2: m.countryIso2,
    tendlc_campaign_id: m.tendlcCampaignId,
    tendlc_registration_status: m.tendlcRegistrationStatus,
    destination_network: m.state === "queued" ? "" : m.network,
    carrier_fees: formatMoney(m.carrierFeeRate * m.units),
    carrier_fees_rate: formatMoney(m.carrierFeeRate),
    dlt_entity_id: m.dltEntityId,
    dlt_template_id: m.dltTemplateId,
    dlt_template_category: m.dltTemplateCategory,
    conversation_id: m.conversationId,
    conversation_origin: m.conversationOrigin,
    conversation_expiration_timestamp:
      m.conversationExpiresMicros === undefined ? "" : formatSecondsTime(m.conversationExpiresMicros),
    log: m.log,
    message_updated_time: formatMessageTime(m.updatedMicros)
  }
  // Absent rather than empty until it happens, as in Plivo's MDRs of queued messages.
  if (m.sentMicros !== undefined) base["message_sent_time"] = formatMessageTime(m.sentMicros)
  return base
}

/** An item of `GET Message/{uuid}/Media/`. */
export const messageMediaJson = (m: MessageMediaRecord, messageUuid: string, authId: string): Json => ({
  media_id: m.mediaId,
  media_url: `https://media.plivo.com/Account/${authId}/Message/${messageUuid}/Media/${m.mediaId}`,
  message_uuid: messageUuid,
  content_type: m.contentType,
  size: m.size,
  file_name: m.fileName,
  upload_time: formatIsoTime(m.uploadMicros)
})
