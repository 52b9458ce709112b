/**
 * Whether `text` holds a character that `URL` silently cleans away or rewrites: controls
 * (C0, DEL, C1), any whitespace, or a backslash (read as `/` in http URLs). Text holding
 * one parses to a URL other than the one written.
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
