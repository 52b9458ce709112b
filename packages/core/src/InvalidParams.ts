/**
 * Helpers for the text of an `InvalidParamsError`. Such an error repeats what the caller
 * passed, and that input may be hostile or huge: an id holding CR/LF would forge a log
 * line, a megabyte-long one would make a megabyte-long message. Every SDK package quotes
 * caller input through `quote`.
 *
 * @since 0.1.0
 */

/**
 * The longest quoted excerpt, counted in output characters (escapes included), before the
 * ellipsis.
 *
 * @since 0.1.0
 * @category constants
 */
export const MAX_QUOTED = 100

// Characters that would let an echoed value break, hide or reorder the text around it:
// C0/C1 controls, DEL, the Unicode line and paragraph separators, and the bidirectional
// overrides and isolates ("Trojan Source").
const isUnsafe = (code: number): boolean =>
  code <= 0x1f || (code >= 0x7f && code <= 0x9f) || code === 0x200e || code === 0x200f ||
  code === 0x2028 || code === 0x2029 || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) ||
  // A lone surrogate cannot be printed faithfully; it is shown as its code unit.
  (code >= 0xd800 && code <= 0xdfff)

const SHORT: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" }
const QUOTING: Readonly<Record<string, string>> = { "\"": "\\\"", "\\": "\\\\" }

// Inside quotes, `"` and `\` are escaped too; JSON text of other values is already quoted.
const escapeChar = (char: string, quoted: boolean): string => {
  const short = SHORT[char] ?? (quoted ? QUOTING[char] : undefined)
  if (short !== undefined) return short
  const code = char.codePointAt(0) ?? 0
  return isUnsafe(code) ? `\\u${code.toString(16).padStart(4, "0")}` : char
}

const render = (value: unknown): { readonly text: string; readonly quoted: boolean } => {
  if (typeof value === "string") return { text: value, quoted: true }
  if (typeof value === "bigint") return { text: `${value}n`, quoted: false }
  if (typeof value !== "object" || value === null) return { text: String(value), quoted: false }
  try {
    return { text: JSON.stringify(value) ?? String(value), quoted: false }
  } catch {
    return { text: Object.prototype.toString.call(value), quoted: false }
  }
}

/**
 * Caller input, made safe to repeat in an error message: a string is JSON-quoted, every
 * control, line-breaking or bidirectional character is escaped, and the result is cut at
 * `max` characters with an ellipsis. Other values are shown as JSON (or `String`), with the
 * same escaping and bound.
 *
 * @since 0.1.0
 * @category formatting
 * @example
 * ```ts
 * import { InvalidParams } from "@plivo-effect/core"
 *
 * InvalidParams.quote("abc\r\nINFO forged")
 * // "\"abc\\r\\nINFO forged\""
 * ```
 */
export const quote = (value: unknown, max: number = MAX_QUOTED): string => {
  const { quoted, text } = render(value)
  let out = ""
  let cut = false
  for (const char of text) {
    const escaped = escapeChar(char, quoted)
    if (out.length + escaped.length > max) {
      cut = true
      break
    }
    out += escaped
  }
  return quoted ? `"${out}"${cut ? "…" : ""}` : `${out}${cut ? "…" : ""}`
}
