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

const parsed = Effect.try({
  try: () =>
    parseArgs({
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

const main = Effect.gen(function*() {
  const args = yield* parsed
  if (args.help === true) return yield* Console.log(usage)
  const port = args.port === undefined ? 0 : Number(args.port)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) return yield* Effect.fail(`invalid --port\n${usage}`)
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
  }).pipe(Effect.provide(layer))
})

main.pipe(
  Effect.catchAll((error) =>
    Effect.zipRight(
      Console.error(typeof error === "string" ? error : `cannot start: ${error.message}`),
      Effect.sync(() => {
        process.exitCode = 1
      })
    )
  ),
  NodeRuntime.runMain
)
