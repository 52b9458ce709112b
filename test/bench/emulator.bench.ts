/**
 * The emulator's per-request cost must not grow with the offset: 100,000 seeded messages,
 * one 20-message `GET Message/` page read at the first, the middle and the last offset,
 * in process (no socket), so that only the emulator's own work is measured.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { PlivoEmulator } from "@plivo-effect/testing"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { bench, describe } from "vitest"
import { check } from "./support.js"

const COUNT = 100_000
const runtime = ManagedRuntime.make(PlivoEmulator.layer({ lifecycle: { auto: false } }))

const pageAt = await runtime.runPromise(Effect.gen(function*() {
  const emulator = yield* PlivoEmulator
  const client = yield* HttpClient.HttpClient
  const now = yield* DateTime.now
  const start = DateTime.subtract(now, { days: 80 })
  yield* emulator.seedMessages({ count: COUNT, start, end: DateTime.subtract(now, { minutes: 1 }) })
  const window = {
    message_time__gte: DateTime.formatIso(start).replace("T", " ").replace("Z", ""),
    message_time__lte: DateTime.formatIso(now).replace("T", " ").replace("Z", "")
  }
  const url = `${emulator.baseUrl}Account/${emulator.authId}/Message/`
  const pageAt = (offset: number) =>
    client.execute(
      HttpClientRequest.get(url).pipe(
        HttpClientRequest.basicAuth(emulator.authId, emulator.authToken),
        HttpClientRequest.setUrlParams({ ...window, limit: 20, offset })
      )
    ).pipe(Effect.flatMap((response) => response.json))
  return pageAt
}))

const objectsAt = async (offset: number) => {
  const body = await runtime.runPromise(pageAt(offset))
  return typeof body === "object" && body !== null && "objects" in body && Array.isArray(body.objects)
    ? body.objects.length
    : -1
}
check((await objectsAt(0)) === 20, "the first page is full")
check((await objectsAt(COUNT - 20)) === 20, "the last page is full")
check((await objectsAt(COUNT)) === 0, "past the end is empty")

const options = { time: 1_500, warmupTime: 300 }

describe(`emulator: one page of GET Message/ among ${COUNT.toLocaleString("en")} messages`, () => {
  for (const offset of [0, COUNT / 2, COUNT - 20]) {
    bench(`offset ${offset.toLocaleString("en")}`, async () => {
      await runtime.runPromise(pageAt(offset))
    }, options)
  }
})
