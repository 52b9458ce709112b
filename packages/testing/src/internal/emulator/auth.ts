/**
 * HTTP Basic authentication against the emulator's single account (overview.md).
 *
 * @internal
 */
import { createHash, timingSafeEqual } from "node:crypto"

/** Why a request was refused, as the 401 `error` text. */
export type AuthFailure = string

// Standard base64 (RFC 4648 §4) with its padding, as every Plivo SDK sends it; the
// URL-safe alphabet and unpadded forms are refused like any other garbled header.
const BASIC = /^Basic +(\S+) *$/i
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

const decodeStrict = (encoded: string): string | undefined => {
  if (encoded.length % 4 !== 0 || !BASE64.test(encoded)) return undefined
  const bytes = Buffer.from(encoded, "base64")
  // Node's decoder skips what it cannot read; a round trip shows nothing was skipped.
  return bytes.toString("base64") === encoded ? bytes.toString("utf8") : undefined
}

// Digests have one length whatever the inputs, so the comparison takes the same time
// however much of a guess is right (and timingSafeEqual's equal-length rule holds).
const digest = (s: string): Buffer => createHash("sha256").update(s, "utf8").digest()

const safeEqual = (a: string, b: string): boolean => timingSafeEqual(digest(a), digest(b))

/** Checks `Authorization` and that the path's `{auth_id}` is the authenticated one. */
export const authenticate = (
  header: string | undefined,
  pathAuthId: string,
  account: { readonly authId: string; readonly authToken: string }
): AuthFailure | undefined => {
  const match = header === undefined ? null : BASIC.exec(header)
  if (match === null) return "authentication credentials were not provided"
  const decoded = decodeStrict(match[1] ?? "")
  if (decoded === undefined) return "authentication failed"
  const colon = decoded.indexOf(":")
  const id = colon < 0 ? decoded : decoded.slice(0, colon)
  const token = colon < 0 ? "" : decoded.slice(colon + 1)
  // Both checks always run, so the answer's timing does not tell which one failed.
  const idOk = safeEqual(id, account.authId)
  const tokenOk = safeEqual(token, account.authToken)
  if (!idOk || !tokenOk) return "authentication failed"
  if (pathAuthId !== id) return "auth_id in the URL does not match the authenticated account"
  return undefined
}
