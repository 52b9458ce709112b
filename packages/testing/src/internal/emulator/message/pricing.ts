/**
 * Segments, rates and money strings. Amounts are integers in 1/100,000 of a currency
 * unit so `"0.00650" × 3` is exact.
 *
 * @internal
 */
import type { MessageType } from "./model.js"

const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
const GSM_EXTENDED = "^{}\\[~]|€\f"

/** Septets of each character of `text`, or `undefined` if any character needs UCS-2. */
const gsmSeptets = (text: string): Array<number> | undefined => {
  const septets: Array<number> = []
  for (const ch of text) {
    if (GSM_BASIC.includes(ch)) septets.push(1)
    else if (GSM_EXTENDED.includes(ch)) septets.push(2)
    else return undefined
  }
  return septets
}

/** GSM-7 septets needed for `text`, or `undefined` if any character needs UCS-2. */
export const gsmLength = (text: string): number | undefined =>
  gsmSeptets(text)?.reduce((sum, n) => sum + n, 0)

/** Longest SMS Plivo accepts: 1,600 GSM-7 characters or 737 UTF-16 code units when UCS-2 is needed. */
export const smsTooLong = (text: string): boolean => {
  const gsm = gsmLength(text)
  return gsm === undefined ? text.length > 737 : gsm > 1600
}

/**
 * Segments billed: 160/153 septets for GSM-7, 70/67 UTF-16 code units for UCS-2 (the
 * usual concatenation sizes). An escape pair (`€`) or a surrogate pair (an emoji) cannot
 * be split between segments, so a segment it would overflow ends one short and the pair
 * opens the next (GSM 03.38; test/fixtures/vectors/segments.json).
 */
export const smsUnits = (text: string): number => {
  const gsm = gsmSeptets(text)
  const sizes = gsm ?? Array.from(text, (ch) => ch.length)
  const [single, part] = gsm === undefined ? [70, 67] : [160, 153]
  if (sizes.reduce((sum, n) => sum + n, 0) <= single) return 1
  let units = 1
  let free = part
  for (const size of sizes) {
    if (size > free) {
      units += 1
      free = part
    }
    free -= size
  }
  return units
}

/** @internal */
export const unitsFor = (type: MessageType, text: string | undefined): number =>
  type === "sms" ? smsUnits(text ?? "") : 1

/** Per-unit rate by message type and whether the destination is US/Canada. */
export const rateFor = (type: MessageType, northAmerica: boolean): number => {
  if (type === "mms") return 1800
  if (type === "whatsapp") return 500
  return northAmerica ? 650 : 4500
}

/** Carrier surcharge rate; only US carriers levy one. */
export const carrierFeeRateFor = (countryIso2: string): number => (countryIso2 === "US" ? 300 : 0)

/** `1234` → `"0.01234"`. */
export const formatMoney = (amount: number): string =>
  `${Math.floor(amount / 100_000)}.${String(amount % 100_000).padStart(5, "0")}`
