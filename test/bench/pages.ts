/**
 * List pages and history walks, per page: this SDK's `Messages.list` (one 20-message page)
 * and `Messages.stream` (a whole seeded history) against the official `plivo`
 * `messages.list({ limit: 20, offset })` and raw `fetch` + `JSON.parse`, in wall time and
 * this process's CPU per page, against the emulator in its own child process
 * (`support.ts`). This SDK runs as shipped, over `PlivoHttpClient` (`layerConfig`'s
 * default), budgets off, from `dist`; `--fetch` adds the same two rows over `FetchHttpClient`
 * (the default before `PlivoHttpClient`), labelled so.
 *
 * Every contender sends the same time bounds (the ones `Messages.stream` pins), so the
 * emulator does the same work for all. Each is warmed up, then rounds run the contenders
 * interleaved (order rotated per round) and the median of the rounds is printed, with
 * ratios to the official SDK and to raw fetch.
 *
 *   node --import tsx test/bench/pages.ts [rounds] [--count N] [--only name,name] [--fetch]   (after `pnpm build`)
 *
 * `--count` is the size of the seeded history (default 4,000: 200 pages of 20).
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as PlivoHttpClient from "@plivo-effect/core/PlivoHttpClient"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { cpus } from "node:os"
import { check, interleavedRounds, median, measurePer as measure, officialClient, promisePool, type Sample, sdkRuntime, startEmulator } from "./support.js"

const args = process.argv.slice(2)
const flag = (name: string) => {
  const at = args.indexOf(name)
  return at === -1 ? undefined : args[at + 1]
}
const rounds = Number(args.find((arg, i) => /^\d+$/.test(arg) && !["--count", "--only"].includes(args[i - 1] ?? "")) ?? "5")
const COUNT = Number(flag("--count") ?? "4000")
const only = flag("--only")?.split(",")

const LIMIT = 20
const PAGES = Math.ceil(COUNT / LIMIT)
/** One-page contenders: this many pages one after another, then this many with `IN_FLIGHT` at once. */
const SINGLE = 100
const IN_FLIGHT = 50
const WARMUP_WALKS = 3

const emulator = await startEmulator(COUNT)
const sdk = await sdkRuntime(emulator, PlivoHttpClient.layer)
const sdkOverFetch = args.includes("--fetch") ? await sdkRuntime(emulator, FetchHttpClient.layer) : undefined
const official = officialClient(emulator)

// The bounds `Messages.stream` pins (now, and 90 days minus an hour back), fixed once for
// the whole run: the seeded history is the last hour, so every walk sees all of it.
const now = Date.now()
const lower = now - 90 * 86_400_000 + 3_600_000
const filterTime = (ms: number) => new Date(ms).toISOString().replace("T", " ").replace("Z", "000")
const bounds = { message_time__gte: filterTime(lower), message_time__lte: filterTime(now) }
const sdkBounds = { message_time__gte: DateTime.unsafeMake(lower), message_time__lte: DateTime.unsafeMake(now) }

interface Contender {
  readonly name: string
  /** What `run` returns when it works: messages per page, or of the whole history. */
  readonly expect: number
  /** Pages per call of `run`. */
  readonly pages: number
  readonly run: () => Promise<number>
  /** `n` calls of one page, `IN_FLIGHT` at once; one-page contenders only. */
  readonly many?: (n: number) => Promise<unknown>
}

// --- this SDK
type Sdk = Awaited<ReturnType<typeof sdkRuntime>>
const sdkList = (ours: Sdk) => () =>
  ours.runtime.runPromise(Effect.map(ours.messages.list({ ...sdkBounds, limit: LIMIT }), (page) => page.objects.length))
const sdkStream = (ours: Sdk) => () =>
  ours.runtime.runPromise(Stream.runCount(ours.messages.stream({ message_time__lte: sdkBounds.message_time__lte })))

// --- the official SDK
interface OfficialPage extends ReadonlyArray<unknown> {
  readonly meta?: { readonly next?: string | null | undefined }
}
const officialList = async (offset: number) =>
  await official.messages.list({ ...bounds, limit: LIMIT, offset }) as unknown as OfficialPage
const officialWalk = async () => {
  let count = 0
  for (let offset = 0;; offset += LIMIT) {
    const page = await officialList(offset)
    count += page.length
    if (page.length < LIMIT || !page.meta?.next) return count
  }
}

// --- raw fetch
interface RawPage {
  readonly meta?: { readonly next?: string | null | undefined }
  readonly objects: ReadonlyArray<unknown>
}
const query = new URLSearchParams(bounds).toString()
const fetchPage = async (offset: number): Promise<RawPage> => {
  const response = await fetch(`${emulator.accountUrl}Message/?${query}&limit=${LIMIT}&offset=${offset}`, {
    headers: { authorization: emulator.authorization, accept: "application/json" }
  })
  if (response.status !== 200) throw new Error(`list failed: ${response.status}`)
  return JSON.parse(await response.text()) as RawPage
}
const fetchWalk = async () => {
  let count = 0
  for (let offset = 0;; offset += LIMIT) {
    const page = await fetchPage(offset)
    count += page.objects.length
    if (page.objects.length < LIMIT || !page.meta?.next) return count
  }
}

const single = (name: string, one: () => Promise<number>): Contender => ({
  name,
  expect: LIMIT,
  pages: SINGLE,
  run: async () => {
    let count = 0
    for (let i = 0; i < SINGLE; i++) count += await one()
    return count / SINGLE
  },
  many: (n) => promisePool(n, IN_FLIGHT, one)
})
const walk = (name: string, run: () => Promise<number>): Contender => ({ name, expect: COUNT, pages: PAGES, run })

const overFetch = sdkOverFetch === undefined ? [] : [sdkOverFetch]
const all: ReadonlyArray<Contender> = [
  single("raw fetch, 1 page", async () => (await fetchPage(0)).objects.length),
  single("ours Messages.list, 1 page", sdkList(sdk)),
  ...overFetch.map((ours) => single("ours/FetchHttpClient Messages.list, 1 page", sdkList(ours))),
  single("official plivo list, 1 page", async () => (await officialList(0)).length),
  walk(`raw fetch loop, ${COUNT} messages`, fetchWalk),
  walk(`ours Messages.stream, ${COUNT} messages`, sdkStream(sdk)),
  ...overFetch.map((ours) => walk(`ours/FetchHttpClient Messages.stream, ${COUNT} messages`, sdkStream(ours))),
  walk(`official plivo list loop, ${COUNT} messages`, officialWalk)
]
const contenders = all.filter((c) => only === undefined || only.some((o) => c.name.includes(o)) || c.name.startsWith("official"))

for (const contender of contenders) {
  const got = await contender.run()
  check(got === contender.expect, `${contender.name}: got ${got}`)
}
for (const contender of contenders) {
  for (let i = 0; i < WARMUP_WALKS; i++) await contender.run()
  await contender.many?.(SINGLE * 5)
}

const samples = new Map<string, { seq: Array<Sample>; conc: Array<Sample> }>(
  contenders.map((c) => [c.name, { seq: [], conc: [] }])
)
const load = await interleavedRounds(contenders, rounds, async (contender) => {
  const entry = samples.get(contender.name)!
  entry.seq.push(await measure(contender.run, contender.pages))
  const many = contender.many
  if (many !== undefined) entry.conc.push(await measure(() => many(SINGLE * 5), SINGLE * 5))
})


const summary = contenders.map((c) => {
  const { seq, conc } = samples.get(c.name)!
  return {
    name: c.name,
    wall: median(seq.map((s) => s.wall)),
    cpu: median(seq.map((s) => s.cpu)),
    concWall: median(conc.map((s) => s.wall)),
    concCpu: median(conc.map((s) => s.cpu))
  }
})
// Each row is compared with the official SDK and raw fetch doing the same kind of work.
const peer = (name: string, prefix: string) => summary.find((s) => s.name.startsWith(prefix) && s.name.endsWith(name.includes("1 page") ? "1 page" : "messages"))
const us = (value: number) => (Number.isNaN(value) ? "" : value.toFixed(0)).padStart(6)
const ratio = (value: number, of: number | undefined) =>
  (of === undefined || Number.isNaN(value) ? "" : (value / of).toFixed(2)).padStart(6)

console.log(
  `pages: ${rounds} rounds; one-page contenders ${SINGLE} sequential + ${SINGLE * 5} at ${IN_FLIGHT} in flight, ` +
    `walks ${PAGES} pages of ${LIMIT}; ${WARMUP_WALKS} warm-up runs each; node ${process.version}, ${cpus().length} cores, ` +
    `load average ${load.map((l) => l.toFixed(1)).join(" → ")}`
)
console.log("µs per page (median of rounds); × official plivo; × raw fetch (same kind of work)")
console.log(
  `${"".padEnd(54)} | ${"wall".padStart(6)} ${"cpu".padStart(6)} | ${"×plivo".padStart(6)} ${"cpu".padStart(6)} | ` +
    `${"×fetch".padStart(6)} ${"cpu".padStart(6)} | ${"c50 wall".padStart(8)} ${"cpu".padStart(6)} | ${"×plivo".padStart(6)} ${
      "cpu".padStart(6)
    }`
)
for (const s of summary) {
  const plivo = peer(s.name, "official")
  const raw = peer(s.name, "raw fetch")
  console.log(
    `${s.name.padEnd(54)} | ${us(s.wall)} ${us(s.cpu)} | ${ratio(s.wall, plivo?.wall)} ${ratio(s.cpu, plivo?.cpu)} | ` +
      `${ratio(s.wall, raw?.wall)} ${ratio(s.cpu, raw?.cpu)} | ${us(s.concWall).padStart(8)} ${us(s.concCpu)} | ` +
      `${ratio(s.concWall, plivo?.concWall)} ${ratio(s.concCpu, plivo?.concCpu)}`
  )
}

await sdk.runtime.dispose()
await sdkOverFetch?.runtime.dispose()
process.exit(0)
