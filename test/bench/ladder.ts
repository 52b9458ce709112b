/**
 * The ablation ladder of one send: what each layer between `fetch` and `Messages.send`
 * costs, per send, sequential and 50 in flight, in wall time and client CPU, against the
 * emulator in its own child process (`support.ts`), with the official `plivo` SDK in the
 * same rounds.
 *
 *   raw fetch → bare @effect/platform FetchHttpClient doing the same POST → the same POST
 *   over `PlivoHttpClient` (the lean node:http client) →
 *   ours, budgets off, tracer off (`Effect.withTracerEnabled(false)`: every span a no-op) →
 *   ours, budgets off → ours with budgets on (default budgets, the account budget raised far
 *   above what loopback reaches, so it is consulted on every attempt and never waits), over
 *   FetchHttpClient and over PlivoHttpClient (`layerConfig`'s default)
 *
 * Every rung sends the same request to the same emulator. Each contender is warmed up,
 * then rounds run the contenders interleaved (order rotated per round) so load drift hits
 * all alike; the median of the rounds is printed, with ratios to the official SDK and to
 * raw fetch. CPU is this process's `process.cpuUsage()` (user + system): the emulator's
 * is not in it.
 *
 *   node --import tsx test/bench/ladder.ts [rounds] [--only name,name]   (after `pnpm build`)
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { type PlivoBudget, PlivoClient, PlivoConfig, PlivoHttpClient } from "@plivo-effect/core"
import { Messages } from "@plivo-effect/messaging"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { cpus } from "node:os"
import { check, interleavedRounds, median, measurePer as measure, officialClient, promisePool, rawFetchSend, type Sample, startEmulator } from "./support.js"

const args = process.argv.slice(2)
const rounds = Number(args.find((arg) => /^\d+$/.test(arg)) ?? "5")
const onlyIndex = args.indexOf("--only")
const only = onlyIndex === -1 ? undefined : (args[onlyIndex + 1] ?? "").split(",")

const SEQUENTIAL = 300
const CONCURRENT = 1_000
const IN_FLIGHT = 50
const WARMUP = 2_000

const src = "14155550100"
const dst = "14155550123"
const text = "Your code is 123456"

const emulator = await startEmulator()

interface Contender {
  readonly name: string
  readonly one: () => Promise<unknown>
  readonly many: (n: number) => Promise<unknown>
}

const fromPromise = (name: string, one: () => Promise<unknown>): Contender => ({
  name,
  one,
  many: (n) => promisePool(n, IN_FLIGHT, one)
})

const fromEffect = <R, ER>(
  name: string,
  runtime: ManagedRuntime.ManagedRuntime<R, ER>,
  send: Effect.Effect<unknown, unknown, R>,
  around: <A, E>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R> = (effect) => effect
): Contender => ({
  name,
  one: () => runtime.runPromise(around(send)),
  many: (n) =>
    runtime.runPromise(around(Effect.forEach(Array.from({ length: n }), () => send, { concurrency: IN_FLIGHT, discard: true })))
})

// --- raw fetch
const fetchSend = () => rawFetchSend(emulator, { src, dst, text })

// --- the bare platform client: the same POST, JSON body, status check, `response.json`
const platform = ManagedRuntime.make(FetchHttpClient.layer)
// --- the same, over this SDK's lean `node:http` client
const lean = ManagedRuntime.make(PlivoHttpClient.layer)
const platformSend = Effect.flatMap(HttpClient.HttpClient, (client) =>
  HttpClientRequest.post(`${emulator.accountUrl}Message/`).pipe(
    HttpClientRequest.setHeader("authorization", emulator.authorization),
    HttpClientRequest.acceptJson,
    HttpClientRequest.bodyUnsafeJson({ src, dst, text }),
    client.execute,
    Effect.flatMap((response) => response.status === 202 ? response.json : Effect.die(`send failed: ${response.status}`))
  ))

// --- this SDK
const sdk = (
  budget: PlivoBudget.Options | false,
  httpClient: Layer.Layer<HttpClient.HttpClient> = FetchHttpClient.layer
) =>
  ManagedRuntime.make(
    Messages.layer.pipe(
      Layer.provide(PlivoClient.layer),
      Layer.provide(
        PlivoConfig.layer({ authId: emulator.authId, authToken: emulator.authToken, baseUrl: emulator.baseUrl, budget })
      ),
      Layer.provide(httpClient),
      Layer.orDie
    )
  )
const unbudgeted = sdk(false)
// Plivo's defaults (in-flight permits, adaptive pace, the message-list budget), with the
// account budget far above what loopback reaches: consulted on every attempt, never waiting.
const budgeted = sdk({ account: { limit: 10_000_000, window: "1 second" } })
const budgetedLean = sdk({ account: { limit: 10_000_000, window: "1 second" } }, PlivoHttpClient.layer)
const sdkSend = Effect.flatMap(Messages, (messages) => messages.send({ src, dst, text }))

const official = officialClient(emulator)

const all: ReadonlyArray<Contender> = [
  fromPromise("raw fetch", fetchSend),
  fromEffect("bare @effect/platform FetchHttpClient", platform, platformSend),
  fromEffect("bare lean client (PlivoHttpClient)", lean, platformSend),
  fromEffect("ours, budgets off, tracer off", unbudgeted, sdkSend, (effect) => Effect.withTracerEnabled(effect, false)),
  fromEffect("ours, budgets off", unbudgeted, sdkSend),
  fromEffect("ours as shipped (budgets on)", budgeted, sdkSend),
  fromEffect("ours over the lean client (budgets on)", budgetedLean, sdkSend),
  fromPromise("official plivo", () => official.messages.create(src, dst, text))
]
const contenders = all.filter((c) => only === undefined || only.some((o) => c.name.includes(o)) || c.name === "official plivo")

for (const contender of contenders) {
  const result: unknown = await contender.one()
  check(typeof result === "object" && result !== null, contender.name)
}

const sequential = (contender: Contender, n: number) => async () => {
  for (let i = 0; i < n; i++) await contender.one()
}

for (const contender of contenders) {
  await sequential(contender, WARMUP / 2)()
  await contender.many(WARMUP / 2)
}

const samples = new Map<string, { seq: Array<Sample>; conc: Array<Sample> }>(
  contenders.map((c) => [c.name, { seq: [], conc: [] }])
)
const load = await interleavedRounds(contenders, rounds, async (contender) => {
  const entry = samples.get(contender.name)!
  entry.seq.push(await measure(sequential(contender, SEQUENTIAL), SEQUENTIAL))
  entry.conc.push(await measure(() => contender.many(CONCURRENT), CONCURRENT))
})


const summary = contenders.map((c) => {
  const { seq, conc } = samples.get(c.name)!
  return {
    name: c.name,
    seqWall: median(seq.map((s) => s.wall)),
    seqCpu: median(seq.map((s) => s.cpu)),
    concWall: median(conc.map((s) => s.wall)),
    concCpu: median(conc.map((s) => s.cpu))
  }
})
const reference = summary.find((s) => s.name === "official plivo")!
const raw = summary.find((s) => s.name === "raw fetch")
const us = (value: number) => value.toFixed(0).padStart(5)
const ratio = (value: number, of: number) => (value / of).toFixed(2).padStart(5)

console.log(
  `ladder: ${rounds} rounds × (${SEQUENTIAL} sequential + ${CONCURRENT} at ${IN_FLIGHT} in flight) per contender, ` +
    `${WARMUP} warm-up; node ${process.version}, ${cpus().length} cores, load average ${
      load.map((l) => l.toFixed(1)).join(" → ")
    }`
)
console.log("µs per send (median of rounds); × official plivo; × raw fetch")
console.log(
  `${"".padEnd(40)} | ${"seq wall".padStart(8)} ${"cpu".padStart(5)} | ${"×plivo".padStart(6)} ${"cpu".padStart(5)} | ` +
    `${"c50 wall".padStart(8)} ${"cpu".padStart(5)} | ${"×plivo".padStart(6)} ${"cpu".padStart(5)} | ${"c50 ×fetch".padStart(10)} ${
      "cpu".padStart(5)
    }`
)
for (const s of summary) {
  console.log(
    `${s.name.padEnd(40)} | ${us(s.seqWall).padStart(8)} ${us(s.seqCpu)} | ${ratio(s.seqWall, reference.seqWall).padStart(6)} ${
      ratio(s.seqCpu, reference.seqCpu)
    } | ${us(s.concWall).padStart(8)} ${us(s.concCpu)} | ${ratio(s.concWall, reference.concWall).padStart(6)} ${
      ratio(s.concCpu, reference.concCpu)
    } | ${raw === undefined ? "".padStart(10) : ratio(s.concWall, raw.concWall).padStart(10)} ${
      raw === undefined ? "" : ratio(s.concCpu, raw.concCpu)
    }`
  )
}

await Promise.all([platform.dispose(), lean.dispose(), unbudgeted.dispose(), budgeted.dispose(), budgetedLean.dispose()])
process.exit(0)
