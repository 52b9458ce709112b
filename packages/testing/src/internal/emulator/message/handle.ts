/**
 * The handle's `Message/` operations: seeding, inspection, scripted states and the
 * callbacks sent.
 *
 * @internal
 */
import * as Cause from "effect/Cause"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { PlivoEmulator } from "../../../PlivoEmulator.js"
import { nowMicros } from "../clock.js"
import { MICROS_PER_DAY } from "../time.js"
import { transition } from "./lifecycle.js"
import type { MessageRecord } from "./model.js"
import { seededRecord } from "./seeding.js"
import type { MessageSlice } from "./slice.js"
import { messageJson } from "./wire.js"

const utc = (micros: number): DateTime.Utc => DateTime.unsafeMake(Math.floor(micros / 1000))

const toMicros = (input: DateTime.DateTime.Input): number => DateTime.toEpochMillis(DateTime.unsafeMake(input)) * 1000

const emulatedMessage = (m: MessageRecord, authId: string): PlivoEmulator.Message => ({
  messageUuid: m.uuid,
  time: utc(m.timeMicros),
  direction: m.direction,
  type: m.type,
  state: m.state,
  errorCode: m.errorCode,
  from: m.from,
  to: m.to,
  text: m.text,
  units: m.units,
  mediaIds: m.mediaIds,
  mediaUrls: m.mediaUrls,
  callbackUrl: m.callbackUrl,
  callbackMethod: m.callbackMethod,
  requestBody: m.requestBody,
  json: messageJson(m, authId)
})

/** @internal */
export const messageOperations = (slice: MessageSlice): PlivoEmulator.MessageOperations => {
  const { store } = slice
  const { authId } = slice.kernel
  return {
    seedMessage: (input = {}) =>
      Effect.flatMap(nowMicros, (now) =>
        Effect.sync(() => {
          const m = seededRecord(slice, input, input.time === undefined ? now : toMicros(input.time), input.to)
          store.insertMessage(m)
          return emulatedMessage(m, authId)
        })),
    seedMessages: (input) =>
      Effect.flatMap(nowMicros, (now) =>
        Effect.sync(() => {
          const { count: _count, end: _end, start: _start, to: _to, ...common } = input
          const end = input.end === undefined ? now : toMicros(input.end)
          const start = input.start === undefined ? end - MICROS_PER_DAY : toMicros(input.start)
          const span = Math.max(0, end - start)
          const destinations = input.to === undefined ? [undefined] : typeof input.to === "string" ? [input.to] : input.to
          const records: Array<MessageRecord> = []
          const count = Math.max(0, Math.floor(input.count))
          // Oldest first; the newest lands exactly on `end`, the oldest just after `start`.
          for (let i = count - 1; i >= 0; i--) {
            const time = end - Math.floor((i * span) / count)
            records.push(seededRecord(slice, common, time, destinations[(count - 1 - i) % destinations.length]))
          }
          store.insertMessages(records)
          return records.map((m) => m.uuid)
        })),
    message: (uuid) =>
      Effect.sync(() => Option.map(Option.fromNullable(store.message(uuid)), (m) => emulatedMessage(m, authId))),
    sentMessages: Effect.sync(() => store.sent().map((m) => emulatedMessage(m, authId))),
    advance: (uuid, to, options) =>
      Effect.gen(function*() {
        const m = store.message(uuid)
        if (m === undefined) return yield* new Cause.NoSuchElementException(`no message ${uuid}`)
        yield* transition(slice, m, to, options?.errorCode)
        return emulatedMessage(m, authId)
      }),
    callbacks: Effect.sync(() =>
      store.callbacks().map(({ attemptedAtMillis, ...c }) => ({ ...c, attemptedAt: DateTime.unsafeMake(attemptedAtMillis) }))
    )
  }
}
