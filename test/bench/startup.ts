/**
 * Whole-process cold start: `node` doing nothing, the official `plivo` SDK imported and a
 * client made, and this SDK's built entry points (`packages/*\/dist`, plain `node`, no
 * loader) imported and a `Messages` runtime built and disposed.
 *
 * Each case is a fresh child process (cwd `test/`, so packages resolve as a user's would);
 * the wall time around `spawnSync` is measured, cases interleaved round by round, and the
 * median of `runs` is reported.
 *
 *   node --import tsx test/bench/startup.ts [runs]      (after `pnpm build`)
 *
 * `startup.bench.ts` runs the same cases under `pnpm bench`.
 */
import { spawnSync } from "node:child_process"
import { existsSync, readdirSync, statSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"

export interface StartupCase {
  readonly name: string
  readonly args: ReadonlyArray<string>
  /** Needs `packages/*\/dist`. */
  readonly needsBuild: boolean
}

const testDir = fileURLToPath(new URL("../", import.meta.url))
const packagesDir = fileURLToPath(new URL("../../packages/", import.meta.url))

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

/** One cold start, in milliseconds of wall time. */
export const runOnce = (startup: StartupCase): number => {
  const start = performance.now()
  const result = spawnSync(process.execPath, startup.args, {
    cwd: testDir,
    env: { ...process.env, NODE_OPTIONS: "" },
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8"
  })
  const elapsed = performance.now() - start
  if (result.status !== 0) throw new Error(`${startup.name} failed (${result.status}): ${result.stderr}`)
  return elapsed
}

const builtPackages = ["core", "messaging"]

const tsFiles = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? tsFiles(join(dir, entry.name))
      : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : []
  )

/**
 * What keeps the `dist` measurement from being current: `"missing"` when a package has
 * no `dist/index.js`, else the sources newer than their compiled output.
 */
export const distStatus = (): "missing" | ReadonlyArray<string> => {
  const stale: Array<string> = []
  for (const pkg of builtPackages) {
    const root = join(packagesDir, pkg)
    if (!existsSync(join(root, "dist", "index.js"))) return "missing"
    for (const source of tsFiles(join(root, "src"))) {
      const output = join(root, "dist", source.slice(join(root, "src").length).replace(/\.ts$/, ".js"))
      if (!existsSync(output) || statSync(output).mtimeMs < statSync(source).mtimeMs) {
        stale.push(source.slice(packagesDir.length))
      }
    }
  }
  return stale
}

export const median = (values: ReadonlyArray<number>): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
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

const main = () => {
  const runs = Number(process.argv[2] ?? "7")
  const status = distStatus()
  if (status === "missing") {
    console.error("packages/*/dist is missing: run `pnpm build` first")
    process.exitCode = 1
    return
  }
  if (status.length > 0) console.warn(`warning: dist is older than ${status.join(", ")}; run \`pnpm build\``)
  const results = measure(cases, runs)
  const reference = results.find((r) => r.name.startsWith("official plivo"))!.median
  const baseline = results[0]!.median
  console.log(`cold start, median of ${runs} runs (node ${process.version})`)
  console.log(["case", "median", "× node", "× plivo"].join("\t"))
  for (const r of results) {
    console.log(
      [r.name, `${(r.median / 1000).toFixed(3)} s`, (r.median / baseline).toFixed(2), (r.median / reference).toFixed(2)]
        .join("\t")
    )
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main()
