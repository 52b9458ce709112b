/**
 * The `Messages` service: send SMS, MMS and WhatsApp messages, read message records and
 * walk the whole message history.
 *
 * @since 0.1.0
 */
import { spanId } from "@plivo-effect/core/InvalidParams"
import type { InvalidParamsError, PlivoError } from "@plivo-effect/core/PlivoError"
import { PlivoClient } from "@plivo-effect/core/PlivoClient"
import * as PlivoSpan from "@plivo-effect/core/PlivoSpan"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import type { BulkOutcome, IndexedOutcome } from "./BulkOutcome.js"
import type { BulkOptions, BulkSendParams, SendEachSource } from "./BulkParams.js"
import * as Bulk from "./internal/bulk.js"
import { listQuery, streamQuery } from "./internal/listQuery.js"
import { MessageListWire, MessageWire } from "./internal/messageWire.js"
import * as SendBody from "./internal/sendBody.js"
import { MessageMediaList } from "./MediaObject.js"
import type { MessageListFilters, MessageStreamFilters } from "./MessageFilters.js"
import type { Message, MessageList } from "./MessageRecord.js"
import type { SendParams } from "./SendParams.js"
import { SendResult } from "./SendResult.js"

/**
 * @since 0.1.0
 * @category models
 */
export declare namespace Messages {
  /**
   * @since 0.1.0
   */
  export interface Service {
    /**
     * `POST Message/`. Every documented rule is checked first; a violation fails with
     * `InvalidParamsError` and nothing is sent. Never retried once it may have reached
     * Plivo (Plivo has no idempotency keys).
     */
    readonly send: (params: SendParams) => Effect.Effect<SendResult, PlivoError>
    /**
     * One message to any number of recipients (an `Iterable` or a `Stream`, pulled as
     * needed), as a `Stream` of one `BulkOutcome` per distinct recipient.
     *
     * - The message (text, media, sender…) is checked once, before anything is sent:
     *   `InvalidParamsError` fails the stream with no request made. So does a `concurrency`
     *   outside 1–100 or a `dst` that is a plain string.
     * - Each recipient is normalised (`+1 (415) 555-0123` → `14155550123`). Duplicates are
     *   dropped (the first wins; no outcome of their own). What is not a phone number with
     *   its country code, or is the sender itself, is `Invalid` at once with no request.
     * - The rest are packed, in order, into requests of up to 1,000 destinations
     *   (`<`-joined), `concurrency` (default 10) in flight, each going through the
     *   `PlivoClient` (its retries on 429 and its budgets).
     * - Outcomes come in the order of the requests (invalid recipients as they are
     *   pulled): `Queued`, `Invalid` (Plivo's `invalid_number`), `Rejected` (certainly not
     *   sent), `Unknown` (may have been sent; never re-sent). An answer whose uuid count
     *   does not match its accepted destinations makes the whole request `Unknown` with a
     *   `DecodeError`: the mapping is never guessed.
     * - A source that fails midway fails the stream with its error, after the outcomes of
     *   every request already made; recipients pulled into a request not yet made have no
     *   outcome (a resumed run sends them).
     */
    readonly sendBulk: <E = never, R = never>(
      params: BulkSendParams<E, R>,
      options?: BulkOptions
    ) => Stream.Stream<BulkOutcome, E | InvalidParamsError, R>
    /**
     * Personalised messages, one request each, `concurrency` (default 10) in flight: one
     * outcome per destination of each message, carrying the message's position `index`,
     * in the order of the messages. Each message is checked as it comes; one that fails its
     * checks gives `Rejected` with its `InvalidParamsError` (nothing sent for it) and the
     * rest go on. Messages are not de-duplicated: two messages to one number are two texts.
     * A failing source behaves as in `sendBulk`.
     */
    readonly sendEach: <E = never, R = never>(
      messages: SendEachSource<E, R>,
      options?: BulkOptions
    ) => Stream.Stream<IndexedOutcome, E | InvalidParamsError, R>
    /** `GET Message/{message_uuid}/`. */
    readonly get: (message_uuid: string) => Effect.Effect<Message, PlivoError>
    /**
     * One page of `GET Message/`. Without a `message_time*` filter Plivo returns the
     * last 24 hours only.
     */
    readonly list: (filters?: MessageListFilters) => Effect.Effect<MessageList, PlivoError>
    /**
     * Every message matching `filters`, newest first, page after page.
     *
     * - The upper time bound is pinned when the stream starts: to `message_time__lte` =
     *   now (from the `Clock`) unless the caller gave an upper bound that is not in the
     *   future. Messages arriving during the walk therefore cannot shift offsets: none is
     *   emitted twice and none is skipped.
     * - Without a lower bound the stream covers Plivo's whole 90-day look-back (Plivo
     *   alone would search the last 24 hours), starting one hour inside it: the bound is
     *   fixed while Plivo's window slides, and the margin lets a walk run for an hour
     *   (and survive clock skew) before the bound would leave the window.
     * - A bound earlier than 90 days before now fails with `InvalidParamsError`.
     * - `limit` is the page size (default 20). `total_count` is never needed.
     * - No message is emitted twice. A walk that stops advancing (a page identical to the
     *   one before, or full pages bringing nothing new three times in a row) fails with
     *   `DecodeError` rather than requesting pages forever.
     */
    readonly stream: (filters?: MessageStreamFilters) => Stream.Stream<Message, PlivoError>
    /** `GET Message/{message_uuid}/Media/`: the attachments of an MMS. */
    readonly listMedia: (message_uuid: string) => Effect.Effect<MessageMediaList, PlivoError>
    /**
     * `DELETE Message/{message_uuid}/Media/`: deletes every attachment of an MMS. Plivo
     * answers 204 or a small JSON ack; both succeed.
     */
    readonly deleteMedia: (message_uuid: string) => Effect.Effect<void, PlivoError>
  }
}

const resource = { "plivo.resource": "Message" }

/** Not `Effect.fn`: it captures two stack traces per call and makes a span tracer or not. */
const inSpan = PlivoSpan.resource(resource)

/**
 * Messages: send, get, list and stream message records, and manage MMS attachments.
 *
 * @since 0.1.0
 * @category services
 * @example
 * ```ts
 * import { Messages } from "@plivo-effect/messaging"
 * import * as Effect from "effect/Effect"
 * import * as Stream from "effect/Stream"
 *
 * const program = Effect.gen(function*() {
 *   const messages = yield* Messages
 *   const sent = yield* messages.send({ src: "14155550100", dst: ["14155550123"], text: "Hello" })
 *   const record = yield* messages.get(sent.message_uuid[0]!)
 *   const outbound = yield* messages.stream({ message_direction: "outbound" }).pipe(Stream.runCount)
 *   return { state: record.message_state, outbound }
 * })
 * // Messaging.layerConfig() provides Messages from PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN;
 * // Messages.layer is the same service over a PlivoClient of your own.
 * ```
 */
export class Messages extends Context.Tag("@plivo-effect/messaging/Messages")<Messages, Messages.Service>() {
  /** Builds the service on a `PlivoClient`. */
  static readonly make: Effect.Effect<Messages.Service, never, PlivoClient> = Effect.gen(function*() {
    const client = yield* PlivoClient

    const send = (params: SendParams): Effect.Effect<SendResult, PlivoError> =>
      inSpan("Messages.send", (span) =>
        Effect.flatMap(SendBody.encode(params), (body) =>
          Effect.map(client.post(["Message"], { schema: SendResult, body }), (result) => {
            span.attribute("plivo.api_id", result.api_id)
            span.attribute("plivo.message.type", String(body.type))
            span.attribute("plivo.message.accepted", result.message_uuid.length)
            span.attribute("plivo.message.invalid", result.invalid_number.length)
            return result
          })))

    const post: Bulk.Post = (body) => client.post(["Message"], { schema: SendResult, body })
    const sendBulk = <E, R>(params: BulkSendParams<E, R>, options?: BulkOptions) => Bulk.sendBulk(post, params, options)
    const sendEach = <E, R>(messages: SendEachSource<E, R>, options?: BulkOptions) =>
      Bulk.sendEach(post, messages, options)

    const get = (message_uuid: string): Effect.Effect<Message, PlivoError> =>
      inSpan("Messages.get", (span) => {
        span.attribute("plivo.message_uuid", spanId(message_uuid))
        return client.get(["Message", message_uuid], { schema: MessageWire })
      })

    const list = (filters: MessageListFilters = {}): Effect.Effect<MessageList, PlivoError> =>
      inSpan("Messages.list", () =>
        Effect.flatMap(listQuery(filters), (query) => client.get(["Message"], { schema: MessageListWire, query })))

    const stream = (filters: MessageStreamFilters = {}): Stream.Stream<Message, PlivoError> =>
      Stream.unwrap(
        Effect.map(
          Effect.flatMap(Clock.currentTimeMillis, (now) => streamQuery(filters, now)),
          (query) =>
            client.paginate(["Message"], { item: MessageWire, query, limit: filters.limit ?? 20, itemKey: (m) => m.message_uuid })
        )
      ).pipe(Stream.withSpan("Messages.stream", { attributes: resource }))

    const listMedia = (message_uuid: string): Effect.Effect<MessageMediaList, PlivoError> =>
      inSpan("Messages.listMedia", (span) => {
        span.attribute("plivo.message_uuid", spanId(message_uuid))
        return client.get(["Message", message_uuid, "Media"], { schema: MessageMediaList })
      })

    const deleteMedia = (message_uuid: string): Effect.Effect<void, PlivoError> =>
      inSpan("Messages.deleteMedia", (span) => {
        span.attribute("plivo.message_uuid", spanId(message_uuid))
        return Effect.asVoid(client.del(["Message", message_uuid, "Media"], { schema: Schema.Unknown }))
      })

    return { send, sendBulk, sendEach, get, list, stream, listMedia, deleteMedia }
  })

  /** The service, given a `PlivoClient`. */
  static readonly layer: Layer.Layer<Messages, never, PlivoClient> = Layer.effect(Messages, Messages.make)
}
