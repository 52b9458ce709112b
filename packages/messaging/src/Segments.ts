/**
 * How many SMS units (segments) a text takes, and in which encoding it travels.
 *
 * @since 0.1.0
 */

/**
 * The result of {@link segments}.
 *
 * @since 0.1.0
 * @category models
 */
export interface Segments {
  /** `GSM-7` when every character is in the GSM 03.38 tables, else `UCS-2`. */
  readonly encoding: "GSM-7" | "UCS-2"
  /**
   * The length that counts against SMS limits: GSM-7 septets (an extension character such
   * as `€` or `{` takes two) or UCS-2 UTF-16 code units (an emoji outside the BMP takes two).
   */
  readonly characters: number
  /** SMS units the text is split into; at least 1. */
  readonly units: number
}

// GSM 03.38 default alphabet, without the escape code 0x1B.
const GSM_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
// Reached through the escape code, so each costs two septets.
const GSM_EXTENSION = new Set("\f^{}\\[~]|€")

const GSM_SINGLE = 160
const GSM_PART = 153
const UCS2_SINGLE = 70
const UCS2_PART = 67

/**
 * Packs weighted characters into parts of `capacity`. A character never straddles two parts
 * (an escape pair or a surrogate pair must arrive whole), so a part may end one short.
 */
const pack = (weights: ReadonlyArray<number>, capacity: number): number => {
  let parts = 1
  let used = 0
  for (const weight of weights) {
    if (used + weight > capacity) {
      parts++
      used = 0
    }
    used += weight
  }
  return parts
}

/**
 * Counts the SMS units of a text the way carriers split it.
 *
 * - GSM-7: up to 160 septets fit in one unit; longer texts are sent in units of 153
 *   (the rest carries the concatenation header). Extension characters
 *   (`\f ^ { } \ [ ~ ] | €`) count twice.
 * - UCS-2, used as soon as one character is outside the GSM tables: 70 in one unit, else
 *   units of 67. Characters are counted as UTF-16 code units, so an emoji such as 😀 counts 2.
 *
 * An escape pair or a surrogate pair is never split between units, so a unit may hold
 * one less than its capacity. An empty text is one unit.
 *
 * @example
 * ```ts
 * import { segments } from "@plivo-effect/messaging"
 *
 * segments("Hello")        // { encoding: "GSM-7", characters: 5, units: 1 }
 * segments("x".repeat(161)) // { encoding: "GSM-7", characters: 161, units: 2 }
 * segments("Hi 😀")         // { encoding: "UCS-2", characters: 5, units: 1 }
 * ```
 *
 * @since 0.1.0
 * @category utils
 */
export const segments = (text: string): Segments => {
  const septets: Array<number> = []
  let gsm = true
  for (const char of text) {
    if (GSM_BASIC.has(char)) septets.push(1)
    else if (GSM_EXTENSION.has(char)) septets.push(2)
    else {
      gsm = false
      break
    }
  }
  if (gsm) {
    const characters = septets.reduce((sum, n) => sum + n, 0)
    return {
      encoding: "GSM-7",
      characters,
      units: characters <= GSM_SINGLE ? 1 : pack(septets, GSM_PART)
    }
  }
  const codeUnits = Array.from(text, (char) => char.length)
  const characters = text.length
  return {
    encoding: "UCS-2",
    characters,
    units: characters <= UCS2_SINGLE ? 1 : pack(codeUnits, UCS2_PART)
  }
}
