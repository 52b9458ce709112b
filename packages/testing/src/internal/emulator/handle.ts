/**
 * The test-side handle of an emulator: seeding, inspection, scripted states and faults.
 * Types are in `PlivoEmulator.ts`.
 *
 * @internal
 */
import * as Cause from "effect/Cause"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as FiberSet from "effect/FiberSet"
import * as Option from "effect/Option"
import type { PlivoEmulator } from "../../PlivoEmulator.js"
import { nowMicros } from "./clock.js"
import { transition } from "./lifecycle.js"
import type { IncomingFile } from "./media.js"
import { storeFiles } from "./media.js"
import type { MediaRecord, MessageRecord } from "./model.js"
import { seededRecord } from "./seeding.js"
import type { EmulatorState } from "./state.js"
import { MICROS_PER_DAY } from "./time.js"
import { mediaJson, messageJson } from "./wire.js"

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

const emulatedMedia = (m: MediaRecord, authId: string): PlivoEmulator.Media => ({
  mediaId: m.mediaId,
  fileName: m.fileName,
  contentType: m.contentType,
  size: m.size,
  uploadTime: utc(m.uploadMicros),
  content: m.content,
  json: mediaJson(m, authId)
})

/** @internal */
export const makeHandle = (state: EmulatorState, baseUrl: string): PlivoEmulator.Service => {
  const { authId, store } = state
  return {
    authId,
    authToken: state.authToken,
    baseUrl,
    seedMessage: (input = {}) =>
      Effect.flatMap(nowMicros, (now) =>
        Effect.sync(() => {
          const m = seededRecord(state, input, input.time === undefined ? now : toMicros(input.time), input.to)
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
            records.push(seededRecord(state, common, time, destinations[(count - 1 - i) % destinations.length]))
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
        yield* transition(state, m, to, options?.errorCode)
        return emulatedMessage(m, authId)
      }),
    callbacks: Effect.sync(() =>
      store.callbacks().map(({ attemptedAtMillis, ...c }) => ({ ...c, attemptedAt: DateTime.unsafeMake(attemptedAtMillis) }))
    ),
    requests: Effect.sync(() =>
      store.requests().map(({ atMillis, ...r }) => ({ ...r, at: DateTime.unsafeMake(atMillis) }))
    ),
    fault: (fault, target = {}) => Effect.sync(() => state.faults.script(fault, target)),
    randomFaults: (config) => Effect.sync(() => state.faults.setRandom(config)),
    clearFaults: Effect.sync(() => state.faults.clear()),
    rateLimits: (enabled) => Effect.sync(() => state.rateLimits.setEnabled(enabled)),
    uploadMedia: (files) =>
      Effect.flatMap(nowMicros, (now) =>
        Effect.sync(() => {
          const incoming: Array<IncomingFile> = files.map((f) => ({
            fileName: f.fileName,
            contentType: f.contentType,
            content: typeof f.content === "string" ? new TextEncoder().encode(f.content) : f.content
          }))
          return storeFiles(store, incoming, now).flatMap((r) => r._tag === "Stored" ? [emulatedMedia(r.media, authId)] : [])
        })),
    media: Effect.sync(() => store.allMedia().map((m) => emulatedMedia(m, authId))),
    reset: Effect.gen(function*() {
      yield* FiberSet.clear(state.background)
      store.reset()
      state.callbackChains.clear()
      state.faults.clear()
      state.rateLimits.reset()
    })
  }
}
