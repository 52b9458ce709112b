/**
 * The emulator's shape (DESIGN.md, "A resource is one place"): a kernel that knows no
 * resource, one folder per resource family exporting one `Resource`, registered in
 * `resources.ts`, and resources that reach each other only through a `port.ts`.
 */
import { describe, expect, it } from "@effect/vitest"
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("../src/internal/emulator/", import.meta.url))
const entries = readdirSync(root, { withFileTypes: true })
const folders = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort()
const kernelFiles = entries.filter((e) => e.isFile() && e.name.endsWith(".ts")).map((e) => e.name)

/** The relative specifiers a module imports (static `import` / `export … from`). */
const importsOf = (file: string): Array<string> =>
  [...readFileSync(file, "utf8").matchAll(/^(?:import|export)[^"']*?from\s+["'](\.[^"']+)["']/gm)].map((m) => m[1] ?? "")

describe("the emulator's kernel and resources", () => {
  it("has the resource folders message/ and media/", () => {
    expect(folders).toEqual(expect.arrayContaining(["media", "message"]))
  })

  it("the kernel imports no resource folder, except the one list in resources.ts", () => {
    for (const file of kernelFiles.filter((f) => f !== "resources.ts")) {
      for (const spec of importsOf(join(root, file))) {
        expect(spec, `${file} imports ${spec}`).toMatch(/^\.\/[^/]+\.js$|^\.\.\/\.\.\/PlivoEmulator\.js$/)
      }
    }
  })

  it("resources.ts registers each folder's resource.ts, one line each", () => {
    const specs = importsOf(join(root, "resources.ts")).filter((s) => s !== "./resource.js")
    expect(specs.sort()).toEqual(folders.map((f) => `./${f}/resource.js`))
    const list = readFileSync(join(root, "resources.ts"), "utf8")
    for (const folder of folders) {
      const exported = /export const (\w+)/.exec(readFileSync(join(root, folder, "resource.ts"), "utf8"))?.[1]
      expect(exported, `${folder}/resource.ts exports a resource`).toBeDefined()
      expect(list.match(new RegExp(`^\\s*\\.add\\(${exported}\\)$`, "gm")), `${exported} in the list`).toHaveLength(1)
    }
  })

  it("a resource reaches another only through that folder's port.ts", () => {
    for (const folder of folders) {
      for (const file of readdirSync(join(root, folder)).filter((f) => f.endsWith(".ts"))) {
        for (const spec of importsOf(join(root, folder, file))) {
          const ok = spec.startsWith("./") || /^\.\.\/[^/]+\.js$/.test(spec) || /^\.\.\/[^/]+\/port\.js$/.test(spec) ||
            spec === "../../../PlivoEmulator.js"
          expect(ok, `${folder}/${file} imports ${spec}`).toBe(true)
        }
      }
    }
  })
})
