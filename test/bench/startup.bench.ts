/**
 * `startup.ts` under `pnpm bench`: one iteration is one whole child process; 7 per case
 * after one unmeasured start. vitest's ratios are of means; `node --import tsx
 * test/bench/startup.ts` prints medians, cases interleaved.
 */
import { bench, describe } from "vitest"
import { cases, distStatus, runOnce, sendCases } from "./startup.js"
import { startEmulator } from "./support.js"

const status = distStatus()
if (status === "missing") console.warn("startup: packages/*/dist is missing, run `pnpm build`; plivo-effect cases skipped")
else if (status.length > 0) console.warn(`startup: dist is older than ${status.join(", ")}; run \`pnpm build\``)

const options = { time: 0, iterations: 7, warmupTime: 0, warmupIterations: 1 }

const emulator = await startEmulator()

describe("cold start of a whole node process", () => {
  for (const startup of [...cases, ...sendCases(emulator)]) {
    const define = startup.needsBuild && status === "missing" ? bench.skip : bench
    define(startup.name, async () => {
      runOnce(startup)
    }, options)
  }
})
