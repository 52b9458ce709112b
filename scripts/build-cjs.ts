/**
 * The CommonJS half of every package's build (`pnpm build` runs it after `tsc -b
 * tsconfig.build.json`), as Effect's own packages ship one beside their ES modules.
 *
 * `tsc` cannot emit CommonJS from a `"type": "module"` package under `verbatimModuleSyntax`
 * + NodeNext, so each module of `src/` is transpiled alone (`isolatedModules` promises that
 * this means the same as `tsc`'s emit) with `module: CommonJS` into `dist/cjs/`, with a
 * source map back to `src/`. Beside it go copies of `tsc`'s declarations (`dist/*.d.ts`,
 * maps re-pointed) and `dist/cjs/package.json` `{"type": "commonjs"}`: that one file makes
 * Node run `dist/cjs/*.js` as CommonJS and makes TypeScript read `dist/cjs/*.d.ts` as
 * CommonJS declarations, so a CJS project type-checks without TS1479. The manifests'
 * `require` condition points at `dist/cjs/`; `import` still gets `dist/*.js`.
 *
 * A module that only ES modules can have (`import.meta`, top-level `await`) fails the build:
 * it would be different, or broken, under `require`.
 *
 *   node --import tsx scripts/build-cjs.ts [package dir …]     (default: every packages/*)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { dirname, join, relative, resolve } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import ts from "typescript"

const repoRoot = fileURLToPath(new URL("../", import.meta.url))

/** The folder of the CommonJS build inside a package's `dist/`. */
export const CJS_DIR = "cjs"

const compilerOptions: ts.CompilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  // The ESM build is checked with it on; CommonJS output has to turn `import` into `require`.
  verbatimModuleSyntax: false,
  isolatedModules: true,
  // Every module imported is namespace-imported or named (no default imports), and those
  // loaded are CommonJS builds with `__esModule`: plain `require`, no interop helpers per file.
  esModuleInterop: false,
  sourceMap: true
}

/**
 * What in `source` only an ES module can have: `import.meta`, and `await` (or `for await`)
 * outside any function. One line each, `file:line: what`; empty when none.
 */
export const esmOnlySyntax = (source: string, fileName: string): Array<string> => {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS)
  const found: Array<string> = []
  const at = (node: ts.Node, what: string) =>
    found.push(`${fileName}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}: ${what}`)
  const visit = (node: ts.Node, inFunction: boolean): void => {
    if (ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword) at(node, "import.meta")
    if (!inFunction && ts.isAwaitExpression(node)) at(node, "top-level await")
    if (!inFunction && ts.isForOfStatement(node) && node.awaitModifier !== undefined) at(node, "top-level for await")
    const nested = inFunction || ts.isFunctionLike(node) || ts.isClassStaticBlockDeclaration(node)
    ts.forEachChild(node, (child) => visit(child, nested))
  }
  visit(file, false)
  return found
}

const filesUnder = (dir: string, suffix: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesUnder(join(dir, entry.name), suffix)
      : entry.name.endsWith(suffix) ? [join(dir, entry.name)] : []
  )

/** A source map moved from `from` to `to`: its `sources` re-pointed, its `file` renamed. */
const movedMap = (text: string, from: string, to: string, file: string): string => {
  const map: { sources?: Array<string>; sourceRoot?: string; file?: string } = JSON.parse(text)
  const root = map.sourceRoot ?? ""
  map.sources = (map.sources ?? []).map((source) => relative(dirname(to), resolve(dirname(from), root, source)).split("\\").join("/"))
  map.sourceRoot = ""
  map.file = file
  return JSON.stringify(map)
}

/**
 * Writes `packageDir/dist/cjs/` from `packageDir/src/` (code) and `packageDir/dist/`
 * (declarations, which `tsc -b` must have written). Returns the modules written; throws on
 * ESM-only syntax or a module `tsc` did not emit.
 */
export const buildCjs = (packageDir: string): number => {
  const src = join(packageDir, "src")
  const dist = join(packageDir, "dist")
  const out = join(dist, CJS_DIR)
  const sources = filesUnder(src, ".ts").filter((file) => !file.endsWith(".d.ts"))
  const problems = sources.flatMap((file) => esmOnlySyntax(readFileSync(file, "utf8"), relative(repoRoot, file)))
  if (problems.length > 0) throw new Error(`ES-module-only syntax has no CommonJS build:\n${problems.join("\n")}`)
  rmSync(out, { recursive: true, force: true })
  for (const source of sources) {
    const module = relative(src, source).slice(0, -".ts".length)
    const declaration = join(dist, `${module}.d.ts`)
    if (!existsSync(join(dist, `${module}.js`)) || !existsSync(declaration)) {
      throw new Error(`${relative(repoRoot, source)} has no ESM build in dist/: run \`tsc -b tsconfig.build.json\` first`)
    }
    const js = join(out, `${module}.js`)
    mkdirSync(dirname(js), { recursive: true })
    const name = `${module.split("/").at(-1)}.js`
    const { outputText, sourceMapText, diagnostics } = ts.transpileModule(readFileSync(source, "utf8"), {
      compilerOptions,
      fileName: source,
      reportDiagnostics: true
    })
    if (diagnostics !== undefined && diagnostics.length > 0) {
      throw new Error(ts.formatDiagnostics(diagnostics, {
        getCanonicalFileName: (f) => f,
        getCurrentDirectory: () => repoRoot,
        getNewLine: () => "\n"
      }))
    }
    writeFileSync(js, outputText)
    if (sourceMapText !== undefined) writeFileSync(`${js}.map`, movedMap(sourceMapText, source, js, name))
    const dts = join(out, `${module}.d.ts`)
    writeFileSync(dts, readFileSync(declaration, "utf8"))
    const dtsMap = `${declaration}.map`
    if (existsSync(dtsMap)) writeFileSync(`${dts}.map`, movedMap(readFileSync(dtsMap, "utf8"), dtsMap, `${dts}.map`, `${name.slice(0, -3)}.d.ts`))
  }
  writeFileSync(join(out, "package.json"), `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`)
  return sources.length
}

const main = (dirs: ReadonlyArray<string>) => {
  const packagesDir = join(repoRoot, "packages")
  const targets = dirs.length > 0
    ? dirs.map((dir) => resolve(dir))
    : readdirSync(packagesDir).map((pkg) => join(packagesDir, pkg)).filter((dir) => existsSync(join(dir, "src")))
  for (const dir of targets) {
    const count = buildCjs(dir)
    console.log(`${relative(repoRoot, dir)}: ${count} modules → dist/${CJS_DIR}/`)
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main(process.argv.slice(2))
