/**
 * Validation of the signatures Plivo puts on every request it makes to your URLs
 * (message status callbacks, inbound messages, compliance callbacks).
 *
 * Pure functions with no server dependency: hand them the URL Plivo was configured to
 * call, the decoded parameters and the headers, whatever framework received them.
 *
 * @since 0.1.0
 */
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as internal from "./internal/signature.js"

/**
 * An Auth Token, plain or wrapped in `Redacted` so it stays out of logs.
 *
 * @since 0.1.0
 * @category models
 */
export type AuthToken = string | Redacted.Redacted<string>

/**
 * One or more Auth Tokens (main account and/or subaccounts); a signature made with
 * any of them is accepted.
 *
 * @since 0.1.0
 * @category models
 */
export type AuthTokens = readonly [AuthToken, ...Array<AuthToken>]

/**
 * Decoded request parameters: POST form fields, or for GET the query parameters.
 * A repeated field is an array.
 *
 * @since 0.1.0
 * @category models
 */
export type Params = Readonly<Record<string, string | ReadonlyArray<string>>>

/**
 * Request headers as most Node frameworks expose them (any case of names).
 *
 * @since 0.1.0
 * @category models
 */
export type Headers = Readonly<Record<string, string | ReadonlyArray<string> | undefined>>

/**
 * V3 signature made with the token of the account or subaccount owning the event.
 *
 * @example
 * ```ts
 * import { PlivoSignature } from "@plivo-effect/core"
 * import type { IncomingHttpHeaders } from "node:http"
 *
 * declare const headers: IncomingHttpHeaders // `req.headers` in a node:http handler
 * PlivoSignature.getHeader(headers, PlivoSignature.HeaderV3)
 * ```
 * @since 0.1.0
 * @category headers
 */
export const HeaderV3 = "x-plivo-signature-v3"

/**
 * V3 signature always made with the main account's token.
 *
 * @example
 * ```ts
 * import { PlivoSignature } from "@plivo-effect/core"
 * import type { IncomingHttpHeaders } from "node:http"
 *
 * declare const headers: IncomingHttpHeaders // `req.headers` in a node:http handler
 * PlivoSignature.getHeader(headers, PlivoSignature.HeaderMaV3)
 * ```
 * @since 0.1.0
 * @category headers
 */
export const HeaderMaV3 = "x-plivo-signature-ma-v3"

/**
 * Nonce covered by both V3 signatures.
 *
 * @example
 * ```ts
 * import { PlivoSignature } from "@plivo-effect/core"
 * import type { IncomingHttpHeaders } from "node:http"
 *
 * declare const headers: IncomingHttpHeaders // `req.headers` in a node:http handler
 * PlivoSignature.getHeader(headers, PlivoSignature.HeaderV3Nonce)
 * ```
 * @since 0.1.0
 * @category headers
 */
export const HeaderV3Nonce = "x-plivo-signature-v3-nonce"

/**
 * Legacy V2 signature (account or subaccount token).
 *
 * @example
 * ```ts
 * import { PlivoSignature } from "@plivo-effect/core"
 * import type { IncomingHttpHeaders } from "node:http"
 *
 * declare const headers: IncomingHttpHeaders // `req.headers` in a node:http handler
 * PlivoSignature.getHeader(headers, PlivoSignature.HeaderV2)
 * ```
 * @since 0.1.0
 * @category headers
 */
export const HeaderV2 = "x-plivo-signature-v2"

/**
 * Legacy V2 signature made with the main account's token.
 *
 * @example
 * ```ts
 * import { PlivoSignature } from "@plivo-effect/core"
 * import type { IncomingHttpHeaders } from "node:http"
 *
 * declare const headers: IncomingHttpHeaders // `req.headers` in a node:http handler
 * PlivoSignature.getHeader(headers, PlivoSignature.HeaderMaV2)
 * ```
 * @since 0.1.0
 * @category headers
 */
export const HeaderMaV2 = "x-plivo-signature-ma-v2"

/**
 * Nonce covered by both V2 signatures.
 *
 * @example
 * ```ts
 * import { PlivoSignature } from "@plivo-effect/core"
 * import type { IncomingHttpHeaders } from "node:http"
 *
 * declare const headers: IncomingHttpHeaders // `req.headers` in a node:http handler
 * PlivoSignature.getHeader(headers, PlivoSignature.HeaderV2Nonce)
 * ```
 * @since 0.1.0
 * @category headers
 */
export const HeaderV2Nonce = "x-plivo-signature-v2-nonce"

const reveal = (token: AuthToken): string => (typeof token === "string" ? token : Redacted.value(token))

/**
 * Reads a header by case-insensitive name. Repeated headers (array values or the same
 * name in several cases) are joined with `,`, as HTTP combines repeated fields; for
 * signature headers that keeps every candidate.
 *
 * @example
 * ```ts
 * import { PlivoSignature } from "@plivo-effect/core"
 *
 * PlivoSignature.getHeader({ "X-Plivo-Signature-V3-Nonce": "123" }, PlivoSignature.HeaderV3Nonce)
 * // Option.some("123")
 * ```
 * @since 0.1.0
 * @category headers
 */
export const getHeader = (headers: Headers, name: string): Option.Option<string> => {
  const wanted = name.toLowerCase()
  const values: Array<string> = []
  for (const [key, value] of Object.entries(headers)) {
    if (value === undefined || key.toLowerCase() !== wanted) continue
    if (typeof value === "string") values.push(value)
    else values.push(...value)
  }
  return values.length === 0 ? Option.none() : Option.some(values.join(","))
}

/** True when the header holds the signature of `message` under any of the tokens. */
const signedByAny = (signature: string, tokens: AuthTokens, message: string): boolean =>
  internal.matchesAny(signature, tokens.map((token) => internal.hmacSha256Base64(reveal(token), message)))

/** The values of those headers that are present; each may hold several signatures. */
const signaturesIn = (headers: Headers, names: ReadonlyArray<string>): ReadonlyArray<string> =>
  names.flatMap((name) => Option.toArray(getHeader(headers, name)))

/**
 * Computes the V3 signature Plivo would send for a request.
 *
 * `url` is the URL exactly as configured at Plivo (scheme, public host, port, path and
 * query), not the one seen behind a proxy. `params` are the decoded form fields (POST)
 * or query parameters (GET; those already in `url` are not counted twice). A method
 * other than `GET` (case-insensitive) is signed as `POST`.
 *
 * @example
 * ```ts
 * import { PlivoSignature } from "@plivo-effect/core"
 *
 * const signature = PlivoSignature.computeV3({
 *   method: "POST",
 *   url: "https://example.com/plivo/inbound",
 *   params: { From: "14155550100", To: "14155550111", Text: "hi" },
 *   nonce: "31627761595286130198",
 *   authToken: process.env.PLIVO_AUTH_TOKEN ?? ""
 * })
 * ```
 * @since 0.1.0
 * @category signing
 */
export const computeV3 = (options: {
  readonly method: string
  readonly url: string
  readonly params: Params
  readonly nonce: string
  readonly authToken: AuthToken
}): string => internal.hmacSha256Base64(reveal(options.authToken), internal.stringToSignV3(options))

/**
 * Checks a V3 signature header (`X-Plivo-Signature-V3` or `-Ma-V3`). The header may
 * hold several comma-separated signatures (token rotation); the request is valid when
 * any of them matches the signature computed with any of `authTokens`. Comparison is
 * constant-time.
 *
 * @example
 * ```ts
 * import { PlivoSignature } from "@plivo-effect/core"
 * import * as Option from "effect/Option"
 * import * as Redacted from "effect/Redacted"
 * import type { IncomingHttpHeaders } from "node:http"
 *
 * declare const headers: IncomingHttpHeaders // `req.headers` in a node:http handler
 * declare const form: PlivoSignature.Params // its decoded form body
 * declare const mainToken: string
 * declare const subaccountToken: string
 *
 * const nonce = PlivoSignature.getHeader(headers, PlivoSignature.HeaderV3Nonce)
 * const signature = PlivoSignature.getHeader(headers, PlivoSignature.HeaderV3)
 * const valid = Option.isSome(nonce) && Option.isSome(signature) && PlivoSignature.verifyV3({
 *   method: "POST",
 *   url: "https://example.com/plivo/inbound",
 *   params: form,
 *   nonce: nonce.value,
 *   signature: signature.value,
 *   authTokens: [Redacted.make(mainToken), subaccountToken]
 * })
 * ```
 * @since 0.1.0
 * @category verification
 */
export const verifyV3 = (options: {
  readonly method: string
  readonly url: string
  readonly params: Params
  readonly nonce: string
  readonly signature: string
  readonly authTokens: AuthTokens
}): boolean => {
  return signedByAny(options.signature, options.authTokens, internal.stringToSignV3(options))
}

/**
 * Computes the legacy V2 signature: the URL without query string, followed directly by
 * the nonce. Parameters are not covered, so prefer V3 when Plivo sends it.
 *
 * @example
 * ```ts
 * import { PlivoSignature } from "@plivo-effect/core"
 *
 * PlivoSignature.computeV2({ url: "https://answer.url", nonce: "12345", authToken: "my_auth_token" })
 * // "ehV3IKhLysWBxC1sy8INm0qGoQYdYsHwuoKjsX7FsXc="
 * ```
 * @since 0.1.0
 * @category signing
 */
export const computeV2 = (options: {
  readonly url: string
  readonly nonce: string
  readonly authToken: AuthToken
}): string => internal.hmacSha256Base64(reveal(options.authToken), internal.stringToSignV2(options))

/**
 * Checks a legacy V2 signature header (`X-Plivo-Signature-V2` or `-Ma-V2`) against any
 * of `authTokens`; comma-separated signatures are accepted as for V3.
 *
 * @example
 * ```ts
 * import { PlivoSignature } from "@plivo-effect/core"
 *
 * PlivoSignature.verifyV2({
 *   url: "https://answer.url",
 *   nonce: "12345",
 *   signature: "ehV3IKhLysWBxC1sy8INm0qGoQYdYsHwuoKjsX7FsXc=",
 *   authTokens: ["my_auth_token"]
 * }) // true
 * ```
 * @since 0.1.0
 * @category verification
 */
export const verifyV2 = (options: {
  readonly url: string
  readonly nonce: string
  readonly signature: string
  readonly authTokens: AuthTokens
}): boolean => {
  return signedByAny(options.signature, options.authTokens, internal.stringToSignV2(options))
}

/**
 * Verifies a request from its headers, as webhooks.md recommends: valid when either
 * `X-Plivo-Signature-V3` or `X-Plivo-Signature-Ma-V3` verifies against any token.
 *
 * V2 is consulted only when `allowV2Fallback` is `true` **and** no V3 signature header
 * was sent. It is off by default because V2 does not cover the parameters: anyone who
 * has seen one signed request to the URL could replay its V2 headers with a forged body,
 * and accepting V2 next to V3 would let them strip the V3 headers to get there.
 *
 * @example
 * ```ts
 * import { PlivoSignature } from "@plivo-effect/core"
 * import type { IncomingMessage } from "node:http"
 *
 * declare const req: IncomingMessage // a node:http request
 * declare const form: PlivoSignature.Params // its decoded form body
 * declare const mainToken: string
 * declare const subaccountToken: string
 *
 * const valid = PlivoSignature.verifyRequest({
 *   method: req.method ?? "POST",
 *   url: "https://example.com/plivo/inbound",
 *   params: form,
 *   headers: req.headers,
 *   authTokens: [mainToken, subaccountToken]
 * })
 * ```
 * @since 0.1.0
 * @category verification
 */
export const verifyRequest = (options: {
  readonly method: string
  readonly url: string
  readonly params: Params
  readonly headers: Headers
  readonly authTokens: AuthTokens
  readonly allowV2Fallback?: boolean
}): boolean => {
  const v3 = signaturesIn(options.headers, [HeaderV3, HeaderMaV3])
  if (v3.length > 0) {
    const nonce = getHeader(options.headers, HeaderV3Nonce)
    return Option.isSome(nonce) && verifyV3({
      method: options.method,
      url: options.url,
      params: options.params,
      nonce: nonce.value,
      signature: v3.join(","),
      authTokens: options.authTokens
    })
  }
  if (options.allowV2Fallback !== true) return false
  const v2 = signaturesIn(options.headers, [HeaderV2, HeaderMaV2])
  const nonce = getHeader(options.headers, HeaderV2Nonce)
  return v2.length > 0 && Option.isSome(nonce) && verifyV2({
    url: options.url,
    nonce: nonce.value,
    signature: v2.join(","),
    authTokens: options.authTokens
  })
}
