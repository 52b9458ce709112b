import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { describe, expect, it } from "@effect/vitest"
import { PlivoClient, PlivoConfig, RetryPolicy } from "@plivo-effect/core"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Schedule from "effect/Schedule"
import * as Schema from "effect/Schema"
import { clients, type Handler, json, refusedPort, serve } from "./loopback.js"

const authId = "MAREDIRECTREDIRECT00"
const SendResult = Schema.Struct({ api_id: Schema.String, message_uuid: Schema.Array(Schema.String) })

/** A PlivoClient over `http`, aimed at `origin`, with fast retries so a repeat would show. */
const plivo = (
  origin: string,
  http: Layer.Layer<HttpClient.HttpClient>,
  options: Partial<PlivoConfig.Options> = {}
) =>
  PlivoClient.layer.pipe(
    Layer.provide(http),
    Layer.provide(
      PlivoConfig.layer({
        authId,
        authToken: "redirect-token",
        baseUrl: `${origin}/v1/`,
        retry: RetryPolicy.make({ base: "1 millis", cap: "5 millis" }),
        timeout: "5 seconds",
        ...options
      }).pipe(Layer.orDie)
    )
  )

const send = Effect.flatMap(PlivoClient, (client) =>
  client.post(["Message"], { schema: SendResult, body: { src: "14155550100", dst: "14155550101", text: "hi" } }))

describe("a send answered with a redirect is sent once and never followed", () => {
  for (const [name, http] of clients) {
    for (const status of [301, 302, 303, 307, 308]) {
      it.live(`${name}: ${status} to a refused port`, () =>
        Effect.gen(function*() {
          const refused = yield* refusedPort
          const server = yield* serve((_, response) => {
            response.writeHead(status, { location: `http://127.0.0.1:${refused}/v1/Account/${authId}/Message/` })
            response.end()
          })
          const error = yield* Effect.flip(Effect.provide(send, plivo(server.origin, http)))
          expect(error._tag).toBe("UnexpectedStatusError")
          expect(error._tag === "UnexpectedStatusError" && error.status).toBe(status)
          expect(server.count("POST")).toBe(1)
          expect(server.seen).toHaveLength(1)
        }).pipe(Effect.scoped))
    }

    it.live(`${name}: 302 to another origin does not come back as that origin's send`, () =>
      Effect.gen(function*() {
        const foreign = yield* serve((_, response) =>
          json(response, 202, { api_id: "foreign", message: "message(s) queued", message_uuid: ["foreign-uuid"] })
        )
        const server = yield* serve((_, response) => {
          response.writeHead(302, { location: `${foreign.origin}/v1/Account/${authId}/Message/` })
          response.end()
        })
        const exit = yield* Effect.exit(Effect.provide(send, plivo(server.origin, http)))
        expect(exit._tag).toBe("Failure")
        expect(JSON.stringify(exit)).not.toContain("foreign-uuid")
        expect(server.count("POST")).toBe(1)
        expect(foreign.seen).toHaveLength(0)
      }).pipe(Effect.scoped))

    it.live(`${name}: a GET answered 302 is an UnexpectedStatusError, not followed`, () =>
      Effect.gen(function*() {
        const foreign = yield* serve((_, response) => json(response, 200, { api_id: "foreign", message_uuid: [] }))
        const server = yield* serve((_, response) => {
          response.writeHead(302, { location: `${foreign.origin}/elsewhere/` })
          response.end()
        })
        const error = yield* Effect.flip(
          Effect.provide(Effect.flatMap(PlivoClient, (c) => c.get(["Message"], { schema: SendResult })), plivo(server.origin, http))
        )
        expect(error._tag).toBe("UnexpectedStatusError")
        expect(server.seen).toHaveLength(1)
        expect(foreign.seen).toHaveLength(0)
      }).pipe(Effect.scoped))
  }

  it.live("a RequestInit the user gives FetchHttpClient is kept, and redirects are still not followed", () =>
    Effect.gen(function*() {
      const refused = yield* refusedPort
      const server = yield* serve((_, response) => {
        response.writeHead(302, { location: `http://127.0.0.1:${refused}/` })
        response.end()
      })
      const http = FetchHttpClient.layer.pipe(
        Layer.provideMerge(
          Layer.succeed(FetchHttpClient.RequestInit, { redirect: "follow", headers: { "x-user-init": "kept" } })
        )
      )
      const error = yield* Effect.flip(Effect.provide(send, plivo(server.origin, http)))
      expect(error._tag).toBe("UnexpectedStatusError")
      expect(server.count("POST")).toBe(1)
      expect(server.seen[0]?.headers["x-user-init"]).toBe("kept")
    }).pipe(Effect.scoped))

  it.live("a transformClient that follows redirects cannot turn a send into two successful ones", () =>
    Effect.gen(function*() {
      const foreign = yield* serve((_, response) =>
        json(response, 202, { api_id: "foreign", message: "message(s) queued", message_uuid: ["foreign-uuid"] })
      )
      const server = yield* serve((_, response) => {
        response.writeHead(307, { location: `${foreign.origin}/v1/Account/${authId}/Message/` })
        response.end()
      })
      const layer = plivo(server.origin, NodeHttpClient.layer, {
        transformClient: (client) => HttpClient.followRedirects(client, 3)
      })
      const error = yield* Effect.flip(Effect.provide(send, layer))
      // The user's client made a second request the SDK could not stop; it reports it.
      expect(error._tag).toBe("TransportError")
      expect(error._tag === "TransportError" && error.mayHaveBeenDelivered).toBe(true)
      expect(JSON.stringify(error)).not.toContain("foreign-uuid")
      expect(server.count("POST")).toBe(1)
    }).pipe(Effect.scoped))
})

describe("a send that fails after it may have been written is not repeated", () => {
  it.live("a failure after an answer (a hop the user's client followed to a refused port) is not 'never sent'", () =>
    Effect.gen(function*() {
      const refused = yield* refusedPort
      const server = yield* serve((_, response) => {
        response.writeHead(302, { location: `http://127.0.0.1:${refused}/` })
        response.end()
      })
      const layer = plivo(server.origin, NodeHttpClient.layer, {
        transformClient: (client) => HttpClient.followRedirects(client, 3)
      })
      const error = yield* Effect.flip(Effect.provide(send, layer))
      expect(error._tag).toBe("TransportError")
      expect(error._tag === "TransportError" && error.mayHaveBeenDelivered).toBe(true)
      expect(server.count("POST")).toBe(1)
    }).pipe(Effect.scoped))

  for (const [name, http] of clients) {
    it.live(`${name}: the server reads the POST and drops the connection`, () =>
      Effect.gen(function*() {
        const server = yield* serve((seen, response, request) => {
          if (seen.method === "POST") request.socket.destroy()
          else json(response, 200, { api_id: "ok", message_uuid: [] })
        })
        // A GET first, so that a keep-alive client reuses its socket for the send.
        yield* Effect.provide(
          Effect.flatMap(PlivoClient, (c) => Effect.zipRight(c.get(["Message"], { schema: SendResult }), send)),
          plivo(server.origin, http)
        ).pipe(Effect.flip, Effect.map((error) => {
          expect(error._tag).toBe("TransportError")
          expect(error._tag === "TransportError" && error.mayHaveBeenDelivered).toBe(true)
        }))
        expect(server.count("POST")).toBe(1)
      }).pipe(Effect.scoped))
  }

  it.live("a refused connection is retried: the send certainly never left", () =>
    Effect.gen(function*() {
      const refused = yield* refusedPort
      const error = yield* Effect.flip(Effect.provide(send, plivo(`http://127.0.0.1:${refused}`, NodeHttpClient.layer)))
      expect(error._tag).toBe("TransportError")
      expect(error._tag === "TransportError" && error.mayHaveBeenDelivered).toBe(false)
    }))
})

describe("a transformClient's second request within one attempt never leaves", () => {
  const queued = { api_id: "second", message: "message(s) queued", message_uuid: ["second-uuid"] }
  /** Fails the first request with `fail`, answers every later one with a queued send. */
  const failFirst = (fail: Handler): Handler => {
    let n = 0
    return (seen, response, request) => (n++ === 0 ? fail(seen, response, request) : json(response, 202, queued))
  }
  const busy: Handler = (_, response) => {
    response.writeHead(503)
    response.end("busy")
  }
  const reset: Handler = (_, __, request) => request.socket.destroy()
  const retrying: ReadonlyArray<
    readonly [string, (client: HttpClient.HttpClient) => HttpClient.HttpClient, Handler]
  > = [
    ["HttpClient.retryTransient after a 503", (c) => HttpClient.retryTransient(c, { times: 2, mode: "both" }), busy],
    ["HttpClient.retryTransient after a reset", (c) => HttpClient.retryTransient(c, { times: 2 }), reset],
    ["HttpClient.retry after a reset", (c) => HttpClient.retry(c, Schedule.recurs(2)), reset]
  ]

  for (const [name, http] of clients) {
    for (const [label, transformClient, handler] of retrying) {
      it.live(`${name}: ${label} sends the POST once and fails typed`, () =>
        Effect.gen(function*() {
          const server = yield* serve(failFirst(handler))
          const error = yield* Effect.flip(Effect.provide(send, plivo(server.origin, http, { transformClient })))
          expect(server.count("POST")).toBe(1)
          expect(error._tag).toBe("TransportError")
          expect(error._tag === "TransportError" && error.mayHaveBeenDelivered).toBe(true)
          expect(error._tag === "TransportError" && error.description).toContain("ERR_PLIVO_REPEATED_REQUEST")
          expect(JSON.stringify(error)).not.toContain("second-uuid")
        }).pipe(Effect.scoped))
    }

    for (const method of ["GET", "DELETE"] as const) {
      it.live(`${name}: a ${method} whose transformClient follows a redirect sends nothing to the other origin`, () =>
        Effect.gen(function*() {
          const foreign = yield* serve((_, response) =>
            json(response, 200, { api_id: "foreign", message_uuid: ["foreign-uuid"] })
          )
          const server = yield* serve((_, response) => {
            response.writeHead(302, { location: `${foreign.origin}/steal/` })
            response.end()
          })
          const layer = plivo(server.origin, http, {
            transformClient: (client) => HttpClient.followRedirects(client, 3)
          })
          const call = Effect.flatMap(PlivoClient, (c) =>
            method === "GET"
              ? Effect.asVoid(c.get(["Message"], { schema: SendResult }))
              : Effect.asVoid(c.del(["Message", "x"], { schema: SendResult })))
          const exit = yield* Effect.exit(Effect.provide(call, layer))
          expect(foreign.seen).toHaveLength(0)
          expect(exit._tag === "Failure" && Cause.failureOption(exit.cause).pipe(Option.map((e) => e._tag))).toEqual(
            Option.some("TransportError")
          )
          expect(JSON.stringify(exit)).not.toContain("foreign-uuid")
          expect(server.count(method)).toBeGreaterThanOrEqual(1)
        }).pipe(Effect.scoped))
    }
  }
})
