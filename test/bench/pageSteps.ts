/**
 * The steps of reading one 20-message list page (`pageBody.ts`), each alone, in µs of this
 * process's time per page: `JSON.parse`; the repeated-page check (`sameJson` against the
 * page before, or `JSON.stringify` of the items where a build has no `sameJson`, as
 * `fingerprintOf` did); `readFast` of the 20 records; `parsePlivoDateTime` of the page's
 * timestamps and `parseMoney` of its amounts; the whole `MessageListWire` decode (what
 * `Messages.list` runs on the parsed body). No network, no runtime.
 *
 *   node --import tsx test/bench/pageSteps.ts [rounds] [--baseline ../other-checkout]
 *     (after `pnpm build`, in both checkouts; `--baseline` loads that checkout's `dist` into
 *     this process and measures it in the same rounds, interleaved: a paired before/after)
 */
import { loadavg } from "node:os"
import { resolve } from "node:path"
import { pathToFileURL } from "node:url"
import { messageListBody } from "./pageBody.js"

interface Build {
  readonly name: string
  readonly readFast: (u: unknown) => { readonly units: number } | undefined
  readonly parsePlivoDateTime: (s: string) => { readonly _tag: string }
  readonly parseMoney: (s: string) => { readonly _tag: string }
  readonly sameJson: ((a: unknown, b: unknown) => boolean) | undefined
  readonly decodeList: (u: unknown) => { readonly objects: ReadonlyArray<unknown> }
}

const load = async (name: string, dir: string): Promise<Build> => {
  const url = (path: string) => pathToFileURL(`${dir}/${path}`).href
  const wire = await import(url("packages/messaging/dist/internal/messageWire.js"))
  const time = await import(url("packages/core/dist/PlivoDateTime.js"))
  const money = await import(url("packages/core/dist/Money.js"))
  const paginate = await import(url("packages/core/dist/internal/paginate.js"))
  // That checkout's own effect: its schemas are built with that module instance.
  const Schema = await import(url("packages/messaging/node_modules/effect/dist/esm/Schema.js"))
  return {
    name,
    readFast: wire.readFast,
    parsePlivoDateTime: time.parsePlivoDateTime,
    parseMoney: money.parseMoney,
    sameJson: paginate.sameJson,
    decodeList: Schema.decodeUnknownSync(wire.MessageListWire)
  }
}

const args = process.argv.slice(2)
const at = args.indexOf("--baseline")
const rounds = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== "--baseline") ?? 9)
const here = resolve(import.meta.dirname, "../..")
const builds = [await load("this checkout", here)]
if (at >= 0 && args[at + 1] !== undefined) builds.push(await load("baseline", resolve(args[at + 1]!)))

const PAGES = 200
const base = messageListBody(20)
const texts = Array.from(
  { length: PAGES },
  (_, page) => base.replaceAll("5b40a428-bfc7-4daf-9d06-", `5b40a428-bfc7-4daf-${String(page).padStart(4, "0")}-`)
)
const pages: ReadonlyArray<{ objects: ReadonlyArray<Record<string, unknown>> }> = texts.map((t) => JSON.parse(t))
const TIME_FIELDS = ["message_time", "message_sent_time", "message_updated_time", "conversation_expiration_timestamp"]
const MONEY_FIELDS = ["total_rate", "total_amount", "carrier_fees", "carrier_fees_rate"]
const valuesOf = (fields: ReadonlyArray<string>) =>
  pages.map((p) => p.objects.flatMap((o) => fields.map((f) => o[f]).filter((v): v is string => typeof v === "string" && v !== "")))
const times = valuesOf(TIME_FIELDS)
const amounts = valuesOf(MONEY_FIELDS)

let sink = 0
const steps: ReadonlyArray<readonly [string, (b: Build) => void]> = [
  ["JSON.parse", () => {
    for (const t of texts) sink += JSON.parse(t).objects.length
  }],
  ["repeated-page check", (b) => {
    let previous: unknown = undefined
    for (const p of pages) {
      if (b.sameJson === undefined) {
        const text = JSON.stringify(p.objects)
        if (text === previous) sink++
        previous = text
      } else {
        if (previous !== undefined && b.sameJson(p.objects, previous)) sink++
        previous = p.objects
      }
    }
  }],
  ["readFast × 20", (b) => {
    for (const p of pages) for (const o of p.objects) sink += b.readFast(o)?.units ?? 0
  }],
  [`parsePlivoDateTime × ${times[0]!.length}`, (b) => {
    for (const page of times) for (const s of page) sink += b.parsePlivoDateTime(s)._tag.length
  }],
  [`parseMoney × ${amounts[0]!.length}`, (b) => {
    for (const page of amounts) for (const s of page) sink += b.parseMoney(s)._tag.length
  }],
  ["MessageListWire decode", (b) => {
    for (const p of pages) sink += b.decodeList(p).objects.length
  }]
]

for (const b of builds) for (const [, step] of steps) for (let i = 0; i < 30; i++) step(b)
const samples = new Map<string, Array<number>>()
const loads = [loadavg()[0]!]
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? builds : [...builds].reverse()
  for (const [name, step] of steps) {
    for (const b of order) {
      const t0 = process.hrtime.bigint()
      for (let k = 0; k < 5; k++) step(b)
      const key = `${name}|${b.name}`
      samples.set(key, [...(samples.get(key) ?? []), Number(process.hrtime.bigint() - t0) / 1000 / 5 / PAGES])
    }
  }
  loads.push(loadavg()[0]!)
}
const median = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!
console.log(`pageSteps: ${rounds} rounds of ${PAGES} pages; load average ${loads.map((l) => l.toFixed(1)).join(" → ")}`)
console.log(["µs per page".padEnd(28), ...builds.map((b) => b.name.padStart(15))].join(""))
for (const [name] of steps) {
  console.log([name.padEnd(28), ...builds.map((b) => median(samples.get(`${name}|${b.name}`)!).toFixed(1).padStart(15))].join(""))
}
if (sink === 0) console.log("(nothing read)")
