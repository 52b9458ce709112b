import { describe, expect, it } from "@effect/vitest"
import * as DateTime from "effect/DateTime"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { DateTimeInput, FilterDateTime, formatFilter, PlivoDateTime } from "../src/PlivoDateTime.js"

const decode = Schema.decodeUnknownEither(PlivoDateTime)
const millis = (input: string): number =>
  Either.match(decode(input), {
    onLeft: (e) => {
      throw new Error(`${input} failed: ${e.message}`)
    },
    onRight: DateTime.toEpochMillis
  })
const failure = (input: unknown): string =>
  Either.match(decode(input), {
    onLeft: (e) => e.message,
    onRight: (dt) => {
      throw new Error(`${String(input)} decoded to ${DateTime.formatIso(dt)}`)
    }
  })

describe("PlivoDateTime", () => {
  describe("message format (space, numeric offset)", () => {
    it("whole seconds with +05:30 (fixture message_time)", () => {
      expect(millis("2017-05-22 21:36:14+05:30")).toBe(1495469174000)
    })
    it("5-digit fraction with trailing zeros trimmed (fixture message_updated_time)", () => {
      expect(millis("2024-08-21 18:28:51.94772+05:30")).toBe(1724245131947)
    })
    it("6-digit fraction (fixture message_sent_time)", () => {
      expect(millis("2024-08-21 18:28:49.244057+05:30")).toBe(1724245129244)
    })
    it("tolerates +HHMM and +HH offsets", () => {
      expect(millis("2017-05-22 21:36:14+0530")).toBe(1495469174000)
      expect(millis("2017-05-22 21:36:14+05")).toBe(1495469174000 + 30 * 60_000)
    })
    it("negative offsets move the instant later", () => {
      expect(millis("2023-08-03 18:02:00-05:00")).toBe(1691103720000)
      expect(millis("2023-08-03 18:02:00-05:00")).toBe(millis("2023-08-03 23:02:00+00:00"))
    })
    it("a 1-digit fraction is tenths", () => {
      expect(millis("2024-01-01 10:00:00.5+00:00")).toBe(1704103200500)
    })
  })

  describe("ISO-8601", () => {
    it("6-digit fraction with Z (fixture created_on)", () => {
      expect(millis("2019-10-09T11:10:59.666461Z")).toBe(1570619459666)
    })
    it("9-digit fraction is truncated, not rounded (media docs)", () => {
      expect(millis("2021-02-18T11:21:55.972100055Z")).toBe(1613647315972)
      expect(millis("2021-02-18T11:21:55.999999999Z")).toBe(1613647315999)
    })
    it("no fraction (fixture created_on)", () => {
      expect(millis("2019-07-15T12:22:00Z")).toBe(1563193320000)
    })
    it("4-digit fraction (fixture created_on)", () => {
      expect(millis("2019-10-09T16:54:34.0117Z")).toBe(1570640074011)
    })
    it("with an explicit offset", () => {
      expect(millis("2019-10-09T16:40:59.666+05:30")).toBe(1570619459666)
    })
  })

  describe("callback format (no offset, UTC)", () => {
    it("microseconds", () => {
      expect(millis("2024-01-01 10:00:00.123456")).toBe(1704103200123)
    })
    it("webhook SessionStart sample", () => {
      expect(millis("2020-04-08 11:34:33.238707")).toBe(1586345673238)
    })
    it("filter syntax without seconds", () => {
      expect(millis("2024-01-01 10:00")).toBe(1704103200000)
    })
  })

  describe("calendar", () => {
    it("accepts Feb 29 in a leap year", () => {
      expect(millis("2024-02-29 00:00:00")).toBe(1709164800000)
    })
    it("years below 100 are not shifted into the 1900s", () => {
      expect(millis("0050-01-01T00:00:00Z")).toBe(Date.parse("0050-01-01T00:00:00.000Z"))
    })
  })

  describe("rejections", () => {
    it("month 13", () => {
      expect(failure("2024-13-01 00:00:00+05:30")).toContain("month 13 does not exist")
    })
    it("Feb 30 and Feb 29 of a non-leap year", () => {
      expect(failure("2024-02-30 00:00:00")).toContain("day 30 does not exist in 2024-02")
      expect(failure("2023-02-29T00:00:00Z")).toContain("day 29 does not exist in 2023-02")
      expect(failure("1900-02-29T00:00:00Z")).toContain("day 29 does not exist")
    })
    it("hour 24 and offset minutes 60", () => {
      expect(failure("2024-01-01 24:00:00")).toContain("time of day out of range")
      expect(failure("2024-01-01 10:00:00+05:60")).toContain("UTC offset out of range")
    })
    it("formats Date.parse would accept", () => {
      for (const input of ["2024-01-01", "Mon, 01 Jan 2024 10:00:00 GMT", "2024/01/01 10:00:00", "1704103200"]) {
        expect(failure(input)).toContain("Invalid Plivo timestamp")
      }
    })
    it("malformed parts", () => {
      for (
        const input of [
          "",
          "2024-01-01 10:00:00.",
          "2024-01-01 10:00:00.1234567890Z",
          "2024-01-01 10:00:00+5:30",
          "2024-01-01 10:00:00+05:",
          "2024-01-01 10:00:00 +05:30",
          " 2024-01-01 10:00:00"
        ]
      ) {
        expect(failure(input)).toContain("Invalid Plivo timestamp")
      }
    })
    it("non-strings", () => {
      expect(failure(1704103200000)).toContain("Expected string")
    })
    it("bounds the echoed input", () => {
      const message = failure("x".repeat(5000))
      expect(message).toContain("…")
      expect(message.length).toBeLessThan(300)
    })
  })

  describe("encoding", () => {
    it("ISO-8601 UTC, like toISOString", () => {
      const dt = Schema.decodeUnknownSync(PlivoDateTime)("2017-05-22 21:36:14+05:30")
      expect(Schema.encodeSync(PlivoDateTime)(dt)).toBe("2017-05-22T16:06:14.000Z")
    })
    it("round-trips through decode", () => {
      const dt = DateTime.unsafeMake(1724245131947)
      const encoded = Schema.encodeSync(PlivoDateTime)(dt)
      expect(DateTime.toEpochMillis(Schema.decodeUnknownSync(PlivoDateTime)(encoded))).toBe(1724245131947)
    })
  })
})

describe("formatFilter", () => {
  it("formats a Date in UTC with microseconds", () => {
    expect(formatFilter(new Date(Date.UTC(2021, 2, 21, 11, 47, 30, 982)))).toBe("2021-03-21 11:47:30.982000")
  })
  it("pads every field", () => {
    expect(formatFilter(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)))).toBe("2024-01-02 03:04:05.006000")
  })
  it("converts zoned DateTimes to UTC", () => {
    const zoned = DateTime.unsafeMakeZoned(1495469174000, { timeZone: "+05:30" })
    expect(formatFilter(zoned)).toBe("2017-05-22 16:06:14.000000")
  })
  it("round-trips through PlivoDateTime", () => {
    const dt = DateTime.unsafeMake(1616327250982)
    const parsed = Schema.decodeUnknownSync(PlivoDateTime)(formatFilter(dt))
    expect(DateTime.toEpochMillis(parsed)).toBe(1616327250982)
  })
})

describe("FilterDateTime", () => {
  it("encodes Date, Utc and Zoned inputs to the filter format", () => {
    const encode = Schema.encodeSync(FilterDateTime)
    expect(encode(new Date(1616327250982))).toBe("2021-03-21 11:47:30.982000")
    expect(encode(DateTime.unsafeMake(1616327250982))).toBe("2021-03-21 11:47:30.982000")
    expect(encode(DateTime.unsafeMakeZoned(1616327250982, { timeZone: -300 * 60_000 }))).toBe(
      "2021-03-21 11:47:30.982000"
    )
  })
  it("rejects invalid Dates before anything is sent", () => {
    expect(Either.isLeft(Schema.encodeEither(FilterDateTime)(new Date(Number.NaN)))).toBe(true)
  })
  it("decodes filter strings as UTC", () => {
    const dt = Schema.decodeUnknownSync(FilterDateTime)("2021-03-21 11:47:30.982811")
    expect(DateTime.isDateTime(dt) && DateTime.toEpochMillis(dt)).toBe(1616327250982)
  })
  it("DateTimeInput guards all three input kinds", () => {
    const is = Schema.is(DateTimeInput)
    expect(is(new Date(0))).toBe(true)
    expect(is(DateTime.unsafeMake(0))).toBe(true)
    expect(is("2021-03-21 11:47:30")).toBe(false)
    expect(is(new Date(Number.NaN))).toBe(false)
  })
})
