/**
 * JSON request bodies with a nesting cap. `JSON.parse` copes with any depth, but
 * later steps that walk the value (schema issues print it) recurse and overflow the
 * stack on a body such as `[[[[…]]]]` 100,000 deep; such a body is refused first.
 *
 * @internal
 */
import * as Either from "effect/Either"

/** Far deeper than any valid send (a WhatsApp template is about 5 levels). */
export const MAX_JSON_DEPTH = 64

/** Whether brackets outside strings nest deeper than `max`. */
const nestsDeeperThan = (text: string, max: number): boolean => {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) {
      inString = true
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true
    } else if (c === 0x5d || c === 0x7d) {
      depth--
    }
  }
  return false
}

const decoder = new TextDecoder()

const parse = (text: string): unknown => JSON.parse(text)

/** The parsed body, or `Left` for anything unreadable: not JSON, or nested too deep. */
export const parseJsonBody = (bytes: Uint8Array): Either.Either<unknown, void> => {
  const text = decoder.decode(bytes)
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) return Either.left(undefined)
  return Either.try({ try: () => parse(text), catch: () => undefined })
}
