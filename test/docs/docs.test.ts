import { describe, expect, it } from "vitest"
import { checkExamples, checkTags, extractExamples } from "./docs.js"

const module = (example: string) => `/**
 * A module.
 *
 * @since 0.1.0
 */

/**
 * A value.
 *
 * @example
${example.split("\n").map((line) => ` * ${line}`.trimEnd()).join("\n")}
 *
 * @since 0.1.0
 * @category constants
 */
export const value = 1
`

describe("the docs check", () => {
  it("finds a fenced example and the line its code starts on", () => {
    const { examples, problems } = extractExamples("x.ts", module("```ts\nconst a = 1\nconst b = a\n```"))
    expect(problems).toEqual([])
    expect(examples).toEqual([{ file: "x.ts", line: 12, code: "const a = 1\nconst b = a" }])
  })

  it("rejects an example that is not fenced", () => {
    const { examples, problems } = extractExamples("x.ts", module("const a = 1"))
    expect(examples).toEqual([])
    expect(problems).toEqual([{ file: "x.ts", line: 10, message: "@example is not fenced: put its code between ```ts and ```" }])
  })

  // One program for the three cases: building it is the slow part of the check.
  it("fails an example that uses an undeclared name or a wrong type, and passes a correct one", () => {
    const undeclared = extractExamples(
      "packages/core/src/Undeclared.ts",
      module("```ts\nimport { PlivoSignature } from \"@plivo-effect/core\"\n\nPlivoSignature.getHeader(req.headers, \"x\")\n```")
    ).examples
    const program = (type: string) =>
      module([
        "```ts",
        "import { PlivoConfig } from \"@plivo-effect/core\"",
        "import * as Layer from \"effect/Layer\"",
        "",
        `const live: Layer.Layer<${type}, unknown> = PlivoConfig.layerConfig()`,
        "```"
      ].join("\n"))
    const correct = extractExamples("packages/core/src/Correct.ts", program("PlivoConfig")).examples
    // A wrong type is caught too: the packages' own types really are checked.
    const wrong = extractExamples("packages/core/src/Wrong.ts", program("string")).examples
    const problems = checkExamples([...undeclared, ...correct, ...wrong])
    expect(problems.filter((problem) => problem.file.endsWith("Undeclared.ts"))).toEqual([
      { file: "packages/core/src/Undeclared.ts", line: 14, message: "TS2304: Cannot find name 'req'." }
    ])
    expect(problems.filter((problem) => problem.file.endsWith("Correct.ts"))).toEqual([])
    expect(problems.filter((problem) => problem.file.endsWith("Wrong.ts")).map((p) => [p.line, p.message.slice(0, 7)]))
      .toEqual([[15, "TS2322:"]])
    expect(problems).toHaveLength(2)
  }, 60_000)

  it("asks every export of a public module for @since and @category", () => {
    const text = "/** @since 0.1.0 */\nexport const a = 1\n\n/**\n * @since 0.1.0\n * @category models\n */\nexport type B = string\n"
    expect(checkTags("packages/core/src/A.ts", text)).toEqual([
      { file: "packages/core/src/A.ts", line: 2, message: "export a has no @category" }
    ])
    expect(checkTags("packages/core/src/internal/a.ts", text)).toEqual([])
  })
})
