/**
 * The shape every package keeps (DESIGN.md, Packaging): `index.ts` re-exports each public
 * module in one line with no renames, and `exports` has the barrel, every module by path,
 * `./package.json`, and `./internal/*` closed, with the workspace's source condition.
 */
import { describe, expect, it } from "@effect/vitest"
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

const packagesDir = fileURLToPath(new URL("../../packages/", import.meta.url))
const packages = readdirSync(packagesDir).sort()

const statements = (source: string): Array<string> =>
  source
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")

describe.each(packages)("@plivo-effect/%s", (pkg) => {
  const src = join(packagesDir, pkg, "src")
  const modules = readdirSync(src)
    .filter((f) => f.endsWith(".ts") && f !== "index.ts")
    .map((f) => f.slice(0, -3))
    .sort()

  it("re-exports every public module, one line each, under its own name", () => {
    const lines = statements(readFileSync(join(src, "index.ts"), "utf8"))
    const exported = lines.map((line) => {
      const m = /^export \* (?:as (\w+) )?from "\.\/(\w+)\.js"$/.exec(line)
      expect(m, `not a plain re-export: ${line}`).not.toBeNull()
      if (m?.[1] !== undefined) expect(m[1], line).toBe(m[2])
      return m?.[2]
    })
    expect([...exported].sort()).toStrictEqual(modules)
  })

  it("exports the barrel, each module by path, package.json, and closes internal/", () => {
    const json = JSON.parse(readFileSync(join(packagesDir, pkg, "package.json"), "utf8"))
    expect(json.exports).toMatchObject({
      "./package.json": "./package.json",
      ".": { "@plivo-effect/source": "./src/index.ts", types: "./dist/index.d.ts", default: "./dist/index.js" },
      "./*": { "@plivo-effect/source": "./src/*.ts", types: "./dist/*.d.ts", default: "./dist/*.js" },
      "./internal/*": null
    })
  })
})
