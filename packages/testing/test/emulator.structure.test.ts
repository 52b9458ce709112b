/**
 * The emulator's shape (DESIGN.md, "A resource is one place"): a kernel that knows no
 * resource, one folder per resource family exporting one `Resource`, registered in
 * `resources.ts`, and resources that reach each other only through a `port.ts`.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as FiberSet from "effect/FiberSet"
import * as Option from "effect/Option"
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { defaultBodyLimits } from "../src/internal/emulator/body.js"
import { makeCallbacks } from "../src/internal/emulator/callbacks.js"
import { makeControls } from "../src/internal/emulator/controls.js"
import { makeFaults } from "../src/internal/emulator/faults.js"
import { makeRateLimits } from "../src/internal/emulator/rateLimits.js"
import { makeRequestLog } from "../src/internal/emulator/requestLog.js"
import type { Instance, Kernel } from "../src/internal/emulator/resource.js"

const root = fileURLToPath(new URL("../src/internal/emulator/", import.meta.url))
const entries = readdirSync(root, { withFileTypes: true })
const folders = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort()
const kernelFiles = entries.filter((e) => e.isFile() && e.name.endsWith(".ts")).map((e) => e.name)

/** The relative specifiers a module imports (static `import` / `export … from`). */
const importsOf = (file: string): Array<string> =>
  [...readFileSync(file, "utf8").matchAll(/^(?:import|export)[^"']*?from\s+["'](\.[^"']+)["']/gm)].map((m) => m[1] ?? "")

describe("the emulator's kernel and resources", () => {
  it("has the resource folders message/, media/, number/, powerpack/ and compliance/", () => {
    expect(folders).toEqual(expect.arrayContaining(["compliance", "media", "message", "number", "powerpack"]))
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

  it.effect("resources claim disjoint routes and handle operations, none of the kernel's", () =>
    Effect.scoped(Effect.gen(function*() {
      const background = yield* FiberSet.make()
      const client = HttpClient.make(() => Effect.dieMessage("no callback is sent here"))
      const callbacks = makeCallbacks({ client, authToken: "token", background })
      const kernel: Kernel = {
        authId: "MA00000000000000000A",
        options: {},
        bodyLimits: defaultBodyLimits,
        background,
        callbacks,
        callbackLogSize: 0,
        peer: () => Option.none()
      }
      const controls = makeControls({
        authId: kernel.authId,
        authToken: "token",
        faults: makeFaults(1, undefined),
        rateLimits: makeRateLimits(false),
        requestLog: makeRequestLog(0),
        background,
        callbacks
      }, "http://127.0.0.1/v1/", () => {})
      const handleOwners = new Map<string, string>(Object.keys(controls).map((k) => [k, "the kernel"]))
      const routeOwners = new Map<string, string>()
      for (const folder of folders) {
        const module: Record<string, { readonly make: (kernel: Kernel) => Instance<object> }> = yield* Effect.promise(
          () => import(pathToFileURL(join(root, folder, "resource.ts")).href)
        )
        for (const resource of Object.values(module)) {
          const instance = resource.make(kernel)
          for (const key of Object.keys(instance.handle)) {
            expect(handleOwners.get(key), `${folder} handle operation ${key}`).toBeUndefined()
            handleOwners.set(key, folder)
          }
          for (const route of instance.routes) {
            const path = route.pattern.map((p) => p ?? "{id}").join("/")
            expect(routeOwners.get(path), `${folder} route ${path}`).toBeUndefined()
            routeOwners.set(path, folder)
          }
        }
      }
      expect([...routeOwners.keys()]).toEqual(expect.arrayContaining([
        "Message", "Media", "PhoneNumber", "Powerpack", "NumberPool/{id}/Number", "Profile", "10dlc/Brand", "10dlc/Campaign",
        "10dlc/Campaign/{id}/Number", "TollfreeVerification"
      ]))
    })))
})
