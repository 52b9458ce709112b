import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { isPhoneNumber, normalizePhoneNumber, PhoneNumber } from "../src/PhoneNumber.js"

const decode = Schema.decodeUnknownEither(PhoneNumber)
const ok = (input: string): string =>
  Either.match(decode(input), {
    onLeft: (e) => {
      throw new Error(`${input} failed: ${e.message}`)
    },
    onRight: (n) => n
  })
const failure = (input: unknown): string =>
  Either.match(decode(input), {
    onLeft: (e) => e.message,
    onRight: (n) => {
      throw new Error(`${String(input)} decoded to ${n}`)
    }
  })

describe("PhoneNumber", () => {
  it("keeps Plivo's canonical digits as they are", () => {
    expect(ok("14155551234")).toBe("14155551234")
  })
  it("drops a leading +", () => {
    expect(ok("+14155551234")).toBe("14155551234")
  })
  it("removes separators ' -.()'", () => {
    expect(ok("+1 (415) 555-1234")).toBe("14155551234")
    expect(ok("44.20.7946.0958")).toBe("442079460958")
    expect(ok("(+91) 98765-43210")).toBe("919876543210")
  })
  it("accepts the 7 and 15 digit bounds", () => {
    expect(ok("1234567")).toBe("1234567")
    expect(ok("+123456789012345")).toBe("123456789012345")
  })
  it("rejects too short and too long numbers, saying how many digits", () => {
    expect(failure("123456")).toContain("it has 6 digits")
    expect(failure("1234567890123456")).toContain("it has 16 digits")
  })
  it("rejects letters", () => {
    expect(failure("1415555CALL")).toContain("other than digits")
    expect(failure("Plivo")).toContain("other than digits")
  })
  it("rejects a leading 0 (no country code)", () => {
    expect(failure("04155551234")).toContain("cannot start with 0")
    expect(failure("+0 415 555 1234")).toContain("cannot start with 0")
  })
  it("rejects a + that is not leading, and a double +", () => {
    expect(failure("1415+5551234")).toContain("other than digits")
    expect(failure("++14155551234")).toContain("other than digits")
  })
  it("rejects other separators and empty input", () => {
    expect(failure("1415/555/1234")).toContain("other than digits")
    expect(failure("")).toContain("it has 0 digits")
  })
  it("rejects non-strings", () => {
    expect(failure(14155551234)).toContain("Expected string")
  })
  it("says what was expected and what it got, bounded", () => {
    expect(failure("abc")).toContain("Expected a phone number")
    expect(failure("abc")).toContain('got "abc"')
    const long = failure("9".repeat(10_000))
    expect(long).toContain("…")
    expect(long.length).toBeLessThan(300)
  })
  it("encodes back to the digits", () => {
    const n = Schema.decodeUnknownSync(PhoneNumber)("+1 415 555 1234")
    expect(Schema.encodeSync(PhoneNumber)(n)).toBe("14155551234")
  })
})

describe("normalize", () => {
  it("returns the digits for valid input", () => {
    expect(normalizePhoneNumber("+1 (415) 555-1234")).toStrictEqual(Option.some("14155551234"))
  })
  it("returns none for invalid input", () => {
    expect(Option.isNone(normalizePhoneNumber("0415 555 1234"))).toBe(true)
    expect(Option.isNone(normalizePhoneNumber("12345"))).toBe(true)
    expect(Option.isNone(normalizePhoneNumber("call me"))).toBe(true)
  })
})

describe("isPhoneNumber", () => {
  it("accepts only the canonical form", () => {
    expect(isPhoneNumber("14155551234")).toBe(true)
    expect(isPhoneNumber("+14155551234")).toBe(false)
    expect(isPhoneNumber("1 415 555 1234")).toBe(false)
    expect(isPhoneNumber(14155551234)).toBe(false)
  })
})
