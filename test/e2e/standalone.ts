/**
 * The standalone emulator command, started as a child process exactly as a user would
 * run it, and the official `plivo` SDK aimed at it.
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import { type ChildProcess, spawn } from "node:child_process"
import { fileURLToPath } from "node:url"
import plivo from "plivo"

const ROOT = fileURLToPath(new URL("../../", import.meta.url))

/** What a client needs of the running command. */
export interface Standalone {
  readonly baseUrl: string
  readonly authId: string
  readonly authToken: string
}

/** The running command, for the tests of one file. */
export class StandaloneEmulator extends Context.Tag("test/e2e/StandaloneEmulator")<StandaloneEmulator, Standalone>() {}

/** The three lines of the command's banner that a client needs. */
const parseBanner = (output: string): Standalone | undefined => {
  const baseUrl = /base URL:\s+(\S+)/.exec(output)?.[1]
  const authId = /auth ID:\s+(\S+)/.exec(output)?.[1]
  const authToken = /auth token:\s+(\S+)/.exec(output)?.[1]
  return baseUrl === undefined || authId === undefined || authToken === undefined
    ? undefined
    : { baseUrl, authId, authToken }
}

/** Resolves when the process has exited; SIGKILL if SIGTERM was not enough within 5 s. */
export const stop = (child: ChildProcess): Effect.Effect<void> =>
  Effect.async<void>((resume) => {
    if (child.exitCode !== null || child.signalCode !== null) return resume(Effect.void)
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000)
    child.once("exit", () => {
      clearTimeout(force)
      resume(Effect.void)
    })
    child.kill("SIGTERM")
  })

/**
 * `node --import tsx --conditions=@plivo-effect/source packages/testing/bin/emulator.ts --port 0`,
 * waiting (at most 30 s) for the banner with the base URL and the generated credentials.
 */
const startStandalone: Effect.Effect<Standalone, Error, Scope.Scope> = Effect.acquireRelease(
  Effect.async<{ readonly child: ChildProcess; readonly info: Standalone }, Error>((resume) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--conditions=@plivo-effect/source", "packages/testing/bin/emulator.ts", "--port", "0"],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] }
    )
    let stdout = ""
    let stderr = ""
    let settled = false
    const settle = (effect: Effect.Effect<{ readonly child: ChildProcess; readonly info: Standalone }, Error>) => {
      if (settled) return
      settled = true
      resume(effect)
    }
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk
      const info = parseBanner(stdout)
      if (info !== undefined) settle(Effect.succeed({ child, info }))
    })
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk))
    child.once("error", (error) => settle(Effect.fail(error)))
    child.once("exit", (code, signal) =>
      settle(Effect.fail(new Error(`the emulator exited early (${code ?? signal}): ${stderr || stdout}`))))
    // Interrupted (the timeout below): do not leave the process behind.
    return stop(child)
  }).pipe(
    Effect.timeoutFail({ duration: "30 seconds", onTimeout: () => new Error("the emulator did not start within 30 s") })
  ),
  ({ child }) => stop(child)
).pipe(Effect.map(({ info }) => info))

/** Starts the command for the layer's lifetime and stops it afterwards. */
export const StandaloneLive = Layer.scoped(StandaloneEmulator, startStandalone)

/** A promise of the plivo SDK as an Effect, bounded in time. */
export const call = <A>(f: () => Promise<A>): Effect.Effect<A, unknown> =>
  Effect.tryPromise({ try: f, catch: (error) => error }).pipe(
    Effect.timeoutFail({ duration: "10 seconds", onTimeout: () => new Error("the plivo SDK did not answer within 10 s") })
  )

/** What a rejected plivo SDK promise says. */
export const rejection = <A>(f: () => Promise<A>): Effect.Effect<string, Error> =>
  call(f).pipe(
    Effect.flatMap(() => Effect.fail(new Error("expected the plivo SDK to reject"))),
    Effect.catchAll((error) =>
      error instanceof Error && error.message === "expected the plivo SDK to reject"
        ? Effect.fail(error)
        : Effect.succeed(error instanceof Error ? error.message : String(error))
    )
  )

/** An official SDK client aimed at the command. */
export const clientOf = (emulator: Standalone, authToken = emulator.authToken) =>
  new plivo.Client(emulator.authId, authToken, { url: `${emulator.baseUrl}Account/${emulator.authId}`, timeout: 10_000 })
