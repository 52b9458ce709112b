/** `pnpm docs:check`: runs the docs check (see `docs.ts`) and fails on any problem. */
import { checkRepository } from "./docs.js"

const { examples, problems } = checkRepository()
for (const problem of problems) console.error(`${problem.file}:${problem.line}: ${problem.message}`)
console.log(`docs: ${examples} examples type-checked, ${problems.length} problem(s)`)
process.exitCode = problems.length === 0 ? 0 : 1
