import { describe, expect, it } from "@effect/vitest"
import * as BigDecimal from "effect/BigDecimal"
import * as DateTime from "effect/DateTime"
import * as Schema from "effect/Schema"
import { MediaObject, Message } from "../src/index.js"

const base = {
  message_uuid: "u1",
  message_time: "2017-05-22 21:36:14+05:30",
  message_direction: "outbound",
  message_state: "delivered",
  message_type: "sms",
  from_number: "14155550100",
  to_number: "14155550123",
  units: 1,
  total_rate: "0.00250",
  total_amount: "0.00250",
  error_code: "000"
}

const decode = (fields: Record<string, unknown>) => Schema.decodeUnknownSync(Message)({ ...base, ...fields })
const iso = (dt: DateTime.Utc | undefined) => (dt === undefined ? undefined : DateTime.formatIso(dt))

describe("Message timestamps", () => {
  it("every observed message format decodes to the same instant in UTC", () => {
    const m = decode({
      message_time: "2017-05-22 21:36:14+05:30",
      message_sent_time: "2024-08-21 18:28:49.244057+05:30",
      message_updated_time: "2024-08-21 18:28:51.94772+05:30",
      conversation_expiration_timestamp: "2023-08-03 23:02:00+05:30"
    })
    expect(iso(m.message_time)).toBe("2017-05-22T16:06:14.000Z")
    expect(iso(m.message_sent_time)).toBe("2024-08-21T12:58:49.244Z")
    expect(iso(m.message_updated_time)).toBe("2024-08-21T12:58:51.947Z")
    expect(iso(m.conversation_expiration_timestamp)).toBe("2023-08-03T17:32:00.000Z")
  })

  it("ISO-8601 with Z, a UTC offset, no offset (callback style) and Unix seconds", () => {
    expect(iso(decode({ message_time: "2019-10-09T11:10:59.666461Z" }).message_time)).toBe("2019-10-09T11:10:59.666Z")
    expect(iso(decode({ message_time: "2024-05-01 10:15:30.12045+00:00" }).message_time)).toBe("2024-05-01T10:15:30.120Z")
    expect(iso(decode({ message_time: "2024-01-01 10:00:00.123456" }).message_time)).toBe("2024-01-01T10:00:00.123Z")
    expect(iso(decode({ conversation_expiry_timestamp: 1691083920 }).conversation_expiry_timestamp)).toBe(
      "2023-08-03T17:32:00.000Z"
    )
    expect(iso(decode({ conversation_expiry_timestamp: "1691083920" }).conversation_expiry_timestamp)).toBe(
      "2023-08-03T17:32:00.000Z"
    )
  })

  it("\"\" and null mean absent for optional timestamps", () => {
    const m = decode({
      conversation_expiration_timestamp: "",
      conversation_expiry_timestamp: null,
      message_sent_time: "",
      message_updated_time: null
    })
    expect("conversation_expiration_timestamp" in m).toBe(false)
    expect("conversation_expiry_timestamp" in m).toBe(false)
    expect("message_sent_time" in m).toBe(false)
    expect("message_updated_time" in m).toBe(false)
  })

  it("a malformed timestamp fails", () => {
    expect(() => decode({ message_time: "22/05/2017" })).toThrow(/Invalid Plivo timestamp/)
  })

  it("media upload_time with 6 and 9 fractional digits", () => {
    const decodeMedia = Schema.decodeUnknownSync(MediaObject)
    expect(iso(decodeMedia({ media_id: "m", upload_time: "2020-02-17T07:53:36.643522Z" }).upload_time)).toBe(
      "2020-02-17T07:53:36.643Z"
    )
    expect(iso(decodeMedia({ media_id: "m", upload_time: "2021-02-18T11:21:55.972100055Z" }).upload_time)).toBe(
      "2021-02-18T11:21:55.972Z"
    )
  })
})

describe("Message money", () => {
  it("decodes to BigDecimal without rounding, keeping the scale", () => {
    const m = decode({
      total_rate: "0.00250",
      total_amount: "12345678901234567890.123456789",
      carrier_fees: "0.001",
      carrier_fees_rate: "0.420"
    })
    expect(m.total_rate).toEqual(BigDecimal.make(250n, 5))
    expect(m.total_amount).toEqual(BigDecimal.make(12345678901234567890123456789n, 9))
    expect(m.carrier_fees).toEqual(BigDecimal.make(1n, 3))
    expect(m.carrier_fees_rate).toEqual(BigDecimal.make(420n, 3))
    expect(BigDecimal.equals(BigDecimal.sum(m.total_rate, BigDecimal.make(75n, 5)), BigDecimal.make(325n, 5))).toBe(true)
  })

  it("blank carrier fees are absent, not zero", () => {
    const m = decode({ carrier_fees: "", carrier_fees_rate: null })
    expect("carrier_fees" in m).toBe(false)
    expect("carrier_fees_rate" in m).toBe(false)
  })

  it("a non-decimal amount fails", () => {
    expect(() => decode({ total_amount: "free" })).toThrow(/Expected a decimal amount/)
  })
})

describe("Message leniency", () => {
  it("keeps unknown enum values as strings and ignores unknown fields", () => {
    const m = decode({
      message_state: "scheduled",
      message_type: "rcs",
      message_direction: "sideways",
      conversation_origin: "",
      brand_new_field: { x: 1 }
    })
    expect([m.message_state, m.message_type, m.message_direction, m.conversation_origin]).toEqual([
      "scheduled",
      "rcs",
      "sideways",
      ""
    ])
    expect("brand_new_field" in m).toBe(false)
  })

  it("error_code stays a string, or null", () => {
    expect(decode({ error_code: "000" }).error_code).toBe("000")
    expect(decode({ error_code: null }).error_code).toBeNull()
    expect(decode({ error_code: 30 }).error_code).toBe("30")
    const { error_code: _omitted, ...withoutCode } = base
    expect(Schema.decodeUnknownSync(Message)(withoutCode).error_code).toBeNull()
  })
})

describe("MediaObject", () => {
  it("exposes one media_url whichever name Plivo used", () => {
    const decodeMedia = Schema.decodeUnknownSync(MediaObject)
    expect(decodeMedia({ media_id: "m", url: "https://a" }).media_url).toBe("https://a")
    expect(decodeMedia({ media_id: "m", media_url: "https://b" }).media_url).toBe("https://b")
    expect(decodeMedia({ media_id: "m", media_url: "https://b", url: "https://a" }).media_url).toBe("https://b")
    expect("media_url" in decodeMedia({ media_id: "m" })).toBe(false)
    expect("url" in decodeMedia({ media_id: "m", url: "https://a" })).toBe(false)
  })
})
