/**
 * The messages' memory. Messages live in one array sorted by (time, insertion order),
 * so a `GET Message/` window is two binary searches and a page is a slice: the cost of
 * a page does not grow with its offset, even over 100,000s of seeded messages.
 *
 * Everything here is synchronous and mutable; callers wrap it in `Effect.sync`, which
 * keeps each operation atomic on Node's single thread.
 *
 * @internal
 */
import { makeBoundedLog } from "../boundedLog.js"
import type { CallbackRecord, MessageRecord } from "./model.js"

/** A bound on `message_time`; `inclusive` distinguishes `__gte` from `__gt`. */
export interface TimeBound {
  readonly micros: number
  readonly inclusive: boolean
}

/** One page of a newest-first listing. */
export interface Page<A> {
  readonly items: ReadonlyArray<A>
  readonly hasMore: boolean
}

/** @internal */
export interface MessageStore {
  readonly nextSeq: () => number
  readonly insertMessage: (message: MessageRecord) => void
  readonly insertMessages: (messages: ReadonlyArray<MessageRecord>) => void
  readonly message: (uuid: string) => MessageRecord | undefined
  readonly messageCount: () => number
  readonly sent: () => ReadonlyArray<MessageRecord>
  readonly recordSent: (message: MessageRecord) => void
  readonly listMessages: (options: {
    readonly lower: TimeBound | undefined
    readonly upper: TimeBound | undefined
    readonly filter: ((message: MessageRecord) => boolean) | undefined
    readonly offset: number
    readonly limit: number
  }) => Page<MessageRecord>
  readonly recordCallback: (callback: CallbackRecord) => void
  readonly callbacks: () => ReadonlyArray<CallbackRecord>
  readonly reset: () => void
}

/** First index whose time satisfies `time > micros` (or `>=` when `orEqual`). */
const searchTime = (messages: ReadonlyArray<MessageRecord>, micros: number, orEqual: boolean): number => {
  let lo = 0
  let hi = messages.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const t = messages[mid]?.timeMicros ?? Number.POSITIVE_INFINITY
    if (orEqual ? t >= micros : t > micros) hi = mid
    else lo = mid + 1
  }
  return lo
}

const byTimeThenSeq = (a: MessageRecord, b: MessageRecord): number =>
  a.timeMicros - b.timeMicros || a.seq - b.seq

/** @internal */
export const makeMessageStore = (callbackLogSize: number): MessageStore => {
  let seq = 0
  let byTime: Array<MessageRecord> = []
  let byUuid = new Map<string, MessageRecord>()
  let sent: Array<MessageRecord> = []
  const callbacks = makeBoundedLog<CallbackRecord>(callbackLogSize)

  const insertMessages = (incoming: ReadonlyArray<MessageRecord>): void => {
    const sorted = [...incoming].sort(byTimeThenSeq)
    for (const m of sorted) byUuid.set(m.uuid, m)
    const last = byTime[byTime.length - 1]
    const first = sorted[0]
    if (first === undefined) return
    if (last === undefined || byTimeThenSeq(last, first) <= 0) {
      for (const m of sorted) byTime.push(m)
      return
    }
    const merged: Array<MessageRecord> = []
    let i = 0
    let j = 0
    while (i < byTime.length || j < sorted.length) {
      const a = byTime[i]
      const b = sorted[j]
      if (b === undefined || (a !== undefined && byTimeThenSeq(a, b) <= 0)) {
        if (a !== undefined) merged.push(a)
        i++
      } else {
        merged.push(b)
        j++
      }
    }
    byTime = merged
  }

  return {
    nextSeq: () => ++seq,
    insertMessage: (m) => {
      byUuid.set(m.uuid, m)
      // A new record has the highest seq, so it goes after every equal timestamp.
      byTime.splice(searchTime(byTime, m.timeMicros, false), 0, m)
    },
    insertMessages,
    message: (uuid) => byUuid.get(uuid),
    messageCount: () => byTime.length,
    sent: () => sent.slice(),
    recordSent: (m) => {
      sent.push(m)
    },
    listMessages: ({ filter, limit, lower, offset, upper }) => {
      const lo = lower === undefined ? 0 : searchTime(byTime, lower.micros, lower.inclusive)
      const hi = upper === undefined ? byTime.length : searchTime(byTime, upper.micros, !upper.inclusive)
      if (filter === undefined) {
        const items: Array<MessageRecord> = []
        for (let i = hi - 1 - offset; i >= lo && items.length < limit; i--) {
          const m = byTime[i]
          if (m !== undefined) items.push(m)
        }
        return { items, hasMore: hi - lo > offset + limit }
      }
      // Field filters cannot be answered from the time index: walk the window newest
      // first. Cost grows with the offset here, unlike the unfiltered path.
      const items: Array<MessageRecord> = []
      let skipped = 0
      for (let i = hi - 1; i >= lo; i--) {
        const m = byTime[i]
        if (m === undefined || !filter(m)) continue
        if (skipped < offset) {
          skipped++
          continue
        }
        if (items.length === limit) return { items, hasMore: true }
        items.push(m)
      }
      return { items, hasMore: false }
    },
    recordCallback: callbacks.push,
    callbacks: callbacks.all,
    reset: () => {
      byTime = []
      byUuid = new Map()
      sent = []
      callbacks.clear()
    }
  }
}
