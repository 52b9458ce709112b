/**
 * Bulk sending against the emulator on loopback (child processes, lifecycle off):
 * `Messages.sendBulk` with 100,000 recipients (100 requests of 1,000), once with no
 * budgets on either side and once with the SDK's default budgets against an emulator with
 * Plivo's rate limits on, vs the official `plivo` SDK used the usual way, one
 * `messages.create` per recipient, 20 in flight (against the emulator without limits: it
 * has no budget of its own and does not retry a 429). 100,000 single sends would take
 * minutes per iteration, so the official SDK is measured on a sample of 2,000 and its time
 * projected linearly to 100,000 (`sendEach`, also one request per recipient, is measured
 * on the same sample beside it).
 *
 * Then the time spent waiting on the budget against the time spent on requests:
 * `sendEach` of 1,000 messages (one request each, 20 in flight) with the default budgets
 * against the emulator with its limits on. A tracer keeps every `Plivo POST Message` span:
 * the budget wait is its `plivo.budget.waited_ms`, the request time the rest of the span
 * (the HTTP exchange and the decoding), both summed over the 1,000 calls.
 *
 * Requests (attempts, retries included) and 429s are counted on the client side; each
 * iteration prints `bulk:` lines. Nothing is asserted beyond the sanity checks.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import * as Tracer from "effect/Tracer"
import { bench, describe } from "vitest"
import { check, httpLayers, officialClient, promisePool, sdkRuntime, startEmulator } from "./support.js"

const RECIPIENTS = 100_000
const SAMPLE = 2_000
const PACED = 1_000
const src = "14155550100"
const text = "Spring sale: 20% off until Sunday"

/** Plivo's account budget: 300 requests per 5 s. */
const BUDGET_PER_SECOND = 300 / 5

let requests = 0
let refused = 0
const counting = Layer.effect(
  HttpClient.HttpClient,
  Effect.map(HttpClient.HttpClient, (client) =>
    client.pipe(
      HttpClient.tapRequest(() => Effect.sync(() => void requests++)),
      HttpClient.tap((response) => Effect.sync(() => void (response.status === 429 && refused++)))
    ))
).pipe(Layer.provide(httpLayers.fetch))

const emulator = await startEmulator()
const sdk = await sdkRuntime(emulator, counting)
const official = officialClient(emulator)
// Plivo's limits on the emulator, the SDK's default budgets (the same numbers) on the client.
const limited = await startEmulator(0, true)
const budgeted = await sdkRuntime(limited, counting, {})

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

const sendBulk = async (count: number, via = sdk) => {
  const dst = numbers(count)
  const before = { requests, refused }
  const started = performance.now()
  const queued = await via.runtime.runPromise(
    via.messages.sendBulk({ src, dst, text }).pipe(Stream.filter((o) => o._tag === "Queued"), Stream.runCount)
  )
  const millis = performance.now() - started
  check(queued === count, `sendBulk queued ${queued} of ${count}`)
  return { made: requests - before.requests, refused: refused - before.refused, millis }
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
check((await sendBulk(1_500, budgeted)).made === 2, "sendBulk with budgets on sends")
check((await sendEach(10)).made === 10, "sendEach sends one request per message")
check((await officialEach(10)).made === 10, "official SDK sends")

/** Span time of the calls, split into the budget wait and the rest. */
const pacedSpans = () => {
  const spans: Array<Tracer.Span> = []
  const native = Effect.runSync(Effect.tracer)
  const tracer = Tracer.make({
    span: (name, parent, context, links, startTime, kind, options) => {
      const span = native.span(name, parent, context, links, startTime, kind, options)
      if (name === "Plivo POST Message") spans.push(span)
      return span
    },
    context: (f, fiber) => native.context(f, fiber)
  })
  const totals = () => {
    let waited = 0
    let total = 0
    for (const span of spans) {
      if (span.status._tag !== "Ended") continue
      total += Number(span.status.endTime - span.status.startTime) / 1e6
      const attribute = span.attributes.get("plivo.budget.waited_ms")
      waited += typeof attribute === "number" ? attribute : 0
    }
    return { calls: spans.length, waited, onRequests: total - waited }
  }
  return { tracer, totals }
}

const sendEachPaced = async (count: number) => {
  const params = numbers(count).map((dst, i) => ({ src, dst, text: `${text} (#${i})` }))
  const { totals, tracer } = pacedSpans()
  const before = { requests, refused }
  const started = performance.now()
  const queued = await budgeted.runtime.runPromise(
    budgeted.messages.sendEach(params, { concurrency: 20 }).pipe(
      Stream.filter((o) => o._tag === "Queued"),
      Stream.runCount,
      Effect.withTracer(tracer)
    )
  )
  const millis = performance.now() - started
  check(queued === count, `paced sendEach queued ${queued} of ${count}`)
  return { made: requests - before.requests, refused: refused - before.refused, millis, ...totals() }
}

check((await sendEachPaced(5)).calls === 5, "the tracer sees the paced sends")

const once = { time: 0, iterations: 2, warmupTime: 0, warmupIterations: 0 }

/** The last sendBulk figures, for the ratios printed beside the official SDK's. */
let lastBulk = { made: 0, millis: 0 }

describe(`${RECIPIENTS.toLocaleString("en")} recipients`, () => {
  bench("plivo-effect sendBulk (1,000 destinations per request, 10 in flight), no budgets, no limits", async () => {
    const { made, millis } = await sendBulk(RECIPIENTS)
    lastBulk = { made, millis }
    report("sendBulk", RECIPIENTS, made, millis)
  }, once)
  bench("plivo-effect sendBulk, default budgets, emulator limits on (300 / 5 s)", async () => {
    const { made, millis, refused: tooMany } = await sendBulk(RECIPIENTS, budgeted)
    report(`sendBulk with budgets (${tooMany} × 429)`, RECIPIENTS, made, millis)
  }, once)
})

describe(`${SAMPLE.toLocaleString("en")} recipients, one request each (projected ×${RECIPIENTS / SAMPLE} to ${RECIPIENTS.toLocaleString("en")})`, () => {
  bench("official plivo SDK, messages.create per recipient, 20 in flight", async () => {
    const { made, millis } = await officialEach(SAMPLE)
    report("official messages.create (sample)", SAMPLE, made, millis)
    const projected = { made: made * (RECIPIENTS / SAMPLE), millis: millis * (RECIPIENTS / SAMPLE) }
    report("official messages.create (projected)", RECIPIENTS, projected.made, projected.millis)
    console.log(
      `bulk: ratios: requests ${projected.made} / ${lastBulk.made} = ${Math.round(projected.made / lastBulk.made)}×; ` +
        `loopback wall ${Math.round(projected.millis / lastBulk.millis)}× sendBulk's; ` +
        `at Plivo's 300 / 5 s the official way needs ≥ ${(projected.made / BUDGET_PER_SECOND / 60).toFixed(1)} min, ` +
        `sendBulk's ${lastBulk.made} requests fit in ${Math.ceil(lastBulk.made / 300)} window(s) of 5 s`
    )
  }, once)
  bench("plivo-effect sendEach, 20 in flight", async () => {
    const { made, millis } = await sendEach(SAMPLE)
    report("sendEach (sample)", SAMPLE, made, millis)
  }, once)
})

describe(`${PACED.toLocaleString("en")} personalised sends at the budget (default budgets, emulator limits on)`, () => {
  bench("plivo-effect sendEach, 20 in flight: time waiting on the budget vs on requests", async () => {
    const { calls, made, millis, onRequests, refused: tooMany, waited } = await sendEachPaced(PACED)
    const share = waited / (waited + onRequests)
    console.log(
      `bulk: paced sendEach: ${calls} calls, ${made} requests, ${tooMany} × 429, ${(millis / 1000).toFixed(2)} s wall ` +
        `(${(made / (millis / 1000)).toFixed(1)} requests/s; the budget's floor ${(PACED / BUDGET_PER_SECOND).toFixed(1)} s); ` +
        `summed over the calls: ${(waited / 1000).toFixed(1)} s waiting on the budget, ` +
        `${(onRequests / 1000).toFixed(1)} s on requests (${(share * 100).toFixed(1)}% waiting, ` +
        `${(waited / onRequests).toFixed(1)}× the request time)`
    )
  }, once)
})
