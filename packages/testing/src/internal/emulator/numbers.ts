/**
 * Phone numbers as the emulator judges them: sanitising, validity and country.
 *
 * @internal
 */

/** Plivo strips these from destinations before validating them (messages.md §1). */
const DESTINATION_NOISE = /[\s/\-.+()]/g

/** @internal */
export const sanitizeDestination = (raw: string): string => raw.replace(DESTINATION_NOISE, "")

/** Senders keep only `A-Z a-z 0-9` (messages.md §1). */
export const sanitizeSender = (raw: string): string => raw.replace(/[^A-Za-z0-9]/g, "")

/**
 * A destination is valid when, after sanitising, it is 8–14 digits starting with a
 * country code (no leading 0); `+1` numbers must have exactly 11 digits. That rejects
 * `1111111`, the number in Plivo's own captured 400.
 */
export const isValidNumber = (digits: string): boolean => {
  if (!/^[1-9]\d{7,13}$/.test(digits)) return false
  return !digits.startsWith("1") || digits.length === 11
}

/** What the emulator knows about a destination's country. */
export interface Country {
  readonly iso2: string
  readonly mcc: string
  readonly mnc: string
  readonly network: string
}

const CANADIAN_AREA_CODES = new Set([
  "204", "226", "236", "249", "250", "263", "289", "306", "343", "354", "365", "367", "368", "382", "403",
  "416", "418", "428", "431", "437", "438", "450", "468", "474", "506", "514", "519", "548", "579", "581",
  "584", "587", "604", "613", "639", "647", "672", "683", "705", "709", "742", "753", "778", "780", "782",
  "807", "819", "825", "867", "873", "879", "902", "905"
])

// Longest prefix first so "852" wins over a shorter code.
const COUNTRIES: ReadonlyArray<readonly [prefix: string, country: Country]> = [
  ["852", { iso2: "HK", mcc: "454", mnc: "00", network: "CSL" }],
  ["971", { iso2: "AE", mcc: "424", mnc: "02", network: "Etisalat" }],
  ["44", { iso2: "GB", mcc: "234", mnc: "10", network: "O2" }],
  ["91", { iso2: "IN", mcc: "404", mnc: "45", network: "Airtel" }],
  ["61", { iso2: "AU", mcc: "505", mnc: "01", network: "Telstra" }],
  ["49", { iso2: "DE", mcc: "262", mnc: "01", network: "Telekom" }],
  ["33", { iso2: "FR", mcc: "208", mnc: "01", network: "Orange" }],
  ["34", { iso2: "ES", mcc: "214", mnc: "07", network: "Movistar" }],
  ["39", { iso2: "IT", mcc: "222", mnc: "01", network: "TIM" }],
  ["31", { iso2: "NL", mcc: "204", mnc: "08", network: "KPN" }],
  ["55", { iso2: "BR", mcc: "724", mnc: "05", network: "Claro" }],
  ["52", { iso2: "MX", mcc: "334", mnc: "020", network: "Telcel" }],
  ["65", { iso2: "SG", mcc: "525", mnc: "01", network: "Singtel" }],
  ["81", { iso2: "JP", mcc: "440", mnc: "10", network: "NTT Docomo" }],
  ["86", { iso2: "CN", mcc: "460", mnc: "00", network: "China Mobile" }],
  ["27", { iso2: "ZA", mcc: "655", mnc: "01", network: "Vodacom" }]
]

const US: Country = { iso2: "US", mcc: "310", mnc: "004", network: "Verizon Wireless" }
const CA: Country = { iso2: "CA", mcc: "302", mnc: "720", network: "Rogers" }
const UNKNOWN: Country = { iso2: "", mcc: "", mnc: "", network: "" }

/** @internal */
export const countryOf = (digits: string): Country => {
  if (digits.startsWith("1")) return CANADIAN_AREA_CODES.has(digits.slice(1, 4)) ? CA : US
  for (const [prefix, country] of COUNTRIES) if (digits.startsWith(prefix)) return country
  return UNKNOWN
}
