/**
 * Child processes for the pack test: every command has a time limit and is killed when it
 * runs out, so a hung `npm install` fails the test instead of holding CI.
 */
import { spawn, type ChildProcess } from "node:child_process"
import { delimiter, dirname, sep } from "node:path"
import { createInterface } from "node:readline"

export interface Ran {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/**
 * The environment of a user's shell: this `node` first on `PATH` (so `#!/usr/bin/env node`
 * finds the same one), and no `node_modules/.bin` directories, which `pnpm test` / `npx`
 * put there: with the workspace's `tsx` on `PATH` a bin that needs tsx would pass here and
 * fail for users.
 */
export const childEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_OPTIONS: "",
  PATH: [dirname(process.execPath), ...(process.env.PATH ?? "").split(delimiter)]
    .filter((dir) => dir !== "" && !dir.split(sep).includes("node_modules"))
    .join(delimiter),
  ...extra
})

/** Runs `command` to completion (or kills it after `timeoutMs`) and collects its output. */
export const run = (
  command: string,
  args: ReadonlyArray<string>,
  options: { readonly cwd: string; readonly timeoutMs: number; readonly env?: NodeJS.ProcessEnv }
): Promise<Ran> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? childEnv(), stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk))
    const timer = setTimeout(() => {
      child.kill("SIGKILL")
      reject(new Error(`${command} ${args.join(" ")} timed out after ${options.timeoutMs} ms\n${stdout}\n${stderr}`))
    }, options.timeoutMs)
    child.once("error", (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.once("close", (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })

/** Like `run`, but a non-zero exit is an error that shows the command's output. */
export const runOk = async (
  command: string,
  args: ReadonlyArray<string>,
  options: { readonly cwd: string; readonly timeoutMs: number; readonly env?: NodeJS.ProcessEnv }
): Promise<Ran> => {
  const ran = await run(command, args, options)
  if (ran.code !== 0) {
    throw new Error(`${command} ${args.join(" ")} exited with ${ran.code}\n${ran.stdout}\n${ran.stderr}`)
  }
  return ran
}

/** A started long-running process and the lines it printed until `ready` matched. */
export interface Started {
  readonly child: ChildProcess
  readonly lines: ReadonlyArray<string>
  /** Kills the process and waits (bounded) for it to exit; returns its exit code or signal. */
  readonly stop: () => Promise<string>
}

/** Starts `command` and resolves once a line of its stdout matches `ready`. */
export const start = (
  command: string,
  args: ReadonlyArray<string>,
  options: { readonly cwd: string; readonly timeoutMs: number; readonly ready: RegExp }
): Promise<Started> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: childEnv(), stdio: ["ignore", "pipe", "pipe"] })
    const lines: Array<string> = []
    let stderr = ""
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk))
    const exited = new Promise<string>((done) =>
      child.once("exit", (code, signal) => done(signal ?? String(code)))
    )
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM")
      const killer = setTimeout(() => child.kill("SIGKILL"), 5_000)
      const how = await exited
      clearTimeout(killer)
      return how
    }
    const timer = setTimeout(() => {
      void stop()
      reject(new Error(`${command} printed no line matching ${options.ready} in ${options.timeoutMs} ms\n${lines.join("\n")}\n${stderr}`))
    }, options.timeoutMs)
    child.once("error", (error) => {
      clearTimeout(timer)
      reject(error)
    })
    void exited.then((how) => {
      clearTimeout(timer)
      reject(new Error(`${command} exited (${how}) before it was ready\n${lines.join("\n")}\n${stderr}`))
    })
    createInterface({ input: child.stdout }).on("line", (line) => {
      lines.push(line)
      if (options.ready.test(line)) {
        clearTimeout(timer)
        resolve({ child, lines, stop })
      }
    })
  })
