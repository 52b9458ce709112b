/**
 * Whole-process cold start: `node` doing nothing, the official `plivo` SDK imported and a
 * client made, and this SDK's built entry points (`packages/*\/dist`, plain `node`, no
 * loader) imported and a `Messages` runtime built and disposed.
 *
 * Each case is a fresh child process (cwd `test/`, so packages resolve as a user's would);
 * the wall time around `spawnSync` is measured, cases interleaved round by round, and the
 * median of `runs` is reported.
 *
 * The send cases also import, build and send one SMS to an emulator that runs in its own
 * child process on 127.0.0.1 (`support.ts`), so the server's start-up is not measured.
 *
 *   node --import tsx test/bench/startup.ts [runs] [--baseline DIR]     (after `pnpm build`)
 *
 * `--baseline DIR` adds the send cases of another built checkout (e.g. a worktree of
 * main) to the same rounds, so a change is compared under the same load.
 *
 * `startup.bench.ts` runs the same cases under `pnpm bench`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { median } from "./plainSupport.js"
import { runNode, startEmulator } from "./support.js"

export { median }

export interface StartupCase {
  readonly name: string
  readonly args: ReadonlyArray<string>
  /** Needs `packages/*\/dist`. */
  readonly needsBuild: boolean
  /** Where the process starts (and so which checkout's packages resolve); default `test/`. */
  readonly cwd?: string
}

const testDir = fileURLToPath(new URL("../", import.meta.url))
const packagesDir = fileURLToPath(new URL("../../packages/", import.meta.url))
const repoDir = fileURLToPath(new URL("../../", import.meta.url))

const authId = "MAXXXXXXXXXXXXXXXXXX"

const esm = (code: string) => ["--input-type=module", "-e", code]

const sdk = (http: "NodeHttpClient" | "FetchHttpClient") =>
  esm(`
import { PlivoClient, PlivoConfig } from "@plivo-effect/core"
import { Messages } from "@plivo-effect/messaging"
import * as Http from "@effect/platform${http === "NodeHttpClient" ? "-node" : ""}/${http}"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
const runtime = ManagedRuntime.make(Messages.layer.pipe(
  Layer.provide(PlivoClient.layer),
  Layer.provide(PlivoConfig.layer({ authId: "${authId}", authToken: "token", baseUrl: "http://127.0.0.1:1/v1/" })),
  Layer.provide(Http.layer)
))
await runtime.runPromise(Messages)
await runtime.dispose()
`)

export const cases: ReadonlyArray<StartupCase> = [
  { name: "node -e \"\"", args: ["-e", ""], needsBuild: false },
  {
    name: "official plivo: import + new Client",
    args: esm(`import plivo from "plivo"
new plivo.Client("${authId}", "token", { url: "http://127.0.0.1:1/v1/Account/${authId}" })`),
    needsBuild: false
  },
  { name: "plivo-effect (dist): import + Messages runtime, NodeHttpClient", args: sdk("NodeHttpClient"), needsBuild: true },
  { name: "plivo-effect (dist): import + Messages runtime, FetchHttpClient", args: sdk("FetchHttpClient"), needsBuild: true }
]

/** Where the send cases send: an emulator on loopback (`support.ts` `startEmulator`). */
export interface SendTarget {
  readonly baseUrl: string
  readonly authId: string
  readonly authToken: string
}

const sendText = { src: "14155550100", dst: "14155550123", text: "cold start" }

// Imports of the SDK in the send cases: the barrels, or one module per import.
const barrelImports = `import { PlivoClient, PlivoConfig } from "@plivo-effect/core"
import { Messages } from "@plivo-effect/messaging"`
const subpathImports = `import { PlivoClient } from "@plivo-effect/core/PlivoClient"
import { PlivoConfig } from "@plivo-effect/core/PlivoConfig"
import { Messages } from "@plivo-effect/messaging/Messages"`

const sdkSend = (imports: string, target: SendTarget) =>
  esm(`${imports}
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
const live = Messages.layer.pipe(
  Layer.provide(PlivoClient.layer),
  Layer.provide(PlivoConfig.layer(${JSON.stringify(target)})),
  Layer.provide(FetchHttpClient.layer)
)
const sent = await Effect.runPromise(Effect.provide(Effect.flatMap(Messages, (m) => m.send(${JSON.stringify(sendText)})), live))
if (sent.message_uuid.length !== 1) throw new Error("not queued")
`)

/**
 * Whether the built packages export modules by subpath (`@plivo-effect/messaging/Messages`);
 * before they did, only the barrels could be measured.
 */
export const hasSubpaths = (packages = packagesDir): boolean => {
  const manifest: unknown = JSON.parse(readFileSync(join(packages, "messaging", "package.json"), "utf8"))
  return typeof manifest === "object" && manifest !== null && "exports" in manifest &&
    typeof manifest.exports === "object" && manifest.exports !== null && "./*" in manifest.exports
}

/**
 * A whole process that imports a client, builds it and sends one SMS to `target`: the
 * official `plivo` package, this SDK by barrel, and (when exported) by module subpath,
 * each over `FetchHttpClient`, the keep-alive client the README recommends.
 */
export const sendCases = (target: SendTarget): ReadonlyArray<StartupCase> => [
  {
    name: "official plivo: import + client + 1 send",
    args: esm(`import plivo from "plivo"
const client = new plivo.Client("${target.authId}", "${target.authToken}", { url: "${target.baseUrl}Account/${target.authId}" })
const sent = await client.messages.create("${sendText.src}", "${sendText.dst}", "${sendText.text}")
if (sent.messageUuid.length !== 1) throw new Error("not queued")`),
    needsBuild: false
  },
  ...sdkSendCases(target, repoDir, "")
]

/**
 * This SDK's send cases as built in the checkout at `repo` (its `packages/*\/dist`,
 * resolved from its `test/`): by barrel, and by subpath when that checkout exports them.
 */
export const sdkSendCases = (target: SendTarget, repo: string, label: string): ReadonlyArray<StartupCase> => {
  const cwd = join(repo, "test")
  return [
    { name: `plivo-effect${label} (dist), barrels: import + layers + 1 send`, args: sdkSend(barrelImports, target), needsBuild: true, cwd },
    ...(hasSubpaths(join(repo, "packages"))
      ? [{ name: `plivo-effect${label} (dist), subpaths: import + layers + 1 send`, args: sdkSend(subpathImports, target), needsBuild: true, cwd }]
      : [])
  ]
}

/** One cold start, in milliseconds of wall time. */
export const runOnce = (startup: StartupCase): number =>
  runNode(startup.name, startup.args, { cwd: startup.cwd ?? testDir }).wallMs

const builtPackages = ["core", "messaging"]

const tsFiles = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? tsFiles(join(dir, entry.name))
      : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : []
  )

/**
 * What keeps the `dist` measurement from being current: `"missing"` when a package has
 * no `dist/index.js` or `dist/cjs/index.js`, else the sources newer than their compiled
 * output (ESM or CommonJS).
 */
export const distStatus = (): "missing" | ReadonlyArray<string> => {
  const stale: Array<string> = []
  for (const pkg of builtPackages) {
    const root = join(packagesDir, pkg)
    if (!existsSync(join(root, "dist", "index.js")) || !existsSync(join(root, "dist", "cjs", "index.js"))) return "missing"
    for (const source of tsFiles(join(root, "src"))) {
      const module = source.slice(join(root, "src").length).replace(/\.ts$/, ".js")
      const outputs = [join(root, "dist", module), join(root, "dist", "cjs", module)]
      if (outputs.some((output) => !existsSync(output) || statSync(output).mtimeMs < statSync(source).mtimeMs)) {
        stale.push(source.slice(packagesDir.length))
      }
    }
  }
  return stale
}

/** `runs` rounds, each starting every case once (one unmeasured round first). */
export const measure = (selected: ReadonlyArray<StartupCase>, runs: number) => {
  const samples = selected.map(() => [] as Array<number>)
  for (const startup of selected) runOnce(startup)
  for (let round = 0; round < runs; round++) {
    selected.forEach((startup, i) => samples[i]!.push(runOnce(startup)))
  }
  return selected.map((startup, i) => ({ name: startup.name, median: median(samples[i]!), samples: samples[i]! }))
}

const report = (title: string, results: ReturnType<typeof measure>, baseline: number) => {
  const reference = results.find((r) => r.name.startsWith("official plivo"))!.median
  console.log(title)
  console.log(["case", "median", "× node", "× plivo"].join("\t"))
  for (const r of results) {
    console.log(
      [r.name, `${(r.median / 1000).toFixed(3)} s`, (r.median / baseline).toFixed(2), (r.median / reference).toFixed(2)]
        .join("\t")
    )
  }
}

const main = async () => {
  const runs = Number(process.argv[2] ?? "7")
  // `--baseline DIR`: also run the send cases of another checkout (built), in the same rounds.
  const at = process.argv.indexOf("--baseline")
  const baselineRepo = at === -1 ? undefined : process.argv[at + 1]
  const status = distStatus()
  if (status === "missing") {
    console.error("packages/*/dist is missing: run `pnpm build` first")
    process.exitCode = 1
    return
  }
  if (status.length > 0) console.warn(`warning: dist is older than ${status.join(", ")}; run \`pnpm build\``)
  const emulator = await startEmulator()
  try {
    const send = [...sendCases(emulator), ...(baselineRepo === undefined ? [] : sdkSendCases(emulator, baselineRepo, " [baseline]"))]
    const results = measure([...cases, ...send], runs)
    const baseline = results[0]!.median
    console.log(`cold start, median of ${runs} runs, cases interleaved (node ${process.version})`)
    report("\nimport + build, no request", results.slice(0, cases.length), baseline)
    report("\nimport + build + 1 send to the emulator on 127.0.0.1", results.slice(cases.length), baseline)
  } finally {
    emulator.stop()
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main()
