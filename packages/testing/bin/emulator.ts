#!/usr/bin/env node
/**
 * Runs the Plivo emulator on 127.0.0.1 until stopped.
 *
 *   tsx --conditions=@plivo-effect/source bin/emulator.ts [--port N] [--auth-id MA…] [--auth-token T] [--rate-limits]
 *
 * Without options it picks a free port and generates credentials; either way it prints
 * the base URL and credentials.
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import { parseArgs } from "node:util"
import { PlivoEmulator } from "@plivo-effect/testing/PlivoEmulator"

const usage = "usage: emulator [--port N] [--auth-id ID] [--auth-token TOKEN] [--rate-limits]"

// `pnpm --filter … emulator -- --port 8080` hands the `--` on to the script (pnpm 10);
// for parseArgs it would end the options and turn `--port` into a stray positional.
const argv = process.argv.slice(2)
const args = argv[0] === "--" ? argv.slice(1) : argv

const parsed = Effect.try({
  try: () =>
    parseArgs({
      args,
      options: {
        port: { type: "string" },
        "auth-id": { type: "string" },
        "auth-token": { type: "string" },
        "rate-limits": { type: "boolean" },
        help: { type: "boolean", short: "h" }
      }
    }).values,
  catch: (e) => `${e instanceof Error ? e.message : String(e)}\n${usage}`
})

const codeOf = (u: unknown): string | undefined =>
  typeof u === "object" && u !== null && "code" in u && typeof u.code === "string" ? u.code : undefined

/** Why the server did not start, from the listen error the ServeError wraps. */
const startFailure = (error: { readonly cause: unknown; readonly message: string }, port: number | undefined): string => {
  const code = codeOf(error.cause)
  const where = port === undefined || port === 0 ? "a free port on 127.0.0.1" : `port ${port} on 127.0.0.1`
  if (code === "EADDRINUSE") return `${where} is already in use (EADDRINUSE)`
  if (code === "EACCES") return `no permission to listen on ${where} (EACCES)`
  const detail = error.cause instanceof Error ? error.cause.message : error.message
  return detail === "" ? `cannot listen on ${where}${code === undefined ? "" : ` (${code})`}` : detail
}

const invalid = (option: string, why: string) => Effect.fail(`invalid ${option}: ${why}\n${usage}`)

// `Number` would take "0x50", "1e4" or " 80" for a port; only plain decimal digits are one.
const portOf = (text: string | undefined): Effect.Effect<number, string> => {
  if (text === undefined) return Effect.succeed(0)
  const port = /^[0-9]{1,5}$/.test(text) ? Number(text) : Number.NaN
  return port <= 65_535 ? Effect.succeed(port) : invalid("--port", `${JSON.stringify(text)} is not a decimal number from 0 to 65535`)
}

// The printed credentials must be ones PlivoConfig accepts: an alphanumeric Auth ID and a
// token that is not empty. The token is never echoed, not even here.
const checkCredentials = (authId: string | undefined, authToken: string | undefined): Effect.Effect<void, string> => {
  if (authId !== undefined && !/^[A-Za-z0-9]+$/.test(authId)) {
    return invalid("--auth-id", `${JSON.stringify(authId)} is not plain alphanumeric, like MAXXXXXXXXXXXXXXXXXX`)
  }
  if (authToken !== undefined && !/^[\x21-\x7e]+$/.test(authToken)) {
    return invalid("--auth-token", authToken === "" ? "it is empty" : "it must be printable ASCII without spaces")
  }
  return Effect.void
}

const main = Effect.gen(function*() {
  const args = yield* parsed
  if (args.help === true) return yield* Console.log(usage)
  const port = yield* portOf(args.port)
  yield* checkCredentials(args["auth-id"], args["auth-token"])
  const layer = PlivoEmulator.layerServer({
    port,
    authId: args["auth-id"],
    authToken: args["auth-token"],
    rateLimits: args["rate-limits"] ?? false
  })
  yield* Effect.gen(function*() {
    const emulator = yield* PlivoEmulator
    yield* Console.log(
      [
        "Plivo emulator listening",
        `  base URL:   ${emulator.baseUrl}`,
        `  auth ID:    ${emulator.authId}`,
        `  auth token: ${emulator.authToken}`,
        `  messages:   ${emulator.baseUrl}Account/${emulator.authId}/Message/`,
        "Ctrl-C to stop."
      ].join("\n")
    )
    return yield* Effect.never
  }).pipe(
    Effect.provide(layer),
    Effect.mapError((error) => `cannot start: ${startFailure(error, port)}`)
  )
})

main.pipe(
  Effect.catchAll((error) =>
    Effect.zipRight(
      Console.error(error),
      Effect.sync(() => {
        process.exitCode = 1
      })
    )
  ),
  NodeRuntime.runMain
)
