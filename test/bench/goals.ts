/**
 * Issue 14's goals, every ratio in one run: cold start, per send and per list page
 * (sequential and 50 in flight, × the official `plivo` SDK and × raw `fetch`), history
 * streaming of 10k and 100k messages (time, and whether memory stays flat), and a 100k-send
 * soak (time, RSS, growth). Ends with one table, one line per goal, and writes the same as
 * JSON with `--json <file>`.
 *
 * Contenders: this SDK as shipped (the built `dist`, `Messages.layer` + `PlivoClient.layer`
 * + the `HttpClient` layer `SHIPPED_HTTP` in `goalsChild.ts`, the default budgets with the
 * account and list budgets raised out of reach), with `--fetch` the same over
 * `FetchHttpClient` (the default before `PlivoHttpClient`), the official `plivo` SDK, raw `fetch`. All talk to emulators in
 * child processes (one for sends, one seeded per history size), Plivo's rate limits off.
 *
 * - Per send and per list page run in this process, contenders interleaved (order rotated
 *   per round), medians of rounds; CPU is this process's (the emulator's is not in it).
 * - Cold start, history and soak run each contender in a fresh child process under plain
 *   `node` (`goalsChild.ts`, transpiled), so one client's heap never counts in another's
 *   RSS; cold starts interleaved, medians. Cold start runs each twice: loaded by `import()`
 *   (the ESM builds, what a default user gets; the goal) and by `require` (the CommonJS
 *   builds: the same child transpiled to CommonJS).
 *
 *   pnpm bench:goals [--quick] [--fetch] [--only cold] [--json file]
 *   node --import tsx test/bench/goals.ts [--quick] [--fetch] [--only cold] [--json file]      (after `pnpm build`)
 *
 * `--only cold` runs the cold-start phase alone (about 40 s at full counts).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { cpus, loadavg } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import ts from "typescript"
import {
  type ColdResult,
  type Contender,
  type ContenderName,
  type HistoryResult,
  loadHttpLayer,
  makeContender,
  SHIPPED_HTTP,
  type SoakResult
} from "./goalsChild.js"
import { median, type Target } from "./plainSupport.js"
import { distStatus } from "./startup.js"
import { repoRoot, runNode, startEmulator } from "./support.js"

const args = process.argv.slice(2)
const quick = args.includes("--quick")
const jsonAt = args.indexOf("--json")
const jsonFile = jsonAt === -1 ? undefined : args[jsonAt + 1]
const onlyAt = args.indexOf("--only")
const only = onlyAt === -1 ? undefined : args[onlyAt + 1]
if (only !== undefined && only !== "cold") throw new Error(`--only takes one phase: cold (not ${only})`)
const coldOnly = only === "cold"

const counts = quick
  ? {
    coldRuns: 2,
    warmUp: 200,
    rounds: 1,
    sequential: 50,
    concurrent: 200,
    listWarmUp: 40,
    listSequential: 20,
    listConcurrent: 60,
    history: [1_000, 5_000] as const,
    sampleEvery: 500,
    historyWarmUp: 200,
    soak: 4_000
  }
  : {
    coldRuns: 7,
    warmUp: 5_000,
    rounds: 5,
    sequential: 300,
    concurrent: 1_000,
    listWarmUp: 500,
    listSequential: 100,
    listConcurrent: 300,
    history: [10_000, 100_000] as const,
    sampleEvery: 2_000,
    historyWarmUp: 2_000,
    soak: 100_000
  }
const IN_FLIGHT = 50

const loads: Array<{ readonly at: string; readonly load: ReadonlyArray<number> }> = []
const noteLoad = (at: string) => {
  const load = loadavg().map((l) => Number(l.toFixed(2)))
  loads.push({ at, load })
  console.log(`load average ${at}: ${load.join(" ")}`)
}
const notes: Array<string> = []
const note = (text: string) => {
  notes.push(text)
  console.log(`note: ${text}`)
}
const started = performance.now()
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`

// --- set-up

const status = distStatus()
if (status === "missing") throw new Error("packages/*/dist is missing: run `pnpm build` first")
if (status.length > 0) note(`dist is older than ${status.join(", ")}; run \`pnpm build\``)

console.log(
  `issue 14 goals${quick ? " (--quick: small counts, a smoke run)" : ""}; node ${process.version}, ${cpus().length} cores; ` +
    `ours over ${SHIPPED_HTTP.specifier}`
)
noteLoad("at start")

const shipped = await loadHttpLayer(SHIPPED_HTTP)
if (typeof shipped === "string") throw new Error(shipped)
const oursNames: ReadonlyArray<ContenderName> = args.includes("--fetch") ? ["ours", "ours/FetchHttpClient"] : ["ours"]
const inProcess: ReadonlyArray<ContenderName> = [...oursNames, "official", "raw fetch"]

// `--only cold` seeds no history: its emulators stay empty and unused.
const [sendEmulator, smallHistory, largeHistory] = await Promise.all([
  startEmulator(),
  startEmulator(coldOnly ? 0 : counts.history[0]),
  startEmulator(coldOnly ? 0 : counts.history[1])
])
const targetOf = (emulator: Target): Target => ({
  baseUrl: emulator.baseUrl,
  authId: emulator.authId,
  authToken: emulator.authToken
})

// The children run under plain `node`, from a directory that resolves the packages as test/ does:
// as ES modules there, and as CommonJS in `cjs/` (with `module: CommonJS` TypeScript turns each
// `import()` into a `require`, which takes the packages' `require` condition).
const childDir = join(repoRoot, "test", "node_modules", ".cache", "plivo-effect-goals")
const cjsChildDir = join(childDir, "cjs")
mkdirSync(cjsChildDir, { recursive: true })
writeFileSync(join(childDir, "package.json"), `${JSON.stringify({ type: "module", private: true })}\n`)
writeFileSync(join(cjsChildDir, "package.json"), `${JSON.stringify({ type: "commonjs", private: true })}\n`)
for (const file of ["plainSupport", "goalsChild"]) {
  const source = readFileSync(fileURLToPath(new URL(`./${file}.ts`, import.meta.url)), "utf8")
  const esm = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true }
  })
  writeFileSync(join(childDir, `${file}.js`), esm.outputText)
  const cjs = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: false }
  })
  writeFileSync(join(cjsChildDir, `${file}.js`), cjs.outputText)
}
const child = <A>(target: Target, mode: string, ...rest: ReadonlyArray<string | number>) => childIn<A>(childDir, target, mode, ...rest)
const childIn = <A>(dir: string, target: Target, mode: string, ...rest: ReadonlyArray<string | number>) => {
  const [name = "", ...numbers] = rest.map(String)
  const run = runNode(`goalsChild ${mode} ${name}${dir === childDir ? "" : " (CommonJS)"}`, ["--expose-gc", join(dir, "goalsChild.js"), mode, name, ...numbers], {
    cwd: dir,
    env: { GOALS_CHILD: "1", GOALS_TARGET: JSON.stringify(targetOf(target)) }
  })
  const last = run.stdout.trim().split("\n").at(-1) ?? ""
  return { wallMs: run.wallMs, result: JSON.parse(last) as A }
}

/** The round's order: every contender first once, so load drift hits all alike. */
const rotated = <A>(items: ReadonlyArray<A>, round: number) => items.map((_, i) => items[(i + round) % items.length]!)

// --- 1. cold start: import + layers + one send, a whole process each

/** A cold-start case: a contender (or "floor") loaded by `import()` or, with " (CJS)", by `require`. */
type ColdName = ContenderName | "floor" | `${ContenderName | "floor"} (CJS)`
const coldNames: ReadonlyArray<ContenderName> = [...oursNames, "official"]
// "floor": a process that only imports `@effect/platform/HttpClient`, what any SDK on it loads.
const coldCases: ReadonlyArray<ColdName> = [...coldNames, "floor", "ours (CJS)", "official (CJS)", "floor (CJS)"]
console.log(`\n[${elapsed()}] cold start: ${coldCases.length} cases × ${counts.coldRuns} rounds (one unmeasured first)`)
const cold = new Map(coldCases.map((name) => [name, [] as Array<ColdResult & { wallMs: number }>]))
for (let round = -1; round < counts.coldRuns; round++) {
  for (const name of rotated(coldCases, Math.max(round, 0))) {
    const required = name.endsWith(" (CJS)")
    const base = required ? name.slice(0, -" (CJS)".length) : name
    const dir = required ? cjsChildDir : childDir
    const { result, wallMs } = base === "floor"
      ? childIn<ColdResult>(dir, sendEmulator, "floor")
      : childIn<ColdResult>(dir, sendEmulator, "cold", base)
    if (round >= 0) cold.get(name)!.push({ ...result, wallMs })
  }
}
const coldSummary = (name: ColdName) => {
  const runs = cold.get(name)!
  return {
    wallMs: median(runs.map((r) => r.wallMs)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    maxRssMiB: median(runs.map((r) => r.maxRssMiB))
  }
}

// --- 2. per send and per list page, steady state, in this process

interface Sample {
  readonly wallUs: number
  readonly cpuUs: number
}

const measure = async (run: () => Promise<unknown>, n: number): Promise<Sample> => {
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  await run()
  const wallUs = (performance.now() - t0) * 1000 / n
  const cpu = process.cpuUsage(cpu0)
  return { wallUs, cpuUs: (cpu.user + cpu.system) / n }
}

const sequentially = (one: () => Promise<void>, n: number) => async () => {
  for (let i = 0; i < n; i++) await one()
}

interface Steady {
  readonly seq: { readonly wallUs: number; readonly cpuUs: number }
  readonly c50: { readonly wallUs: number; readonly cpuUs: number }
}

/**
 * Builds every in-process contender against `target`, warms each up, then runs `rounds`
 * interleaved rounds of `seq` one by one and `conc` 50 in flight; medians of the rounds.
 */
const steadyState = async (
  target: Target,
  pick: (c: Contender) => { one: () => Promise<void>; many: (n: number, inFlight: number) => Promise<void> },
  warmUp: number,
  seq: number,
  conc: number
): Promise<Map<ContenderName, Steady>> => {
  const contenders = await Promise.all(
    inProcess.map(async (name) => [name, await makeContender(name, targetOf(target))] as const)
  )
  for (const [, contender] of contenders) {
    const { one, many } = pick(contender)
    await sequentially(one, warmUp / 2)()
    await many(warmUp / 2, IN_FLIGHT)
  }
  const samples = new Map(contenders.map(([name]) => [name, { seq: [] as Array<Sample>, c50: [] as Array<Sample> }]))
  for (let round = 0; round < counts.rounds; round++) {
    for (const [name, contender] of rotated(contenders, round)) {
      const { one, many } = pick(contender)
      const entry = samples.get(name)!
      entry.seq.push(await measure(sequentially(one, seq), seq))
      entry.c50.push(await measure(() => many(conc, IN_FLIGHT), conc))
    }
  }
  await Promise.all(contenders.map(([, c]) => c.dispose()))
  const med = (list: ReadonlyArray<Sample>) => ({
    wallUs: median(list.map((s) => s.wallUs)),
    cpuUs: median(list.map((s) => s.cpuUs))
  })
  return new Map([...samples].map(([name, { seq, c50 }]) => [name, { seq: med(seq), c50: med(c50) }]))
}

let sends = new Map<ContenderName, Steady>()
let lists = new Map<ContenderName, Steady>()
if (!coldOnly) {
  console.log(
    `[${elapsed()}] per send: ${counts.warmUp} warm-up, ${counts.rounds} rounds × (${counts.sequential} sequential + ` +
      `${counts.concurrent} at ${IN_FLIGHT} in flight)`
  )
  sends = await steadyState(
    sendEmulator,
    (c) => ({ one: c.send, many: c.sendMany }),
    counts.warmUp,
    counts.sequential,
    counts.concurrent
  )
  noteLoad("after per send")

  console.log(
    `[${elapsed()}] list page (20 of ${counts.history[0]}): ${counts.listWarmUp} warm-up, ${counts.rounds} rounds × ` +
      `(${counts.listSequential} sequential + ${counts.listConcurrent} at ${IN_FLIGHT} in flight)`
  )
  lists = await steadyState(
    smallHistory,
    (c) => ({ one: c.listPage, many: c.listMany }),
    counts.listWarmUp,
    counts.listSequential,
    counts.listConcurrent
  )
}

// --- 3. history, a fresh process per contender and size

const histories = new Map<string, HistoryResult>()
const sizes = [[counts.history[0], smallHistory], [counts.history[1], largeHistory]] as const
if (!coldOnly) console.log(`[${elapsed()}] history: ${counts.history.join(" and ")} messages, a child process each`)
for (const [index, [size, emulator]] of coldOnly ? [] : sizes.entries()) {
  for (const name of rotated(inProcess, index)) {
    const { result } = child<HistoryResult>(emulator, "history", name, size, counts.sampleEvery, counts.historyWarmUp)
    histories.set(`${name} ${size}`, result)
    console.log(`  ${name}, ${size}: ${(result.wallMs / 1000).toFixed(2)} s, peak heap +${result.peakHeapGrowthMiB.toFixed(1)} MiB`)
  }
}
if (!coldOnly) noteLoad("after history")

// --- 4. soak, a fresh process per contender, the send emulator emptied before each

const soaks = new Map<ContenderName, SoakResult>()
if (!coldOnly) console.log(`[${elapsed()}] soak: ${counts.soak} sends at ${IN_FLIGHT} in flight, a child process each`)
for (const name of coldOnly ? [] : [...oursNames, "official"] as const) {
  await sendEmulator.reset()
  const { result } = child<SoakResult>(sendEmulator, "soak", name, counts.soak, IN_FLIGHT)
  soaks.set(name, result)
  console.log(`  ${name}: ${(result.wallMs / 1000).toFixed(1)} s, peak RSS ${result.maxRssMiB.toFixed(0)} MiB`)
}
noteLoad("at end")

// --- the table

interface Row {
  readonly figure: string
  readonly ours: number
  readonly reference: number
  readonly unit: string
  /** `ours / reference` */
  readonly ratio: number
  readonly goal: string
  /** `undefined`: reported, no goal. */
  readonly met: boolean | undefined
}

const rows: Array<Row> = []
const row = (figure: string, ours: number, reference: number, unit: string, goal?: number) =>
  rows.push({
    figure,
    ours,
    reference,
    unit,
    ratio: ours / reference,
    goal: goal === undefined ? "–" : `≤ ${goal.toFixed(1)}×`,
    met: goal === undefined ? undefined : ours / reference <= goal
  })
/** Flat: at most `slack` MiB above the smaller run's figure. */
const flat = (figure: string, large: number, small: number, slack: number) =>
  rows.push({
    figure,
    ours: large,
    reference: small,
    unit: "MiB",
    ratio: large / small,
    goal: `≤ +${slack} MiB`,
    met: large - small <= slack
  })

const official = "official"
const raw = "raw fetch"
const [small, large] = counts.history
for (const ours of oursNames) {
  const label = ours === "ours" ? "" : ` [${ours}]`
  const oc = coldSummary(ours)
  const pc = coldSummary(official)
  row(`cold start wall × official${label}`, oc.wallMs, pc.wallMs, "ms", 1)
  row(`cold start CPU × official${label}`, oc.cpuMs, pc.cpuMs, "ms", 1)
  row(`cold start peak RSS × official${label}`, oc.maxRssMiB, pc.maxRssMiB, "MiB")
  if (ours === "ours") {
    const floor = coldSummary("floor")
    row("cold start wall: import @effect/platform/HttpClient alone × official", floor.wallMs, pc.wallMs, "ms")
    row("cold start wall: ours × that floor", oc.wallMs, floor.wallMs, "ms")
    // The same program by `require` (the CommonJS builds), against the official SDK as a
    // default user loads it (`import()`; it is CommonJS, so Node's CommonJS loader runs it).
    const rc = coldSummary("ours (CJS)")
    const rf = coldSummary("floor (CJS)")
    const rp = coldSummary("official (CJS)")
    row("cold start wall × official, ours required (CJS)", rc.wallMs, pc.wallMs, "ms", 1)
    row("cold start CPU × official, ours required (CJS)", rc.cpuMs, pc.cpuMs, "ms", 1)
    row("cold start peak RSS × official, ours required (CJS)", rc.maxRssMiB, pc.maxRssMiB, "MiB")
    row("cold start wall: ours required (CJS) × ours imported (ESM)", rc.wallMs, oc.wallMs, "ms")
    row("cold start wall: official required × official imported", rp.wallMs, pc.wallMs, "ms")
    row("cold start wall: require @effect/platform/HttpClient alone × official", rf.wallMs, pc.wallMs, "ms")
    row("cold start wall: ours required (CJS) × that floor", rc.wallMs, rf.wallMs, "ms")
  }
  if (coldOnly) continue
  for (const [what, table] of [["per send", sends], ["list page", lists]] as const) {
    for (const mode of ["c50", "seq"] as const) {
      const how = mode === "c50" ? `${IN_FLIGHT} in flight` : "sequential"
      const o = table.get(ours)![mode]
      for (const [versus, goal] of [[official, 1], [raw, 1.5]] as const) {
        const r = table.get(versus)![mode]
        row(`${what}, ${how}: time × ${versus}${label}`, o.wallUs, r.wallUs, "µs", goal)
        row(`${what}, ${how}: CPU × ${versus}${label}`, o.cpuUs, r.cpuUs, "µs", goal)
      }
    }
  }
  for (const size of counts.history) {
    const o = histories.get(`${ours} ${size}`)!
    const p = histories.get(`${official} ${size}`)!
    row(`history ${size.toLocaleString("en")}: time × official offset loop${label}`, o.wallMs, p.wallMs, "ms", 1)
    row(`history ${size.toLocaleString("en")}: CPU × official offset loop${label}`, o.cpuMs, p.cpuMs, "ms")
  }
  const hs = histories.get(`${ours} ${small}`)!
  const hl = histories.get(`${ours} ${large}`)!
  flat(`history peak live-heap growth, ${large.toLocaleString("en")} vs ${small.toLocaleString("en")}${label}`, hl.peakHeapGrowthMiB, hs.peakHeapGrowthMiB, 2)
  row(`history peak RSS, ${large.toLocaleString("en")} vs ${small.toLocaleString("en")}${label}`, hl.maxRssMiB, hs.maxRssMiB, "MiB")
  const os = soaks.get(ours)!
  const ps = soaks.get(official)!
  row(`soak ${counts.soak.toLocaleString("en")}: time × official${label}`, os.wallMs, ps.wallMs, "ms", 1)
  row(`soak ${counts.soak.toLocaleString("en")}: CPU × official${label}`, os.cpuMs, ps.cpuMs, "ms", 1)
  row(`soak ${counts.soak.toLocaleString("en")}: peak RSS × official${label}`, os.maxRssMiB, ps.maxRssMiB, "MiB", 1.2)
  flat(`soak heap after GC, ${counts.soak.toLocaleString("en")} vs ${(counts.soak / 2).toLocaleString("en")} sends${label}`, os.heapEndMiB, os.heapHalfMiB, 2)
  row(`soak RSS, ${counts.soak.toLocaleString("en")} vs ${(counts.soak / 2).toLocaleString("en")} sends${label}`, os.rssEndMiB, os.rssHalfMiB, "MiB")
}

const figure = (value: number, unit: string) =>
  `${value >= 100 ? value.toFixed(0) : value.toFixed(value >= 10 ? 1 : 2)} ${unit}`
const width = Math.max(...rows.map((r) => r.figure.length))
console.log(
  `\nissue 14 goals, ${quick ? "--quick" : "full"} run, ${new Date().toISOString()}; load average ${
    loads.map((l) => l.load[0]!.toFixed(1)).join(" → ")
  }; "official" is the reference unless the figure names raw fetch or a smaller run`
)
console.log(`${"figure".padEnd(width)} | ${"ours".padStart(10)} | ${"official".padStart(10)} | ratio | goal      | met`)
for (const r of rows) {
  console.log(
    `${r.figure.padEnd(width)} | ${figure(r.ours, r.unit).padStart(10)} | ${figure(r.reference, r.unit).padStart(10)} | ${
      r.ratio.toFixed(2).padStart(5)
    } | ${r.goal.padEnd(9)} | ${r.met === undefined ? "–" : r.met ? "met" : "not met"}`
  )
}
for (const text of notes) console.log(`note: ${text}`)
console.log(`total ${elapsed()}`)

if (jsonFile !== undefined) {
  writeFileSync(
    jsonFile,
    `${
      JSON.stringify(
        {
          date: new Date().toISOString(),
          mode: quick ? "quick" : "full",
          node: process.version,
          cores: cpus().length,
          http: SHIPPED_HTTP,
          counts,
          loads,
          notes,
          rows,
          raw: {
            cold: Object.fromEntries(cold),
            sends: Object.fromEntries(sends),
            lists: Object.fromEntries(lists),
            histories: Object.fromEntries(histories),
            soaks: Object.fromEntries(soaks)
          }
        },
        null,
        2
      )
    }\n`
  )
  console.log(`written to ${jsonFile}`)
}
process.exit(0)
