/**
 * The CPU of one `Messages.send` with no network at all: every variant runs over the same
 * in-process `HttpClient` (`HttpClient.make`) that answers a fixed `SendResult` JSON at
 * once, so what is measured is this SDK's steps per send (and the platform's request and
 * response objects), not sockets. Steadier than `ladder.ts` on a shared machine.
 *
 *   floor: HttpClient.execute + response.text + JSON.parse over the same client →
 *   ours, budgets off, tracer off → ours, budgets off → ours as shipped (default budgets,
 *   the account budget raised so it is consulted on every attempt and never waits)
 *
 * Sequential and 50 in flight; a warm-up, then rounds with the variants interleaved
 * (order rotated), medians of µs CPU per send (`process.cpuUsage`, user + system).
 *
 *   node --expose-gc --import tsx test/bench/hotpath.ts [rounds] [--sends n] [--only name,name] [--profile name]
 *     [--baseline ../other-checkout]
 *     (after `pnpm build`; `--profile` runs only that variant, 50 in flight, for `node --cpu-prof`;
 *     `--baseline` adds the `ours` variants of another built checkout, loaded from its `dist` into
 *     this process and measured in the same rounds: a paired before/after)
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { type PlivoBudget, PlivoClient, PlivoConfig } from "@plivo-effect/core"
import { Messages } from "@plivo-effect/messaging"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { cpus } from "node:os"
import { resolve } from "node:path"
import { pathToFileURL } from "node:url"
import { interleavedRounds, median } from "./plainSupport.js"

const args = process.argv.slice(2)
const flag = (name: string) => {
  const i = args.indexOf(name)
  return i === -1 ? undefined : args[i + 1]
}
const rounds = Number(args.find((arg, i) => /^\d+$/.test(arg) && (i === 0 || !args[i - 1]!.startsWith("--"))) ?? "7")
const SENDS = Number(flag("--sends") ?? "4000")
const only = flag("--only")?.split(",")
const profile = flag("--profile")
const IN_FLIGHT = 50
const WARMUP = 4_000

const answer = JSON.stringify({
  api_id: "db342550-7f1d-11e1-8ea7-1231380bc196",
  message: "message(s) queued",
  message_uuid: ["db3ce55a-7f1d-11e1-8ea7-1231380bc196"],
  invalid_number: []
})
const answerHeaders = { "content-type": "application/json" }

// Answers every request at once, the same JSON, 202, as Plivo does a send.
const inProcess = HttpClient.make((request) =>
  Effect.succeed(HttpClientResponse.fromWeb(request, new Response(answer, { status: 202, headers: answerHeaders })))
)
const httpLayer = Layer.succeed(HttpClient.HttpClient, inProcess)

const authId = "MAXXXXXXXXXXXXXXXXXX"
const params = { src: "14155550100", dst: "14155550123", text: "Your code is 123456" }

interface Variant {
  readonly name: string
  readonly run: (n: number, concurrency: number) => Promise<unknown>
}

const many = (send: Effect.Effect<unknown, unknown, never>, n: number, concurrency: number) =>
  concurrency === 1
    ? Effect.repeatN(send, n - 1)
    : Effect.forEach(Array.from({ length: n }), () => send, { concurrency, discard: true })

interface Sdk {
  readonly Messages: typeof Messages
  readonly PlivoClient: typeof PlivoClient
  readonly PlivoConfig: typeof PlivoConfig
}

const sdk = (from: Sdk, budget: PlivoBudget.Options | false) =>
  ManagedRuntime.make(
    from.Messages.layer.pipe(
      Layer.provide(from.PlivoClient.layer),
      Layer.provide(from.PlivoConfig.layer({ authId, authToken: "token-token-token-token-token-tok", budget })),
      Layer.provide(httpLayer),
      Layer.orDie
    )
  )
const here: Sdk = { Messages, PlivoClient, PlivoConfig }
const unbudgeted = sdk(here, false)
const budgeted = sdk(here, { account: { limit: 10_000_000, window: "1 second" } })
const send = Effect.flatMap(Messages, (messages) => messages.send(params))

// Another checkout's build, in this process (its own module instances; the service tags are
// keyed by name, so one runtime per checkout keeps them apart).
const baselineDir = flag("--baseline")
const baseline = baselineDir === undefined ? undefined : await (async (): Promise<Sdk> => {
  const dir = resolve(baselineDir)
  const core: Pick<Sdk, "PlivoClient" | "PlivoConfig"> = await import(pathToFileURL(`${dir}/packages/core/dist/index.js`).href)
  const messaging: Pick<Sdk, "Messages"> = await import(pathToFileURL(`${dir}/packages/messaging/dist/index.js`).href)
  return { Messages: messaging.Messages, PlivoClient: core.PlivoClient, PlivoConfig: core.PlivoConfig }
})()
const baseUnbudgeted = baseline === undefined ? undefined : sdk(baseline, false)
const baseBudgeted = baseline === undefined ? undefined : sdk(baseline, { account: { limit: 10_000_000, window: "1 second" } })

const ours = (
  name: string,
  runtime: ManagedRuntime.ManagedRuntime<Messages, never>,
  around: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R> = (effect) => effect
): Variant => ({
  name,
  run: (n, concurrency) =>
    runtime.runPromise(around(Effect.flatMap(Messages, (messages) => many(messages.send(params), n, concurrency))))
})

const url = `https://api.plivo.com/v1/Account/${authId}/Message/`
const floorSend = inProcess.execute(HttpClientRequest.post(url)).pipe(
  Effect.flatMap((response) => response.text),
  Effect.map((text): unknown => JSON.parse(text))
)

const tracerOff = <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.withTracerEnabled(effect, false)
const all: ReadonlyArray<Variant> = [
  { name: "floor: execute + text + JSON.parse", run: (n, c) => Effect.runPromise(many(floorSend, n, c)) },
  ours("ours, budgets off, tracer off", unbudgeted, tracerOff),
  ours("ours, budgets off", unbudgeted),
  ours("ours as shipped (budgets on)", budgeted),
  ...(baseUnbudgeted === undefined || baseBudgeted === undefined ? [] : [
    ours("baseline, budgets off, tracer off", baseUnbudgeted, tracerOff),
    ours("baseline, budgets off", baseUnbudgeted),
    ours("baseline as shipped (budgets on)", baseBudgeted)
  ])
]

// Every variant really answers what a send answers before anything is timed.
for (const runtime of [unbudgeted, budgeted, baseUnbudgeted, baseBudgeted]) {
  if (runtime === undefined) continue
  const first = await runtime.runPromise(send)
  if (first.message_uuid.length !== 1) throw new Error("the in-process send did not decode")
}

if (profile !== undefined) {
  const variant = all.find((v) => v.name.includes(profile))
  if (variant === undefined) throw new Error(`no variant matches ${profile}`)
  await variant.run(WARMUP, IN_FLIGHT)
  const cpu0 = process.cpuUsage()
  for (let i = 0; i < rounds; i++) await variant.run(SENDS, IN_FLIGHT)
  const cpu = process.cpuUsage(cpu0)
  console.log(`profile ${variant.name}: ${((cpu.user + cpu.system) / (rounds * SENDS)).toFixed(1)} µs CPU per send`)
  process.exit(0)
}

const variants = all.filter((v) => only === undefined || only.some((o) => v.name.includes(o)))

// With `--expose-gc`, each sample starts from a collected heap, so one variant's garbage is
// not collected on another's time.
const collect: () => void = typeof globalThis.gc === "function" ? globalThis.gc : () => {}

const cpuPer = async (run: () => Promise<unknown>, n: number) => {
  collect()
  const cpu0 = process.cpuUsage()
  await run()
  const cpu = process.cpuUsage(cpu0)
  return (cpu.user + cpu.system) / n
}

for (const variant of variants) {
  await variant.run(WARMUP, 1)
  await variant.run(WARMUP, IN_FLIGHT)
}

const samples = new Map(variants.map((v) => [v.name, { seq: new Array<number>(), conc: new Array<number>() }]))
const load = await interleavedRounds(variants, rounds, async (variant) => {
  const entry = samples.get(variant.name)!
  entry.seq.push(await cpuPer(() => variant.run(SENDS, 1), SENDS))
  entry.conc.push(await cpuPer(() => variant.run(SENDS, IN_FLIGHT), SENDS))
})


console.log(
  `hotpath: ${rounds} rounds × ${SENDS} sends (sequential, then ${IN_FLIGHT} in flight) per variant, ${WARMUP} warm-up; ` +
    `node ${process.version}, ${cpus().length} cores, load average ${load.map((l) => l.toFixed(1)).join(" → ")}`
)
console.log("µs CPU per send: median of rounds (+ over the floor's), and the lowest round")
const floor = samples.get(all[0]!.name)
const floorSeq = floor === undefined ? undefined : median(floor.seq)
const floorConc = floor === undefined ? undefined : median(floor.conc)
const plus = (value: number, of: number | undefined) => of === undefined ? "" : `+${(value - of).toFixed(0)}`.padStart(6)
console.log(`${"".padEnd(38)} | ${"seq".padStart(6)} ${"".padStart(6)} ${"min".padStart(6)} | ${"c50".padStart(6)} ${"".padStart(6)} ${"min".padStart(6)}`)
const fixed = (value: number) => value.toFixed(1).padStart(6)
for (const variant of variants) {
  const { conc, seq } = samples.get(variant.name)!
  const s = median(seq)
  const c = median(conc)
  console.log(
    `${variant.name.padEnd(38)} | ${fixed(s)} ${plus(s, floorSeq)} ${fixed(Math.min(...seq))} | ${fixed(c)} ${
      plus(c, floorConc)
    } ${fixed(Math.min(...conc))}`
  )
}

await Promise.all([unbudgeted, budgeted, baseUnbudgeted, baseBudgeted].map((runtime) => runtime?.dispose()))
process.exit(0)
