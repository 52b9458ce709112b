/**
 * Bulk sending against the emulator on loopback (a child process, lifecycle and rate
 * limits off): `Messages.sendBulk` with 100,000 recipients (100 requests of 1,000) vs the
 * official `plivo` SDK used the usual way, one `messages.create` per recipient, 20 in
 * flight. 100,000 single sends would take minutes per iteration, so the official SDK is
 * measured on a sample of 2,000 and its time projected linearly to 100,000 (`sendEach`,
 * also one request per recipient, is measured on the same sample beside it).
 *
 * Requests are counted on the client side; each iteration prints a `bulk:` line with the
 * requests made, the wall time, outcomes per second, and the time Plivo's account budget
 * (300 requests per 5 s, i.e. 60 a second sustained) alone would impose on that many
 * requests. Nothing is asserted beyond the sanity checks.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import { bench, describe } from "vitest"
import { check, httpLayers, officialClient, promisePool, sdkRuntime, startEmulator } from "./support.js"

const RECIPIENTS = 100_000
const SAMPLE = 2_000
const src = "14155550100"
const text = "Spring sale: 20% off until Sunday"

/** Plivo's account budget: 300 requests per 5 s. */
const BUDGET_PER_SECOND = 300 / 5

let requests = 0
const counting = Layer.effect(
  HttpClient.HttpClient,
  Effect.map(HttpClient.HttpClient, (client) => HttpClient.tapRequest(client, () => Effect.sync(() => void requests++)))
).pipe(Layer.provide(httpLayers.fetch))

const emulator = await startEmulator()
const sdk = await sdkRuntime(emulator, counting)
const official = officialClient(emulator)

/** Distinct 11-digit US numbers; each iteration uses fresh ones. */
let next = 0
const numbers = (count: number): ReadonlyArray<string> => {
  const start = next
  next += count
  return Array.from({ length: count }, (_, i) => `1415${String(start + i).padStart(7, "0")}`)
}

const report = (name: string, count: number, made: number, millis: number) => {
  const seconds = millis / 1000
  const budget = made / BUDGET_PER_SECOND
  console.log(
    `bulk: ${name}: ${count} recipients, ${made} requests, ${seconds.toFixed(2)} s wall, ` +
      `${Math.round(count / seconds)} outcomes/s; at 300 requests / 5 s the budget alone needs ≥ ${budget.toFixed(1)} s`
  )
}

const sendBulk = async (count: number) => {
  const dst = numbers(count)
  const before = requests
  const started = performance.now()
  const queued = await sdk.runtime.runPromise(
    sdk.messages.sendBulk({ src, dst, text }).pipe(Stream.filter((o) => o._tag === "Queued"), Stream.runCount)
  )
  const millis = performance.now() - started
  check(queued === count, `sendBulk queued ${queued} of ${count}`)
  return { made: requests - before, millis }
}

const sendEach = async (count: number) => {
  const params = numbers(count).map((dst) => ({ src, dst, text }))
  const before = requests
  const started = performance.now()
  const queued = await sdk.runtime.runPromise(
    sdk.messages.sendEach(params, { concurrency: 20 }).pipe(Stream.filter((o) => o._tag === "Queued"), Stream.runCount)
  )
  const millis = performance.now() - started
  check(queued === count, `sendEach queued ${queued} of ${count}`)
  return { made: requests - before, millis }
}

const officialEach = async (count: number) => {
  const dst = numbers(count)
  let made = 0
  const started = performance.now()
  await promisePool(count, 20, async (i) => {
    const answer = await official.messages.create(src, dst[i] ?? "", text)
    made++
    check(answer.messageUuid.length === 1, "official send queued")
  })
  return { made, millis: performance.now() - started }
}

// Every contender really sends before anything is timed.
check((await sendBulk(1_500)).made === 2, "sendBulk packs 1,500 recipients into 2 requests")
check((await sendEach(10)).made === 10, "sendEach sends one request per message")
check((await officialEach(10)).made === 10, "official SDK sends")

const once = { time: 0, iterations: 2, warmupTime: 0, warmupIterations: 0 }

describe(`${RECIPIENTS.toLocaleString("en")} recipients`, () => {
  bench("plivo-effect sendBulk (1,000 destinations per request, 10 in flight)", async () => {
    const { made, millis } = await sendBulk(RECIPIENTS)
    report("sendBulk", RECIPIENTS, made, millis)
  }, once)
})

describe(`${SAMPLE.toLocaleString("en")} recipients, one request each (projected ×${RECIPIENTS / SAMPLE} to ${RECIPIENTS.toLocaleString("en")})`, () => {
  bench("official plivo SDK, messages.create per recipient, 20 in flight", async () => {
    const { made, millis } = await officialEach(SAMPLE)
    report("official messages.create (sample)", SAMPLE, made, millis)
    report("official messages.create (projected)", RECIPIENTS, made * (RECIPIENTS / SAMPLE), millis * (RECIPIENTS / SAMPLE))
  }, once)
  bench("plivo-effect sendEach, 20 in flight", async () => {
    const { made, millis } = await sendEach(SAMPLE)
    report("sendEach (sample)", SAMPLE, made, millis)
  }, once)
})
