import { preview } from "@plivo-effect/core/InvalidParams"
import { normalizePhoneNumber } from "@plivo-effect/core/PhoneNumber"
import { InvalidParamsError } from "@plivo-effect/core/PlivoError"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Predicate from "effect/Predicate"
import * as Stream from "effect/Stream"
import { type BulkOutcome, type IndexedOutcome, Invalid } from "../BulkOutcome.js"
import type { BulkOptions, BulkSendParams, SendEachSource } from "../BulkParams.js"
import type { SendParams } from "../SendParams.js"
import { failed, type Post, sendBatch } from "./bulkBatch.js"
import * as SendBody from "./sendBody.js"

export type { Post }

const resource = { "plivo.resource": "Message" }

const DEFAULT_CONCURRENCY = 10
/** Plivo's documented cap on requests in flight per account. */
const MAX_CONCURRENCY = 100

/** What the intake of `sendBulk` hands to the senders, in order. */
type Work =
  | { readonly _tag: "Done"; readonly outcomes: ReadonlyArray<BulkOutcome> }
  | { readonly _tag: "Batch"; readonly destinations: ReadonlyArray<string> }

const invalidParams = (operation: string, issue: string) => new InvalidParamsError({ operation, issue })

const concurrencyOf = (operation: string, options: BulkOptions) => {
  const value: unknown = options.concurrency ?? DEFAULT_CONCURRENCY
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= MAX_CONCURRENCY
    ? Effect.succeed(value)
    : Effect.fail(invalidParams(operation, `concurrency must be an integer from 1 to ${MAX_CONCURRENCY}, got ${preview(value)}`))
}

const isStream = <A, E, R>(u: Iterable<A> | Stream.Stream<A, E, R>): u is Stream.Stream<A, E, R> =>
  Predicate.hasProperty(u, Stream.StreamTypeId)

/** The source as a stream; a string (iterable as characters) or a non-iterable is refused. */
const streamOf = <A, E, R>(
  operation: string,
  source: Iterable<A> | Stream.Stream<A, E, R>
): Effect.Effect<Stream.Stream<A, E, R>, InvalidParamsError> => {
  if (typeof source === "string") {
    return Effect.fail(invalidParams(operation, "give an array, an Iterable or a Stream of phone numbers, not one string"))
  }
  if (Predicate.isObject(source) && isStream(source)) return Effect.succeed(source)
  if (Predicate.isIterable(source)) return Effect.succeed(Stream.fromIterable(source))
  return Effect.fail(invalidParams(operation, `expected an Iterable or a Stream, got ${preview(source)}`))
}

/** What both operations start from: their counts, the concurrency and the source, checked. */
const start = <A, E, R>(operation: string, options: BulkOptions, source: Iterable<A> | Stream.Stream<A, E, R>) =>
  Effect.map(
    Effect.zip(concurrencyOf(operation, options), streamOf(operation, source)),
    ([concurrency, stream]) => ({ counts: newCounts(), concurrency, source: stream })
  )

/**
 * Processes the items in order, at most `concurrency` at once, outcomes in the items'
 * order. A source failing midway fails the stream only after the items already pulled
 * have their outcomes (`mapEffect` lets its running effects finish): the outcomes of
 * requests already sent are never cut off (see the tests of a failing source).
 */
const run = <W, E, R>(
  items: Stream.Stream<W, E, R>,
  concurrency: number,
  settle: (item: W) => Effect.Effect<ReadonlyArray<BulkOutcome>>
): Stream.Stream<BulkOutcome, E, R> =>
  items.pipe(Stream.mapEffect(settle, { concurrency }), Stream.flattenIterables)

/** Counts for the span of a bulk send. */
interface Counts {
  inputs: number
  duplicates: number
  requests: number
  Queued: number
  Invalid: number
  Rejected: number
  Unknown: number
}

const newCounts = (): Counts => ({ inputs: 0, duplicates: 0, requests: 0, Queued: 0, Invalid: 0, Rejected: 0, Unknown: 0 })

/**
 * Records the counts on the operation's span once the stream ends, however it ends. The
 * span is taken when the stream starts: the finalizer runs outside the span's context.
 */
const counted = <A extends BulkOutcome, E, R>(stream: Stream.Stream<A, E, R>, counts: Counts) =>
  Stream.unwrap(Effect.map(Effect.option(Effect.currentSpan), (span) =>
    stream.pipe(
      Stream.tap((outcome) => Effect.sync(() => void counts[outcome._tag]++)),
      Stream.ensuring(Effect.sync(() => {
        if (Option.isNone(span)) return
        span.value.attribute("plivo.bulk.inputs", counts.inputs)
        span.value.attribute("plivo.bulk.duplicates", counts.duplicates)
        span.value.attribute("plivo.bulk.requests", counts.requests)
        span.value.attribute("plivo.bulk.queued", counts.Queued)
        span.value.attribute("plivo.bulk.invalid", counts.Invalid)
        span.value.attribute("plivo.bulk.rejected", counts.Rejected)
        span.value.attribute("plivo.bulk.unknown", counts.Unknown)
      }))
    )))

/**
 * `Messages.sendBulk`. The message is checked once (with a stand-in destination); each
 * recipient is then classified as it is pulled: not a phone number or the sender itself
 * is `Invalid` at once, a number seen before (normalised) is dropped, and the rest fill
 * requests of up to 1,000 destinations. The numbers seen are kept for the stream's life:
 * de-duplication needs them (about 100 bytes a recipient); nothing else is held beyond
 * the requests in flight.
 */
export const sendBulk = <E, R>(
  post: Post,
  params: BulkSendParams<E, R>,
  options: BulkOptions = {}
): Stream.Stream<BulkOutcome, E | InvalidParamsError, R> => {
  const operation = "Messages.sendBulk"
  return Stream.unwrap(Effect.gen(function*() {
    const { concurrency, counts, source } = yield* start<string, E, R>(operation, options, params.dst)
    const { src } = params
    const sender = typeof src === "string" ? SendBody.sanitizeSender(src) : undefined
    const standIn = sender === "10000000" ? "10000001" : "10000000"
    const checked = yield* SendBody.encode({ ...params, dst: standIn }).pipe(
      Effect.mapError((error) => invalidParams(operation, error.issue))
    )
    const { dst: _standIn, ...template } = checked
    const settle = (work: Work): Effect.Effect<ReadonlyArray<BulkOutcome>> => {
      if (work._tag === "Done") return Effect.succeed(work.outcomes)
      counts.requests++
      const { destinations } = work
      const body = { ...template, dst: destinations.join("<") }
      return sendBatch({ post, body, destinations, extra: {}, beforeSend: options.beforeSend })
    }
    const seen = new Set<string>()
    let batch: Array<string> = []
    const intake = (chunk: Chunk.Chunk<unknown>): Chunk.Chunk<Work> => {
      const works: Array<Work> = []
      let invalid: Array<BulkOutcome> = []
      const flushInvalid = () => {
        if (invalid.length > 0) works.push({ _tag: "Done", outcomes: invalid })
        invalid = []
      }
      for (const input of chunk) {
        counts.inputs++
        const number = typeof input === "string" ? normalizePhoneNumber(input) : Option.none()
        // Numbers are de-duplicated normalised, anything else as given; a "!" key is never a number.
        const key = Option.isSome(number) ? number.value : `!${typeof input === "string" ? input : preview(input)}`
        if (seen.has(key)) {
          counts.duplicates++
          continue
        }
        seen.add(key)
        if (Option.isNone(number)) invalid.push(new Invalid({ dst: key.slice(1) }))
        else if (number.value === sender) invalid.push(new Invalid({ dst: number.value }))
        else {
          batch.push(number.value)
          if (batch.length === SendBody.MAX_DESTINATIONS) {
            flushInvalid()
            works.push({ _tag: "Batch", destinations: batch })
            batch = []
          }
        }
      }
      flushInvalid()
      return Chunk.unsafeFromArray(works)
    }
    // The last, partial batch goes only once the source has ended well: after a failure
    // its recipients have no outcome, so a resumed run sends them.
    const rest = Stream.suspend((): Stream.Stream<Work> =>
      batch.length === 0 ? Stream.empty : Stream.succeed({ _tag: "Batch", destinations: batch })
    )
    return counted(run(Stream.concat(Stream.mapChunks(source, intake), rest), concurrency, settle), counts)
  })).pipe(Stream.withSpan(operation, { attributes: resource }))
}

/** The destinations of a message as given, for the outcomes of one that cannot be sent. */
const givenDestinations = (dst: unknown): ReadonlyArray<string> => {
  const entries: ReadonlyArray<unknown> = typeof dst === "string" ? dst.split("<") : Array.isArray(dst) ? dst : [dst]
  const out = new Set<string>()
  for (const entry of entries) {
    const number = typeof entry === "string" ? normalizePhoneNumber(entry) : Option.none()
    out.add(Option.isSome(number) ? number.value : typeof entry === "string" ? entry : preview(entry))
  }
  return out.size === 0 ? [""] : Array.from(out)
}

const hasIndex = (outcome: BulkOutcome): outcome is IndexedOutcome => outcome.index !== undefined

/**
 * `Messages.sendEach`: each message checked and sent as its own request, at most
 * `concurrency` at once, outcomes in the order of the messages. A message that fails its
 * checks is `Rejected` with its `InvalidParamsError` (nothing was sent for it) and the
 * others go on.
 */
export const sendEach = <E, R>(
  post: Post,
  messages: SendEachSource<E, R>,
  options: BulkOptions = {}
): Stream.Stream<IndexedOutcome, E | InvalidParamsError, R> => {
  const operation = "Messages.sendEach"
  return Stream.unwrap(Effect.gen(function*() {
    const { concurrency, counts, source } = yield* start<SendParams, E, R>(operation, options, messages)
    const settle = ([params, index]: readonly [SendParams, number]) => {
      counts.inputs++
      const extra = { index }
      return Effect.matchEffect(SendBody.encode(params), {
        onFailure: (error) => {
          const given = givenDestinations(Predicate.isRecord(params) ? params.dst : undefined)
          return Effect.succeed(failed(given, invalidParams(operation, `messages[${index}]: ${error.issue}`), extra))
        },
        onSuccess: (body) => {
          counts.requests++
          const destinations = typeof body.dst === "string" ? body.dst.split("<") : []
          return sendBatch({ post, body, destinations, extra, beforeSend: options.beforeSend })
        }
      })
    }
    return counted(run(Stream.zipWithIndex(source), concurrency, settle).pipe(Stream.filter(hasIndex)), counts)
  })).pipe(Stream.withSpan(operation, { attributes: resource }))
}
