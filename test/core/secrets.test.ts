import * as HttpClient from "@effect/platform/HttpClient"
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
import { inspect } from "node:util"
import { clients, serve } from "./loopback.js"

const TOKEN = "SENTINEL-TOKEN-7f3c9a1e5b"
const authId = StubHttpClient.credentials.authId
const basic = Buffer.from(`${authId}:${TOKEN}`).toString("base64")

const answers: Record<string, StubHttpClient.Response | "never"> = {
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
      expect(spans.length).toBeGreaterThanOrEqual(10)
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

describe("the Auth Token never leaks over real clients", () => {
  const LIVE_TOKEN = "LiveSentinelToken0123456789abcdefABCDEF"
  const liveId = "MALIVESECRETSLIVE000"
  const pair = `${liveId}:${LIVE_TOKEN}`
  const encoded = Buffer.from(pair).toString("base64")
  const forbidden = [LIVE_TOKEN, pair, encoded, encoded.replace(/=+$/, ""), `Basic ${encoded}`]

  /** Every way a value can end up printed: JSON, String, util.inspect (deep). */
  const renderings = (value: unknown): Array<string> => {
    const out = [inspect(value, { depth: 12, showHidden: true }), String(value)]
    try {
      out.push(JSON.stringify(value) ?? "")
    } catch (e) {
      out.push(String(e))
    }
    return out
  }

  // Each route fails its own way; the server echoes the request headers into every body.
  const routes = ["Bad", "Teapot", "Boom", "Weird", "Decode", "Reset", "Slow", "Redirect", "Ok"] as const

  for (const [name, http] of clients) {
    it.live(`${name}: echoed headers, resets and timeouts leave no credential in errors, causes, spans or logs`, () =>
      Effect.gen(function*() {
        const server = yield* serve((seen, response, request) => {
          const echo = JSON.stringify({ you_sent: seen.headers, raw: `Authorization: ${seen.headers.authorization}` })
          const route = /\/Account\/[^/]+\/([^/]+)\//.exec(seen.url)?.[1]
          const json = { "content-type": "application/json" }
          switch (route) {
            case "Bad":
              response.writeHead(400, json).end(JSON.stringify({ api_id: seen.headers.authorization, error: echo }))
              return
            case "Teapot":
              response.writeHead(418, { "content-type": "text/plain" }).end(`teapot ${echo}`)
              return
            case "Boom":
              response.writeHead(500, { "content-type": "text/html" }).end(`<pre>${echo}</pre>`)
              return
            case "Weird":
              response.writeHead(200, json).end(JSON.stringify({ api_id: "w", error: { detail: echo } }))
              return
            case "Decode":
              response.writeHead(200, json).end(JSON.stringify({ api_id: seen.headers.authorization }))
              return
            case "Reset":
              request.socket.destroy()
              return
            case "Slow":
              return
            case "Redirect":
              response.writeHead(302, { location: `http://127.0.0.1:1/?auth=${seen.headers.authorization}` }).end()
              return
            default:
              response.writeHead(200, json).end(JSON.stringify({ api_id: "ok" }))
          }
        })
        const { spans, tracer } = TestTracer.make()
        const logs: Array<string> = []
        const logger = Logger.make(({ annotations, cause, message }) => {
          logs.push(inspect({ message, annotations: [...annotations] }, { depth: 12 }) + Cause.pretty(cause))
        })
        const layer = PlivoClient.layer.pipe(
          Layer.provide(http),
          Layer.provide(
            PlivoConfig.layer({
              authId: liveId,
              authToken: LIVE_TOKEN,
              baseUrl: `${server.origin}/v1/`,
              retry: RetryPolicy.make({ base: "1 millis", cap: "2 millis", transientRetries: 1, rateLimitRetries: 1 }),
              timeout: "300 millis"
            }).pipe(Layer.orDie)
          )
        )
        const seen: Array<string> = []
        let causes = 0
        const schema = Schema.Struct({ api_id: Schema.Literal("ok") })
        yield* Effect.gen(function*() {
          const client = yield* PlivoClient
          for (const route of routes) {
            for (const call of [client.get([route], { schema }), client.post([route], { schema, body: { text: "x" } })]) {
              const exit = yield* Effect.exit(call)
              seen.push(...renderings(exit), Cause.pretty(Exit.isFailure(exit) ? exit.cause : Cause.empty))
              if (Exit.isFailure(exit)) {
                const error = Cause.squash(exit.cause)
                seen.push(...renderings(error), error instanceof Error ? `${error.message}\n${error.stack}` : "")
                if (typeof error === "object" && error !== null && "cause" in error && error.cause !== undefined) {
                  causes++
                  seen.push(...renderings(error.cause))
                }
                yield* Effect.logError("call failed", error)
                yield* Effect.logError(exit.cause)
              }
              if (route !== "Ok") expect(Exit.isFailure(exit)).toBe(true)
            }
          }
        }).pipe(
          Effect.provide(layer),
          Effect.withTracer(tracer),
          Logger.withMinimumLogLevel(LogLevel.All),
          Effect.provide(Logger.replace(Logger.defaultLogger, logger))
        )
        // The server did see the credential, so the echo really carried it.
        expect(server.seen.some((s) => s.headers.authorization === `Basic ${encoded}`)).toBe(true)
        expect(spans.length).toBeGreaterThanOrEqual(routes.length * 2)
        for (const span of spans) {
          seen.push(span.name, ...renderings([...span.attributes]), ...renderings(span.exit))
        }
        for (const text of [...seen, ...logs]) {
          for (const secret of forbidden) expect(text).not.toContain(secret)
        }
        // The reset produced transport errors whose underlying cause is kept (scrubbed).
        expect(causes).toBeGreaterThan(0)
      }).pipe(Effect.scoped))
  }

  /**
   * One GET to a failing server, over `plugged` with `transformClient`, with a tracer: the
   * only span is the SDK's own, and no span's exit holds a secret. Gives what the server saw.
   */
  const onlyThePlivoSpan = (
    plugged: Layer.Layer<HttpClient.HttpClient>,
    transformClient: (client: HttpClient.HttpClient) => HttpClient.HttpClient
  ) =>
    Effect.gen(function*() {
      const server = yield* serve((_, response) => response.writeHead(500).end("boom"))
      const { spans, tracer } = TestTracer.make()
      const layer = PlivoClient.layer.pipe(
        Layer.provide(plugged),
        Layer.provide(
          PlivoConfig.layer({
            authId: liveId,
            authToken: LIVE_TOKEN,
            baseUrl: `${server.origin}/v1/`,
            retry: RetryPolicy.none,
            transformClient
          }).pipe(Layer.orDie)
        )
      )
      yield* Effect.flatMap(PlivoClient, (c) => Effect.exit(c.get(["Message"], { schema: Schema.Unknown }))).pipe(
        Effect.provide(layer),
        Effect.withTracer(tracer)
      )
      expect(spans.map((s) => s.name)).toEqual(["Plivo GET Message"])
      for (const span of spans) {
        for (const text of renderings(span.exit)) for (const secret of forbidden) expect(text).not.toContain(secret)
      }
      return server
    })

  for (const [name, http] of clients.slice(1, 3)) {
    it.live(`${name}: a transformClient's own platform span is off for Plivo requests too`, () =>
      onlyThePlivoSpan(http, HttpClient.withTracerDisabledWhen(() => false)).pipe(Effect.scoped))
  }

  it.live("over PlivoHttpClient, a transformClient that sends with a client of its own makes no platform span either", () =>
    Effect.gen(function*() {
      const own = yield* Effect.provide(HttpClient.HttpClient, clients[0]![1])
      const server = yield* onlyThePlivoSpan(clients[1]![1], () => own)
      expect(server.seen).toHaveLength(1)
    }).pipe(Effect.scoped))
})

describe("bodies that echo the credential", () => {
  const ECHO_TOKEN = "EchoSentinelToken0123456789abcdefABCDEFG"
  const pair = `${authId}:${ECHO_TOKEN}`
  const encoded = Buffer.from(pair).toString("base64")
  const echo = `authorization: Basic ${encoded}; token=${ECHO_TOKEN}; pair=${pair}`
  const bodies: Record<string, StubHttpClient.Response> = {
    "Bad/": StubHttpClient.json(400, { api_id: `id ${encoded}`, error: echo }),
    "Object/": StubHttpClient.json(400, { api_id: "a", error: { headers: echo } }),
    "Teapot/": StubHttpClient.text(418, `${"x".repeat(450)} ${echo}`),
    "Boom/": StubHttpClient.text(500, `<pre>${echo}</pre>`),
    "Weird/": StubHttpClient.json(200, { api_id: "w", error: echo }),
    "Decode/": StubHttpClient.json(200, { api_id: "d", note: echo })
  }

  it.effect("are scrubbed from error fields, messages and Cause.pretty", () =>
    Effect.gen(function*() {
      const client = yield* PlivoClient
      const schema = Schema.Struct({ api_id: Schema.String, note: Schema.Literal("never") })
      for (const resource of Object.keys(bodies)) {
        const exit = yield* Effect.exit(client.get([resource.slice(0, -1)], { schema }))
        expect(Exit.isFailure(exit)).toBe(true)
        if (!Exit.isFailure(exit)) continue
        const error = Cause.squash(exit.cause)
        const fields = typeof error === "object" && error !== null ? Object.values(error).map(String) : []
        expect(fields.join(" ")).toContain("<redacted>")
        for (const text of [...fields, String(error), JSON.stringify(error), Cause.pretty(exit.cause)]) {
          for (const secret of [ECHO_TOKEN, pair, encoded]) expect(text).not.toContain(secret)
        }
      }
    }).pipe(
      Effect.provide(
        StubHttpClient.layerClient((request) => bodies[request.resource] ?? StubHttpClient.json(404, {}), {
          authToken: ECHO_TOKEN,
          retry: RetryPolicy.none
        })
      )
    ))
})

describe("bodies that echo the credential encoded", () => {
  // Chosen so that its Base64 holds both `+` and `/`, and the token itself has characters
  // that percent-encoding changes.
  const CODED_TOKEN = "Enc10~Sentinel?Token>0123456789abcdef"
  const pair = `${authId}:${CODED_TOKEN}`
  const encoded = Buffer.from(pair).toString("base64")
  const header = `Basic ${encoded}`
  const hex = (text: string) => Buffer.from(text).toString("hex")
  const everyCharEscaped = (text: string) =>
    [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")
  const rawJson = (status: number, body: string, headers: Record<string, string> = {}) =>
    StubHttpClient.text(status, body, { "content-type": "application/json", ...headers })

  const bodies: Record<string, ReturnType<typeof StubHttpClient.text>> = {
    "Unicode/": rawJson(418, `{"echo":"${everyCharEscaped(header)}"}`),
    "UnicodeError/": rawJson(400, `{"api_id":"a","error":"bad ${everyCharEscaped(CODED_TOKEN)}"}`),
    "Slashes/": rawJson(418, JSON.stringify({ echo: header }).replace(/\//g, "\\/")),
    "HexLower/": StubHttpClient.text(418, `dump ${hex(CODED_TOKEN)} and ${hex(pair)}`),
    "HexUpper/": StubHttpClient.text(418, `DUMP ${hex(CODED_TOKEN).toUpperCase()} ${hex(encoded).toUpperCase()}`),
    "Lower/": StubHttpClient.text(418, header.toLowerCase()),
    "Upper/": StubHttpClient.text(500, `${header.toUpperCase()} ${CODED_TOKEN.toUpperCase()}`),
    "Percent/": StubHttpClient.text(
      418,
      `?a=${encodeURIComponent(header)}&t=${encodeURIComponent(CODED_TOKEN)}&p=${encodeURIComponent(pair).toLowerCase()}`
    ),
    "Location/": StubHttpClient.empty(302, {
      location: `http://127.0.0.1:1/?a=${encodeURIComponent(header)}&t=${encodeURIComponent(CODED_TOKEN)}`
    })
  }

  /** Every form checked, compared after the escapes are decoded and the case folded. */
  const forbidden = [
    CODED_TOKEN,
    pair,
    encoded.replace(/=+$/, ""),
    hex(CODED_TOKEN),
    hex(pair),
    hex(encoded.replace(/=+$/, "")),
    encodeURIComponent(CODED_TOKEN),
    encodeURIComponent(pair),
    encodeURIComponent(encoded)
  ].map((form) => form.toLowerCase())
  const normalised = (text: string) =>
    text.replace(/\\u([0-9a-fA-F]{4})/g, (_, code: string) => String.fromCharCode(parseInt(code, 16)))
      .replace(/\\\//g, "/")
      .toLowerCase()

  it.effect("are scrubbed in every encoding from error fields, messages and Cause.pretty", () =>
    Effect.gen(function*() {
      expect(encoded).toMatch(/\+.*\/|\/.*\+/)
      const client = yield* PlivoClient
      for (const resource of Object.keys(bodies)) {
        const exit = yield* Effect.exit(client.get([resource.slice(0, -1)], { schema: Schema.Struct({}) }))
        expect(Exit.isFailure(exit)).toBe(true)
        if (!Exit.isFailure(exit)) continue
        const error = Cause.squash(exit.cause)
        const fields = typeof error === "object" && error !== null ? Object.values(error).map(String) : []
        expect([resource, fields.join(" ")].join(" ")).toContain("<redacted>")
        for (const text of [...fields, String(error), JSON.stringify(error), Cause.pretty(exit.cause)]) {
          const plain = normalised(text)
          for (const form of forbidden) expect(plain, `${resource} ${form}`).not.toContain(form)
        }
      }
    }).pipe(
      Effect.provide(
        StubHttpClient.layerClient((request) => bodies[request.resource] ?? StubHttpClient.json(404, {}), {
          authToken: CODED_TOKEN,
          retry: RetryPolicy.none
        })
      )
    ))

  it.effect("a body that holds no credential keeps its escapes", () =>
    Effect.gen(function*() {
      const client = yield* PlivoClient
      const error = yield* Effect.flip(client.get(["Plain"], { schema: Schema.Struct({}) }))
      expect(error._tag === "UnexpectedStatusError" && error.body).toBe(String.raw`{"note":"caf\u00e9 a\/b"}`)
    }).pipe(
      Effect.provide(
        StubHttpClient.layerClient(() => rawJson(418, String.raw`{"note":"caf\u00e9 a\/b"}`), {
          authToken: CODED_TOKEN,
          retry: RetryPolicy.none
        })
      )
    ))
})
