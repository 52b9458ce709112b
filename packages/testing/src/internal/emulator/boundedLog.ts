/**
 * The last `capacity` entries of something an emulator records for inspection (requests
 * answered, callbacks attempted), so a test server running for hours does not grow with
 * every entry it has ever seen.
 *
 * @internal
 */

/** Default of `callbackLogSize`: the callback records each resource family keeps. */
export const DEFAULT_CALLBACK_LOG_SIZE = 1_000

/** @internal */
export interface BoundedLog<A> {
  /** Adds an entry, dropping the oldest beyond the capacity. */
  readonly push: (entry: A) => void
  /** The retained entries, oldest first. */
  readonly all: () => ReadonlyArray<A>
  readonly clear: () => void
}

/** A log of `capacity` entries: `0` keeps none, `Infinity` keeps all. */
export const makeBoundedLog = <A>(capacity: number): BoundedLog<A> => {
  let entries: Array<A> = []
  // Index of the oldest entry once the log is full.
  let head = 0
  return {
    push: (entry) => {
      if (capacity <= 0) return
      if (entries.length < capacity) {
        entries.push(entry)
        return
      }
      entries[head] = entry
      head = (head + 1) % capacity
    },
    all: () => [...entries.slice(head), ...entries.slice(0, head)],
    clear: () => {
      entries = []
      head = 0
    }
  }
}
