import { describe, expect, it } from "@effect/vitest"
import * as BigDecimal from "effect/BigDecimal"
import * as Either from "effect/Either"
import * as FastCheck from "effect/FastCheck"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { formatMoney, Money, parseMoney } from "../src/Money.js"

const decode = Schema.decodeUnknownEither(Money)
const ok = (input: unknown): BigDecimal.BigDecimal =>
  Either.match(decode(input), {
    onLeft: (e) => {
      throw new Error(`${String(input)} failed: ${e.message}`)
    },
    onRight: (m) => m
  })
const failure = (input: unknown): string =>
  Either.match(decode(input), {
    onLeft: (e) => e.message,
    onRight: (m) => {
      throw new Error(`${String(input)} decoded to ${formatMoney(m)}`)
    }
  })
const parts = (m: BigDecimal.BigDecimal) => ({ value: m.value, scale: m.scale })

describe("Money", () => {
  it("keeps the scale of Plivo rates (no normalization)", () => {
    expect(parts(ok("0.00250"))).toStrictEqual({ value: 250n, scale: 5 })
    expect(parts(ok("0.00000"))).toStrictEqual({ value: 0n, scale: 5 })
  })
  it("is exact for values beyond double precision", () => {
    expect(parts(ok("12345678901234567890.123456789"))).toStrictEqual({
      value: 12345678901234567890123456789n,
      scale: 9
    })
  })
  it("does not round 0.1 + 0.2 style fractions", () => {
    const sum = BigDecimal.sum(ok("0.1"), ok("0.2"))
    expect(BigDecimal.equals(sum, ok("0.3"))).toBe(true)
  })
  it("accepts signs, integers and exponents", () => {
    expect(parts(ok("-1.50"))).toStrictEqual({ value: -150n, scale: 2 })
    expect(parts(ok("+7"))).toStrictEqual({ value: 7n, scale: 0 })
    expect(parts(ok("2.5e-3"))).toStrictEqual({ value: 25n, scale: 4 })
  })
  it("tolerates surrounding whitespace", () => {
    expect(parts(ok(" 0.0050 "))).toStrictEqual({ value: 50n, scale: 4 })
  })
  it("decodes JSON numbers", () => {
    expect(parts(ok(0.0025))).toStrictEqual({ value: 25n, scale: 4 })
    expect(parts(ok(12))).toStrictEqual({ value: 12n, scale: 0 })
  })
  it("rejects non-numeric strings with a clear message", () => {
    for (const input of ["", " ", "abc", "1,000", "0.0.1", ".-5", "$1.00", "1e", "0x10", "NaN"]) {
      expect(failure(input)).toContain("Expected a decimal amount")
    }
    expect(failure("abc")).toContain('got "abc"')
  })
  it("rejects non-finite numbers", () => {
    expect(failure(Number.NaN)).toContain("Expected a decimal amount, got NaN")
    expect(failure(Number.POSITIVE_INFINITY)).toContain("Expected a decimal amount")
  })
  it("rejects other types", () => {
    expect(Either.isLeft(decode(null))).toBe(true)
    expect(Either.isLeft(decode(true))).toBe(true)
  })
  it("bounds the echoed input", () => {
    const message = failure("x".repeat(5000))
    expect(message).toContain("…")
    expect(message.length).toBeLessThan(300)
  })
  it("encodes to a string keeping the scale", () => {
    const encode = Schema.encodeSync(Money)
    expect(encode(ok("0.00250"))).toBe("0.00250")
    expect(encode(ok("12345678901234567890.123456789"))).toBe("12345678901234567890.123456789")
    expect(encode(ok(0.0025))).toBe("0.0025")
  })
})

describe("format", () => {
  it("writes plain decimals for every scale and sign", () => {
    expect(formatMoney(BigDecimal.make(250n, 5))).toBe("0.00250")
    expect(formatMoney(BigDecimal.make(-250n, 5))).toBe("-0.00250")
    expect(formatMoney(BigDecimal.make(123n, 1))).toBe("12.3")
    expect(formatMoney(BigDecimal.make(5n, -3))).toBe("5000")
    expect(formatMoney(BigDecimal.make(0n, -3))).toBe("0")
    expect(formatMoney(BigDecimal.make(0n, 2))).toBe("0.00")
    expect(formatMoney(BigDecimal.make(1n, 20))).toBe("0.00000000000000000001")
  })
})

describe("parseMoney", () => {
  // parseMoney before its char-code reading of plain amounts: the pattern, then fromString.
  const byPattern = (input: string) => {
    const trimmed = input.trim()
    return /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(trimmed) ? BigDecimal.fromString(trimmed) : Option.none()
  }
  const amount = FastCheck.oneof(
    FastCheck.stringMatching(/^\d{1,20}(\.\d{0,20})?$/),
    FastCheck.tuple(FastCheck.stringMatching(/^[ +-]?\d{0,17}\.?\d{0,17}[eE ]?$/), FastCheck.constantFrom("", " ", "1", "-2")).map(([a, b]) =>
      a + b
    ),
    FastCheck.constantFrom("0.00250", "0.00000", "5.", ".5", "0", "000", "9007199254740993", "999999999999999", "1.", ".", "", "1..2", "١"),
    FastCheck.string({ maxLength: 12 })
  )

  it("reads every string as the pattern and BigDecimal.fromString read it, value and scale", () => {
    FastCheck.assert(
      FastCheck.property(amount, (input) => {
        expect(Option.map(parseMoney(input), parts), input).toStrictEqual(Option.map(byPattern(input), parts))
      }),
      { numRuns: 20_000 }
    )
  })
})
