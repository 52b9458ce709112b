/**
 * The Effect steps of one `Messages.send`, counted, not timed: every primitive the fiber run
 * loop evaluates (by kind), every fiber started, every fiber-ref write, over the in-process
 * `HttpClient` of `hotpath.ts` (no network). The counts do not depend on the machine's load,
 * so two checkouts compare by running this in each, one after the other.
 *
 *   node --import tsx test/bench/steps.ts [--sends n]    (after `pnpm build`; sequential sends)
 *
 * "budgets off" and "as shipped" run with no tracer installed (Effect's native one), where
 * the SDK makes no spans; "shipped + a tracer" installs one that keeps nothing, so the
 * spans are made and ended.
 *
 * Counting wraps the run loop's methods on the fiber class, so it costs time: read no time
 * from a process that counted.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { type PlivoBudget, PlivoClient, PlivoConfig, PlivoHttpClient } from "@plivo-effect/core"
import { Messages } from "@plivo-effect/messaging"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Tracer from "effect/Tracer"
import { createServer } from "node:http"

const args = process.argv.slice(2)
const sendsAt = args.indexOf("--sends")
const SENDS = sendsAt === -1 ? 200 : Number(args[sendsAt + 1])

const answer = JSON.stringify({
  api_id: "db342550-7f1d-11e1-8ea7-1231380bc196",
  message: "message(s) queued",
  message_uuid: ["db3ce55a-7f1d-11e1-8ea7-1231380bc196"],
  invalid_number: []
})
const inProcess = HttpClient.make((request) =>
  Effect.succeed(
    HttpClientResponse.fromWeb(request, new Response(answer, { status: 202, headers: { "content-type": "application/json" } }))
  )
)
const inProcessLayer = Layer.succeed(HttpClient.HttpClient, inProcess)
const params = { src: "14155550100", dst: "14155550123", text: "Your code is 123456" }

// The shipped transport, `PlivoHttpClient`, needs a socket: a plain `node:http` server in this
// process (it runs no Effect, so it adds no steps), answering at once.
const server = createServer((_request, response) => {
  response.writeHead(202, { "content-type": "application/json" }).end(answer)
})
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
const address = server.address()
const origin = typeof address === "object" && address !== null ? `http://127.0.0.1:${address.port}` : ""

const runtime = (budget: PlivoBudget.Options | false, http: Layer.Layer<HttpClient.HttpClient> = inProcessLayer) =>
  ManagedRuntime.make(
    Messages.layer.pipe(
      Layer.provide(PlivoClient.layer),
      Layer.provide(
        PlivoConfig.layer({
          authId: "MAXXXXXXXXXXXXXXXXXX",
          authToken: "token-token-token-token-token-tok",
          budget,
          ...(http === inProcessLayer ? {} : { baseUrl: `${origin}/v1/` })
        })
      ),
      Layer.provide(http),
      Layer.orDie
    )
  )

// The fiber class, from a fiber of this process's `effect`, and its run-loop methods.
const fiber = await Effect.runPromise(Effect.withFiberRuntime((fiber) => Effect.succeed(fiber)))
const proto: Record<string, unknown> = Object.getPrototypeOf(fiber)
const counts = new Map<string, number>()
let counting = false
const count = (key: string) => {
  if (counting) counts.set(key, (counts.get(key) ?? 0) + 1)
}
const wrap = (name: string, key: string) => {
  const original = proto[name]
  if (typeof original !== "function") return
  proto[name] = function(this: unknown, ...rest: Array<unknown>) {
    count(key)
    return Reflect.apply(original, this, rest)
  }
}
const primitives = [
  "Sync", "Success", "Failure", "WithRuntime", "UpdateRuntimeFlags", "OnSuccess", "OnFailure",
  "OnSuccessAndFailure", "OnStep", "Async", "Yield", "While", "Iterator", "Commit", "Tag", "Left", "Right",
  "Some", "None", "Micro"
]
for (const op of primitives) wrap(op, `op ${op}`)
wrap("resume", "fiber started (fork)")
wrap("startFork", "fiber started (race)")
wrap("setFiberRef", "fiber-ref write (one)")
wrap("setFiberRefs", "fiber-ref write (all)")

const measure = async (name: string, run: (n: number) => Promise<unknown>) => {
  await run(50)
  counts.clear()
  counting = true
  await run(SENDS)
  counting = false
  rows.push([name, new Map(counts)])
}
const rows: Array<[string, Map<string, number>]> = []
console.log(`steps per Messages.send, ${SENDS} sequential sends after 50 warm-up`)

const floor = inProcess.execute(HttpClientRequest.post("https://api.plivo.com/v1/Account/MAXXXXXXXXXXXXXXXXXX/Message/")).pipe(
  Effect.flatMap((response) => response.text),
  Effect.map((text): unknown => JSON.parse(text))
)
await measure("floor: execute+text+parse", (n) => Effect.runPromise(Effect.repeatN(floor, n - 1)))
// A tracer that is installed (so spans are made and ended) but keeps nothing: what spans cost
// when they go somewhere, without the cost of any exporter.
const installed = Tracer.make({
  span: (name, parent, context, links, startTime, kind) => ({
    _tag: "Span", name, spanId: "s", traceId: "t", parent, context, links, sampled: true, kind,
    status: { _tag: "Started", startTime }, attributes: new Map(),
    end: () => {}, attribute: () => {}, event: () => {}, addLinks: () => {}
  }),
  context: (f) => f()
})
type TracerMode = "off" | "none installed" | "installed"
const budgets = { account: { limit: 10_000_000, window: "1 second" } } as const
const variants: ReadonlyArray<readonly [string, PlivoBudget.Options | false, TracerMode, Layer.Layer<HttpClient.HttpClient>?]> = [
  ["budgets off, tracer off", false, "off"],
  ["budgets off", false, "none installed"],
  ["as shipped (budgets on)", budgets, "none installed"],
  ["shipped + a tracer", budgets, "installed"],
  ["shipped, PlivoHttpClient", budgets, "none installed", PlivoHttpClient.layer]
]
for (const [name, budget, tracer, http] of variants) {
  if (http !== undefined) {
    // Its own floor: the platform client over the same transport, without this SDK.
    const plain = ManagedRuntime.make(http)
    const bare = Effect.flatMap(HttpClient.HttpClient, (client) =>
      client.execute(HttpClientRequest.post(`${origin}/v1/Account/MAXXXXXXXXXXXXXXXXXX/Message/`))).pipe(
        Effect.flatMap((response) => response.text),
        Effect.map((text): unknown => JSON.parse(text))
      )
    await measure("floor, PlivoHttpClient", (n) => plain.runPromise(Effect.repeatN(bare, n - 1)))
    await plain.dispose()
  }
  const rt = runtime(budget, http)
  const send = Effect.flatMap(Messages, (messages) => messages.send(params)).pipe(
    (effect) =>
      tracer === "off"
        ? Effect.withTracerEnabled(effect, false)
        : tracer === "installed"
        ? Effect.withTracer(effect, installed)
        : effect
  )
  await measure(name, (n) => rt.runPromise(Effect.repeatN(send, n - 1)))
  await rt.dispose()
}
server.close()
const keys = [...new Set(rows.flatMap(([, m]) => [...m.keys()]))].sort()
const per = (m: Map<string, number>, key: string) => ((m.get(key) ?? 0) / SENDS).toFixed(1)
const total = (m: Map<string, number>) =>
  ([...m].filter(([k]) => k.startsWith("op ")).reduce((sum, [, n]) => sum + n, 0) / SENDS).toFixed(1)
const width = Math.max(...keys.map((k) => k.length), 22)
console.log(`${"".padEnd(width)} | ${rows.map(([name]) => name.padStart(25)).join(" | ")}`)
console.log(`${"primitives, all kinds".padEnd(width)} | ${rows.map(([, m]) => total(m).padStart(25)).join(" | ")}`)
for (const key of keys) {
  console.log(`${key.padEnd(width)} | ${rows.map(([, m]) => per(m, key).padStart(25)).join(" | ")}`)
}
