/**
 * The standalone emulator as users start it: the real commands in child processes, on
 * loopback, each bounded by a timeout and its process group killed when the test ends.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { type ChildProcess, spawn } from "node:child_process"
import { createServer, type Server } from "node:net"
import { fileURLToPath } from "node:url"

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url))

interface Running {
  readonly child: ChildProcess
  readonly output: () => string
  readonly exited: Promise<number | null>
}

/** Spawns `command` in its own process group (pnpm → sh → tsx → node), so one kill ends them all. */
const start = (command: string, args: ReadonlyArray<string>) =>
  Effect.acquireRelease(
    Effect.sync((): Running => {
      const child = spawn(command, args, { cwd: repoRoot, detached: true, stdio: ["ignore", "pipe", "pipe"] })
      let output = ""
      child.stdout?.on("data", (c: Buffer) => (output += c.toString("utf8")))
      child.stderr?.on("data", (c: Buffer) => (output += c.toString("utf8")))
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)))
      return { child, output: () => output, exited }
    }),
    ({ child, exited }) =>
      Effect.promise(async () => {
        const group = child.pid
        if (group === undefined || child.exitCode !== null || child.signalCode !== null) return
        const kill = (signal: NodeJS.Signals) => {
          try {
            process.kill(-group, signal)
          } catch {
            // already gone
          }
        }
        kill("SIGTERM")
        const timer = setTimeout(() => kill("SIGKILL"), 5_000)
        await exited
        clearTimeout(timer)
      })
  )

/** Resolves once `predicate` holds for the output, or fails on exit or after 60 s. */
const waitFor = (running: Running, predicate: (output: string) => boolean) =>
  Effect.async<string, Error>((resume) => {
    const check = () => {
      if (predicate(running.output())) finish(Effect.succeed(running.output()))
    }
    const timer = setTimeout(() => finish(Effect.fail(new Error(`timed out; output so far:\n${running.output()}`))), 60_000)
    const interval = setInterval(check, 50)
    const onExit = () => {
      check()
      finish(Effect.fail(new Error(`exited before that; output:\n${running.output()}`)))
    }
    let done = false
    function finish(result: Effect.Effect<string, Error>) {
      if (done) return
      done = true
      clearTimeout(timer)
      clearInterval(interval)
      running.child.off("exit", onExit)
      resume(result)
    }
    running.child.once("exit", onExit)
    check()
    return Effect.sync(() => finish(Effect.fail(new Error("interrupted"))))
  })

/** Resolves with the exit code, or fails after 60 s. */
const exitCode = (running: Running) =>
  Effect.timeoutFail(Effect.promise(() => running.exited), {
    duration: "60 seconds",
    onTimeout: () => new Error(`did not exit; output:\n${running.output()}`)
  })

const listen = (port: number) =>
  Effect.acquireRelease(
    Effect.async<Server, Error>((resume) => {
      const server = createServer()
      server.once("error", (e) => resume(Effect.fail(e)))
      server.listen(port, "127.0.0.1", () => resume(Effect.succeed(server)))
    }),
    (server) =>
      Effect.async<void>((resume) => {
        server.close(() => resume(Effect.void))
      })
  )

const portOf = (server: Server): number => {
  const address = server.address()
  return typeof address === "object" && address !== null ? address.port : 0
}

/** A port that was free a moment ago. */
const freePort = Effect.scoped(Effect.map(listen(0), portOf))

/** Starts the command, waits for it to listen on `port`, and checks it answers with the printed credentials. */
const servesOn = (command: string, args: ReadonlyArray<string>, port: number) =>
  Effect.scoped(Effect.gen(function*() {
    const running = yield* start(command, args)
    const output = yield* waitFor(running, (o) => o.includes("Ctrl-C to stop."))
    expect(output).toContain(`base URL:   http://127.0.0.1:${port}/v1/`)
    const authId = /auth ID: +(\S+)/.exec(output)?.[1] ?? ""
    const authToken = /auth token: +(\S+)/.exec(output)?.[1] ?? ""
    const status = yield* Effect.promise(() =>
      fetch(`http://127.0.0.1:${port}/v1/Account/${authId}/Message/`, {
        headers: { authorization: "Basic " + Buffer.from(`${authId}:${authToken}`).toString("base64") }
      }).then(async (r) => {
        await r.body?.cancel()
        return r.status
      })
    )
    expect(status).toBe(200)
  }))

const tsxBin = ["--import", "tsx", "--conditions=@plivo-effect/source", "packages/testing/bin/emulator.ts"]

describe("the emulator command", () => {
  it.live("`pnpm emulator --port N` (root script) serves on N", () =>
    Effect.flatMap(freePort, (port) => servesOn("pnpm", ["emulator", "--port", String(port)], port)), 90_000)

  it.live("`pnpm --filter @plivo-effect/testing emulator -- --port N` (the README's command) serves on N", () =>
    Effect.flatMap(freePort, (port) =>
      servesOn("pnpm", ["--filter", "@plivo-effect/testing", "emulator", "--", "--port", String(port)], port)), 90_000)

  it.live("bad arguments: a usage error naming the option, exit 1, nothing served", () =>
    Effect.gen(function*() {
      const cases: ReadonlyArray<readonly [ReadonlyArray<string>, string]> = [
        [["--port", "0x9c41"], "invalid --port: \"0x9c41\" is not a decimal number from 0 to 65535"],
        [["--port", "0x50"], "invalid --port: \"0x50\""],
        [["--port", "1e4"], "invalid --port: \"1e4\""],
        [["--port=65536"], "invalid --port: \"65536\""],
        [["--port", " 80"], "invalid --port: \" 80\""],
        [["--auth-id", "bad id!"], "invalid --auth-id: \"bad id!\" is not plain alphanumeric"],
        [["--auth-id="], "invalid --auth-id: \"\" is not plain alphanumeric"],
        [["--auth-token="], "invalid --auth-token: it is empty"],
        [["--auth-token", "two words"], "invalid --auth-token: it must be printable ASCII without spaces"]
      ]
      yield* Effect.forEach(cases, ([args, message]) =>
        Effect.scoped(Effect.gen(function*() {
          const running = yield* start("node", [...tsxBin, ...args])
          const code = yield* exitCode(running)
          expect(running.output(), args.join(" ")).toContain(message)
          expect(running.output()).toContain("usage: emulator")
          expect(running.output()).not.toContain("listening")
          expect(running.output()).not.toContain("two words")
          expect(code).toBe(1)
        })), { concurrency: 3, discard: true })
    }), 180_000)

  it.live("a port in use: says so and exits non-zero (bin directly and through pnpm)", () =>
    Effect.scoped(Effect.gen(function*() {
      const port = portOf(yield* listen(0))
      const reason = `port ${port} on 127.0.0.1 is already in use (EADDRINUSE)`
      for (const [command, args] of [["node", [...tsxBin, "--port", String(port)]], ["pnpm", ["emulator", "--port", String(port)]]] as const) {
        yield* Effect.scoped(Effect.gen(function*() {
          const running = yield* start(command, args)
          const code = yield* exitCode(running)
          expect(running.output()).toContain(`cannot start: ${reason}`)
          expect(code).not.toBe(0)
          expect(code).not.toBe(null)
        }))
      }
    })), 120_000)
})
