import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import { describe, expect, it } from "@effect/vitest"
import { PlivoClient, PlivoConfig } from "@plivo-effect/core"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import type * as Tracer from "effect/Tracer"
import { serve, type Server } from "./loopback.js"

const traceHeaders = (server: Server) =>
  server.seen.flatMap((seen) => Object.keys(seen.headers).filter((name) => name === "traceparent" || name.includes("b3")))

const answer = serve((_seen, response) => {
  response.writeHead(202, { "content-type": "application/json" })
  response.end(JSON.stringify({ api_id: "a" }))
})

/** One POST through a client on a real loopback server, over fetch. */
const send = (server: Server, options: Partial<PlivoConfig.Options>) =>
  Effect.flatMap(PlivoClient, (client) => client.post(["Message"], { schema: Schema.Unknown, body: { text: "hi" } })).pipe(
    Effect.provide(
      PlivoClient.layer.pipe(
        Layer.provide(
          PlivoConfig.layer({
            authId: "MAXXXXXXXXXXXXXXXXXX",
            authToken: "token",
            baseUrl: `${server.origin}/v1/`,
            budget: false,
            ...options
          }).pipe(Layer.orDie)
        ),
        Layer.provide(FetchHttpClient.layer)
      )
    )
  )

describe("trace propagation", () => {
  it.live("is off by default: no traceparent or b3 header leaves, even inside a span", () =>
    Effect.scoped(Effect.gen(function*() {
      const server = yield* answer
      yield* send(server, {}).pipe(Effect.withSpan("caller"))
      yield* send(server, { propagateTrace: false }).pipe(Effect.withSpan("caller"))
      expect(server.seen.length).toBe(2)
      expect(traceHeaders(server)).toEqual([])
    })))

  it.live("propagateTrace sends the W3C traceparent of the client's span, in the caller's trace", () =>
    Effect.scoped(Effect.gen(function*() {
      const server = yield* answer
      const seenBelow: Array<Tracer.Span> = []
      // What the span is where the request leaves: the client's own span.
      const record = HttpClient.tapRequest(() =>
        Effect.flatMap(Effect.currentSpan, (span) => Effect.sync(() => seenBelow.push(span))).pipe(Effect.orDie)
      )
      const caller = yield* send(server, { propagateTrace: true, transformClient: record }).pipe(
        Effect.zipRight(Effect.currentSpan),
        Effect.withSpan("caller")
      )
      expect(server.seen.length).toBe(1)
      const header = server.seen[0]!.headers["traceparent"]
      expect(header).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/)
      const [, traceId, parentId] = String(header).split("-")
      expect(traceId).toBe(caller.traceId)
      expect(seenBelow.length).toBe(1)
      expect(seenBelow[0]!.name).toBe("Plivo POST Message")
      expect(parentId).toBe(seenBelow[0]!.spanId)
      expect(parentId).not.toBe(caller.spanId)
      expect(traceHeaders(server)).toEqual(["traceparent"])
    })))

  it.live("propagateTrace with the tracer off sends nothing and the call succeeds", () =>
    Effect.scoped(Effect.gen(function*() {
      const server = yield* answer
      const result = yield* send(server, { propagateTrace: true }).pipe(Effect.withSpan("caller"), Effect.withTracerEnabled(false))
      expect(result).toEqual({ api_id: "a" })
      expect(server.seen.length).toBe(1)
      expect(traceHeaders(server)).toEqual([])
    })))
})
