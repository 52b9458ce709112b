import { describe, expect, it } from "@effect/vitest"
import * as Schema from "effect/Schema"
import { readFileSync } from "node:fs"
import { segments } from "../src/index.js"

// The vectors the emulator's billing is checked against too (packages/testing); only the
// data is shared, the two implementations stay independent.
const SharedVectors = Schema.Struct({
  vectors: Schema.Array(Schema.Struct({
    name: Schema.String,
    text: Schema.Array(Schema.Tuple(Schema.String, Schema.Int)),
    encoding: Schema.Literal("GSM-7", "UCS-2"),
    characters: Schema.Int,
    units: Schema.Int
  }))
})
const shared = Schema.decodeUnknownSync(Schema.parseJson(SharedVectors))(
  readFileSync(new URL("../../../test/fixtures/vectors/segments.json", import.meta.url), "utf8")
)

describe("segments on the shared vectors (test/fixtures/vectors/segments.json)", () => {
  for (const v of shared.vectors) {
    it(v.name, () => {
      const text = v.text.map(([s, times]) => s.repeat(times)).join("")
      expect(segments(text)).toEqual({ encoding: v.encoding, characters: v.characters, units: v.units })
    })
  }
})

const a = (n: number) => "a".repeat(n)
const zh = (n: number) => "ж".repeat(n)

describe("segments", () => {
  it("an empty text is one GSM-7 unit", () => {
    expect(segments("")).toEqual({ encoding: "GSM-7", characters: 0, units: 1 })
  })

  it("GSM-7: 160 in one unit, then units of 153", () => {
    expect(segments(a(160))).toEqual({ encoding: "GSM-7", characters: 160, units: 1 })
    expect(segments(a(161))).toEqual({ encoding: "GSM-7", characters: 161, units: 2 })
    expect(segments(a(153 * 2))).toEqual({ encoding: "GSM-7", characters: 306, units: 2 })
    expect(segments(a(153 * 2 + 1))).toEqual({ encoding: "GSM-7", characters: 307, units: 3 })
    expect(segments(a(153 * 3))).toEqual({ encoding: "GSM-7", characters: 459, units: 3 })
    expect(segments(a(153 * 3 + 1)).units).toBe(4)
    expect(segments(a(1600))).toEqual({ encoding: "GSM-7", characters: 1600, units: 11 })
  })

  it("the whole GSM-7 default alphabet stays GSM-7", () => {
    const alphabet = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
      "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
    expect(segments(alphabet)).toEqual({ encoding: "GSM-7", characters: alphabet.length, units: 1 })
  })

  it("GSM-7 extension characters count twice", () => {
    expect(segments("€")).toEqual({ encoding: "GSM-7", characters: 2, units: 1 })
    expect(segments("^{}\\[~]|€\f")).toEqual({ encoding: "GSM-7", characters: 20, units: 1 })
    expect(segments("€".repeat(80))).toEqual({ encoding: "GSM-7", characters: 160, units: 1 })
    expect(segments("€".repeat(80) + "a")).toEqual({ encoding: "GSM-7", characters: 161, units: 2 })
    expect(segments(a(159) + "€")).toEqual({ encoding: "GSM-7", characters: 161, units: 2 })
  })

  it("an escape pair is never split between units", () => {
    // 306 septets fit two units of 153 only if the € could straddle them.
    expect(segments(a(152) + "€" + a(152))).toEqual({ encoding: "GSM-7", characters: 306, units: 3 })
    expect(segments(a(151) + "€" + a(153))).toEqual({ encoding: "GSM-7", characters: 306, units: 2 })
  })

  it("UCS-2: 70 in one unit, then units of 67", () => {
    expect(segments(zh(70))).toEqual({ encoding: "UCS-2", characters: 70, units: 1 })
    expect(segments(zh(71))).toEqual({ encoding: "UCS-2", characters: 71, units: 2 })
    expect(segments(zh(67 * 2))).toEqual({ encoding: "UCS-2", characters: 134, units: 2 })
    expect(segments(zh(67 * 2 + 1))).toEqual({ encoding: "UCS-2", characters: 135, units: 3 })
    expect(segments(zh(737)).units).toBe(11)
  })

  it("one character outside GSM-7 makes the whole text UCS-2", () => {
    expect(segments(a(69) + "ж")).toEqual({ encoding: "UCS-2", characters: 70, units: 1 })
    expect(segments(a(70) + "ж")).toEqual({ encoding: "UCS-2", characters: 71, units: 2 })
    // `€` is GSM-7 but counts once in UCS-2.
    expect(segments("€ж")).toEqual({ encoding: "UCS-2", characters: 2, units: 1 })
  })

  it("emoji count as two UTF-16 code units", () => {
    expect(segments("😀")).toEqual({ encoding: "UCS-2", characters: 2, units: 1 })
    expect(segments("😀".repeat(35))).toEqual({ encoding: "UCS-2", characters: 70, units: 1 })
    expect(segments("😀".repeat(36))).toEqual({ encoding: "UCS-2", characters: 72, units: 2 })
    expect(segments(zh(69) + "😀")).toEqual({ encoding: "UCS-2", characters: 71, units: 2 })
  })

  it("a surrogate pair is never split between units", () => {
    expect(segments(zh(66) + "😀" + zh(66))).toEqual({ encoding: "UCS-2", characters: 134, units: 3 })
    expect(segments(zh(65) + "😀" + zh(67))).toEqual({ encoding: "UCS-2", characters: 134, units: 2 })
  })
})
