/**
 * Run by imports.test.ts in a fresh process, with a resolve hook that refuses `ioredis`:
 * `barrel` imports `@plivo-effect/core` and builds the default (memory) budgets; `redis`
 * also builds the Redis store, which must reach for ioredis. Prints one JSON line.
 */
import type * as Layer from "effect/Layer"
import { register } from "node:module"

register(
  "data:text/javascript," + encodeURIComponent(
    "export async function resolve(specifier, context, next) {" +
      "if (specifier === 'ioredis' || specifier.startsWith('ioredis/')) throw new Error('ioredis refused');" +
      "return next(specifier, context) }"
  )
)

const core = await import("@plivo-effect/core")
const Effect = await import("effect/Effect")
const { build: buildLayer } = await import("effect/Layer")

const build = <A, E>(layer: Layer.Layer<A, E>) => Effect.runPromise(Effect.scoped(Effect.either(buildLayer(layer))))

const memory = await build(core.PlivoBudget.layerMemory())
const result: Record<string, unknown> = { memory: memory._tag }
if (process.argv[2] === "redis") {
  const redis = await build(core.PlivoBudgetRedis.layerStore({ port: 1 }))
  result.redis = redis._tag === "Left" ? String(redis.left) : "built"
}
console.log(JSON.stringify(result))
