import { describe, expect, it } from "@effect/vitest"
import { PlivoClient, PlivoConfig, RetryPolicy } from "@plivo-effect/core"
import { StubHttpClient, TestTracer } from "@plivo-effect/testing"
import * as Cause from "effect/Cause"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/TestClock"

const TOKEN = "SENTINEL-TOKEN-7f3c9a1e5b"
const authId = StubHttpClient.credentials.authId
const basic = Buffer.from(`${authId}:${TOKEN}`).toString("base64")

const answers: Record<string, StubHttpClient.StubResponse | "never"> = {
  "Bad/": StubHttpClient.json(400, { api_id: "a", error: "bad" }),
  "Auth/": StubHttpClient.json(401, { error: "authentication failed" }),
  "Rate/": StubHttpClient.json(429, { error: "too many requests" }, { "retry-after": "1" }),
  "Boom/": StubHttpClient.text(502, "<html>bad gateway</html>"),
  "Odd/": StubHttpClient.text(418, "teapot"),
  "Decode/": StubHttpClient.json(200, { unexpected: true }),
  "Reset/": StubHttpClient.transportFailure("ECONNRESET"),
  "Slow/": "never"
}

describe("the Auth Token never leaks", () => {
  it.effect("not in errors, their JSON, causes, span attributes or logs", () => {
    const { spans, tracer } = TestTracer.make()
    const logs: Array<string> = []
    const logger = Logger.make(({ message, cause, annotations }) => {
      logs.push(JSON.stringify({ message, annotations: [...annotations] }) + Cause.pretty(cause))
    })
    const Client = StubHttpClient.layerClient(
      (request) => {
        const answer = answers[request.resource] ?? StubHttpClient.json(404, { error: "not found" })
        return answer === "never" ? Effect.never : answer
      },
      { authToken: TOKEN, retry: RetryPolicy.make({ rateLimitRetries: 1, transientRetries: 1 }), timeout: "1 second" }
    )
    return Effect.gen(function*() {
      const client = yield* PlivoClient
      const schema = Schema.Struct({ api_id: Schema.String })
      const calls = [
        ...Object.keys(answers).map((resource) => client.get([resource.slice(0, -1)], { schema })),
        client.post(["Reset"], { schema, body: { text: "hello" } }),
        client.get(["../Account/OTHER"], { schema })
      ]
      const seen: Array<string> = []
      for (const call of calls) {
        const fiber = yield* Effect.fork(Effect.exit(call))
        yield* TestClock.adjust("1 minute")
        const exit = yield* fiber.await.pipe(Effect.flatten)
        expect(Exit.isFailure(exit)).toBe(true)
        if (Exit.isFailure(exit)) {
          const error = Cause.squash(exit.cause)
          seen.push(
            String(error),
            error instanceof Error ? error.message : "",
            JSON.stringify(error),
            Cause.pretty(exit.cause)
          )
          yield* Effect.logError("call failed", error)
          yield* Effect.logError(exit.cause)
        }
      }
      const config = yield* PlivoConfig
      seen.push(JSON.stringify(config), String(config.authToken), String(Object.values(config)))
      expect(seen.length).toBeGreaterThan(40)
      const spanText = spans.map((span) => JSON.stringify([span.name, ...span.attributes])).join("\n")
      expect(spans.length).toBeGreaterThan(10)
      expect(spanText).toContain("plivo.attempts")
      // The api_id of a failed request is on its span: Plivo support asks for it.
      expect(spanText).toContain(`"plivo.api_id","a"`)
      for (const text of [...seen, ...logs, spanText]) {
        expect(text).not.toContain(TOKEN)
        expect(text).not.toContain(basic)
      }
      expect(logs.length).toBeGreaterThan(10)
    }).pipe(
      Effect.provide(Layer.mergeAll(Client, PlivoConfig.layer({ authId, authToken: TOKEN }).pipe(Layer.orDie))),
      Effect.withTracer(tracer),
      Logger.withMinimumLogLevel(LogLevel.All),
      Effect.provide(Logger.replace(Logger.defaultLogger, logger))
    )
  })
})

describe("PlivoConfig", () => {
  it.effect("an Auth ID that is not plain alphanumeric is a configuration error", () =>
    Effect.gen(function*() {
      for (const authId of ["MA../../x", "MA/OTHER", "", "MA 1", "MA%2F"]) {
        const exit = yield* Effect.exit(PlivoConfig.make({ authId, authToken: "t" }))
        expect(Exit.isFailure(exit)).toBe(true)
        expect(String(exit)).not.toContain("\"t\"")
      }
      const ok = yield* PlivoConfig.make({ authId: "MAXXXXXXXXXXXXXXXXXX", authToken: "t" })
      expect(ok.baseUrl).toBe("https://api.plivo.com/v1/")
    }))

  it.effect("the base URL gets its trailing slash and must be http(s) without credentials", () =>
    Effect.gen(function*() {
      const ok = yield* PlivoConfig.make({ authId: "MA1", authToken: "t", baseUrl: "http://127.0.0.1:8080/v1" })
      expect(ok.baseUrl).toBe("http://127.0.0.1:8080/v1/")
      for (const baseUrl of ["ftp://x/", "not a url", "https://user:pw@api.plivo.com/v1/", "https://x/v1/?a=1"]) {
        expect(Exit.isFailure(yield* Effect.exit(PlivoConfig.make({ authId: "MA1", authToken: "t", baseUrl })))).toBe(
          true
        )
      }
    }))

  it.effect("layerConfig reads PLIVO_AUTH_ID, PLIVO_AUTH_TOKEN and PLIVO_BASE_URL", () =>
    Effect.gen(function*() {
      const provider = ConfigProvider.fromMap(
        new Map([
          ["PLIVO_AUTH_ID", "MAENVENVENVENVENVENV"],
          ["PLIVO_AUTH_TOKEN", "env-token"],
          ["PLIVO_BASE_URL", "http://localhost:9/v1/"]
        ])
      )
      const config = yield* PlivoConfig.pipe(
        Effect.provide(PlivoConfig.layerConfig({ timeout: "3 seconds" })),
        Effect.withConfigProvider(provider)
      )
      expect(config.authId).toBe("MAENVENVENVENVENVENV")
      expect(config.baseUrl).toBe("http://localhost:9/v1/")
      expect(String(config.authToken)).not.toContain("env-token")
      const missing = yield* Effect.exit(
        PlivoConfig.pipe(
          Effect.provide(PlivoConfig.layerConfig()),
          Effect.withConfigProvider(ConfigProvider.fromMap(new Map()))
        )
      )
      expect(Exit.isFailure(missing)).toBe(true)
    }))
})
