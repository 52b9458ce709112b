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

const base64 = (text: string): string | undefined => {
  try {
    return btoa(text)
  } catch {
    // btoa refuses characters outside Latin-1; the UTF-8 bytes are what goes on the wire.
    let binary = ""
    for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte)
    return btoa(binary)
  }
}

/**
 * The scrubber for one account: the token, `authId:token`, and its Base64 (standard,
 * unpadded and URL-safe) that `Authorization: Basic …` carries.
 */
export const make = (authId: string, authToken: Redacted.Redacted<string>): Scrub => {
  const token = Redacted.value(authToken)
  const pair = `${authId}:${token}`
  const encoded = base64(pair)
  const forms = new Set<string>()
  if (encoded !== undefined) {
    forms.add(encoded)
    forms.add(encoded.replace(/=+$/, ""))
    forms.add(encoded.replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_"))
  }
  if (token !== "") forms.add(pair)
  if (token.length >= MIN_TOKEN) forms.add(token)
  // Longest first: the pair holds the token, so the token alone must come after it.
  const ordered = [...forms].filter((form) => form !== "").sort((a, b) => b.length - a.length)
  return (text) => {
    let out = text
    for (const form of ordered) if (out.includes(form)) out = out.split(form).join(REDACTED)
    return out
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
