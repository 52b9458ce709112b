/**
 * One sending process of the cross-process budget test (redis.test.ts): `count` sends to
 * the emulator at `baseUrl`, all at once, within budgets kept in Redis (`redisPort`) or in
 * this process's memory (`redisPort` null). Prints one JSON line: `{ sent, failed }`.
 *
 *   node --import tsx --conditions=@plivo-effect/source test/budgets/worker.ts '<json>'
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { PlivoBudget } from "@plivo-effect/core/PlivoBudget"
import * as PlivoBudgetRedis from "@plivo-effect/core/PlivoBudgetRedis"
import { PlivoClient } from "@plivo-effect/core/PlivoClient"
import { PlivoConfig } from "@plivo-effect/core/PlivoConfig"
import * as RetryPolicy from "@plivo-effect/core/RetryPolicy"
import { Messages } from "@plivo-effect/messaging/Messages"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"

const Args = Schema.parseJson(Schema.Struct({
  baseUrl: Schema.String,
  authId: Schema.String,
  authToken: Schema.String,
  redisPort: Schema.NullOr(Schema.Number),
  count: Schema.Number,
  limit: Schema.Number,
  windowMillis: Schema.Number,
  worker: Schema.Number,
  /** Epoch millis of the first send, the same for every worker. */
  startAt: Schema.Number
}))

const program = Effect.gen(function*() {
  const args = yield* Schema.decodeUnknown(Args)(process.argv[2])
  const options: PlivoBudget.Options = { account: { limit: args.limit, window: args.windowMillis } }
  const budget = args.redisPort === null
    ? PlivoBudget.layerMemory(options)
    : PlivoBudgetRedis.layer({ port: args.redisPort, host: "127.0.0.1", budget: options })
  const live = Messages.layer.pipe(
    Layer.provide(PlivoClient.layer),
    Layer.provide(budget),
    Layer.provide(PlivoConfig.layer({
      authId: args.authId,
      authToken: args.authToken,
      baseUrl: args.baseUrl,
      // Short backoff so that the control (memory budgets, 429s) still ends within seconds.
      retry: RetryPolicy.make({ base: "200 millis", cap: "2 seconds", rateLimitRetries: 20 })
    })),
    Layer.provide(FetchHttpClient.layer)
  )
  const results = yield* Effect.flatMap(Messages, (messages) =>
    Effect.zipRight(
      Effect.sleep(Math.max(0, args.startAt - Date.now())),
      Effect.forEach(
      Array.from({ length: args.count }, (_, i) => i),
      (i) =>
        Effect.either(messages.send({
          src: "14155550100",
          dst: [`1415${String(args.worker).padStart(2, "0")}5${String(i).padStart(4, "0")}`],
          text: `worker ${args.worker} message ${i}`
        })),
      { concurrency: "unbounded" }
    ))).pipe(Effect.provide(live))
  const failed = results.filter((r) => r._tag === "Left")
  console.log(JSON.stringify({ sent: results.length - failed.length, failed: failed.length }))
})

Effect.runPromise(program).catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
