/**
 * The docs check: every `@example` in the packages' sources is a fenced TypeScript
 * program that type-checks against the workspace sources, and every export of a public
 * module carries `@since` and `@category`. Examples are compiled, not run: running them
 * would send texts.
 */
import { readdirSync, readFileSync } from "node:fs"
import * as path from "node:path"
import ts from "typescript"

export interface Problem {
  readonly file: string
  readonly line: number
  readonly message: string
}

export interface Example {
  readonly file: string
  /** 1-based line of the example's first code line in `file`. */
  readonly line: number
  readonly code: string
}

export const repoRoot = path.resolve(import.meta.dirname, "../..")

/** `packages/<pkg>/src/**\/*.ts`, relative to the repository root, sorted. */
export const sourceFiles = (root: string = repoRoot): ReadonlyArray<string> => {
  const out: Array<string> = []
  const walk = (dir: string): void => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(rel)
      else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) out.push(rel)
    }
  }
  for (const pkg of readdirSync(path.join(root, "packages"))) walk(path.join("packages", pkg, "src"))
  return out.sort()
}

const lineOf = (text: string, offset: number): number => {
  let line = 1
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

/**
 * The `@example` blocks of every JSDoc comment in `text`. A tag ends at the next line
 * that starts with `@` outside a fence; the code is what its ```ts fence holds.
 */
export const extractExamples = (file: string, text: string): { examples: Array<Example>; problems: Array<Problem> } => {
  const examples: Array<Example> = []
  const problems: Array<Problem> = []
  for (const comment of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const firstLine = lineOf(text, comment.index)
    const lines = comment[0].split("\n").map((raw) => raw.replace(/^\s*\/?\*\*?\/?\s?/, "").replace(/\s*\*\/$/, ""))
    let i = 0
    while (i < lines.length) {
      if (!/^@example\b/.test(lines[i] ?? "")) {
        i++
        continue
      }
      const tagLine = firstLine + i
      i++
      while (i < lines.length && (lines[i] ?? "").trim() === "") i++
      if (!/^```(ts|typescript)\s*$/.test((lines[i] ?? "").trim())) {
        problems.push({ file, line: tagLine, message: "@example is not fenced: put its code between ```ts and ```" })
        continue
      }
      const start = i + 1
      let end = start
      while (end < lines.length && (lines[end] ?? "").trim() !== "```") end++
      if (end === lines.length) {
        problems.push({ file, line: tagLine, message: "@example has no closing ``` fence" })
        i = end
        continue
      }
      examples.push({ file, line: firstLine + start, code: lines.slice(start, end).join("\n") })
      i = end + 1
    }
  }
  return { examples, problems }
}

const hasExportModifier = (node: ts.Node): boolean =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)

const declaredName = (node: ts.Statement): string => {
  if (ts.isVariableStatement(node)) {
    return node.declarationList.declarations.map((d) => d.name.getText()).join(", ")
  }
  const named = ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node) ||
    ts.isTypeAliasDeclaration(node) || ts.isModuleDeclaration(node) || ts.isEnumDeclaration(node)
  return (named ? node.name?.getText() : undefined) ?? "(anonymous)"
}

/**
 * Exported declarations of a public module (not `internal/`, not a barrel) without
 * `@since` or `@category`. Re-exports (`export ... from`) are the barrels' and need none.
 */
export const checkTags = (file: string, text: string): Array<Problem> => {
  if (file.split(path.sep).includes("internal") || path.basename(file) === "index.ts") return []
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true)
  const problems: Array<Problem> = []
  for (const statement of source.statements) {
    if (!hasExportModifier(statement)) continue
    const tags = ts.getJSDocTags(ts.isVariableStatement(statement) ? statement.declarationList.declarations[0] ?? statement : statement)
    const names = new Set(tags.map((tag) => tag.tagName.text))
    const missing = ["since", "category"].filter((tag) => !names.has(tag))
    if (missing.length > 0) {
      problems.push({
        file,
        line: source.getLineAndCharacterOfPosition(statement.getStart()).line + 1,
        message: `export ${declaredName(statement)} has no ${missing.map((tag) => `@${tag}`).join(" or ")}`
      })
    }
  }
  return problems
}

const compilerOptions = (root: string): ts.CompilerOptions => {
  const configFile = path.join(root, "tsconfig.base.json")
  const { config } = ts.readConfigFile(configFile, ts.sys.readFile)
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, configFile)
  // Strict as the packages, but an example may well declare a value it does not use.
  return {
    ...options,
    noEmit: true,
    composite: false,
    declaration: false,
    declarationMap: false,
    sourceMap: false,
    incremental: false,
    noUnusedLocals: false,
    noUnusedParameters: false
  }
}

/**
 * Type-checks every example in one program. Each becomes a module under `test/docs/`
 * (in memory only), so it imports the packages as a user would, and the
 * `@plivo-effect/source` condition resolves them to their sources.
 */
export const checkExamples = (examples: ReadonlyArray<Example>, root: string = repoRoot): Array<Problem> => {
  const virtual = new Map<string, Example>()
  examples.forEach((example, index) => {
    const name = example.file.replace(/[\\/]/g, "_").replace(/\.ts$/, "")
    virtual.set(path.join(root, "test", "docs", "examples", `${name}_${index}.ts`), example)
  })
  const options = compilerOptions(root)
  const host = ts.createCompilerHost(options)
  const getSourceFile = host.getSourceFile
  const text = (fileName: string) => {
    const example = virtual.get(path.resolve(fileName))
    // `export {}` makes every example a module, so their names never clash.
    return example === undefined ? undefined : `${example.code}\nexport {}\n`
  }
  host.fileExists = (fileName) => virtual.has(path.resolve(fileName)) || ts.sys.fileExists(fileName)
  host.readFile = (fileName) => text(fileName) ?? ts.sys.readFile(fileName)
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const code = text(fileName)
    return code === undefined
      ? getSourceFile(fileName, languageVersion, onError, shouldCreate)
      : ts.createSourceFile(fileName, code, languageVersion, true)
  }
  const program = ts.createProgram([...virtual.keys()], options, host)
  const problems: Array<Problem> = []
  for (const [fileName, example] of virtual) {
    const source = program.getSourceFile(fileName)
    if (source === undefined) continue
    const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]
    for (const diagnostic of diagnostics) {
      const line = diagnostic.start === undefined ? 0 : source.getLineAndCharacterOfPosition(diagnostic.start).line
      problems.push({
        file: example.file,
        line: example.line + line,
        message: `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`
      })
    }
  }
  return problems
}

/** The whole check over the repository: fences, tags, then one type-check of all examples. */
export const checkRepository = (root: string = repoRoot): { examples: number; problems: Array<Problem> } => {
  const examples: Array<Example> = []
  const problems: Array<Problem> = []
  for (const file of sourceFiles(root)) {
    const text = readFileSync(path.join(root, file), "utf8")
    const found = extractExamples(file, text)
    examples.push(...found.examples)
    problems.push(...found.problems, ...checkTags(file, text))
  }
  problems.push(...checkExamples(examples, root))
  return { examples: examples.length, problems }
}
