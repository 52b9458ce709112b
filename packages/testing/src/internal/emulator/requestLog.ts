/**
 * The log behind `requests`: the last `capacity` requests answered, so a test server
 * answering for hours does not grow with every request it has ever seen.
 *
 * @internal
 */
import type { PlivoEmulator } from "../../PlivoEmulator.js"

/** One request the emulator answered (or dropped). */
export interface RequestRecord extends Omit<PlivoEmulator.Request, "at"> {
  readonly atMillis: number
}

/** @internal */
export interface RequestLog {
  /** Logs a request under the next sequence number, dropping the oldest beyond the capacity. */
  readonly record: (request: Omit<RequestRecord, "seq">) => void
  /** The retained requests, oldest first. */
  readonly all: () => ReadonlyArray<RequestRecord>
  readonly reset: () => void
}

/** Default of `requestLogSize`. */
export const DEFAULT_REQUEST_LOG_SIZE = 1_000

/** @internal */
export const makeRequestLog = (capacity: number): RequestLog => {
  let entries: Array<RequestRecord> = []
  // Index of the oldest entry once the log is full.
  let head = 0
  // 1 for the first request since the emulator started (or was reset); never reused.
  let seq = 0
  return {
    record: (request) => {
      const entry: RequestRecord = { ...request, seq: ++seq }
      if (capacity <= 0) return
      if (entries.length < capacity) {
        entries.push(entry)
        return
      }
      entries[head] = entry
      head = (head + 1) % capacity
    },
    all: () => [...entries.slice(head), ...entries.slice(0, head)],
    reset: () => {
      entries = []
      head = 0
      seq = 0
    }
  }
}
