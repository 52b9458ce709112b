/**
 * This process's CPU per list page with no network: `Messages.list` and `Messages.stream`
 * over an in-process `HttpClient` that answers at once with a realistic 20-message page
 * (`pageBody.ts`; 200 pages, each with its own uuids), beside `JSON.parse` + the
 * `MessageList` schema alone. What is left is this SDK's own work per page: the request,
 * the runtime, decoding, the stream. Cases interleaved, median of 7 rounds.
 *
 *   node --import tsx test/bench/pageCpu.ts      (after `pnpm build`)
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
const runtime = ManagedRuntime.make(
  Messages.layer.pipe(
    Layer.provide(PlivoClient.layer),
    Layer.provide(PlivoConfig.layer({ authId: "MAXXXXXXXXXXXXXXXXXX", authToken: "t".repeat(40), budget: false })),
    Layer.provide(Layer.succeed(HttpClient.HttpClient, http)),
    Layer.orDie
  )
)
const messages = await runtime.runPromise(Messages)
const decode = Schema.decodeUnknownSync(MessageList)

const cases: ReadonlyArray<readonly [string, () => Promise<number>]> = [
  ["JSON.parse + MessageList schema", async () => {
    let n = 0
    for (const body of bodies) n += decode(JSON.parse(body)).objects.length
    return n
  }],
  ["Messages.list", async () => {
    let n = 0
    for (let i = 0; i < PAGES; i++) n += (await runtime.runPromise(messages.list({ limit: 20 }))).objects.length
    return n
  }],
  ["Messages.stream", () => runtime.runPromise(Stream.runCount(messages.stream()))]
]

for (const [name, run] of cases) check(await run() === PAGES * 20, name)
for (let i = 0; i < 5; i++) for (const [, run] of cases) await run()
const samples = new Map(cases.map(([name]) => [name, [] as Array<number>]))
const load = [loadavg()[0]!]
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, run] of cases) {
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
  console.log(`${name.padEnd(34)} ${sorted[ROUNDS >> 1]!.toFixed(0).padStart(6)} µs CPU per page`)
}
await runtime.dispose()
