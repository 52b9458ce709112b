/**
 * Reading a 2,000-message history page by page (100 pages of 20) from the emulator on
 * loopback: this SDK's `Messages.stream` + `Stream.runCount` vs the official SDK's
 * `messages.list({ limit: 20, offset })` loop vs raw `fetch` + `JSON.parse`, and raw
 * `fetch` + this SDK's `MessageList` schema to separate decoding from the rest.
 */
import { MessageList } from "@plivo-effect/messaging"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import { bench, describe } from "vitest"
import { check, httpLayers, officialClient, sdkRuntime, startEmulator } from "./support.js"

const COUNT = 2_000
const LIMIT = 20

const emulator = await startEmulator(COUNT)
const sdkNode = await sdkRuntime(emulator, httpLayers.node)
const sdkKeepAlive = await sdkRuntime(emulator, httpLayers.nodeKeepAlive)
const official = officialClient(emulator)
const decodeMessageList = Schema.decodeUnknownSync(MessageList)

type Sdk = typeof sdkNode

const sdkStream = (sdk: Sdk) => sdk.runtime.runPromise(Stream.runCount(sdk.messages.stream()))

// The bounds `Messages.stream` pins (now, and 90 days minus an hour back), sent by the
// other contenders too so the emulator does the same work for everyone.
const filterTime = (ms: number) => new Date(ms).toISOString().replace("T", " ").replace("Z", "000")
const timeBounds = () => {
  const now = Date.now()
  return {
    message_time__gte: filterTime(now - 90 * 86_400_000 + 3_600_000),
    message_time__lte: filterTime(now)
  }
}

interface OfficialPage extends ReadonlyArray<unknown> {
  readonly meta?: { readonly next?: string | null | undefined }
}

const officialWalk = async () => {
  const bounds = timeBounds()
  let count = 0
  for (let offset = 0;; offset += LIMIT) {
    const page = await official.messages.list({ ...bounds, limit: LIMIT, offset }) as unknown as OfficialPage
    count += page.length
    if (page.length < LIMIT || !page.meta?.next) return count
  }
}

interface RawPage {
  readonly meta?: { readonly next?: string | null | undefined }
  readonly objects: ReadonlyArray<unknown>
}

const fetchWalk = async (parse: (body: unknown) => RawPage) => {
  const bounds = new URLSearchParams(timeBounds())
  let count = 0
  for (let offset = 0;; offset += LIMIT) {
    const response = await fetch(`${emulator.accountUrl}Message/?${bounds}&limit=${LIMIT}&offset=${offset}`, {
      headers: { authorization: emulator.authorization, accept: "application/json" }
    })
    if (response.status !== 200) throw new Error(`list failed: ${response.status}`)
    const page = parse(JSON.parse(await response.text()))
    count += page.objects.length
    if (page.objects.length < LIMIT || !page.meta?.next) return count
  }
}

const plainParse = (body: unknown) => body as RawPage
const schemaParse = (body: unknown): RawPage => decodeMessageList(body)

// Every contender reads the whole history before anything is timed.
check(await sdkStream(sdkNode) === COUNT, "SDK stream (node)")
check(await sdkStream(sdkKeepAlive) === COUNT, "SDK stream (keep-alive)")
check(await officialWalk() === COUNT, "official list loop")
check(await fetchWalk(plainParse) === COUNT, "fetch loop")
check(await fetchWalk(schemaParse) === COUNT, "fetch + MessageList loop")

const options = { time: 2_000, iterations: 4, warmupTime: 0, warmupIterations: 1 }

describe(`read ${COUNT} messages, ${LIMIT} per page`, () => {
  bench("plivo-effect stream, NodeHttpClient.layer", async () => {
    await sdkStream(sdkNode)
  }, options)
  bench("plivo-effect stream, NodeHttpClient keep-alive agent", async () => {
    await sdkStream(sdkKeepAlive)
  }, options)
  bench("official plivo SDK, list loop", async () => {
    await officialWalk()
  }, options)
  bench("raw fetch + JSON.parse loop", async () => {
    await fetchWalk(plainParse)
  }, options)
  bench("raw fetch + JSON.parse + MessageList schema loop", async () => {
    await fetchWalk(schemaParse)
  }, options)
})
