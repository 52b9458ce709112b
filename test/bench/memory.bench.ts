/**
 * Memory while walking a 10,000-message history with `Messages.stream`: consuming it with
 * `Stream.runForEach` vs collecting it with `Stream.runCollect`. `MEMORY_COUNT=100000` walks
 * 100,000 instead, `runForEach` only (collecting would hold about 270 MB). Every 1,000th message
 * (and once at the end, with the collected result still held) the heap is collected and
 * `heapUsed` read; the peak above the level before the walk is printed per run. The
 * emulator runs in a child process, so its 10,000 records are not in this heap.
 *
 * The timings in the table include those forced collections; the heap figures are the
 * result here. Nothing is asserted.
 */
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"
import { bench, describe } from "vitest"
import { check, httpLayers, sdkRuntime, startEmulator } from "./support.js"

const COUNT = Number(process.env["MEMORY_COUNT"] ?? "10000")
const EVERY = 1_000

setFlagsFromString("--expose-gc")
const gc = runInNewContext("gc") as () => void

const emulator = await startEmulator(COUNT)
const sdk = await sdkRuntime(emulator, httpLayers.nodeKeepAlive)

const peaks = new Map<string, Array<number>>()

/** Runs `walk`, sampling the live heap through `sample`; returns the peak growth in bytes. */
const peakGrowth = async (walk: (sample: Effect.Effect<void>) => Effect.Effect<number, unknown>) => {
  // Let the previous walk's fibers and sockets settle before the baseline.
  await new Promise((resolve) => setTimeout(resolve, 50))
  gc()
  const before = process.memoryUsage().heapUsed
  let peak = 0
  const sample = Effect.sync(() => {
    gc()
    peak = Math.max(peak, process.memoryUsage().heapUsed - before)
  })
  const count = await sdk.runtime.runPromise(walk(sample))
  check(count === COUNT, `walked ${count} of ${COUNT} messages`)
  return peak
}

const sampled = (sample: Effect.Effect<void>) => {
  let n = 0
  return () => ++n % EVERY === 0 ? sample : Effect.void
}

const forEach = (sample: Effect.Effect<void>) =>
  Effect.suspend(() => {
    let count = 0
    const tick = sampled(sample)
    return sdk.messages.stream().pipe(
      Stream.runForEach(() => {
        count++
        return tick()
      }),
      Effect.map(() => count)
    )
  })

const collect = (sample: Effect.Effect<void>) =>
  Effect.suspend(() => {
    const tick = sampled(sample)
    return sdk.messages.stream().pipe(
      Stream.tap(tick),
      Stream.runCollect,
      // Sampled while the collected chunk is still referenced.
      Effect.tap(() => sample),
      Effect.map((all) => all.length)
    )
  })

const record = (name: string, bytes: number) => {
  const list = peaks.get(name) ?? []
  list.push(bytes)
  peaks.set(name, list)
}

const report = (name: string) => {
  const mb = (peaks.get(name) ?? []).map((bytes) => (bytes / 1024 / 1024).toFixed(1))
  console.log(`memory: ${name}: peak live heap growth ${mb.join(", ")} MB (per run, warm-up first)`)
}

const options = (name: string) => ({
  time: 0,
  iterations: 2,
  warmupTime: 0,
  warmupIterations: 1,
  teardown: (_task: unknown, mode: "run" | "warmup") => {
    if (mode === "run") report(name)
  }
})

const FOR_EACH = `Messages.stream + Stream.runForEach (${COUNT} messages)`
const COLLECT = `Messages.stream + Stream.runCollect (${COUNT} messages)`

describe(`heap while walking ${COUNT} messages`, () => {
  bench(FOR_EACH, async () => {
    record(FOR_EACH, await peakGrowth(forEach))
  }, options(FOR_EACH))
  bench.skipIf(COUNT > 20_000)(COLLECT, async () => {
    record(COLLECT, await peakGrowth(collect))
  }, options(COLLECT))
})
