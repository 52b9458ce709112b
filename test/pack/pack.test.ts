/**
 * The packages as a user gets them: built (`pnpm build`: `tsc -b tsconfig.build.json`, then
 * the CommonJS build), packed with `pnpm pack`, installed with `npm install` into a throwaway
 * project in the system's temp directory (outside the workspace, so nothing resolves through
 * it), type-checked under `moduleResolution` NodeNext and Bundler, and run with plain `node`:
 * a program that imports by barrel and by subpath and sends to the packed `plivo-emulator`
 * bin; and a CommonJS program (`app.cts`, type-checked under Node16) that does the same with
 * `require` and must load only CommonJS builds.
 *
 * Needs the npm registry (effect, @effect/platform, @effect/platform-node, typescript,
 * @types/node at pinned versions; npm's cache makes later runs faster). About a minute.
 */
import { describe, expect, it } from "@effect/vitest"
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import ts from "typescript"
import { afterAll, beforeAll } from "vitest"
import { childEnv, run, runOk, start } from "./support.js"

const repoRoot = fileURLToPath(new URL("../../", import.meta.url))
const consumerSources = fileURLToPath(new URL("./consumer/", import.meta.url))
const packages = ["core", "messaging", "powerpack", "compliance", "testing"] as const

const versions = {
  effect: "3.22.4",
  "@effect/platform": "0.97.2",
  "@effect/platform-node": "0.108.2",
  typescript: "5.9.3",
  "@types/node": "20.19.43"
}

const minute = 60_000

let work = ""
let project = ""
const tarballs: Record<string, string> = {}

const npm = (args: ReadonlyArray<string>, timeoutMs: number) =>
  runOk("npm", [...args, "--no-audit", "--no-fund", "--ignore-scripts", "--prefer-offline", "--loglevel=error"], {
    cwd: project,
    timeoutMs,
    env: childEnv({ npm_config_update_notifier: "false" })
  })

const node = (args: ReadonlyArray<string>, timeoutMs = minute) => runOk(process.execPath, args, { cwd: project, timeoutMs })

const tsc = (config: string) =>
  runOk(process.execPath, [join(project, "node_modules/typescript/bin/tsc"), "-p", config], { cwd: project, timeoutMs: 2 * minute })

const manifest = (pkg: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(project, "node_modules/@plivo-effect", pkg, "package.json"), "utf8"))

const lastJsonLine = (stdout: string): unknown => JSON.parse(stdout.trim().split("\n").at(-1) ?? "null")

const compilerOptions = {
  target: "ES2022",
  lib: ["ES2022"],
  types: ["node"],
  strict: true,
  exactOptionalPropertyTypes: true,
  rootDir: "src"
}

beforeAll(async () => {
  // The same build as `pnpm build`, ESM and CommonJS.
  await runOk("pnpm", ["build"], { cwd: repoRoot, timeoutMs: 3 * minute })

  work = mkdtempSync(join(tmpdir(), "plivo-effect-pack-"))
  const packed = join(work, "tarballs")
  mkdirSync(packed)
  for (const pkg of packages) {
    await runOk("pnpm", ["pack", "--pack-destination", packed], { cwd: join(repoRoot, "packages", pkg), timeoutMs: minute })
  }
  for (const file of readdirSync(packed)) {
    const pkg = packages.find((p) => file.startsWith(`plivo-effect-${p}-`))
    if (pkg !== undefined) tarballs[pkg] = join(packed, file)
  }

  project = join(work, "project")
  mkdirSync(join(project, "src"), { recursive: true })
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({
      name: "plivo-effect-pack-consumer",
      private: true,
      type: "module",
      dependencies: {
        ...Object.fromEntries(packages.map((p) => [`@plivo-effect/${p}`, `file:${tarballs[p]}`])),
        effect: versions.effect,
        "@effect/platform": versions["@effect/platform"]
      },
      devDependencies: { typescript: versions.typescript, "@types/node": versions["@types/node"] }
    }, null, 2)
  )
  for (const file of ["app.ts", "optional.ts", "app.cts"]) {
    writeFileSync(join(project, "src", file), readFileSync(join(consumerSources, file), "utf8"))
  }
  writeFileSync(
    join(project, "tsconfig.nodenext.json"),
    JSON.stringify({
      compilerOptions: {
        ...compilerOptions,
        module: "NodeNext",
        moduleResolution: "NodeNext",
        outDir: "out",
        // Our .d.ts files are checked too: an import in them that does not resolve for a
        // user would otherwise turn into `any` silently. (Once is enough: it costs most of
        // the check, in effect's own declarations.)
        skipLibCheck: false
      },
      include: ["src/**/*.ts"]
    })
  )
  // A CommonJS project's settings: under Node16 (unlike NodeNext in TypeScript ≥ 5.8) a
  // `require` that resolves to ES module declarations is error TS1479, so this checks
  // that the `require` condition leads to declarations TypeScript reads as CommonJS.
  writeFileSync(
    join(project, "tsconfig.cjs.json"),
    JSON.stringify({
      compilerOptions: { ...compilerOptions, module: "Node16", moduleResolution: "Node16", outDir: "out", skipLibCheck: false },
      include: ["src/**/*.cts"]
    })
  )
  writeFileSync(
    join(project, "tsconfig.bundler.json"),
    JSON.stringify({
      compilerOptions: { ...compilerOptions, module: "Preserve", moduleResolution: "Bundler", noEmit: true, skipLibCheck: true },
      include: ["src/**/*.ts"]
    })
  )
  await npm(["install"], 4 * minute)
}, 8 * minute)

afterAll(() => {
  if (work !== "") rmSync(work, { recursive: true, force: true })
}, minute)

describe("the packed packages", () => {
  it("are packed with one tarball each", () => {
    expect(Object.keys(tarballs).sort()).toStrictEqual([...packages].sort())
  })

  it("publish manifests without workspace-only fields", () => {
    for (const pkg of packages) {
      const json = manifest(pkg)
      const text = JSON.stringify(json)
      expect(json.devDependencies, pkg).toBeUndefined()
      expect(json.scripts, pkg).toBeUndefined()
      expect(text, pkg).not.toContain("workspace:")
      expect(text, pkg).not.toContain("@plivo-effect/source")
      expect(json.publishConfig, pkg).toMatchObject({ access: "public" })
      expect(json.repository, pkg).toMatchObject({ directory: `packages/${pkg}` })
      expect(typeof json.homepage, pkg).toBe("string")
      expect(Array.isArray(json.keywords), pkg).toBe(true)
      expect(json.exports, pkg).toStrictEqual({
        "./package.json": "./package.json",
        ".": {
          require: { types: "./dist/cjs/index.d.ts", default: "./dist/cjs/index.js" },
          types: "./dist/index.d.ts",
          default: "./dist/index.js"
        },
        "./*": {
          require: { types: "./dist/cjs/*.d.ts", default: "./dist/cjs/*.js" },
          types: "./dist/*.d.ts",
          default: "./dist/*.js"
        },
        "./internal/*": null,
        "./cjs/*": null,
        ...(pkg === "testing" ? { "./bin/*": null } : {})
      })
      expect(JSON.parse(readFileSync(join(project, "node_modules/@plivo-effect", pkg, "dist/cjs/package.json"), "utf8")), pkg)
        .toStrictEqual({ type: "commonjs" })
      expect(existsSync(join(project, "node_modules/@plivo-effect", pkg, "README.md")), `${pkg} README`).toBe(true)
    }
    for (const pkg of ["messaging", "powerpack", "compliance", "testing"]) {
      const json = manifest(pkg)
      expect(json.dependencies, pkg).toBeUndefined()
      expect(json.peerDependencies, pkg).toMatchObject({ "@plivo-effect/core": "^0.1.0" })
    }
    const testing = manifest("testing")
    expect(testing.peerDependenciesMeta).toStrictEqual({ "@effect/platform-node": { optional: true } })
    expect(testing.bin).toStrictEqual({ "plivo-emulator": "./dist/bin/emulator.js" })
  })

  it("type-check a program that imports by barrel and by subpath, under NodeNext and Bundler", async () => {
    await tsc("tsconfig.nodenext.json")
    await tsc("tsconfig.bundler.json")
    expect(existsSync(join(project, "out/app.js"))).toBe(true)
  }, 4 * minute)

  it("type-check a CommonJS program that requires by barrel and by subpath, under Node16", async () => {
    await tsc("tsconfig.cjs.json")
    expect(existsSync(join(project, "out/app.cjs"))).toBe(true)
  }, 4 * minute)

  it("resolve every public module, for code and for types, to the ESM build under import and the CommonJS build under require", async () => {
    const specifiers = packages.flatMap((pkg) => {
      const root = join(project, "node_modules/@plivo-effect", pkg)
      const modules = readdirSync(join(root, "src")).filter((f) => f.endsWith(".ts")).map((f) => f.slice(0, -".ts".length))
      expect(modules.length, pkg).toBeGreaterThan(2)
      return modules.map((module) => ({
        specifier: module === "index" ? `@plivo-effect/${pkg}` : `@plivo-effect/${pkg}/${module}`,
        esm: join(root, "dist", module),
        cjs: join(root, "dist/cjs", module)
      }))
    })
    // Node's own resolvers, in a process of the project: `require.resolve`, `import.meta.resolve`.
    const ran = await node([
      "--input-type=module",
      "-e",
      `import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"
const require = createRequire(process.cwd() + "/package.json")
const specifiers = ${JSON.stringify(specifiers.map((s) => s.specifier))}
console.log(JSON.stringify(specifiers.map((s) => [require.resolve(s), fileURLToPath(import.meta.resolve(s))])))`
    ])
    const resolved = lastJsonLine(ran.stdout) as Array<[string, string]>
    // TypeScript's, as a CommonJS file and as an ES module of the project would resolve it.
    const options: ts.CompilerOptions = { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 }
    const types = (specifier: string, mode: ts.ResolutionMode) =>
      ts.resolveModuleName(specifier, join(project, "src", mode === ts.ModuleKind.CommonJS ? "app.cts" : "app.ts"), options, ts.sys, undefined, undefined, mode)
        .resolvedModule?.resolvedFileName
    specifiers.forEach(({ cjs, esm, specifier }, i) => {
      expect(resolved[i], specifier).toStrictEqual([`${cjs}.js`, `${esm}.js`])
      expect(types(specifier, ts.ModuleKind.CommonJS), specifier).toBe(`${cjs}.d.ts`)
      expect(types(specifier, ts.ModuleKind.ESNext), specifier).toBe(`${esm}.d.ts`)
      for (const file of [`${cjs}.js`, `${esm}.js`, `${cjs}.d.ts`, `${esm}.d.ts`]) expect(existsSync(file), file).toBe(true)
    })
  }, 2 * minute)

  it("work without the optional @effect/platform-node, except the emulator's server layer", async () => {
    expect(existsSync(join(project, "node_modules/@effect/platform-node"))).toBe(false)
    const ran = await node(["out/optional.js"])
    const result = lastJsonLine(ran.stdout)
    expect(result).toMatchObject({ sent: 1 })
    expect(result).toHaveProperty("server", expect.stringContaining("@effect/platform-node"))
  }, 2 * minute)

  it("load no node:http when only StubHttpClient is imported or required", async () => {
    const httpModules = (specifier: string) =>
      node([
        "--input-type=module",
        "-e",
        `await import(${JSON.stringify(specifier)})
console.log(JSON.stringify(process.moduleLoadList.filter((m) => /^NativeModule (http|_http_\\w+)$/.test(m))))`
      ]).then((ran) => lastJsonLine(ran.stdout))
    const httpModulesRequired = (specifier: string) =>
      node([
        "-e",
        `require(${JSON.stringify(specifier)})
console.log(JSON.stringify(process.moduleLoadList.filter((m) => /^NativeModule (http|_http_\\w+)$/.test(m))))`
      ]).then((ran) => lastJsonLine(ran.stdout))
    expect(await httpModules("@plivo-effect/testing/StubHttpClient")).toStrictEqual([])
    expect(await httpModulesRequired("@plivo-effect/testing/StubHttpClient")).toStrictEqual([])
    // The probe sees node:http when it is loaded: the emulator module loads it.
    expect(await httpModules("@plivo-effect/testing/PlivoEmulator")).toContain("NativeModule http")
    expect(await httpModulesRequired("@plivo-effect/testing/PlivoEmulator")).toContain("NativeModule http")
  }, 2 * minute)

  it("run on plain node against the packed plivo-emulator bin", async () => {
    await npm(["install", `@effect/platform-node@${versions["@effect/platform-node"]}`], 4 * minute)
    const bin = join(project, "node_modules/.bin/plivo-emulator")
    expect(statSync(bin).mode & 0o111).not.toBe(0)
    // Executed directly, as `npx plivo-emulator` does: the shebang must find plain node.
    const authId = "MAPACKTESTPACKTEST00"
    const authToken = "packtestauthtoken0123456789abcdefghijklm"
    const baseUrlPattern = /http:\/\/127\.0\.0\.1:\d+\/v1\//
    const emulator = await start(bin, ["--port", "0", "--auth-id", authId, "--auth-token", authToken], {
      cwd: project,
      timeoutMs: minute,
      ready: baseUrlPattern
    })
    try {
      const baseUrl = emulator.lines.map((line) => baseUrlPattern.exec(line)?.[0]).find((url) => url !== undefined) ?? ""
      const ran = await node(["out/app.js", baseUrl, authId, authToken])
      expect(lastJsonLine(ran.stdout)).toStrictEqual({
        socketUuids: 1,
        local: { sent: 1, seen: 1, invalidIsCoreError: true },
        pooled: { named: "packed", poolNumbers: 0 },
        samePowerpacks: true,
        registered: { refused: "InvalidParamsError", requests: 0 },
        sameBrands: true,
        sameClient: true,
        sameMessages: true,
        sameEmulator: true,
        sameError: true,
        money: "0.00250",
        phone: "14155550123",
        xml: "application/xml; charset=utf-8",
        internal: "ERR_PACKAGE_PATH_NOT_EXPORTED"
      })
      // The CommonJS program: every package by `require`, and nothing but CommonJS builds
      // loaded (`require` of an ES module works on Node ≥ 20.19, so a missing CommonJS build
      // would not fail loudly: it would load effect's ESM build and cost the ESM loader).
      const required = await node(["out/app.cjs", baseUrl, authId, authToken])
      expect(lastJsonLine(required.stdout)).toStrictEqual({
        socketUuids: 1,
        local: { sent: 1, seen: 1, invalidIsCoreError: true },
        sameClient: true,
        sameMessages: true,
        sameEmulator: true,
        sameError: true,
        barrels: ["function", "function"],
        internal: "ERR_PACKAGE_PATH_NOT_EXPORTED",
        cjsFolder: "ERR_PACKAGE_PATH_NOT_EXPORTED",
        cjs: expect.arrayContaining(["@effect/experimental", "@effect/platform", ...packages.map((p) => `@plivo-effect/${p}`), "effect"]),
        esm: []
      })
      expect(required.stderr).not.toContain("ExperimentalWarning")
      // The send really reached the bin's emulator: a wrong token is refused there.
      const refused = await run(process.execPath, ["out/app.js", baseUrl, authId, "wrong-token"], {
        cwd: project,
        timeoutMs: minute
      })
      expect(refused.code).not.toBe(0)
      expect(refused.stderr).toContain("AuthenticationError")
    } finally {
      await emulator.stop()
    }
  }, 6 * minute)
})
