/**
 * The emulator as a child process of a benchmark: `PlivoEmulator.layerServer` on
 * 127.0.0.1, lifecycle off (sent messages stay queued, no timers per send), optionally
 * seeded with `argv[2]` messages spread over the last hour (inside the 24-hour window
 * that a list without time filters covers), Plivo's rate limits on if `argv[3]` is
 * `rate-limits`. It prints one JSON line
 * `{ baseUrl, authId, authToken }` once ready, and exits when its stdin closes, i.e. when
 * the benchmark process is gone, however it ended.
 *
 * A line `reset` on stdin forgets every message and request (the emulator's `reset`), so
 * a long benchmark does not grow the server with every message it ever sent; the child
 * answers with a line `reset`.
 *
 * A separate process keeps the server's CPU and heap out of the numbers of the client
 * being measured: on 2 cores the client and the emulator each get one.
 *
 *   node --import tsx --conditions=@plivo-effect/source test/bench/emulatorServer.ts [seedCount] [rate-limits]
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { PlivoEmulator } from "@plivo-effect/testing"
import * as Effect from "effect/Effect"
import { createInterface } from "node:readline"

const seedCount = Number(process.argv[2] ?? "0")
const rateLimits = process.argv[3] === "rate-limits"

/** Serves the stdin commands until stdin closes. */
const commands = (emulator: PlivoEmulator.Service) =>
  Effect.async<void>((resume) => {
    const lines = createInterface({ input: process.stdin })
    lines.on("line", (line) => {
      if (line.trim() !== "reset") return void process.stdout.write(`unknown command ${line}\n`)
      Effect.runPromise(emulator.reset).then(
        () => process.stdout.write("reset\n"),
        (error: unknown) => process.stdout.write(`reset failed: ${String(error)}\n`)
      )
    })
    lines.once("close", () => resume(Effect.void))
  })

const main = Effect.gen(function*() {
  const emulator = yield* PlivoEmulator
  if (seedCount > 0) {
    const end = Date.now()
    yield* emulator.seedMessages({ count: seedCount, start: end - 60 * 60 * 1000, end })
  }
  const { baseUrl, authId, authToken } = emulator
  process.stdout.write(`${JSON.stringify({ baseUrl, authId, authToken })}\n`)
  yield* commands(emulator)
}).pipe(Effect.provide(PlivoEmulator.layerServer({ lifecycle: { auto: false }, rateLimits })))

NodeRuntime.runMain(main)
