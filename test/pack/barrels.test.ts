/**
 * The shape every package keeps (DESIGN.md, Packaging): `index.ts` re-exports each public
 * module in one line with no renames, and `exports` has the barrel, every module by path
 * (the CommonJS build of each under `require`), `./package.json`, and `./internal/*` closed,
 * with the workspace's source condition.
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

  it("exports the barrel, each module by path (ESM, and CommonJS under require), package.json, and closes internal/ and cjs/", () => {
    const json = JSON.parse(readFileSync(join(packagesDir, pkg, "package.json"), "utf8"))
    const entry = (module: string) => ({
      "@plivo-effect/source": `./src/${module}.ts`,
      require: { types: `./dist/cjs/${module}.d.ts`, default: `./dist/cjs/${module}.js` },
      types: `./dist/${module}.d.ts`,
      default: `./dist/${module}.js`
    })
    expect(json.exports).toStrictEqual({
      "./package.json": "./package.json",
      ".": entry("index"),
      "./*": entry("*"),
      "./internal/*": null,
      "./cjs/*": null,
      ...(pkg === "testing" ? { "./bin/*": null } : {})
    })
    // The order of conditions is the order they are tried in: the workspace's source first,
    // then `require` before the ESM `types` / `default`, which would otherwise match it too.
    expect(Object.keys(json.exports["."])).toStrictEqual(Object.keys(entry("index")))
    expect(Object.keys(json.exports["./*"])).toStrictEqual(Object.keys(entry("*")))
    expect(Object.keys(json.exports["./*"].require)).toStrictEqual(["types", "default"])
  })
})
