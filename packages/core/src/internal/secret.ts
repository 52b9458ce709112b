import * as Predicate from "effect/Predicate"
import * as Redacted from "effect/Redacted"

/** Removes the Auth Token, in every form a server could echo it, from a text. */
export type Scrub = (text: string) => string

const REDACTED = "<redacted>"

/**
 * A token this short is not a real Plivo Auth Token (those have 40 characters); replacing
 * it alone would mangle ordinary words of a message, so only its longer encodings are.
 */
const MIN_TOKEN = 8

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

/** As `HttpClientRequest.basicAuth` encodes (`btoa`, Latin-1), else the UTF-8 bytes. */
const base64 = (text: string): string => {
  try {
    return btoa(text)
  } catch {
    let binary = ""
    for (const byte of utf8(text)) binary += String.fromCharCode(byte)
    return btoa(binary)
  }
}

const hex = (text: string): string => {
  let out = ""
  for (const byte of utf8(text)) out += byte.toString(16).padStart(2, "0")
  return out
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/** JSON's and JavaScript's escapes a server may write the credential with: `\u002F`, `\/`. */
const ESCAPE = /\\(?:u([0-9a-fA-F]{4})|\/)/g

const unescapeText = (text: string): string =>
  text.includes("\\")
    ? text.replace(ESCAPE, (_, code: string | undefined) => (code === undefined ? "/" : String.fromCharCode(parseInt(code, 16))))
    : text

/**
 * The scrubber for one account. What a server (or a proxy) may echo of the request: the
 * token, `authId:token`, and the Base64 of the pair that `Authorization: Basic …` carries
 * (standard, unpadded, URL-safe), each also percent-encoded (a query string, a
 * `Location`) and in hex (a byte dump). Matching ignores case, so a lower-cased header or
 * upper-case hex is caught too, and runs over the text with `\uXXXX` and `\/` escapes
 * decoded. The forms and their pattern are built here once per client; a text is
 * scrubbed only when an error is built from it.
 */
export const make = (authId: string, authToken: Redacted.Redacted<string>): Scrub => {
  const token = Redacted.value(authToken)
  const pair = `${authId}:${token}`
  const encoded = base64(pair)
  const unpadded = encoded.replace(/=+$/, "")
  const plain = [encoded, unpadded, unpadded.replace(/\+/g, "-").replace(/\//g, "_")]
  if (token !== "") plain.push(pair)
  if (token.length >= MIN_TOKEN) plain.push(token)
  const forms = new Set<string>()
  for (const form of plain) {
    forms.add(form)
    forms.add(encodeURIComponent(form))
  }
  forms.add(hex(unpadded))
  if (token !== "") forms.add(hex(pair))
  if (token.length >= MIN_TOKEN) forms.add(hex(token))
  // Longest first: the pair holds the token, so the token alone must come after it.
  const ordered = [...forms].filter((form) => form !== "").sort((a, b) => b.length - a.length)
  const source = ordered.map(escapeRegExp).join("|")
  const holds = new RegExp(source, "i")
  const every = new RegExp(source, "gi")
  return (text) => {
    const decoded = unescapeText(text)
    // Only a text that holds the credential is rewritten; any other keeps its escapes.
    return holds.test(decoded) ? decoded.replace(every, REDACTED) : text
  }
}

const COPIED = ["code", "errno", "syscall", "address", "port", "hostname"] as const

/**
 * A copy of an underlying failure that is safe to keep and print: an `Error` with the
 * scrubbed message, name and stack, its network fields (`code`, `syscall`, …) and, a few
 * levels deep, its own `cause` and `errors`. Nothing of the original is referenced, so an
 * authenticated request hanging off it is left behind.
 */
export const copyCause = (cause: unknown, scrub: Scrub, depth = 0): unknown => {
  if (typeof cause === "string") return scrub(cause)
  if (!Predicate.isObject(cause)) return cause
  const read = (key: string): unknown => (Predicate.hasProperty(cause, key) ? cause[key] : undefined)
  const message = read("message")
  const copy = new Error(scrub(typeof message === "string" ? message : Object.prototype.toString.call(cause)))
  const name = read("name")
  if (typeof name === "string") copy.name = scrub(name)
  const stack = read("stack")
  copy.stack = typeof stack === "string" ? scrub(stack) : `${copy.name}: ${copy.message}`
  const fields: Record<string, unknown> = {}
  for (const key of COPIED) {
    const value = read(key)
    if (typeof value === "string") fields[key] = scrub(value)
    else if (typeof value === "number") fields[key] = value
  }
  if (depth < 4) {
    const inner = read("cause")
    if (inner !== undefined) fields.cause = copyCause(inner, scrub, depth + 1)
    const errors = read("errors")
    if (Array.isArray(errors)) fields.errors = errors.slice(0, 8).map((e: unknown) => copyCause(e, scrub, depth + 1))
  }
  return Object.assign(copy, fields)
}
