/**
 * The log behind `requests`: the last `capacity` requests answered, so a test server
 * answering for hours does not grow with every request it has ever seen.
 *
 * @internal
 */
import type { PlivoEmulator } from "../../PlivoEmulator.js"
import { makeBoundedLog } from "./boundedLog.js"

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
  const entries = makeBoundedLog<RequestRecord>(capacity)
  // 1 for the first request since the emulator started (or was reset); never reused.
  let seq = 0
  return {
    record: (request) => entries.push({ ...request, seq: ++seq }),
    all: entries.all,
    reset: () => {
      entries.clear()
      seq = 0
    }
  }
}
