import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { describe, expect, it } from "@effect/vitest"
import { PlivoClient, PlivoConfig, PlivoHttpClient, RetryPolicy, TransportError } from "@plivo-effect/core"
import * as Chunk from "effect/Chunk"
import * as Context from "effect/Context"
import * as Deferred from "effect/Deferred"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import { freePort, type Handler, json, serve } from "./loopbackServer.js"

/**
 * The client of a layer built in a scope of its own, which the test closes. Idle sockets
 * are kept for a minute, so only closing the scope can close them within the test.
 */
const build = Effect.gen(function*() {
  const scope = yield* Scope.make()
  const context = yield* Layer.buildWithScope(PlivoHttpClient.layerWith({ timeout: 60_000 }), scope)
  return { client: Context.get(context, HttpClient.HttpClient), scope }
})

const withClient = <A, E>(f: (client: HttpClient.HttpClient) => Effect.Effect<A, E, Scope.Scope>) =>
  Effect.scoped(Effect.flatMap(HttpClient.HttpClient, f)).pipe(Effect.provide(PlivoHttpClient.layer))

/** Bounds a wait for something the server should see, so a failing test fails, not hangs. */
const within = <A, E>(effect: Effect.Effect<A, E>) => Effect.timeoutFail(effect, { duration: "5 seconds", onTimeout: () => "waited 5 s in vain" })

describe("PlivoHttpClient", () => {
  it.live("gives status, headers and the body as json, text, arrayBuffer and stream", () =>
    withClient((client) =>
      Effect.gen(function*() {
        const server = yield* serve((_, __, response) => json(response, 201, { ok: true, text: "héllo" }))
        const response = yield* client.get(`${server.url}/a`)
        expect(response.status).toBe(201)
        expect(response.headers["content-type"]).toBe("application/json")
        expect(response.headers["x-trace"]).toBe("t-1")
        expect(yield* response.json).toEqual({ ok: true, text: "héllo" })
        // The body is kept: text after json reads the same bytes.
        expect(yield* response.text).toBe(`{"ok":true,"text":"héllo"}`)

        const text = yield* Effect.flatMap(client.get(`${server.url}/b`), (r) => r.text)
        expect(text).toBe(`{"ok":true,"text":"héllo"}`)
        const buffer = yield* Effect.flatMap(client.get(`${server.url}/c`), (r) => r.arrayBuffer)
        expect(new TextDecoder().decode(buffer)).toBe(`{"ok":true,"text":"héllo"}`)
        const chunks = yield* Stream.runCollect(HttpClientResponseStream(client, `${server.url}/d`))
        expect(Buffer.concat(Chunk.toArray(chunks)).toString()).toBe(`{"ok":true,"text":"héllo"}`)
        expect(server.seen.map((s) => s.url)).toEqual(["/a", "/b", "/c", "/d"])
      })
    ))

  it.live("streams a large body chunk by chunk", () =>
    withClient((client) =>
      Effect.gen(function*() {
        const part = Buffer.alloc(64 * 1024, 7)
        const server = yield* serve((_, __, response) => {
          response.writeHead(200, { "content-type": "application/octet-stream" })
          for (let i = 0; i < 16; i++) response.write(part)
          response.end()
        })
        const chunks = yield* Stream.runCollect(HttpClientResponseStream(client, server.url))
        const total = Chunk.reduce(chunks, 0, (n, chunk) => n + chunk.byteLength)
        expect(total).toBe(16 * part.byteLength)
        expect(Chunk.size(chunks)).toBeGreaterThan(1)
      })
    ))

  it.live("POSTs a JSON body, a FormData body and a stream body intact, with url params", () =>
    withClient((client) =>
      Effect.gen(function*() {
        const server = yield* serve((_, __, response) => json(response, 200, {}))
        yield* client.execute(
          HttpClientRequest.post(`${server.url}/json`).pipe(
            HttpClientRequest.setUrlParams({ a: "1", b: ["x y", "z"] }),
            HttpClientRequest.bodyUnsafeJson({ src: "14155550100", text: "héllo 👋" })
          )
        )
        const form = new FormData()
        form.append("name", "value")
        form.append("file", new Blob([new Uint8Array([0, 1, 2, 255])], { type: "image/png" }), "pic.png")
        yield* client.execute(HttpClientRequest.post(`${server.url}/form`).pipe(HttpClientRequest.bodyFormData(form)))
        yield* client.execute(
          HttpClientRequest.post(`${server.url}/stream`).pipe(
            HttpClientRequest.bodyStream(Stream.make(new Uint8Array([1, 2]), new Uint8Array([3]), new Uint8Array([4, 5])))
          )
        )

        const [sentJson, sentForm, sentStream] = server.seen
        expect(sentJson?.url).toBe("/json?a=1&b=x+y&b=z")
        expect(sentJson?.headers["content-type"]).toBe("application/json")
        expect(sentJson?.headers["content-length"]).toBe(String(sentJson?.body.byteLength))
        expect(JSON.parse(sentJson?.body.toString() ?? "")).toEqual({ src: "14155550100", text: "héllo 👋" })

        // Parsed on the server side by the platform's own multipart parser.
        const type = sentForm?.headers["content-type"] ?? ""
        expect(type).toMatch(/^multipart\/form-data; boundary=/)
        expect(sentForm?.headers["content-length"]).toBe(String(sentForm?.body.byteLength))
        const parsed = yield* Effect.promise(() =>
          new Response(sentForm?.body, { headers: { "content-type": type } }).formData()
        )
        expect(parsed.get("name")).toBe("value")
        const file = parsed.get("file")
        expect(file instanceof Blob ? file.name : undefined).toBe("pic.png")
        expect(file instanceof Blob ? [...new Uint8Array(yield* Effect.promise(() => file.arrayBuffer()))] : []).toEqual([
          0,
          1,
          2,
          255
        ])

        expect([...(sentStream?.body ?? [])]).toEqual([1, 2, 3, 4, 5])
      })
    ))

  it.live("reuses one socket for sequential requests, and closes it when the layer's scope closes", () =>
    Effect.scoped(Effect.gen(function*() {
      const server = yield* serve((_, __, response) => json(response, 200, { ok: true }))
      const { client, scope } = yield* build
      for (let i = 0; i < 3; i++) {
        expect(yield* Effect.flatMap(client.get(`${server.url}/${i}`), (r) => r.json)).toEqual({ ok: true })
        // A body read as a stream gives its socket back too.
        const streamed = yield* Stream.runCollect(HttpClientResponseStream(client, `${server.url}/s${i}`))
        expect(Buffer.concat(Chunk.toArray(streamed)).toString()).toBe(`{"ok":true}`)
      }
      expect(server.seen).toHaveLength(6)
      expect(server.connections).toEqual({ opened: 1, closed: 0 })
      yield* Scope.close(scope, Exit.void)
      yield* within(server.allClosed)
      expect(server.connections).toEqual({ opened: 1, closed: 1 })
    })))

  it.live("the agent's idle timeout closes idle sockets only, never a request waiting for its answer", () =>
    Effect.gen(function*() {
      const server = yield* serve((_, __, response) => {
        setTimeout(() => json(response, 200, { slow: true }), 300)
      })
      const client = yield* HttpClient.HttpClient
      expect(yield* Effect.flatMap(client.get(server.url), (r) => r.json)).toEqual({ slow: true })
      expect(server.connections.opened).toBe(1)
      // Idle now: the 50 ms timeout closes the socket.
      yield* within(server.allClosed)
    }).pipe(Effect.scoped, Effect.provide(PlivoHttpClient.layerWith({ timeout: 50 }))))

  it.live("a request interrupted by a timeout is aborted: the server sees its socket close", () =>
    withClient((client) =>
      Effect.gen(function*() {
        const arrived = yield* Deferred.make<void>()
        const server = yield* serve(() => Deferred.unsafeDone(arrived, Exit.void))
        const fiber = yield* client.get(`${server.url}/slow`).pipe(Effect.timeout("200 millis"), Effect.fork)
        yield* within(Deferred.await(arrived))
        const exit = yield* fiber.await
        expect(Exit.isFailure(exit) && exit.cause._tag === "Fail" ? exit.cause.error._tag : exit).toBe(
          "TimeoutException"
        )
        yield* within(server.allClosed)
        expect(server.connections).toEqual({ opened: 1, closed: 1 })
      })
    ))

  it.live("a refused connection is a RequestError (Transport) whose cause has code ECONNREFUSED", () =>
    withClient((client) =>
      Effect.gen(function*() {
        const port = yield* freePort
        const error = yield* Effect.flip(client.get(`http://127.0.0.1:${port}/`))
        expect(error._tag).toBe("RequestError")
        expect(error instanceof HttpClientError.RequestError ? error.reason : undefined).toBe("Transport")
        const cause: unknown = error.cause
        expect(typeof cause === "object" && cause !== null && "code" in cause ? cause.code : undefined).toBe(
          "ECONNREFUSED"
        )
      })
    ))

  it.live("a header Node refuses is a RequestError (Encode): nothing was sent", () =>
    withClient((client) =>
      Effect.gen(function*() {
        const server = yield* serve((_, __, response) => json(response, 200, {}))
        const error = yield* Effect.flip(
          client.execute(HttpClientRequest.get(server.url).pipe(HttpClientRequest.setHeader("x-bad", "a\r\nb")))
        )
        expect(error instanceof HttpClientError.RequestError ? error.reason : error).toBe("Encode")
        expect(server.connections.opened).toBe(0)
      })
    ))

  it.live("through PlivoClient, a refused connection is a TransportError that was never delivered", () =>
    Effect.gen(function*() {
      const port = yield* freePort
      const Live = PlivoClient.layer.pipe(
        Layer.provide(PlivoConfig.layer({
          authId: "MAREFUSEDREFUSED0001",
          authToken: "refused-token",
          baseUrl: `http://127.0.0.1:${port}/v1/`,
          retry: RetryPolicy.none,
          budget: false
        })),
        Layer.provide(PlivoHttpClient.layer)
      )
      const error = yield* PlivoClient.pipe(
        Effect.flatMap((client) => client.post(["Message"], { body: { src: "1", dst: "2", text: "x" }, schema: Schema.Unknown })),
        Effect.flip,
        Effect.provide(Live)
      )
      expect(error).toBeInstanceOf(TransportError)
      expect(error instanceof TransportError ? [error.reason, error.mayHaveBeenDelivered] : error).toEqual(["Transport", false])
      expect(error.message).toContain("ECONNREFUSED")
    }))

  it.live("a connection reset mid-body is a ResponseError (Decode), read during or after the reset", () =>
    withClient((client) =>
      Effect.gen(function*() {
        const server = yield* serve((_, __, response) => {
          response.writeHead(200, { "content-type": "application/json", "content-length": "100" })
          response.write(`{"partial":`, () => response.socket?.destroy())
        })
        const reading = yield* client.get(server.url)
        expect(reading.status).toBe(200)
        const during = yield* within(Effect.flip(reading.text))

        const unread = yield* client.get(server.url)
        yield* within(server.allClosed)
        // Let the client see the reset before anything reads the body.
        yield* Effect.sleep("50 millis")
        const after = yield* within(Effect.flip(unread.text))

        for (const error of [during, after]) {
          expect(error).toBeInstanceOf(HttpClientError.ResponseError)
          expect(error instanceof HttpClientError.ResponseError ? error.reason : error).toBe("Decode")
        }
      })
    ))

  it.live("a redirect is returned as it is, not followed", () =>
    withClient((client) =>
      Effect.gen(function*() {
        const server = yield* serve((request, _, response) => {
          if (request.url === "/from") {
            response.writeHead(302, { location: "/to" })
            response.end()
          } else json(response, 200, { followed: true })
        })
        const response = yield* client.get(`${server.url}/from`)
        expect(response.status).toBe(302)
        expect(response.headers["location"]).toBe("/to")
        expect(yield* response.text).toBe("")
        expect(server.seen.map((s) => s.url)).toEqual(["/from"])
      })
    ))
})

const HttpClientResponseStream = (client: HttpClient.HttpClient, url: string) =>
  Stream.unwrap(Effect.map(client.get(url), (response) => response.stream))

/** `PlivoClient` over `PlivoHttpClient`, aimed at `url`, no retries, no budgets. */
const sdkAt = (
  url: string,
  timeout: Duration.DurationInput,
  transformClient: (client: HttpClient.HttpClient) => HttpClient.HttpClient = (client) => client
) =>
  PlivoClient.layer.pipe(
    Layer.provide(PlivoConfig.layer({
      authId: "MADIRECTDIRECT000001",
      authToken: "direct-token",
      baseUrl: `${url}/v1/`,
      retry: RetryPolicy.none,
      budget: false,
      timeout,
      transformClient
    })),
    Layer.provide(PlivoHttpClient.layer)
  )

const sdkGet = PlivoClient.pipe(Effect.flatMap((client) => client.get(["Message"], { schema: Schema.Unknown })))

/** Counts the `AbortController`s made while `effect` runs. */
const countingAbortControllers = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.acquireUseRelease(
    Effect.sync(() => {
      const original = globalThis.AbortController
      const counter = { made: 0 }
      globalThis.AbortController = class extends original {
        constructor() {
          super()
          counter.made++
        }
      }
      return { original, counter }
    }),
    ({ counter }) => Effect.map(effect, (value) => ({ value, made: counter.made })),
    ({ original }) => Effect.sync(() => (globalThis.AbortController = original))
  )

/**
 * One SDK GET that fails, to a server answering with `handler`: its error, once the server
 * has seen its one socket close. The SDK's layer stays open meanwhile, since closing it
 * would close every socket anyway.
 */
const failsAndDropsItsSocket = (
  handler: Handler,
  timeout: Duration.DurationInput,
  transformClient?: (client: HttpClient.HttpClient) => HttpClient.HttpClient
) =>
  Effect.gen(function*() {
    const server = yield* serve(handler)
    const sdk = yield* Layer.build(sdkAt(server.url, timeout, transformClient))
    const error = yield* Effect.flip(sdkGet).pipe(Effect.provide(sdk))
    yield* within(server.allClosed)
    expect(server.connections).toEqual({ opened: 1, closed: 1 })
    return error
  })

describe("PlivoHttpClient under the SDK's own requests (written directly, not through HttpClient.make)", () => {
  it.live("makes no AbortController per request; a request outside the SDK makes one, as the platform does", () =>
    Effect.gen(function*() {
      const server = yield* serve((_, __, response) => json(response, 200, { api_id: "a" }))
      const viaSdk = yield* countingAbortControllers(Effect.repeatN(sdkGet, 4)).pipe(Effect.provide(sdkAt(server.url, "5 seconds")))
      expect(viaSdk.made).toBe(0)
      const plain = yield* countingAbortControllers(
        Effect.repeatN(Effect.flatMap(HttpClient.HttpClient, (client) => Effect.flatMap(client.get(server.url), (r) => r.text)), 4)
      ).pipe(Effect.provide(PlivoHttpClient.layer))
      expect(plain.made).toBe(5)
      expect(server.seen).toHaveLength(10)
    }).pipe(Effect.scoped))

  it.live("a request the SDK's timeout ends before any answer is destroyed: the server sees its socket close", () =>
    Effect.gen(function*() {
      const error = yield* failsAndDropsItsSocket(() => {}, "200 millis")
      expect(error instanceof TransportError ? [error.reason, error.mayHaveBeenDelivered] : error).toEqual(["Timeout", true])
    }).pipe(Effect.scoped))

  it.live("a body the SDK's timeout ends half read is dropped with its socket", () =>
    Effect.gen(function*() {
      const error = yield* failsAndDropsItsSocket((_, __, response) => {
        response.writeHead(200, { "content-type": "application/json", "content-length": "100" })
        response.write(`{"partial":`)
      }, "300 millis")
      expect(error instanceof TransportError ? error.reason : error).toBe("Timeout")
    }).pipe(Effect.scoped))

  it.live("an answer a transformClient holds past the SDK's timeout, unread, is let go of: the server sees its socket close", () =>
    Effect.gen(function*() {
      const error = yield* failsAndDropsItsSocket(
        (_, __, response) => json(response, 200, { api_id: "a" }),
        "300 millis",
        HttpClient.tap(() => Effect.sleep("3 seconds"))
      )
      expect(error instanceof TransportError ? error.reason : error).toBe("Timeout")
    }).pipe(Effect.scoped))

  it.live("an answer a transformClient fails on without reading it is let go of", () =>
    Effect.gen(function*() {
      const error = yield* failsAndDropsItsSocket(
        (_, __, response) => json(response, 500, { error: "boom" }),
        "5 seconds",
        HttpClient.filterStatusOk
      )
      expect(error).toBeInstanceOf(TransportError)
    }).pipe(Effect.scoped))

  it.live("a request of the user's own, from a fiber forked inside a transformClient, goes through HttpClient.make", () =>
    Effect.gen(function*() {
      const server = yield* serve((_, __, response) => json(response, 200, { api_id: "a" }))
      const audited = yield* Deferred.make<void>()
      const audit = yield* serve((_, __, response) => {
        json(response, 200, { ok: true })
        Deferred.unsafeDone(audited, Exit.void)
      })
      const user = yield* Effect.provide(HttpClient.HttpClient, PlivoHttpClient.layer)
      const send = Effect.flatMap(user.get(`${audit.url}/audit`), (response) => response.text)
      const { made } = yield* countingAbortControllers(
        Effect.zipRight(
          sdkGet.pipe(Effect.provide(sdkAt(server.url, "5 seconds", HttpClient.tapRequest(() => Effect.forkDaemon(send))))),
          within(Deferred.await(audited))
        )
      )
      // The SDK's own request none, the user's one.
      expect(made).toBe(1)
    }).pipe(Effect.scoped))
})
