import { quote } from "@plivo-effect/core/InvalidParams"

/** Longest id recorded as given; Plivo's ids (uuids, media ids) are 36 characters. */
const MAX_ID = 64

const PLAIN = /^[A-Za-z0-9._~-]+$/

/**
 * A caller's id as a span attribute. The span records it before the client checks it, and
 * attributes go to tracing backends and logs: a plain id is kept as given, anything else
 * (CR/LF, bidirectional controls, a megabyte-long string, a non-string) is quoted, escaped
 * and cut as in error messages.
 */
export const spanId = (id: unknown): string =>
  typeof id === "string" && id.length <= MAX_ID && PLAIN.test(id) ? id : quote(id, MAX_ID)
