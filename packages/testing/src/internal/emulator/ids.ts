/**
 * Identifiers and secrets. They come from node:crypto rather than Effect's `Random`
 * because they must differ between emulators even when fault draws are seeded.
 *
 * @internal
 */
import { randomBytes, randomUUID } from "node:crypto"

const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
const ALNUM = UPPER_ALNUM + "abcdefghijklmnopqrstuvwxyz"
const DIGITS = "0123456789"

const draw = (alphabet: string, length: number): string => {
  let out = ""
  for (const byte of randomBytes(length)) out += alphabet.charAt(byte % alphabet.length)
  return out
}

/** A main-account Auth ID: `MA` + 18 upper-case alphanumerics (overview.md). */
export const generateAuthId = (): string => "MA" + draw(UPPER_ALNUM, 18)

/** A 40-character alphanumeric Auth Token. */
export const generateAuthToken = (): string => draw(ALNUM, 40)

/** @internal */
export const uuid = (): string => randomUUID()

/** A 20-digit nonce, the shape Plivo uses in `X-Plivo-Signature-V3-Nonce`. */
export const nonce = (): string => draw(DIGITS, 20)

/** @internal */
export const hexId = (length: number): string => draw("0123456789abcdef", length)

/** A TCR-style id: `prefix` then upper-case alphanumerics, 7 characters in all (`BCDEF1G`). */
export const tcrId = (prefix: string): string => prefix + draw(UPPER_ALNUM, 7 - prefix.length)
