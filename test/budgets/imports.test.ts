/**
 * ioredis stays out of the import graph unless the Redis layer is built: the barrel and
 * the default (memory) budgets load without it.
 */
import { describe, expect, it } from "@effect/vitest"
import { execFileSync } from "node:child_process"
import { fileURLToPath } from "node:url"

const ROOT = fileURLToPath(new URL("../../", import.meta.url))

const probe = (mode: string): Record<string, unknown> => {
  const stdout = execFileSync(
    process.execPath,
    ["--import", "tsx", "--conditions=@plivo-effect/source", "test/budgets/importProbe.ts", mode],
    { cwd: ROOT, encoding: "utf8", timeout: 60_000 }
  )
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}")
}

describe("ioredis in the import graph", () => {
  it("is not loaded by the barrel nor by the default budgets", () => {
    expect(probe("barrel")).toStrictEqual({ memory: "Right" })
  }, 60_000)

  it("is loaded by PlivoBudgetRedis when its layer is built (the hook refuses it here)", () => {
    const result = probe("redis")
    expect(result.memory).toBe("Right")
    expect(String(result.redis)).toContain("PlivoBudgetRedis needs the ioredis package")
  }, 60_000)
})
