/**
 * `build-cjs.ts`: what it refuses (ES-module-only syntax, a package `tsc` did not build) and
 * what it writes, on a throwaway package; and that no package source has ES-module-only
 * syntax, which would make its CommonJS build differ or break.
 */
import { describe, expect, it } from "@effect/vitest"
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { buildCjs, esmOnlySyntax } from "./build-cjs.js"

const packagesDir = fileURLToPath(new URL("../packages/", import.meta.url))

const sourcesUnder = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourcesUnder(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : []
  )

/** A package as `tsc -b` leaves it: `src/` and, unless `built` is false, `dist/`. */
const fakePackage = (files: Record<string, string>, built = true) => {
  const dir = mkdtempSync(join(tmpdir(), "plivo-effect-cjs-"))
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  for (const [path, text] of Object.entries(files)) {
    write(`src/${path}`, text)
    if (built) {
      const module = path.slice(0, -".ts".length)
      write(`dist/${module}.js`, "// the ESM build\n")
      write(`dist/${module}.d.ts`, `export declare const ${module.split("/").at(-1)}: number\n`)
      write(`dist/${module}.d.ts.map`, JSON.stringify({ version: 3, file: "x.d.ts", sourceRoot: "", sources: [`${"../".repeat(module.split("/").length)}src/${path}`], mappings: "" }))
    }
  }
  return dir
}

describe("esmOnlySyntax", () => {
  it("finds import.meta, and await and for await outside any function", () => {
    const source = [
      "export const url = import.meta.url",
      "await Promise.resolve(1)",
      "export const x = await Promise.resolve(2)",
      "for await (const y of []) console.log(y)"
    ].join("\n")
    expect(esmOnlySyntax(source, "m.ts")).toStrictEqual([
      "m.ts:1: import.meta",
      "m.ts:2: top-level await",
      "m.ts:3: top-level await",
      "m.ts:4: top-level for await"
    ])
  })

  it("allows await inside functions, methods and arrows, and a dynamic import", () => {
    const source = [
      "export async function f() { await g(); for await (const y of []) console.log(y) }",
      "export const h = async () => await import(\"./m.js\")",
      "export class C { async m() { return await h() } }",
      "declare const g: () => Promise<void>"
    ].join("\n")
    expect(esmOnlySyntax(source, "m.ts")).toStrictEqual([])
  })

  it("finds none in any package's sources", () => {
    const files = readdirSync(packagesDir).flatMap((pkg) => sourcesUnder(join(packagesDir, pkg, "src")))
    expect(files.length).toBeGreaterThan(100)
    expect(files.flatMap((file) => esmOnlySyntax(readFileSync(file, "utf8"), file))).toStrictEqual([])
  })
})

describe("buildCjs", () => {
  it("writes CommonJS beside the declarations, marked commonjs, with maps back to src/", () => {
    const dir = fakePackage({
      "A.ts": "import * as B from \"./internal/b.js\"\nimport type { T } from \"./internal/b.js\"\nexport const a: T = B.b + 1\n",
      "internal/b.ts": "export type T = number\nexport const b = 41\n",
      "index.ts": "export * as A from \"./A.js\"\n"
    })
    try {
      expect(buildCjs(dir)).toBe(3)
      const out = join(dir, "dist/cjs")
      expect(JSON.parse(readFileSync(join(out, "package.json"), "utf8"))).toStrictEqual({ type: "commonjs" })
      const required = createRequire(join(out, "index.js"))("./index.js")
      expect(required.A.a).toBe(42)
      expect(readFileSync(join(out, "A.js"), "utf8")).toContain("require(\"./internal/b.js\")")
      expect(readFileSync(join(out, "internal/b.d.ts"), "utf8")).toBe("export declare const b: number\n")
      expect(JSON.parse(readFileSync(join(out, "A.js.map"), "utf8"))).toMatchObject({ file: "A.js", sources: ["../../src/A.ts"] })
      expect(JSON.parse(readFileSync(join(out, "internal/b.js.map"), "utf8"))).toMatchObject({ sources: ["../../../src/internal/b.ts"] })
      expect(JSON.parse(readFileSync(join(out, "internal/b.d.ts.map"), "utf8"))).toMatchObject({
        file: "b.d.ts",
        sources: ["../../../src/internal/b.ts"]
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it("refuses ES-module-only syntax and writes nothing", () => {
    const dir = fakePackage({ "A.ts": "export const a = 1\n", "Late.ts": "export const late = await Promise.resolve(1)\n" })
    try {
      expect(() => buildCjs(dir)).toThrow(/Late\.ts:1: top-level await/)
      expect(existsSync(join(dir, "dist/cjs"))).toBe(false)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it("refuses a package whose ESM build is missing", () => {
    const dir = fakePackage({ "A.ts": "export const a = 1\n" }, false)
    try {
      expect(() => buildCjs(dir)).toThrow(/no ESM build in dist/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
