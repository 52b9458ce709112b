/**
 * Checking URLs a caller hands to Plivo (status callbacks, media, webhook bases) before
 * anything is sent. `URL` silently cleans or rewrites some text, so a check through it
 * alone accepts strings that Plivo would read as another URL, or refuse.
 *
 * @since 0.1.0
 */

/**
 * Whether `text` holds a character that `URL` silently cleans away or rewrites: controls
 * (C0, DEL, C1), any whitespace, or a backslash (read as `/` in http URLs). Text holding
 * one parses to a URL other than the one written.
 *
 * @since 0.1.0
 * @category guards
 * @example
 * ```ts
 * import { HttpUrl } from "@plivo-effect/core"
 *
 * HttpUrl.hasUnsafeUrlChar("https://example.com/a b") // true
 * ```
 */
export const hasUnsafeUrlChar = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code <= 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x5c) return true
  }
  return /\s/u.test(text)
}

/**
 * An absolute http(s) URL exactly as written: the scheme (any case) followed by `//` and
 * a host, nothing `URL` would clean, and parseable. Refuses `http:evil.example`,
 * ` https://x`, `https:\\evil`, `https:///x` and the like, which `URL` accepts.
 *
 * @since 0.1.0
 * @category guards
 * @example
 * ```ts
 * import { HttpUrl } from "@plivo-effect/core"
 *
 * HttpUrl.isCleanHttpUrl("https://hooks.example.com/plivo") // true
 * HttpUrl.isCleanHttpUrl("http:evil.example") // false
 * ```
 */
export const isCleanHttpUrl = (value: unknown): value is string => {
  if (typeof value !== "string" || hasUnsafeUrlChar(value)) return false
  if (!/^https?:\/\/[^/?#]/i.test(value)) return false
  try {
    const url = new URL(value)
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== ""
  } catch {
    return false
  }
}
