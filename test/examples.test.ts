import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { execFile } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("..", import.meta.url))

/** Runs an example as a user would (`tsx`, sources resolved by the workspace condition). */
const run = (file: string, ...args: ReadonlyArray<string>) =>
  Effect.async<{ readonly code: number; readonly stdout: string; readonly stderr: string }>((resume) => {
    // Without credentials every example talks to the in-process emulator.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([key]) => key !== "PLIVO_AUTH_ID" && key !== "PLIVO_AUTH_TOKEN")
    )
    const child = execFile(
      process.execPath,
      ["--import", "tsx", "--conditions=@plivo-effect/source", `examples/${file}`, ...args],
      { cwd: root, env, timeout: 90_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1
        resume(Effect.succeed({ code, stdout, stderr }))
      }
    )
    return Effect.sync(() => child.kill())
  })

describe("README programs", () => {
  it("the Compliance section's program is examples/snippets/compliance.ts (so the type-check covers it)", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8")
    const section = readme.slice(readme.indexOf("### Compliance"))
    const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1]
    const snippet = readFileSync(join(root, "examples/snippets/compliance.ts"), "utf8")
    // The README leaves out the imports and the last line (running it); spacing may differ.
    const squash = (code: string) => code.replace(/\s+/g, "")
    expect(block).toBeDefined()
    expect(squash(snippet)).toContain(squash(block ?? "missing"))
    expect(squash(block ?? "")).toContain(squash("campaigns.awaitNumberLink(campaign_id"))
  })
})

describe("examples run against the emulator", { timeout: 120_000 }, () => {
  it.live("send-sms", () =>
    Effect.gen(function*() {
      const { code, stderr, stdout } = yield* run("send-sms.ts")
      expect(stderr).toBe("")
      expect(code).toBe(0)
      expect(stdout).toMatch(/queued 1 message\(s\)/)
      expect(stdout).toMatch(/: queued to 14155550123 at /)
    }))

  it.live("send-mms", () =>
    Effect.gen(function*() {
      const { code, stdout } = yield* run("send-mms.ts")
      expect(code).toBe(0)
      expect(stdout).toMatch(/uploaded pixel\.png \(\d+ bytes\) as [0-9a-f-]{36}/)
      expect(stdout).toMatch(/MMS queued as [0-9a-f-]{36}/)
    }))

  it.live("stream-history", () =>
    Effect.gen(function*() {
      const { code, stdout } = yield* run("stream-history.ts")
      expect(code).toBe(0)
      expect(stdout).toContain("60 messages in the last 90 days")
      expect(stdout).toMatch(/delivered\s+40/)
    }))

  it.live("webhook-server --once", () =>
    Effect.gen(function*() {
      const { code, stdout } = yield* run("webhook-server.ts", "--once")
      expect(code).toBe(0)
      expect(stdout).toMatch(/delivery report for [0-9a-f-]{36}: delivered \(sequence 3\)/)
      expect(stdout).toContain("<Message src=\"14155550100\" dst=\"14155550123\">Got it: &quot;What time do you open? &lt;tomorrow&gt;&quot;</Message>")
      expect(stdout).toContain("without a signature answered: 403")
    }))

  it.live("bulk-resume: stopped after 2,000 outcomes, resumed, nobody texted twice", () =>
    Effect.gen(function*() {
      const dir = mkdtempSync(join(tmpdir(), "bulk-resume-"))
      const journal = join(dir, "journal.jsonl")
      try {
        const first = yield* run("bulk-resume.ts", "--journal", journal, "--stop-after", "2000")
        expect(first.stderr).toBe("")
        expect(first.code).toBe(0)
        expect(first.stdout).toContain("this run: 2000 outcomes recorded")
        const second = yield* run("bulk-resume.ts", "--journal", journal)
        expect(second.code).toBe(0)
        expect(second.stdout).toMatch(/resuming: \d+ recipients already have an outcome \(\d+ were in flight, now Unknown\)/)
        const lines = readFileSync(journal, "utf8").trim().split("\n").map((line): { dst?: string; outcome?: string } => JSON.parse(line))
        const outcomes = lines.filter((line) => line.outcome !== undefined)
        const sending = lines.flatMap((line) => "sending" in line && Array.isArray(line.sending) ? line.sending : [])
        // 5,000 distinct numbers and 5 texts that are not numbers: each has exactly one outcome.
        expect(outcomes).toHaveLength(5_005)
        expect(new Set(outcomes.map((line) => line.dst)).size).toBe(5_005)
        expect(outcomes.filter((line) => line.outcome === "Invalid")).toHaveLength(5)
        // Every number went into one request at most: none was sent in both runs.
        expect(new Set(sending).size).toBe(sending.length)
        expect(sending).toHaveLength(5_000)
        expect(second.stdout).toMatch(/journal: 5005 recipients: \d+ Queued, 5 Invalid, 0 Rejected, \d+ Unknown/)
        const third = yield* run("bulk-resume.ts", "--journal", journal)
        expect(third.stdout).toContain("this run: 0 outcomes recorded")
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }))

  it.live("the tour (pnpm demo)", () =>
    Effect.gen(function*() {
      const { code, stdout } = yield* run("tour.ts")
      expect(code).toBe(0)
      expect(stdout).toContain("talking to the in-process Plivo emulator (no PLIVO_AUTH_ID set)")
      expect(stdout).toContain("refused as invalid by Plivo: 1415555012")
      expect(stdout).toMatch(/→ 15553003000: undelivered, error 30/)
      expect(stdout).toMatch(/10,00\d messages in [\d.]+ s, each exactly once/)
      expect(stdout).toContain("Plivo answered 429, then 429, then 200")
      expect(stdout).toContain("4 delivery reports received through the verified webhook")
      expect(stdout).toContain("2 rate-limit answers absorbed by the retry policy")
      // The Powerpack step: local connect picks each destination's area code or country.
      expect(stdout).toContain("6. A Powerpack: three numbers, five recipients, a sender for each")
      expect(stdout).toContain("14155550188 ← 14155550100")
      expect(stdout).toContain("12125550177 ← 12125550100")
      expect(stdout).toContain("447700900321 ← 447700900100")
      expect(stdout).toMatch(/13125550166 ← (14155550100|12125550100)\n/)
      expect(stdout).toMatch(/16285550155 ← (14155550100|12125550100)\n/)
      expect(stdout).toContain("5 texts sent through a Powerpack, each from a sender the pool chose")
      // The compliance step: the awaits' outcomes, then every transition's verified callback.
      expect(stdout).toContain("7. 10DLC: a brand, a campaign and a number, awaited and called back")
      const brand = /brand (B[A-Z0-9]{6}): COMPLETED\n/.exec(stdout)?.[1]
      const campaign = /campaign (C[A-Z0-9]{6}): ACTIVE\n/.exec(stdout)?.[1]
      expect(brand).toBeDefined()
      expect(campaign).toBeDefined()
      expect(stdout).toContain("number 14155550101: COMPLETED")
      for (const line of [
        `callback (verified): brand ${brand} created (PROCESSING)`,
        `callback (verified): brand ${brand} registered (COMPLETED)`,
        `callback (verified): campaign ${campaign} created (PROCESSING)`,
        `callback (verified): campaign ${campaign} registered (ACTIVE)`,
        "callback (verified): number 14155550101 linked (COMPLETED)"
      ]) expect(stdout).toContain(line)
      expect(stdout).toMatch(/Brand B[A-Z0-9]{6} was not approved: FAILED \(TCR_EIN_MISMATCH: /)
      expect(stdout).toContain("a brand, a campaign and a linked number registered, 5 status callbacks verified")
    }))
})
