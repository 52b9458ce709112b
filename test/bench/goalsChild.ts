/**
 * The contenders of `goals.ts` (this SDK as shipped, over `FetchHttpClient` with `--fetch`,
 * the official `plivo` SDK, raw `fetch`) and the child process that measures one of them
 * alone: a cold start, a soak, a history walk.
 *
 * Each contender loads its modules by dynamic import when it is built, so a child process
 * holds one client only, and its RSS is that client's. `goals.ts` imports this module for
 * the in-process phases, and transpiles it (with `plainSupport.ts`, its one import) for
 * the children, which run under plain `node`: a loader (`tsx`) would add its own ~40 MiB
 * to every RSS. It transpiles it twice: as an ES module, and as CommonJS into `cjs/`, where
 * every `import()` becomes a `require` and so loads the packages' CommonJS builds (the
 * `require` condition), as a CommonJS user's program does. Hence no top-level `await` here.
 *
 *   node --expose-gc <transpiled>/goalsChild.js cold <contender>
 *   node --expose-gc <transpiled>/goalsChild.js floor     (import @effect/platform/HttpClient alone)
 *   node --expose-gc <transpiled>/cjs/goalsChild.js cold|floor …   (the same, by require)
 *   node --expose-gc <transpiled>/goalsChild.js soak <contender> <sends> <inFlight>
 *   node --expose-gc <transpiled>/goalsChild.js history <contender> <messages> <sampleEvery> <warmUp>
 *
 * The emulator's address and credentials come in `GOALS_TARGET` (JSON); each child
 * prints one JSON line of results.
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as Layer from "effect/Layer"
import { accountUrl, basicAuthorization, check, promisePool, rawFetchSend, type Target } from "./plainSupport.js"

/** An `HttpClient` layer, named by module and export so a child can load it alone. */
export interface HttpLayerRef {
  readonly specifier: string
  readonly name: string
}

/**
 * The `HttpClient` layer this SDK is shipped with (`Messaging.layerConfig`'s default):
 * switch it here when the default changes.
 */
export const SHIPPED_HTTP: HttpLayerRef = { specifier: "@plivo-effect/core/PlivoHttpClient", name: "layer" }

/** The client this SDK shipped with before `PlivoHttpClient`; measured with `--fetch`. */
export const FETCH_HTTP: HttpLayerRef = { specifier: "@effect/platform/FetchHttpClient", name: "layer" }

/**
 * The budgets as shipped (in-flight permits, adaptive pace), with the account and
 * message-list budgets raised far above what loopback reaches: consulted on every
 * attempt, never waiting. Cold starts use the true defaults (one send waits for nothing).
 */
const RAISED_BUDGET = {
  account: { limit: 10_000_000, window: "1 second" },
  messageList: { limit: 10_000_000, window: "1 second" }
} as const

/** Every contender, by the name the child takes on its command line. */
export const contenderNames = ["ours", "ours/FetchHttpClient", "official", "raw fetch"] as const
export type ContenderName = typeof contenderNames[number]

/** What every phase asks of a contender; each call checks its answer. */
export interface Contender {
  readonly send: () => Promise<void>
  /** `n` sends, `inFlight` at once. */
  readonly sendMany: (n: number, inFlight: number) => Promise<void>
  /** One 20-message page of the message list. */
  readonly listPage: () => Promise<void>
  readonly listMany: (n: number, inFlight: number) => Promise<void>
  /**
   * Reads the history page by page (20 a page) to its end, or to `upTo` messages, calling
   * `sample` after every `every`-th message; resolves with the count read.
   */
  readonly walk: (options: { readonly upTo?: number; readonly every: number; readonly sample: () => void }) => Promise<number>
  readonly dispose: () => Promise<void>
}

const message = { src: "14155550100", dst: "14155550123", text: "Your code is 123456" }
const LIMIT = 20

/**
 * Loads `ref`'s layer, or says why not: a module that does not resolve yet, or one
 * without that layer.
 */
export const loadHttpLayer = async (ref: HttpLayerRef): Promise<Layer.Layer<HttpClient.HttpClient> | string> => {
  let loaded: unknown
  try {
    loaded = await import(ref.specifier)
  } catch (error) {
    return `${ref.specifier} does not load (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`
  }
  const { isLayer } = await import("effect/Layer")
  const candidates = [Reflect.get(Object(loaded), ref.name), Reflect.get(Object(Reflect.get(Object(loaded), "PlivoHttpClient")), ref.name)]
  const layer = candidates.find(isLayer)
  // A module is trusted to export an `HttpClient` layer under that name, as its type says.
  return layer === undefined ? `${ref.specifier} has no \`${ref.name}\` layer` : layer as Layer.Layer<HttpClient.HttpClient>
}

// The time bounds `Messages.stream` pins (now, and 90 days less an hour back), sent by the
// other contenders too so the emulator does the same work for everyone.
const filterTime = (ms: number) => new Date(ms).toISOString().replace("T", " ").replace("Z", "000")
const streamBounds = () => {
  const now = Date.now()
  return { message_time__gte: filterTime(now - 90 * 86_400_000 + 3_600_000), message_time__lte: filterTime(now) }
}

/** Counts messages and samples every `every`-th; `true` once `upTo` is reached. */
const counter = (options: { readonly upTo?: number; readonly every: number; readonly sample: () => void }) => {
  let count = 0
  return {
    add: (n: number) => {
      for (let i = 0; i < n; i++) if (++count % options.every === 0) options.sample()
      return options.upTo !== undefined && count >= options.upTo
    },
    count: () => count
  }
}

const ours = async (target: Target, http: HttpLayerRef, cold: boolean): Promise<Contender> => {
  const [Effect, Layer, ManagedRuntime, Stream, { PlivoClient }, { PlivoConfig }, { Messages }, httpLayer] = await Promise.all([
    import("effect/Effect"),
    import("effect/Layer"),
    import("effect/ManagedRuntime"),
    import("effect/Stream"),
    import("@plivo-effect/core/PlivoClient"),
    import("@plivo-effect/core/PlivoConfig"),
    import("@plivo-effect/messaging/Messages"),
    loadHttpLayer(http)
  ])
  if (typeof httpLayer === "string") throw new Error(httpLayer)
  const runtime = ManagedRuntime.make(
    Messages.layer.pipe(
      Layer.provide(PlivoClient.layer),
      Layer.provide(PlivoConfig.layer(cold ? target : { ...target, budget: RAISED_BUDGET })),
      Layer.provide(httpLayer),
      Layer.orDie
    )
  )
  const messages = await runtime.runPromise(Messages)
  const send = Effect.flatMap(messages.send(message), (sent) =>
    sent.message_uuid.length === 1 ? Effect.void : Effect.die("ours: not queued"))
  const list = Effect.flatMap(messages.list({ limit: LIMIT }), (page) =>
    page.objects.length === LIMIT ? Effect.void : Effect.die(`ours: a page of ${page.objects.length}`))
  // `inFlight` workers, each sending its share one after another, as `promisePool` drives the
  // promise-based contenders. `Effect.forEach` over all `n` items instead keeps an exit per
  // item until the last one ends (7.4 MiB live at the end of 50,000), which counted the driver's
  // memory in this client's RSS.
  const many = (effect: typeof send, n: number, inFlight: number) => {
    const workers = Math.min(inFlight, n)
    const shares = Array.from({ length: workers }, (_, w) => Math.floor((n + workers - 1 - w) / workers))
    return runtime.runPromise(
      Effect.forEach(shares, (share) => Effect.repeatN(effect, share - 1), { concurrency: "unbounded", discard: true })
    )
  }
  return {
    send: () => runtime.runPromise(send),
    sendMany: (n, inFlight) => many(send, n, inFlight),
    listPage: () => runtime.runPromise(list),
    listMany: (n, inFlight) => many(list, n, inFlight),
    walk: (options) => {
      const seen = counter(options)
      const all = messages.stream()
      const read = options.upTo === undefined ? all : Stream.take(all, options.upTo)
      return runtime.runPromise(Stream.runForEach(read, () => {
        seen.add(1)
        return Effect.void
      })).then(seen.count)
    },
    dispose: () => runtime.dispose()
  }
}

/** A page as a promise-based client reads it: its rows, and whether Plivo says more follow. */
interface Page {
  readonly rows: ReadonlyArray<unknown>
  readonly next: string | null | undefined
}

/** A contender from a send and a page read: the official SDK and raw `fetch`. */
const fromPromises = (
  name: string,
  send: () => Promise<void>,
  page: (query: Record<string, string | number>) => Promise<Page>
): Contender => {
  const listPage = async () => {
    const got = await page({ limit: LIMIT, offset: 0 })
    check(got.rows.length === LIMIT, `${name}: a page of ${got.rows.length}`)
  }
  return {
    send,
    sendMany: (n, inFlight) => promisePool(n, inFlight, send),
    listPage,
    listMany: (n, inFlight) => promisePool(n, inFlight, listPage),
    walk: async (options) => {
      const bounds = streamBounds()
      const seen = counter(options)
      for (let offset = 0;; offset += LIMIT) {
        const got = await page({ ...bounds, limit: LIMIT, offset })
        if (seen.add(got.rows.length) || got.rows.length < LIMIT || !got.next) return seen.count()
      }
    },
    dispose: async () => {}
  }
}

interface OfficialPage extends ReadonlyArray<unknown> {
  readonly meta?: { readonly next?: string | null | undefined }
}

const official = async (target: Target): Promise<Contender> => {
  // Named: under tsx the CommonJS module has no `default`, under plain node it has both.
  const { Client } = await import("plivo")
  const client = new Client(target.authId, target.authToken, { url: `${target.baseUrl}Account/${target.authId}` })
  return fromPromises("official", async () => {
    const sent = await client.messages.create(message.src, message.dst, message.text)
    check(sent.messageUuid.length === 1, "official: not queued")
  }, async (query) => {
    const got = await client.messages.list(query) as unknown as OfficialPage
    return { rows: got, next: got.meta?.next }
  })
}

interface RawPage {
  readonly meta?: { readonly next?: string | null | undefined }
  readonly objects: ReadonlyArray<unknown>
}

const rawFetch = (target: Target): Contender => {
  const endpoint = { accountUrl: accountUrl(target), authorization: basicAuthorization(target) }
  return fromPromises("raw fetch", async () => {
    await rawFetchSend(endpoint, message)
  }, async (query) => {
    const search = new URLSearchParams(Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]))
    const response = await fetch(`${endpoint.accountUrl}Message/?${search}`, {
      headers: { authorization: endpoint.authorization, accept: "application/json" }
    })
    check(response.status === 200, `raw fetch: list answered ${response.status}`)
    const got = await response.json() as RawPage
    return { rows: got.objects, next: got.meta?.next }
  })
}

/** Builds `name` aimed at `target`; `cold` keeps this SDK's budgets at their defaults. */
export const makeContender = (name: ContenderName, target: Target, cold = false): Promise<Contender> => {
  switch (name) {
    case "ours":
      return ours(target, SHIPPED_HTTP, cold)
    case "ours/FetchHttpClient":
      return ours(target, FETCH_HTTP, cold)
    case "official":
      return official(target)
    case "raw fetch":
      return Promise.resolve(rawFetch(target))
  }
}

// --- the child process

/** What `cold` prints: the child's own CPU and peak RSS, read as it exits. */
export interface ColdResult {
  readonly cpuMs: number
  readonly maxRssMiB: number
}

/** What `soak` prints. Heap figures are after a forced collection. */
export interface SoakResult {
  readonly wallMs: number
  readonly cpuMs: number
  readonly heapHalfMiB: number
  readonly heapEndMiB: number
  readonly rssHalfMiB: number
  readonly rssEndMiB: number
  readonly maxRssMiB: number
}

/** What `history` prints: growth is above the level after the warm-up walk. */
export interface HistoryResult {
  readonly count: number
  readonly wallMs: number
  readonly cpuMs: number
  readonly peakHeapGrowthMiB: number
  readonly peakRssGrowthMiB: number
  readonly maxRssMiB: number
}

const MiB = 1024 * 1024
const cpuMs = (since?: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1000
}
const maxRssMiB = () => process.resourceUsage().maxRSS / 1024
const collect = (): void => {
  const gc: unknown = Reflect.get(globalThis, "gc")
  if (typeof gc !== "function") throw new Error("run the child with --expose-gc")
  gc()
}

const soak = async (contender: Contender, sends: number, inFlight: number): Promise<SoakResult> => {
  const half = Math.floor(sends / 2)
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  await contender.sendMany(half, inFlight)
  const wallHalf = performance.now() - t0
  const cpuHalf = cpuMs(cpu0)
  collect()
  const heapHalf = process.memoryUsage()
  const cpu1 = process.cpuUsage()
  const t1 = performance.now()
  await contender.sendMany(sends - half, inFlight)
  const wallMs = wallHalf + performance.now() - t1
  const cpu = cpuHalf + cpuMs(cpu1)
  collect()
  const end = process.memoryUsage()
  return {
    wallMs,
    cpuMs: cpu,
    heapHalfMiB: heapHalf.heapUsed / MiB,
    heapEndMiB: end.heapUsed / MiB,
    rssHalfMiB: heapHalf.rss / MiB,
    rssEndMiB: end.rss / MiB,
    maxRssMiB: maxRssMiB()
  }
}

const history = async (contender: Contender, count: number, every: number, warmUp: number): Promise<HistoryResult> => {
  if (warmUp > 0) await contender.walk({ upTo: warmUp, every: warmUp, sample: () => {} })
  // Let the warm-up's sockets and fibers settle before the baseline.
  await new Promise((resolve) => setTimeout(resolve, 50))
  collect()
  const before = process.memoryUsage()
  let peakHeap = 0
  let peakRss = 0
  const sample = () => {
    collect()
    const now = process.memoryUsage()
    peakHeap = Math.max(peakHeap, now.heapUsed - before.heapUsed)
    peakRss = Math.max(peakRss, now.rss - before.rss)
  }
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const read = await contender.walk({ every, sample })
  const wallMs = performance.now() - t0
  const cpu = cpuMs(cpu0)
  check(read === count, `walked ${read} of ${count} messages`)
  return {
    count: read,
    wallMs,
    cpuMs: cpu,
    peakHeapGrowthMiB: peakHeap / MiB,
    peakRssGrowthMiB: peakRss / MiB,
    maxRssMiB: maxRssMiB()
  }
}

const isContenderName = (name: string | undefined): name is ContenderName =>
  contenderNames.some((known) => known === name)

/** What the process's exit reports for a cold start: its own CPU and peak RSS. */
const reportColdOnExit = () =>
  // Read as the process exits, so its whole life counts, as the parent's wall time does.
  process.once("exit", () => {
    const result: ColdResult = { cpuMs: cpuMs(), maxRssMiB: maxRssMiB() }
    process.stdout.write(`${JSON.stringify(result)}\n`)
  })

/**
 * In the CommonJS child, that `require` really loaded effect's and (for this SDK) our
 * CommonJS builds: Node ≥ 20.19 can also `require` an ES module, which would measure the
 * ESM loader under the CommonJS label without failing.
 */
const checkRequired = (loaded: "effect" | "sdk"): void => {
  if (typeof require !== "function") return
  const files = Object.keys(require.cache).map((file) => file.split("\\").join("/"))
  check(files.some((file) => file.includes("/effect/dist/cjs/")), "required: effect's CommonJS build is not loaded")
  check(loaded === "effect" || files.some((file) => /\/messaging\/dist\/cjs\/Messages\.js$/.test(file)), "required: our CommonJS build is not loaded")
}

const childMain = async (argv: ReadonlyArray<string>) => {
  const [mode, name, ...numbers] = argv
  if (mode === "floor") {
    // The floor of any SDK on @effect/platform: its HttpClient module imports effect/Schema,
    // which imports all of fast-check (effect/Arbitrary).
    await import("@effect/platform/HttpClient")
    checkRequired("effect")
    reportColdOnExit()
    return
  }
  const target = JSON.parse(process.env["GOALS_TARGET"] ?? "null") as Target | null
  if (target === null || !isContenderName(name)) throw new Error(`usage: goalsChild (cold|soak|history) <${contenderNames.join("|")}> …`)
  const [a = 0, b = 0, c = 0] = numbers.map(Number)
  if (mode === "cold") {
    const contender = await makeContender(name, target, true)
    await contender.send()
    await contender.dispose()
    if (name.startsWith("ours")) checkRequired("sdk")
    reportColdOnExit()
    return
  }
  const contender = await makeContender(name, target)
  const result = mode === "soak"
    ? await soak(contender, a, b)
    : mode === "history"
    ? await history(contender, a, b, c)
    : undefined
  if (result === undefined) throw new Error(`unknown mode ${mode}`)
  await contender.dispose()
  process.stdout.write(`${JSON.stringify(result)}\n`)
  // Keep-alive sockets must not hold a finished measurement open.
  process.exit(0)
}

if (process.env["GOALS_CHILD"] === "1") {
  childMain(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
