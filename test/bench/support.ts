/**
 * Shared set-up of the benchmarks: the emulator in a child process, this SDK over the
 * three `HttpClient` layers, the official `plivo` client, raw `fetch`.
 *
 * vitest's bench mode runs no `beforeAll` / `afterAll` hooks, so bench files set up at
 * module top level (top-level `await`) and register their clean-up with `onExit`.
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { type PlivoBudget, PlivoClient, PlivoConfig } from "@plivo-effect/core"
import { Messages } from "@plivo-effect/messaging"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { spawn, spawnSync } from "node:child_process"
import { createInterface } from "node:readline"
import { fileURLToPath } from "node:url"
import plivo from "plivo"
import { accountUrl, basicAuthorization } from "./plainSupport.js"

/** The repository root, where `tsx` and the workspace resolve. */
export const repoRoot = fileURLToPath(new URL("../../", import.meta.url))

/** A running emulator child process. */
export interface Emulator {
  readonly baseUrl: string
  readonly authId: string
  readonly authToken: string
  /** `{baseUrl}Account/{authId}/` */
  readonly accountUrl: string
  /** The `Authorization` header value. */
  readonly authorization: string
  /** Forgets every message and request (sent or seeded), keeping the credentials. */
  readonly reset: () => Promise<void>
  readonly stop: () => void
}

const exitHandlers: Array<() => void> = []
process.once("exit", () => {
  for (const handler of exitHandlers.reverse()) handler()
})

/** Runs `handler` (synchronously) when the benchmark process exits. */
export const onExit = (handler: () => void): void => {
  exitHandlers.push(handler)
}

/**
 * Starts `PlivoEmulator.layerServer` in a child process (see `emulatorServer.ts`),
 * seeded with `seedCount` messages over the last hour, with Plivo's rate limits on when
 * `rateLimits` (default off).
 */
export const startEmulator = async (seedCount = 0, rateLimits = false): Promise<Emulator> => {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "--conditions=@plivo-effect/source",
      fileURLToPath(new URL("./emulatorServer.ts", import.meta.url)),
      String(seedCount),
      ...(rateLimits ? ["rate-limits"] : [])
    ],
    { cwd: repoRoot, stdio: ["pipe", "pipe", "inherit"], env: { ...process.env, NODE_OPTIONS: "" } }
  )
  const stop = () => {
    child.stdin.end()
    child.kill()
  }
  onExit(stop)
  const lines = createInterface({ input: child.stdout })
  // Each line after the first answers one command written to the child's stdin.
  const replies: Array<(line: string) => void> = []
  lines.on("line", (reply) => replies.shift()?.(reply))
  const line = await new Promise<string>((resolve, reject) => {
    replies.push(resolve)
    child.once("exit", (code) => reject(new Error(`the emulator exited with ${code} before it was ready`)))
    child.once("error", reject)
  })
  // Neither the child nor its pipes may keep the benchmark process alive, but a command
  // awaiting its reply must: stdout is referenced only while one is pending.
  child.unref()
  unref(child.stdin)
  unref(child.stdout)
  const { baseUrl, authId, authToken } = JSON.parse(line) as { baseUrl: string; authId: string; authToken: string }
  const target = { baseUrl, authId, authToken }
  const reset = () =>
    new Promise<void>((resolve, reject) => {
      ref(child.stdout)
      replies.push((reply) => {
        unref(child.stdout)
        if (reply === "reset") resolve()
        else reject(new Error(`the emulator answered ${reply} to reset`))
      })
      child.stdin.write("reset\n")
    })
  return { ...target, accountUrl: accountUrl(target), authorization: basicAuthorization(target), reset, stop }
}

// The pipes are sockets at run time (`ref` / `unref`), typed as plain streams.
const call = (handle: unknown, name: "ref" | "unref") => {
  const method: unknown = typeof handle === "object" && handle !== null ? Reflect.get(handle, name) : undefined
  if (typeof method === "function") method.call(handle)
}
const ref = (handle: unknown) => call(handle, "ref")
const unref = (handle: unknown) => call(handle, "unref")

/**
 * The `HttpClient` layers the SDK is measured over.
 *
 * - `node`: `NodeHttpClient.layer`, as the README suggests. Its `http.Agent` has Node's
 *   defaults: on Node 20 **no keep-alive**, so every request opens a TCP connection.
 * - `nodeKeepAlive`: the same client on an agent with `keepAlive: true`.
 * - `fetch`: `FetchHttpClient.layer` (Node's built-in fetch, undici, keep-alive).
 */
export const httpLayers = {
  node: NodeHttpClient.layer,
  nodeKeepAlive: NodeHttpClient.layerWithoutAgent.pipe(Layer.provide(NodeHttpClient.makeAgentLayer({ keepAlive: true }))),
  fetch: FetchHttpClient.layer
} satisfies Record<string, Layer.Layer<HttpClient.HttpClient>>

/**
 * `Messages` over `PlivoClient` aimed at the emulator, built once; the SDK's budgets off
 * unless `budget` is given (an emulator with its rate limits on wants them on: `{}`).
 */
export const sdkRuntime = async (
  emulator: Emulator,
  http: Layer.Layer<HttpClient.HttpClient>,
  budget: PlivoBudget.Options | false = false
) => {
  const runtime = ManagedRuntime.make(
    Messages.layer.pipe(
      Layer.provide(PlivoClient.layer),
      Layer.provide(
        PlivoConfig.layer({ authId: emulator.authId, authToken: emulator.authToken, baseUrl: emulator.baseUrl, budget })
      ),
      Layer.provide(http)
    )
  )
  const messages = await runtime.runPromise(Messages)
  onExit(() => void runtime.dispose())
  return { runtime, messages }
}

/** The official SDK's client, its messaging base URL aimed at the emulator. */
export const officialClient = (emulator: Emulator) =>
  new plivo.Client(emulator.authId, emulator.authToken, { url: `${emulator.baseUrl}Account/${emulator.authId}` })

export { check, interleavedRounds, median, measurePer, promisePool, rawFetchSend, type Sample } from "./plainSupport.js"

/** One whole `node` process (`NODE_OPTIONS` cleared): its wall time around `spawnSync`, and its stdout. */
export const runNode = (
  name: string,
  args: ReadonlyArray<string>,
  options: { readonly cwd: string; readonly env?: Record<string, string> }
): { readonly wallMs: number; readonly stdout: string } => {
  const start = performance.now()
  const result = spawnSync(process.execPath, args, {
    cwd: options.cwd,
    env: { ...process.env, NODE_OPTIONS: "", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8"
  })
  const wallMs = performance.now() - start
  if (result.status !== 0) throw new Error(`${name} failed (${result.status}): ${result.stderr}`)
  return { wallMs, stdout: result.stdout }
}
