/**
 * The last `capacity` distinct keys added, oldest forgotten first: O(1) per lookup and per
 * add, and never more than `capacity` keys held, however long the stream that feeds it.
 */
export class RecentKeys {
  private readonly keys = new Set<string>()
  // The same keys in the order they were added, so the oldest is found without a scan
  // (deleting from the front of a `Set` leaves holes its next iteration must skip).
  private readonly ring: Array<string | undefined>
  private next = 0

  constructor(readonly capacity: number) {
    this.ring = new Array<string | undefined>(capacity).fill(undefined)
  }

  /** How many keys are held: at most `capacity`. */
  get size(): number {
    return this.keys.size
  }

  /** Adds `key` unless it is held; true when it was new. */
  add(key: string): boolean {
    if (this.keys.has(key)) return false
    const oldest = this.ring[this.next]
    if (oldest !== undefined) this.keys.delete(oldest)
    this.ring[this.next] = key
    this.next = (this.next + 1) % this.capacity
    this.keys.add(key)
    return true
  }
}
