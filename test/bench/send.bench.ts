/**
 * Sending SMS against the emulator on loopback (a child process, lifecycle off):
 * this SDK over three `HttpClient` layers vs the official `plivo` SDK vs raw `fetch`.
 */
import * as Effect from "effect/Effect"
import { bench, describe } from "vitest"
import { check, httpLayers, officialClient, promisePool, rawFetchSend, sdkRuntime, startEmulator } from "./support.js"

const src = "14155550100"
const dst = "14155550123"
const text = "Your code is 123456"

const emulator = await startEmulator()
const sdkNode = await sdkRuntime(emulator, httpLayers.node)
const sdkKeepAlive = await sdkRuntime(emulator, httpLayers.nodeKeepAlive)
const sdkFetch = await sdkRuntime(emulator, httpLayers.fetch)
const official = officialClient(emulator)

type Sdk = typeof sdkNode

const sdkSend = (sdk: Sdk) => sdk.runtime.runPromise(sdk.messages.send({ src, dst, text }))
const sdkSendMany = (sdk: Sdk) =>
  sdk.runtime.runPromise(
    Effect.forEach(Array.from({ length: 100 }), () => sdk.messages.send({ src, dst, text }), {
      concurrency: 20,
      discard: true
    })
  )

const officialSend = () => official.messages.create(src, dst, text)

const fetchSend = () => rawFetchSend(emulator, { src, dst, text })

// Every contender really sends before anything is timed.
check((await sdkSend(sdkNode)).message_uuid.length === 1, "SDK send (node)")
check((await sdkSend(sdkKeepAlive)).message_uuid.length === 1, "SDK send (keep-alive)")
check((await sdkSend(sdkFetch)).message_uuid.length === 1, "SDK send (fetch)")
check((await officialSend()).messageUuid.length === 1, "official send")
check((await fetchSend()).message_uuid?.length === 1, "fetch send")

const one = { time: 1_500, warmupTime: 300 }
const many = { time: 1_500, iterations: 6, warmupTime: 0, warmupIterations: 2 }

describe("send 1 SMS (sequential)", () => {
  bench("plivo-effect, NodeHttpClient.layer", async () => {
    await sdkSend(sdkNode)
  }, one)
  bench("plivo-effect, NodeHttpClient keep-alive agent", async () => {
    await sdkSend(sdkKeepAlive)
  }, one)
  bench("plivo-effect, FetchHttpClient", async () => {
    await sdkSend(sdkFetch)
  }, one)
  bench("official plivo SDK", async () => {
    await officialSend()
  }, one)
  bench("raw fetch", async () => {
    await fetchSend()
  }, one)
})

describe("send 100 SMS, 20 in flight", () => {
  bench("plivo-effect, NodeHttpClient.layer", async () => {
    await sdkSendMany(sdkNode)
  }, many)
  bench("plivo-effect, NodeHttpClient keep-alive agent", async () => {
    await sdkSendMany(sdkKeepAlive)
  }, many)
  bench("plivo-effect, FetchHttpClient", async () => {
    await sdkSendMany(sdkFetch)
  }, many)
  bench("official plivo SDK", async () => {
    await promisePool(100, 20, officialSend)
  }, many)
  bench("raw fetch", async () => {
    await promisePool(100, 20, fetchSend)
  }, many)
})
