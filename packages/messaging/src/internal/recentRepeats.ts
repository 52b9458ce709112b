import * as Stream from "effect/Stream"

/**
 * Drops an item whose key is among the last `window` keys emitted. With a pinned upper
 * bound offsets cannot move, but a clock skewed against Plivo's or a late-written record
 * could still slip a row in above the walk and push a row already seen onto the next
 * page; this keeps such a row from being emitted twice at bounded memory.
 */
export const dropRecentRepeats = <A, E, R>(
  stream: Stream.Stream<A, E, R>,
  key: (a: A) => string,
  window: number
): Stream.Stream<A, E, R> =>
  Stream.suspend(() => {
    const recent = new Set<string>()
    const order: Array<string> = []
    return Stream.filter(stream, (item) => {
      const k = key(item)
      if (recent.has(k)) return false
      recent.add(k)
      order.push(k)
      const evicted = order.length > window ? order.shift() : undefined
      if (evicted !== undefined) recent.delete(evicted)
      return true
    })
  })
