/**
 * What `Messages.sendBulk` and `Messages.sendEach` take.
 *
 * @since 0.1.0
 */
import type * as Effect from "effect/Effect"
import type * as Stream from "effect/Stream"
import type { SendParams } from "./SendParams.js"

/**
 * Phone numbers, pulled as they are needed: an array, any other `Iterable` (a generator
 * reading a file) or a `Stream` (a database cursor). A plain string is refused: it would
 * iterate as characters.
 *
 * @since 0.1.0
 * @category models
 */
export type Recipients<E = never, R = never> = Iterable<string> | Stream.Stream<string, E, R>

/** `Omit` applied to each member of a union, so the `src` / `powerpack_uuid` choice survives. */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

/**
 * The parameters of `Messages.send` with `dst` given as a whole list of recipients, 100,000 or more.
 *
 * @since 0.1.0
 * @category models
 * @example
 * ```ts
 * import type { BulkSendParams } from "@plivo-effect/messaging"
 *
 * function* subscribers() {
 *   for (let i = 0; i < 100_000; i++) yield `1415${String(i).padStart(7, "0")}`
 * }
 * const params: BulkSendParams = { src: "14155550100", dst: subscribers(), text: "Sale today" }
 * ```
 */
export type BulkSendParams<E = never, R = never> = OmitEach<SendParams, "dst"> & { readonly dst: Recipients<E, R> }

/**
 * Personalised messages for `Messages.sendEach`, one `SendParams` each.
 *
 * @since 0.1.0
 * @category models
 */
export type SendEachSource<E = never, R = never> = Iterable<SendParams> | Stream.Stream<SendParams, E, R>

/**
 * How a bulk send runs.
 *
 * @since 0.1.0
 * @category models
 */
export interface BulkOptions {
  /** Requests in flight at once, 1–100 (Plivo's in-flight limit); default 10. */
  readonly concurrency?: number
  /**
   * Runs before each request with the destinations it is about to send to (normalised).
   * A caller that must survive a crash records them here (a write-ahead line): a
   * recipient recorded as about to be sent but with no outcome may have been texted, and
   * must be treated as `Unknown` on resume. A failure here fails the stream before that
   * request is made.
   */
  readonly beforeSend?: (destinations: ReadonlyArray<string>) => Effect.Effect<void>
}
