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
import { spawn } from "node:child_process"
import { createInterface } from "node:readline"
import { fileURLToPath } from "node:url"
import plivo from "plivo"

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
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout })
    lines.once("line", (first) => {
      lines.close()
      child.stdout.destroy()
      resolve(first)
    })
    child.once("exit", (code) => reject(new Error(`the emulator exited with ${code} before it was ready`)))
    child.once("error", reject)
  })
  // Neither the child nor its stdin pipe may keep the benchmark process alive.
  child.unref()
  const stdin: unknown = child.stdin
  if (typeof stdin === "object" && stdin !== null && "unref" in stdin && typeof stdin.unref === "function") stdin.unref()
  const { baseUrl, authId, authToken } = JSON.parse(line) as { baseUrl: string; authId: string; authToken: string }
  return {
    baseUrl,
    authId,
    authToken,
    accountUrl: `${baseUrl}Account/${authId}/`,
    authorization: `Basic ${Buffer.from(`${authId}:${authToken}`).toString("base64")}`,
    stop
  }
}

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

/** Runs `task(0 … n-1)` with at most `concurrency` in flight. */
export const promisePool = async (
  n: number,
  concurrency: number,
  task: (i: number) => Promise<unknown>
): Promise<void> => {
  let next = 0
  const worker = async () => {
    while (next < n) await task(next++)
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker))
}

/** Fails loudly rather than benchmarking error paths. */
export const check = (ok: boolean, what: string): void => {
  if (!ok) throw new Error(`benchmark sanity check failed: ${what}`)
}

/** One SMS by raw `fetch`: POST, `response.json()`, checked; the floor of every send bench. */
export const rawFetchSend = async (
  emulator: Emulator,
  message: { readonly src: string; readonly dst: string; readonly text: string }
) => {
  const response = await fetch(`${emulator.accountUrl}Message/`, {
    method: "POST",
    headers: { authorization: emulator.authorization, "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(message)
  })
  const body = await response.json() as { message_uuid?: Array<string> }
  if (response.status !== 202 || body.message_uuid?.length !== 1) throw new Error(`send failed: ${response.status}`)
  return body
}
