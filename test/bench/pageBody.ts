/**
 * A `GET Message/` page body shaped like the recorded ones
 * (`plivo-api/fixtures/plivo-go/messageListResponse.json`): every field the fixtures
 * carry, `+05:30` timestamps with and without fractions, 5-decimal money, blank optional
 * fields as `""`, a WhatsApp row now and then.
 */
const pad = (n: number, width = 2) => String(n).padStart(width, "0")

const uuid = (i: number) => `5b40a428-bfc7-4daf-9d06-${pad(i, 12)}`

const timestamp = (i: number, fraction: boolean) =>
  `2024-08-21 ${pad(18 - (i % 10))}:${pad((i * 7) % 60)}:${pad((i * 13) % 60)}${
    fraction ? `.${pad((i * 104_729) % 1_000_000, 6)}` : ""
  }+05:30`

const record = (i: number, accountId: string) => {
  const whatsapp = i % 5 === 4
  return {
    error_code: i % 7 === 3 ? "30" : i % 2 === 0 ? "000" : null,
    from_number: "911231231230",
    message_direction: i % 3 === 0 ? "inbound" : "outbound",
    message_state: i % 7 === 3 ? "undelivered" : "delivered",
    message_time: timestamp(i, i % 2 === 1),
    message_type: whatsapp ? "whatsapp" : "sms",
    message_uuid: uuid(i),
    resource_uri: `/v1/Account/${accountId}/Message/${uuid(i)}/`,
    to_number: `9112312${pad(i, 5)}`,
    total_amount: "0.00250",
    total_rate: "0.00250",
    units: 1 + (i % 3),
    requester_ip: `192.168.1.${i % 250}`,
    is_domestic: i % 4 === 0,
    powerpack_id: null,
    replaced_sender: "",
    destination_country_iso2: "IN",
    tendlc_campaign_id: null,
    tendlc_registration_status: null,
    dlt_entity_id: i % 2 === 0 ? "1111" : "",
    dlt_template_id: i % 2 === 0 ? "2222" : "",
    dlt_template_category: i % 2 === 0 ? "promotional" : "",
    conversation_id: whatsapp ? `00${pad(i, 4)}` : "",
    conversation_origin: whatsapp ? "marketing" : "",
    conversation_expiration_timestamp: whatsapp ? timestamp(i + 1, false) : "",
    destination_network: "",
    carrier_fees: "0.00000",
    carrier_fees_rate: "0.00000",
    message_sent_time: timestamp(i, true),
    message_updated_time: timestamp(i + 2, true),
    error_message: i % 7 === 3 ? "Message flagged as spam" : "",
    log: "true"
  }
}

/** The JSON text of one list page of `count` messages. */
export const messageListBody = (count = 20, accountId = "MAXXXXXXXXXXXXXXXXXX"): string =>
  JSON.stringify({
    api_id: "9506d2c0-3f08-11e7-b886-067c5485c240",
    meta: {
      limit: count,
      next: `/v1/Account/${accountId}/Message/?limit=${count}&offset=${count}`,
      offset: 0,
      previous: null
    },
    objects: Array.from({ length: count }, (_, i) => record(i, accountId))
  })
