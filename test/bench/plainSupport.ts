/**
 * The helpers of the benchmarks that import no package (only `node:os`): the promise pool,
 * the sanity check, the median, the measured run, the interleaved rounds, the raw `fetch` send. `support.ts` re-exports them; the child processes of
 * `goals.ts` import this module alone, so a child measuring one client's memory loads no
 * other client (and no loader: `goals.ts` transpiles this file for plain `node`).
 */
import { loadavg } from "node:os"

/** Where a client sends: an emulator on loopback. */
export interface Target {
  readonly baseUrl: string
  readonly authId: string
  readonly authToken: string
}

/** `{baseUrl}Account/{authId}/` */
export const accountUrl = (target: Target): string => `${target.baseUrl}Account/${target.authId}/`

/** The `Authorization` header value of `target`'s credentials. */
export const basicAuthorization = (target: Target): string =>
  `Basic ${Buffer.from(`${target.authId}:${target.authToken}`).toString("base64")}`

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

/** Wall time and this process's CPU (user + system), µs per unit of work. */
export interface Sample {
  readonly wall: number
  readonly cpu: number
}

/** Runs `run` once and divides its wall time and CPU by the `units` of work it did. */
export const measurePer = async (run: () => Promise<unknown>, units: number): Promise<Sample> => {
  const cpu0 = process.cpuUsage()
  const t0 = process.hrtime.bigint()
  await run()
  const wall = Number(process.hrtime.bigint() - t0) / 1_000 / units
  const cpu = process.cpuUsage(cpu0)
  return { wall, cpu: (cpu.user + cpu.system) / units }
}

/**
 * `rounds` rounds of `measure` over every contender, the order rotated per round so that
 * load drift hits all alike. Returns the load average before the first round and after each.
 */
export const interleavedRounds = async <C>(
  contenders: ReadonlyArray<C>,
  rounds: number,
  measure: (contender: C) => Promise<void>
): Promise<Array<number>> => {
  const load = [loadavg()[0]!]
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < contenders.length; i++) await measure(contenders[(i + round) % contenders.length]!)
    load.push(loadavg()[0]!)
  }
  return load
}

/** The median; `NaN` of nothing. */
export const median = (values: ReadonlyArray<number>): number => {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** One SMS by raw `fetch`: POST, `response.json()`, checked; the floor of every send bench. */
export const rawFetchSend = async (
  endpoint: { readonly accountUrl: string; readonly authorization: string },
  message: { readonly src: string; readonly dst: string; readonly text: string }
) => {
  const response = await fetch(`${endpoint.accountUrl}Message/`, {
    method: "POST",
    headers: { authorization: endpoint.authorization, "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(message)
  })
  const body = await response.json() as { message_uuid?: Array<string> }
  if (response.status !== 202 || body.message_uuid?.length !== 1) throw new Error(`send failed: ${response.status}`)
  return body
}
