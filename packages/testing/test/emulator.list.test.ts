import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as TestClock from "effect/TestClock"
import { PlivoEmulator } from "../src/PlivoEmulator.js"
import { call, decode, ErrorBody, MessageList, sendSms } from "./emulator.support.js"

const NOW = Date.UTC(2024, 4, 1, 12, 0, 0)
const HOUR = 3_600_000
const DAY = 24 * HOUR

/** `YYYY-MM-DD HH:MM:SS.ffffff`, the UTC filter format of messages.md §3. */
const filterTime = (millis: number): string => new Date(millis).toISOString().replace("T", " ").replace("Z", "000")

const withEmulator = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.provide(Effect.zipRight(TestClock.setTime(NOW), effect), PlivoEmulator.layer({ lifecycle: { auto: false } }))

const list = (query: string) =>
  Effect.flatMap(call("GET", `Message/${query}`), (r) =>
    r.status === 200 ? decode(MessageList)(r.body) : Effect.dieMessage(`expected 200, got ${r.status}: ${r.text}`))

const listError = (query: string) =>
  Effect.flatMap(call("GET", `Message/${query}`), (r) =>
    Effect.map(decode(ErrorBody)(r.body), (b) => ({ status: r.status, error: b.error })))

describe("PlivoEmulator GET Message/", () => {
  it.effect("defaults to the last 24 hours, newest first, without total_count", () =>
    withEmulator(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const recent = yield* emulator.seedMessage({ time: NOW - HOUR })
      const older = yield* emulator.seedMessage({ time: NOW - 23 * HOUR })
      yield* emulator.seedMessage({ time: NOW - 25 * HOUR })
      const page = yield* list("")
      expect(page.objects.map((m) => m.message_uuid)).toEqual([recent.messageUuid, older.messageUuid])
      expect(page.meta).toEqual({ limit: 20, offset: 0, next: null, previous: null })
      expect("total_count" in page.meta).toBe(false)
      expect(page.objects[0]?.message_time).toBe("2024-05-01 11:00:00+00:00")
    })))

  it.effect("a message_time filter opens the window up to 90 days back", () =>
    withEmulator(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      yield* emulator.seedMessages({ count: 10, start: NOW - 60 * DAY, end: NOW })
      const all = yield* list(`?message_time__gte=${encodeURIComponent(filterTime(NOW - 89 * DAY))}`)
      expect(all.objects).toHaveLength(10)
      const onlyLt = yield* list(`?message_time__lt=${encodeURIComponent(filterTime(NOW - 30 * DAY))}`)
      expect(onlyLt.objects.length).toBeGreaterThan(0)
      expect(onlyLt.objects.length).toBeLessThan(10)
      const tooOld = yield* listError(`?message_time__gte=${encodeURIComponent(filterTime(NOW - 91 * DAY))}`)
      expect(tooOld.status).toBe(400)
      expect(tooOld.error).toMatch(/90 days/)
    })))

  it.effect("gt / gte / lt / lte / exact bounds", () =>
    withEmulator(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const times = [NOW - 3 * HOUR, NOW - 2 * HOUR, NOW - HOUR]
      const seeded = yield* Effect.forEach(times, (time) => emulator.seedMessage({ time }))
      const ids = (page: typeof MessageList.Type) => page.objects.map((m) => m.message_uuid)
      const t = (i: number) => encodeURIComponent(filterTime(times[i] ?? 0))
      const uuid = (i: number) => seeded[i]?.messageUuid
      expect(ids(yield* list(`?message_time__gt=${t(0)}`))).toEqual([uuid(2), uuid(1)])
      expect(ids(yield* list(`?message_time__gte=${t(0)}`))).toEqual([uuid(2), uuid(1), uuid(0)])
      expect(ids(yield* list(`?message_time__gte=${t(0)}&message_time__lt=${t(2)}`))).toEqual([uuid(1), uuid(0)])
      expect(ids(yield* list(`?message_time__gte=${t(0)}&message_time__lte=${t(2)}`))).toEqual([
        uuid(2),
        uuid(1),
        uuid(0)
      ])
      expect(ids(yield* list(`?message_time=${t(1)}`))).toEqual([uuid(1)])
      // Minutes-only precision is accepted.
      const minutes = encodeURIComponent(filterTime(times[1] ?? 0).slice(0, 16))
      expect(ids(yield* list(`?message_time__gte=${minutes}`))).toEqual([uuid(2), uuid(1)])
    })))

  it.effect("400 on malformed filters and page parameters", () =>
    withEmulator(Effect.gen(function*() {
      for (const query of ["?limit=0", "?limit=21", "?limit=abc", "?offset=-1", "?offset=1.5"]) {
        const r = yield* listError(query)
        expect(r.status, query).toBe(400)
        expect(r.error, query).toMatch(/limit|offset/)
      }
      expect((yield* listError("?message_time__gt=yesterday")).error).toMatch(/message_time__gt/)
      expect((yield* listError("?message_time__gt=2024-02-30%2000:00")).status).toBe(400)
      expect((yield* listError("?message_state=lost")).error).toMatch(/message_state/)
      expect((yield* listError("?message_direction=sideways")).status).toBe(400)
      expect((yield* listError("?message_type=fax")).status).toBe(400)
    })))

  it.effect("pages by limit/offset with meta.next until null, no duplicates, newest first", () =>
    withEmulator(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const uuids = yield* emulator.seedMessages({ count: 45, start: NOW - 10 * HOUR, end: NOW })
      const seen: Array<string> = []
      const times: Array<string> = []
      let query = "?limit=20"
      let pages = 0
      for (;;) {
        const page = yield* list(query)
        pages++
        seen.push(...page.objects.map((m) => m.message_uuid))
        times.push(...page.objects.map((m) => m.message_time))
        if (page.meta.offset > 0) expect(page.meta.previous).toMatch(/offset=/)
        if (page.meta.next === null) break
        expect(page.meta.next).toMatch(new RegExp(`^/v1/Account/${emulator.authId}/Message/\\?`))
        query = page.meta.next.slice(page.meta.next.indexOf("?"))
      }
      expect(pages).toBe(3)
      expect(new Set(seen).size).toBe(45)
      expect(seen).toEqual([...uuids].reverse())
      expect([...times].sort().reverse()).toEqual(times)
    })))

  it.effect("equal timestamps never repeat across pages", () =>
    withEmulator(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      for (let i = 0; i < 7; i++) yield* emulator.seedMessage({ time: NOW - HOUR })
      const a = yield* list("?limit=3")
      const b = yield* list("?limit=3&offset=3")
      const c = yield* list("?limit=3&offset=6")
      const ids = [...a.objects, ...b.objects, ...c.objects].map((m) => m.message_uuid)
      expect(new Set(ids).size).toBe(7)
      expect(c.meta.next).toBeNull()
      expect(b.meta.next).not.toBeNull()
    })))

  it.effect("filters by every documented field", () =>
    withEmulator(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const time = NOW - HOUR
      const inbound = yield* emulator.seedMessage({ time, direction: "inbound", from: "447700900123" })
      const failed = yield* emulator.seedMessage({ time, state: "failed", errorCode: "30", to: "14155550199" })
      const mms = yield* emulator.seedMessage({ time, type: "mms" })
      const pp = yield* emulator.seedMessage({ time, powerpackId: "pp-1" })
      const wa = yield* emulator.seedMessage({ time, type: "whatsapp" })
      const gb = yield* emulator.seedMessage({ time, to: "447700900555" })
      const only = (page: typeof MessageList.Type) => page.objects.map((m) => m.message_uuid)
      expect(only(yield* list("?message_direction=inbound"))).toEqual([inbound.messageUuid])
      expect(only(yield* list("?message_state=failed"))).toEqual([failed.messageUuid])
      expect(only(yield* list("?error_code=30"))).toEqual([failed.messageUuid])
      expect(only(yield* list("?message_type=mms"))).toEqual([mms.messageUuid])
      expect(only(yield* list("?powerpack_id=pp-1"))).toEqual([pp.messageUuid])
      expect(only(yield* list("?to_number=%2B14155550199"))).toEqual([failed.messageUuid])
      expect(only(yield* list("?from_number=%2B447700900123"))).toEqual([inbound.messageUuid])
      expect(only(yield* list("?destination_country_iso2=GB"))).toEqual([gb.messageUuid, inbound.messageUuid])
      expect(only(yield* list("?conversation_origin=service"))).toEqual([wa.messageUuid])
      const waRecord = (yield* list("?message_type=whatsapp")).objects[0]
      expect(only(yield* list(`?conversation_id=${waRecord?.conversation_id}`))).toEqual([wa.messageUuid])
      expect(only(yield* list("?message_state=delivered&message_type=sms&limit=2&offset=1"))).toHaveLength(2)
      expect((yield* list("?message_state=delivered&message_type=sms&limit=2&offset=1")).meta.next).toBeNull()
      expect((yield* list("?message_state=delivered&message_type=sms&limit=2&offset=0")).meta.next).not.toBeNull()
    })))

  it.effect("lists messages created by sends", () =>
    withEmulator(Effect.gen(function*() {
      const sent = yield* sendSms({ dst: "14155550123<14155550124" })
      const page = yield* list("")
      expect(page.objects.map((m) => m.message_uuid).sort()).toEqual([...sent.message_uuid].sort())
      expect(page.objects.every((m) => m.message_state === "queued")).toBe(true)
    })))
})
