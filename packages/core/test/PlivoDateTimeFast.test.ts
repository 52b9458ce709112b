import { describe, expect, it } from "@effect/vitest"
import * as DateTime from "effect/DateTime"
import * as Either from "effect/Either"
import * as FastCheck from "effect/FastCheck"
import * as Option from "effect/Option"
import { epochMillis, epochMillisByPattern, epochMillisFast } from "../src/internal/timestamp.js"
import { parsePlivoDateTime } from "../src/PlivoDateTime.js"

const digits = (n: number, width: number) => String(n).padStart(width, "0")

/** Timestamps built from parts, each part sometimes out of range or malformed. */
const built = FastCheck.record({
  year: FastCheck.oneof(FastCheck.integer({ min: 0, max: 9999 }), FastCheck.constantFrom(0, 4, 99, 100, 1900, 2000, 2024, 2100)),
  month: FastCheck.integer({ min: 0, max: 13 }),
  day: FastCheck.oneof(FastCheck.integer({ min: 0, max: 32 }), FastCheck.constantFrom(28, 29, 30, 31)),
  hour: FastCheck.integer({ min: 0, max: 25 }),
  minute: FastCheck.integer({ min: 0, max: 61 }),
  second: FastCheck.option(FastCheck.integer({ min: 0, max: 61 }), { nil: undefined }),
  fraction: FastCheck.option(FastCheck.stringMatching(/^\d{0,11}$/), { nil: undefined }),
  separator: FastCheck.constantFrom(" ", "T", "t", "_"),
  zone: FastCheck.oneof(
    FastCheck.constantFrom("", "Z", "z", "+", "-", "+5", "+05:", "+05:3", "+053", "+05:30:00", "Zz", " "),
    FastCheck.tuple(
      FastCheck.constantFrom("+", "-"),
      FastCheck.integer({ min: 0, max: 25 }),
      FastCheck.constantFrom(":", "", undefined),
      FastCheck.integer({ min: 0, max: 61 })
    ).map(([sign, h, colon, m]) => `${sign}${digits(h, 2)}${colon === undefined ? "" : `${colon}${digits(m, 2)}`}`)
  )
}).map((p) =>
  `${digits(p.year, 4)}-${digits(p.month, 2)}-${digits(p.day, 2)}${p.separator}${digits(p.hour, 2)}:${digits(p.minute, 2)}` +
  (p.second === undefined ? "" : `:${digits(p.second, 2)}${p.fraction === undefined ? "" : `.${p.fraction}`}`) + p.zone
)

/** A built timestamp with one char replaced, inserted or removed. */
const mutated = FastCheck.tuple(
  built,
  FastCheck.nat(),
  FastCheck.constantFrom("0", "9", "-", ":", "+", ".", " ", "T", "Z", "a", "\u0660", "\u00a0", ""),
  FastCheck.constantFrom("replace", "insert")
).map(([s, at, c, how]) => {
  const i = at % (s.length + 1)
  return s.slice(0, i) + c + s.slice(how === "replace" ? i + 1 : i)
})

const anyInput = FastCheck.oneof(built, mutated, FastCheck.string({ maxLength: 40 }), FastCheck.string({ unit: "binary", maxLength: 40 }))

const viaParse = (input: string) => Option.map(parsePlivoDateTime(input), DateTime.toEpochMillis)

describe("the char-code reading of a timestamp", () => {
  it("gives what the pattern gives, or leaves it to the pattern; the public readings match the pattern's", () => {
    FastCheck.assert(
      FastCheck.property(anyInput, (input) => {
        const byPattern = epochMillisByPattern(input)
        const fast = epochMillisFast(input)
        if (fast !== undefined) expect(byPattern).toStrictEqual(Either.right(fast))
        expect(epochMillis(input)).toStrictEqual(byPattern)
        expect(viaParse(input)).toStrictEqual(Either.getRight(byPattern))
      }),
      { numRuns: 20_000 }
    )
  })

  it("takes every valid timestamp the pattern takes", () => {
    FastCheck.assert(
      FastCheck.property(built, (input) => {
        const byPattern = epochMillisByPattern(input)
        if (Either.isRight(byPattern)) expect(epochMillisFast(input)).toBe(byPattern.right)
      }),
      { numRuns: 20_000 }
    )
  })

  it("edge cases, each read as the pattern reads it", () => {
    const cases: ReadonlyArray<readonly [string, number | undefined]> = [
      ["2024-08-21 18:00:00+05:30", Date.UTC(2024, 7, 21, 12, 30)],
      ["2024-08-21 18:00:00.000000+05:30", Date.UTC(2024, 7, 21, 12, 30)],
      ["2024-08-21T18:00:00.123456789Z", Date.UTC(2024, 7, 21, 18, 0, 0, 123)],
      ["2024-08-21 18:00:00.9-05", Date.UTC(2024, 7, 21, 23, 0, 0, 900)],
      ["2024-08-21 18:00:00.12+0530", Date.UTC(2024, 7, 21, 12, 30, 0, 120)],
      ["2024-08-21 18:00", Date.UTC(2024, 7, 21, 18, 0)],
      ["2024-02-29 00:00:00", Date.UTC(2024, 1, 29)],
      ["2000-02-29 00:00:00", Date.UTC(2000, 1, 29)],
      ["0000-02-29 00:00:00Z", Date.UTC(2000, 1, 29) - 146_097 * 5 * 86_400_000],
      ["0099-12-31 23:59:59.999-23:59", Date.UTC(2099, 11, 31, 23, 59, 59, 999) - 146_097 * 5 * 86_400_000 + 1439 * 60_000],
      ["0001-01-01 00:00:00+00:01", Date.UTC(2001, 0, 1) - 146_097 * 5 * 86_400_000 - 60_000],
      ["1900-02-29 00:00:00", undefined],
      ["2023-02-29 00:00:00", undefined],
      ["2024-04-31 00:00:00", undefined],
      ["2024-08-21 18:00:00.1234567890Z", undefined],
      ["2024-08-21 18:00:00.Z", undefined],
      ["2024-08-21 18:00:00+05:", undefined],
      ["2024-08-21 18:00:00+24:00", undefined],
      ["2024-08-21 18:00:60", undefined],
      ["2024-08-21 24:00:00", undefined],
      ["2024-8-21 18:00:00", undefined],
      ["", undefined]
    ]
    for (const [input, expected] of cases) {
      expect(Either.getRight(epochMillisByPattern(input)), input).toStrictEqual(Option.fromNullable(expected))
      expect(epochMillisFast(input), input).toBe(expected)
      expect(viaParse(input), input).toStrictEqual(Option.fromNullable(expected))
    }
  })
})
