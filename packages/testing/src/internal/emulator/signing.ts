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

// Code-point order, as webhooks.md and Python's `sorted` have it. UTF-8 bytes compare in
// code-point order; plain `<` compares UTF-16 code units, which puts U+1F600 before
// U+FF5E, and `localeCompare` would put "a" before "B".
const codePointOrder = (a: string, b: string): number => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"))

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

/**
 * The decoded pairs of the URL's query, read from the text (`+` and `%20` are spaces,
 * blank values kept), without `URL`, which would first rewrite the URL.
 */
const queryOf = (url: string): Array<readonly [string, string]> => {
  const match = /^[^?#]*\?([^#]*)/.exec(url)
  return match === null ? [] : [...new URLSearchParams(`&${match[1] ?? ""}`)]
}

/** The string Plivo signs, before the HMAC (exposed for tests against webhooks.md). */
export const stringToSignV3 = (input: {
  readonly method: "GET" | "POST"
  readonly url: string
  readonly params: Iterable<readonly [string, string]>
  readonly nonce: string
}): string => {
  const base = signatureBase(input.url)
  const query = toMulti(queryOf(input.url))
  const params = toMulti(input.params)
  let s: string
  if (input.method === "GET" || params.size === 0) {
    if (input.method === "GET") {
      // GET parameters travel in the URL: a key the URL's query already holds keeps the
      // URL's values (the params repeat them), as Python's `params.update(query)` does.
      for (const [k, vs] of params) if (!query.has(k)) query.set(k, vs)
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
