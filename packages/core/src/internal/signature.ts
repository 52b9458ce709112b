import { createHmac, timingSafeEqual } from "node:crypto"

/** @internal */
export type ParamValue = string | ReadonlyArray<string>

/** @internal */
export type Params = Readonly<Record<string, ParamValue>>

type Pairs = ReadonlyArray<readonly [key: string, values: ReadonlyArray<string>]>

/**
 * Orders strings by Unicode code point, as Python's `sorted` and Go's byte order do.
 * JavaScript's default sort compares UTF-16 code units, which disagrees for astral
 * characters against U+E000–U+FFFF; `localeCompare` disagrees for case (`a` < `B`).
 *
 * @internal
 */
export const compareCodePoints = (a: string, b: string): number => {
  const length = Math.min(a.length, b.length)
  for (let i = 0; i < length; i++) {
    let x = a.charCodeAt(i)
    let y = b.charCodeAt(i)
    if (x !== y) {
      // Surrogates (U+D800–U+DFFF) encode code points above U+FFFF, so they must sort
      // after U+E000–U+FFFF: lift them above that range before comparing.
      if (x >= 0xd800 && y >= 0xd800) {
        x = x >= 0xe000 ? x - 0x800 : x + 0x2000
        y = y >= 0xe000 ? y - 0x800 : y + 0x2000
      }
      return x - y
    }
  }
  return a.length - b.length
}

const sortPairs = (pairs: Map<string, ReadonlyArray<string>>): Pairs =>
  Array.from(pairs, ([key, values]) => [key, [...values].sort(compareCodePoints)] as const)
    .filter(([, values]) => values.length > 0)
    .sort(([a], [b]) => compareCodePoints(a, b))

const fromParams = (params: Params): Map<string, ReadonlyArray<string>> => {
  const map = new Map<string, ReadonlyArray<string>>()
  for (const [key, value] of Object.entries(params)) {
    map.set(key, typeof value === "string" ? [value] : value)
  }
  return map
}

/**
 * Splits a URL into `scheme://host[:port]path` and its raw query without normalising
 * anything: Plivo signs the URL exactly as configured, and WHATWG `URL` would rewrite it
 * (drop a default port, add a trailing `/` to an empty path, re-encode the path).
 *
 * @internal
 */
export const splitUrl = (url: string): { readonly base: string; readonly query: string } => {
  const hash = url.indexOf("#")
  const withoutFragment = hash === -1 ? url : url.slice(0, hash)
  const question = withoutFragment.indexOf("?")
  return question === -1
    ? { base: withoutFragment, query: "" }
    : { base: withoutFragment.slice(0, question), query: withoutFragment.slice(question + 1) }
}

/**
 * Decodes a query like Python's `parse_qs(keep_blank_values=True)`: `+` is a space,
 * blank values and keys without `=` are kept, repeated keys collect every value.
 *
 * @internal
 */
export const parseQuery = (query: string): Map<string, ReadonlyArray<string>> => {
  const map = new Map<string, Array<string>>()
  // The leading "&" stops URLSearchParams from eating a "?" that belongs to the first key.
  for (const [key, value] of new URLSearchParams(`&${query}`)) {
    const values = map.get(key)
    if (values === undefined) map.set(key, [value])
    else values.push(value)
  }
  return map
}

const sortedQuery = (pairs: Pairs): string =>
  pairs.flatMap(([key, values]) => values.map((value) => `${key}=${value}`)).join("&")

const sortedParams = (pairs: Pairs): string =>
  pairs.flatMap(([key, values]) => values.map((value) => `${key}${value}`)).join("")

/**
 * The exact string HMAC'd for a V3 signature (webhooks.md, "V3 algorithm").
 *
 * @internal
 */
export const stringToSignV3 = (input: {
  readonly method: string
  readonly url: string
  readonly params: Params
  readonly nonce: string
}): string => {
  const { base, query } = splitUrl(input.url)
  const fromUrl = parseQuery(query)
  const params = fromParams(input.params)
  let signed: string
  if (input.method.toUpperCase() === "GET") {
    // GET parameters are the URL's query again; URL values replace same-named params
    // (Python's `params.update(query)`) so nothing is counted twice.
    const merged = new Map(params)
    for (const [key, values] of fromUrl) merged.set(key, values)
    const q = sortedQuery(sortPairs(merged))
    signed = q === "" ? base : `${base}?${q}`
  } else {
    const paramPairs = sortPairs(params)
    const q = sortedQuery(sortPairs(fromUrl))
    if (paramPairs.length === 0) {
      signed = q === "" ? base : `${base}?${q}`
    } else {
      signed = `${base}?${q === "" ? "" : `${q}.`}${sortedParams(paramPairs)}`
    }
  }
  return `${signed}.${input.nonce}`
}

/**
 * The exact string HMAC'd for a V2 signature: URL without query or fragment, then the
 * nonce with no separator.
 *
 * @internal
 */
export const stringToSignV2 = (input: { readonly url: string; readonly nonce: string }): string =>
  `${splitUrl(input.url).base}${input.nonce}`

/** @internal */
export const hmacSha256Base64 = (key: string, message: string): string =>
  createHmac("sha256", Buffer.from(key, "utf8")).update(message, "utf8").digest("base64")

/**
 * Constant-time string equality. The length check comes first because
 * `timingSafeEqual` throws on unequal lengths; a signature's length is public anyway.
 */
const safeEqual = (a: string, b: string): boolean => {
  const x = Buffer.from(a, "utf8")
  const y = Buffer.from(b, "utf8")
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * Whether any comma-separated signature in `header` equals any `expected` one. Every
 * pair is compared (no early exit) so timing does not reveal which token or position
 * matched.
 *
 * @internal
 */
export const matchesAny = (header: string, expected: ReadonlyArray<string>): boolean => {
  let matched = false
  for (const candidate of header.split(",")) {
    const trimmed = candidate.trim()
    if (trimmed === "") continue
    for (const signature of expected) {
      matched = safeEqual(trimmed, signature) || matched
    }
  }
  return matched
}
