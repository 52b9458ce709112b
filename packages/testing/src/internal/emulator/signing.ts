/**
 * Plivo's V3 request signature (webhooks.md), written from the algorithm rather than
 * taken from core so that the emulator checks the SDK's verifier independently.
 *
 * @internal
 */
import { createHmac } from "node:crypto"

type Multi = ReadonlyMap<string, ReadonlyArray<string>>

const toMulti = (pairs: Iterable<readonly [string, string]>): Map<string, Array<string>> => {
  const out = new Map<string, Array<string>>()
  for (const [k, v] of pairs) {
    const values = out.get(k)
    if (values === undefined) out.set(k, [v])
    else values.push(v)
  }
  return out
}

// Plain `<` on strings compares UTF-16 code units, i.e. code-point order for the
// ASCII keys Plivo uses; `localeCompare` would put "a" before "B".
const codePointOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

const sortedEntries = (map: Multi): Array<readonly [string, string]> =>
  [...map.keys()].sort(codePointOrder).flatMap((k) =>
    [...(map.get(k) ?? [])].sort(codePointOrder).map((v) => [k, v] as const)
  )

const sortedQuery = (map: Multi): string => sortedEntries(map).map(([k, v]) => `${k}=${v}`).join("&")

const sortedParams = (map: Multi): string => sortedEntries(map).map(([k, v]) => k + v).join("")

/**
 * `scheme://host[:port]path` exactly as configured: the SDK verifiers take it from the
 * URL text (python's `urlparse`), so `https://answer.url` stays without a `/`.
 */
export const signatureBase = (url: string): string => /^[^?#]*/.exec(url)?.[0] ?? url

/** The string Plivo signs, before the HMAC (exposed for tests against webhooks.md). */
export const stringToSignV3 = (input: {
  readonly method: "GET" | "POST"
  readonly url: string
  readonly params: Iterable<readonly [string, string]>
  readonly nonce: string
}): string => {
  const base = signatureBase(input.url)
  const query = toMulti(new URL(input.url).searchParams)
  const params = toMulti(input.params)
  let s: string
  if (input.method === "GET" || params.size === 0) {
    if (input.method === "GET") {
      for (const [k, vs] of params) query.set(k, [...(query.get(k) ?? []), ...vs])
    }
    const q = sortedQuery(query)
    s = base + (q === "" ? "" : "?" + q)
  } else {
    s = base + "?" + (query.size > 0 ? sortedQuery(query) + "." : "") + sortedParams(params)
  }
  return s + "." + input.nonce
}

/** `base64(HMAC-SHA256(authToken, stringToSign))`. */
export const signV3 = (input: {
  readonly method: "GET" | "POST"
  readonly url: string
  readonly params: Iterable<readonly [string, string]>
  readonly nonce: string
  readonly authToken: string
}): string => createHmac("sha256", input.authToken).update(stringToSignV3(input), "utf8").digest("base64")
