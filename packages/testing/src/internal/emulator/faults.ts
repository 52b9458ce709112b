/**
 * Scripted and random faults. A fault is picked before the request is authenticated,
 * as an overloaded proxy or a flaky network would act on it.
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import * as Random from "effect/Random"
import type { EmulatorFault, PlivoEmulator } from "../../PlivoEmulator.js"

type FaultTarget = PlivoEmulator.FaultTarget
type RandomFaults = PlivoEmulator.RandomFaults

interface Matcher {
  readonly method: string | undefined
  readonly path: RegExp | undefined
}

interface Rule extends Matcher {
  readonly fault: EmulatorFault
  remaining: number
}

const globToRegExp = (glob: string): RegExp => {
  const trimmed = glob.replace(/^\/+|\/+$/g, "")
  const source = trimmed
    .split(/(\*\*|\*)/)
    .map((part) => (part === "**" ? ".*" : part === "*" ? "[^/]*" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")))
    .join("")
  return new RegExp(`^${source}$`)
}

const matcher = (target: FaultTarget): Matcher => ({
  method: target.method?.toUpperCase(),
  path: target.path === undefined ? undefined : typeof target.path === "string" ? globToRegExp(target.path) : target.path
})

const matches = (m: Matcher, method: string, path: string | undefined): boolean =>
  (m.method === undefined || m.method === method) &&
  (m.path === undefined || (path !== undefined && m.path.test(path)))

/** @internal */
export interface Faults {
  readonly script: (fault: EmulatorFault, target: FaultTarget & { readonly times?: number | undefined }) => void
  readonly setRandom: (config: RandomFaults | undefined) => void
  readonly clear: () => void
  /** The fault for this request, if any; `path` is undefined outside the account prefix. */
  readonly draw: (method: string, path: string | undefined) => Effect.Effect<EmulatorFault | undefined>
}

/** @internal */
export const makeFaults = (seed: number, initial: RandomFaults | undefined): Faults => {
  const random = Random.make(seed)
  let rules: Array<Rule> = []
  let randomConfig: (RandomFaults & { readonly matcher: Matcher }) | undefined
  const setRandom = (config: RandomFaults | undefined): void => {
    randomConfig = config === undefined ? undefined : { ...config, matcher: matcher(config) }
  }
  setRandom(initial)
  return {
    script: (fault, target) => {
      rules.push({ ...matcher(target), fault, remaining: target.times ?? 1 })
    },
    setRandom,
    clear: () => {
      rules = []
      randomConfig = undefined
    },
    draw: (method, path) =>
      Effect.suspend(() => {
        const rule = rules.find((r) => r.remaining > 0 && matches(r, method, path))
        if (rule !== undefined) {
          rule.remaining--
          rules = rules.filter((r) => r.remaining > 0)
          return Effect.succeed<EmulatorFault | undefined>(rule.fault)
        }
        const config = randomConfig
        if (config === undefined || config.faults.length === 0 || !matches(config.matcher, method, path)) {
          return Effect.succeed(undefined)
        }
        return Effect.gen(function*() {
          if ((yield* random.next) >= config.probability) return undefined
          const index = yield* random.nextIntBetween(0, config.faults.length)
          return config.faults[index]
        })
      })
  }
}
