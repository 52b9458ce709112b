/**
 * Phone numbers of the account: how a seeded number is completed, and the numbers an
 * emulator starts with.
 *
 * @internal
 */
import type { PlivoEmulator } from "../../../PlivoEmulator.js"
import { countryOf, sanitizeDestination } from "../numbers.js"

const CALLING_CODES: Readonly<Record<string, string>> = {
  US: "1", CA: "1", GB: "44", IN: "91", AU: "61", DE: "49", FR: "33", ES: "34", IT: "39", NL: "31",
  BR: "55", MX: "52", SG: "65", JP: "81", CN: "86", ZA: "27", HK: "852", AE: "971"
}

/** The number without its country code, as `starts_with` filters match it. */
export const nationalPart = (number: string, countryIso2: string): string => {
  const code = CALLING_CODES[countryIso2]
  return code !== undefined && number.startsWith(code) ? number.slice(code.length) : number
}

const isNanpTollfree = (digits: string): boolean => /^18(00|33|44|55|66|77|88)\d{7}$/.test(digits)

/** A seeded number with its defaults filled in. */
export const completeNumber = (input: PlivoEmulator.SeedNumber): PlivoEmulator.AccountNumber => {
  const number = sanitizeDestination(input.number)
  const countryIso2 = input.country_iso2 ?? countryOf(number).iso2
  const nanp = countryIso2 === "US" || countryIso2 === "CA"
  return {
    number,
    countryIso2,
    type: input.type ?? (isNanpTollfree(number) ? "tollfree" : "fixed"),
    sms: input.sms ?? true,
    mms: input.mms ?? nanp
  }
}

/**
 * What the account owns out of the box, so a client can go through the Powerpack flow
 * without seeding: two San Francisco and one New York long code (SMS and MMS), a US
 * toll-free (SMS and MMS) and a UK mobile (SMS). `14155550100` is also the sender the
 * rest of the emulator's examples use.
 */
export const defaultAccountNumbers: ReadonlyArray<PlivoEmulator.SeedNumber> = [
  { number: "14155550100", country_iso2: "US", type: "fixed", sms: true, mms: true },
  { number: "14155550101", country_iso2: "US", type: "fixed", sms: true, mms: true },
  { number: "12125550100", country_iso2: "US", type: "fixed", sms: true, mms: true },
  { number: "18005550100", country_iso2: "US", type: "tollfree", sms: true, mms: true },
  { number: "447700900100", country_iso2: "GB", type: "mobile", sms: true, mms: false }
]

/** Offered to rent out of the box (`GET PhoneNumber/`, buy-and-add). */
export const defaultAvailableNumbers: ReadonlyArray<PlivoEmulator.SeedNumber> = [
  { number: "14155550199", country_iso2: "US", type: "fixed", sms: true, mms: true },
  { number: "13125550150", country_iso2: "US", type: "fixed", sms: true, mms: true },
  { number: "18335550100", country_iso2: "US", type: "tollfree", sms: true, mms: true },
  { number: "16045550123", country_iso2: "CA", type: "fixed", sms: true, mms: true },
  { number: "447700900200", country_iso2: "GB", type: "mobile", sms: true, mms: false }
]
