/**
 * This process's CPU per list page with no network: `Messages.list` and `Messages.stream`
 * over an in-process `HttpClient` that answers at once with a realistic 20-message page
 * (`pageBody.ts`; 200 pages, each with its own uuids), beside `JSON.parse` + the
 * `MessageList` schema alone. What is left is this SDK's own work per page: the request,
 * the runtime, decoding, the stream. Cases interleaved, median of 7 rounds.
 *
 *   node --import tsx test/bench/pageCpu.ts [--baseline ../other-checkout]     (after `pnpm build`)
 *
 * `--baseline` adds `Messages.list` and `Messages.stream` of another built checkout, loaded
 * from its `dist` into this process and measured in the same rounds: a paired before/after.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { PlivoClient, PlivoConfig } from "@plivo-effect/core"
import { MessageList, Messages } from "@plivo-effect/messaging"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import { loadavg } from "node:os"
import { resolve } from "node:path"
import { pathToFileURL } from "node:url"
import { messageListBody } from "./pageBody.js"
import { check } from "./support.js"

const PAGES = 200
const ROUNDS = 7
const base = messageListBody(20)
const bodies = Array.from(
  { length: PAGES },
  (_, page) => base.replaceAll("5b40a428-bfc7-4daf-9d06-", `5b40a428-bfc7-4daf-${String(page).padStart(4, "0")}-`)
)
const empty = JSON.stringify({ api_id: "x", meta: { limit: 20, offset: 0, next: null }, objects: [] })
const http = HttpClient.make((request, url) => {
  const body = bodies[Number(url.searchParams.get("offset") ?? "0") / 20] ?? empty
  return Effect.succeed(
    HttpClientResponse.fromWeb(request, new Response(body, { status: 200, headers: { "content-type": "application/json" } }))
  )
})
interface Sdk {
  readonly Messages: typeof Messages
  readonly PlivoClient: typeof PlivoClient
  readonly PlivoConfig: typeof PlivoConfig
}
// One runtime per checkout: the service tags are keyed by name, so each keeps its own.
const sdk = (from: Sdk) =>
  ManagedRuntime.make(
    from.Messages.layer.pipe(
      Layer.provide(from.PlivoClient.layer),
      Layer.provide(from.PlivoConfig.layer({ authId: "MAXXXXXXXXXXXXXXXXXX", authToken: "t".repeat(40), budget: false })),
      Layer.provide(Layer.succeed(HttpClient.HttpClient, http)),
      Layer.orDie
    )
  )
const at = process.argv.indexOf("--baseline")
const baselineDir = at === -1 ? undefined : process.argv[at + 1]
const baseline = baselineDir === undefined ? undefined : await (async (): Promise<Sdk> => {
  const dir = resolve(baselineDir)
  const core: Pick<Sdk, "PlivoClient" | "PlivoConfig"> = await import(pathToFileURL(`${dir}/packages/core/dist/index.js`).href)
  const messaging: Pick<Sdk, "Messages"> = await import(pathToFileURL(`${dir}/packages/messaging/dist/index.js`).href)
  return { Messages: messaging.Messages, PlivoClient: core.PlivoClient, PlivoConfig: core.PlivoConfig }
})()
const decode = Schema.decodeUnknownSync(MessageList)

const sdkCases = async (label: string, from: Sdk) => {
  const runtime = sdk(from)
  const messages = await runtime.runPromise(from.Messages)
  const cases: ReadonlyArray<readonly [string, () => Promise<number>]> = [
    [`Messages.list${label}`, async () => {
      let n = 0
      for (let i = 0; i < PAGES; i++) n += (await runtime.runPromise(messages.list({ limit: 20 }))).objects.length
      return n
    }],
    [`Messages.stream${label}`, () => runtime.runPromise(Stream.runCount(messages.stream()))]
  ]
  return { runtime, cases }
}
const ours = await sdkCases("", { Messages, PlivoClient, PlivoConfig })
const theirs = baseline === undefined ? undefined : await sdkCases(" (baseline)", baseline)

const cases: ReadonlyArray<readonly [string, () => Promise<number>]> = [
  ["JSON.parse + MessageList schema", async () => {
    let n = 0
    for (const body of bodies) n += decode(JSON.parse(body)).objects.length
    return n
  }],
  ...ours.cases,
  ...(theirs?.cases ?? [])
]

for (const [name, run] of cases) check(await run() === PAGES * 20, name)
for (let i = 0; i < 5; i++) for (const [, run] of cases) await run()
const samples = new Map(cases.map(([name]) => [name, [] as Array<number>]))
const load = [loadavg()[0]!]
for (let round = 0; round < ROUNDS; round++) {
  // Every other round in reverse, so no case always runs right after another.
  for (const [name, run] of round % 2 === 0 ? cases : [...cases].reverse()) {
    const cpu0 = process.cpuUsage()
    await run()
    const cpu = process.cpuUsage(cpu0)
    samples.get(name)!.push((cpu.user + cpu.system) / PAGES)
  }
  load.push(loadavg()[0]!)
}
console.log(`pageCpu: ${ROUNDS} rounds of ${PAGES} pages; load average ${load.map((l) => l.toFixed(1)).join(" → ")}`)
for (const [name, values] of samples) {
  const sorted = [...values].sort((a, b) => a - b)
  console.log(`${name.padEnd(45)} ${sorted[ROUNDS >> 1]!.toFixed(0).padStart(6)} µs CPU per page`)
}
await ours.runtime.dispose()
await theirs?.runtime.dispose()
