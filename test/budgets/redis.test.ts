/**
 * Across processes, with a real Redis (issue 13): three worker processes (worker.ts) send
 * for one account against one emulator served on loopback with its limits on. Sharing one
 * Redis store they meet no 429 and their combined rate stays within the budget; each with
 * its own memory store (the control), they trip 429s.
 *
 * The test starts `redis-server` itself (from PATH, or the path in `REDIS_SERVER`) on a free
 * loopback port and stops it. Without `redis-server` the suite is skipped with the reason,
 * except under `CI=true`, where that fails the run.
 */
import { describe, expect, it } from "@effect/vitest"
import { PlivoEmulator, RateWindow } from "@plivo-effect/testing"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import { type ChildProcess, execFileSync, spawn } from "node:child_process"
import { accessSync, constants } from "node:fs"
import { createServer } from "node:net"
import { fileURLToPath } from "node:url"
import { stop } from "../e2e/standalone.js"

const ROOT = fileURLToPath(new URL("../../", import.meta.url))

/**
 * The budget both sides keep: small, so that a run takes seconds, yet with tokens far
 * enough apart (444 ms) that a process stalled for a moment (CI runs test files side by
 * side on few cores) does not send two tokens' worth at once.
 */
const LIMIT = 12
const WINDOW_MILLIS = 4_000
const WORKERS = 3
const PER_WORKER = 10
/** Time for every worker to load and build its layers before the first send. */
const START_DELAY_MILLIS = 4_000

/** `REDIS_SERVER` (a path) if set, else `redis-server` from PATH; undefined when not there. */
const redisServer = ((): string | undefined => {
  const configured = process.env.REDIS_SERVER
  if (configured !== undefined && configured !== "") {
    try {
      accessSync(configured, constants.X_OK)
      return configured
    } catch {
      return undefined
    }
  }
  try {
    return execFileSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" }).trim() || undefined
  } catch {
    return undefined
  }
})()

const inCi = process.env.CI === "true"

const freePort = Effect.async<number, Error>((resume) => {
  const server = createServer()
  server.once("error", (error) => resume(Effect.fail(error)))
  server.listen(0, "127.0.0.1", () => {
    const address = server.address()
    const port = typeof address === "object" && address !== null ? address.port : 0
    server.close(() => resume(port === 0 ? Effect.fail(new Error("no free port")) : Effect.succeed(port)))
  })
})

/** `redis-server` on a free loopback port, without persistence, for the scope's life. */
const startRedis = (binary: string) =>
  Effect.flatMap(freePort, (port) =>
    Effect.acquireRelease(
      Effect.async<ChildProcess, Error>((resume) => {
        const child = spawn(
          binary,
          ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
          { stdio: ["ignore", "pipe", "pipe"] }
        )
        let output = ""
        let settled = false
        const settle = (effect: Effect.Effect<ChildProcess, Error>) => {
          if (settled) return
          settled = true
          resume(effect)
        }
        child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
          output += chunk
          if (output.includes("Ready to accept connections")) settle(Effect.succeed(child))
        })
        child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (output += chunk))
        child.once("error", (error) => settle(Effect.fail(error)))
        child.once("exit", (code) => settle(Effect.fail(new Error(`redis-server exited (${code}): ${output}`))))
        return stop(child)
      }).pipe(Effect.timeoutFail({ duration: "20 seconds", onTimeout: () => new Error("redis-server did not start in 20 s") })),
      stop
    ).pipe(Effect.as(port)))

interface WorkerResult {
  readonly sent: number
  readonly failed: number
}

/** One worker process, run to its end (at most 90 s). */
const runWorker = (args: Record<string, unknown>): Effect.Effect<WorkerResult, Error> =>
  Effect.async<WorkerResult, Error>((resume) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--conditions=@plivo-effect/source", "test/budgets/worker.ts", JSON.stringify(args)],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] }
    )
    let stdout = ""
    let stderr = ""
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk))
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk))
    child.once("error", (error) => resume(Effect.fail(error)))
    child.once("exit", (code) => {
      const last = stdout.trim().split("\n").at(-1) ?? ""
      try {
        const parsed: unknown = JSON.parse(last)
        if (code === 0 && typeof parsed === "object" && parsed !== null && "sent" in parsed && "failed" in parsed) {
          return resume(Effect.succeed({ sent: Number(parsed.sent), failed: Number(parsed.failed) }))
        }
      } catch {
        // reported below
      }
      resume(Effect.fail(new Error(`worker exited ${code}: ${stderr || stdout}`)))
    })
    return stop(child)
  }).pipe(Effect.timeoutFail({ duration: "90 seconds", onTimeout: () => new Error("a worker did not end in 90 s") }))

const Emulator = PlivoEmulator.layerServer({
  rateLimits: { account: { limit: LIMIT, window: WINDOW_MILLIS } },
  requestLogSize: Infinity
})

/** Three workers at once against a fresh emulator; its request log afterwards. */
const runAll = (redisPort: number | null) =>
  Effect.gen(function*() {
    const emulator = yield* PlivoEmulator
    const startAt = Date.now() + START_DELAY_MILLIS
    const results = yield* Effect.forEach(
      Array.from({ length: WORKERS }, (_, worker) => worker),
      (worker) =>
        runWorker({
          baseUrl: emulator.baseUrl,
          authId: emulator.authId,
          authToken: emulator.authToken,
          redisPort,
          count: PER_WORKER,
          limit: LIMIT,
          windowMillis: WINDOW_MILLIS,
          worker,
          startAt
        }),
      { concurrency: "unbounded" }
    )
    const log = yield* emulator.requests
    const times = log.map((r) => DateTime.toEpochMillis(r.at))
    const summary = {
      requests: log.length,
      tooManyRequests: log.filter((r) => r.status === 429).length,
      accepted: log.filter((r) => r.status === 202).length,
      maxInWindow: RateWindow.maxInWindow(log.filter((r) => r.status !== 429).map((r) => DateTime.toEpochMillis(r.at)), WINDOW_MILLIS),
      maxArrivalsInWindow: RateWindow.maxInWindow(times, WINDOW_MILLIS),
      seconds: (Math.max(...times) - Math.min(...times)) / 1000
    }
    console.log(`budgets across ${WORKERS} processes (${redisPort === null ? "memory" : "redis"}): ${JSON.stringify(summary)}`)
    return { results, summary }
  }).pipe(Effect.provide(Emulator))

const available = redisServer !== undefined
if (!available && !inCi) {
  console.warn("budgets across processes: skipped, redis-server is not on PATH (apt-get install redis-server)")
}

describe.runIf(available)("budgets across processes, with a real Redis", () => {
  it.live("three processes sharing one Redis store: zero 429s, the combined rate within the budget", () =>
    Effect.gen(function*() {
      const port = yield* startRedis(redisServer ?? "redis-server")
      const { results, summary } = yield* runAll(port)
      expect(results.reduce((n, r) => n + r.sent, 0)).toBe(WORKERS * PER_WORKER)
      expect(summary.tooManyRequests).toBe(0)
      expect(summary.accepted).toBe(WORKERS * PER_WORKER)
      expect(summary.maxArrivalsInWindow).toBeLessThanOrEqual(LIMIT)
    }).pipe(Effect.scoped), 120_000)

  it.live("the control: the same three with memory stores trip 429s", () =>
    Effect.gen(function*() {
      const { results, summary } = yield* runAll(null)
      expect(summary.tooManyRequests).toBeGreaterThan(0)
      // The backoff absorbed them: every send went through in the end.
      expect(results.reduce((n, r) => n + r.sent, 0)).toBe(WORKERS * PER_WORKER)
    }), 120_000)
})

if (!available) {
  describe("budgets across processes, with a real Redis", () => {
    if (inCi) {
      it("needs redis-server under CI=true (.ci/run installs Debian's redis-server)", () => {
        expect.fail("redis-server is not on PATH: the cross-process Redis suite cannot run, and under CI=true it must")
      })
    } else {
      it.skip("skipped: redis-server is not on PATH (install it, e.g. apt-get install redis-server, to run this suite)", () => {})
    }
  })
}
