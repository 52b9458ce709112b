/**
 * HTTP Basic authentication against the emulator's single account (overview.md).
 *
 * @internal
 */

/** Why a request was refused, as the 401 `error` text. */
export type AuthFailure = string

/** Checks `Authorization` and that the path's `{auth_id}` is the authenticated one. */
export const authenticate = (
  header: string | undefined,
  pathAuthId: string,
  account: { readonly authId: string; readonly authToken: string }
): AuthFailure | undefined => {
  const match = header === undefined ? null : /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header)
  if (match === null) return "authentication credentials were not provided"
  const decoded = Buffer.from(match[1] ?? "", "base64").toString("utf8")
  const colon = decoded.indexOf(":")
  const id = colon < 0 ? decoded : decoded.slice(0, colon)
  const token = colon < 0 ? "" : decoded.slice(colon + 1)
  if (id !== account.authId || token !== account.authToken) return "authentication failed"
  if (pathAuthId !== id) return "auth_id in the URL does not match the authenticated account"
  return undefined
}
