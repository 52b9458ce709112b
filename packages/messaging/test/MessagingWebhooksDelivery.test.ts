import * as HttpApp from "@effect/platform/HttpApp"
import * as HttpRouter from "@effect/platform/HttpRouter"
import { describe, expect, it } from "@effect/vitest"
import { PlivoConfig, PlivoSignature } from "@plivo-effect/core"
import { type DeliveryReport, Messages, Messaging, MessagingWebhooks } from "@plivo-effect/messaging"
import { PlivoEmulator } from "@plivo-effect/testing"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Schedule from "effect/Schedule"
import * as TestClock from "effect/TestClock"
import { connect } from "node:net"
import { send, serveWeb } from "./loopback.js"

const TOKEN = "main-account-token-0123456789"

type Params = Record<string, string>

const sign = (url: string, params: Params, nonce = "48151623420815") => ({
  "X-Plivo-Signature-V3": PlivoSignature.computeV3({ method: "POST", url, params, nonce, authToken: TOKEN }),
  "X-Plivo-Signature-V3-Nonce": nonce
})

const report = (extra: Params = {}): Params => ({
  MessageUUID: "d1e2a3b4-0000-4000-8000-00000000000a",
  To: "14155550123",
  From: "14155550100",
  Status: "delivered",
  Sequence: "3",
  ...extra
})

/** The delivery-report endpoint at `/plivo/status`, with `handler`, as a web handler. */
const app = (
  handler: (report: DeliveryReport) => Effect.Effect<void>,
  options: Partial<MessagingWebhooks.Options> = {},
  authToken = TOKEN
) =>
  Effect.gen(function*() {
    const context = yield* Layer.build(
      MessagingWebhooks.layer({ publicBaseUrl: "https://hooks.example.com", ...options }).pipe(
        Layer.provideMerge(PlivoConfig.layer({ authId: "MAWEBHOOKWEBHOOKWEBH", authToken }).pipe(Layer.orDie))
      )
    )
    const router = HttpRouter.empty.pipe(HttpRouter.all("/plivo/status", MessagingWebhooks.deliveryReports(handler)))
    const httpApp = yield* HttpRouter.toHttpApp(router)
    // The test's own runtime, so that its clock (TestClock under it.effect) is the app's.
    const runtime = yield* Effect.runtime<never>()
    return HttpApp.toWebHandlerRuntime(runtime)(Effect.provide(httpApp, context))
  })

const post = (port: number, params: Params, nonce?: string) => {
  const signed = sign("https://hooks.example.com/plivo/status", params, nonce)
  return send({ port, method: "POST", path: "/plivo/status", headers: signed, body: new URLSearchParams(params).toString() })
}

describe("delivery reports: an event is done only once a run of it completed", () => {
  it.scopedLive("Plivo hanging up mid-handler leaves the event open: its retry runs the handler", () =>
    Effect.gen(function*() {
      const started = yield* Deferred.make<void>()
      const interrupted = yield* Deferred.make<void>()
      let runs = 0
      const handler = app(() =>
        Effect.suspend(() => {
          runs++
          if (runs > 1) return Effect.void
          return Deferred.succeed(started, undefined).pipe(
            Effect.zipRight(Effect.never),
            Effect.onInterrupt(() => Deferred.succeed(interrupted, undefined))
          )
        })
      )
      const server = yield* serveWeb(yield* handler)
      const first = post(server.port, report())
      yield* Deferred.await(started)
      first.abort()
      yield* Deferred.await(interrupted)
      const retry = yield* post(server.port, report(), "2").answer
      expect(retry.status).toBe(200)
      expect(runs).toBe(2)
      // Now it is done: a further retry is acknowledged without another run.
      expect((yield* post(server.port, report(), "3").answer).status).toBe(200)
      expect(runs).toBe(2)
    }))

  it.scopedLive("a retry while the first run is in flight gets 503 and does not run; after it, a duplicate is acked", () =>
    Effect.gen(function*() {
      const started = yield* Deferred.make<void>()
      const gate = yield* Deferred.make<void>()
      let runs = 0
      const handler = app(() =>
        Effect.suspend(() => {
          runs++
          return Deferred.succeed(started, undefined).pipe(Effect.zipRight(Deferred.await(gate)))
        })
      )
      const server = yield* serveWeb(yield* handler)
      const first = post(server.port, report())
      yield* Deferred.await(started)
      const concurrent = yield* post(server.port, report(), "2").answer
      expect(concurrent.status).toBe(503)
      expect(concurrent.headers["retry-after"]).toBe("5")
      expect(runs).toBe(1)
      yield* Deferred.succeed(gate, undefined)
      expect((yield* first.answer).status).toBe(200)
      expect((yield* post(server.port, report(), "3").answer).status).toBe(200)
      expect(runs).toBe(1)
    }))
})

describe("delivery reports: hostile bodies", () => {
  // Pairs, not an object literal: `{ __proto__: … }` would set a prototype, not a key.
  const hostile = [["__proto__", "p"], ["constructor", "c"], ["toString", "t"], ["hasOwnProperty", "h"], ["valueOf", "v"]]
  const hostileBody = hostile.map(([k, v]) => `${k}=${v}`).join("&")

  it.scopedLive("prototype-named keys are answered 403 unsigned, never 500", () =>
    Effect.gen(function*() {
      const server = yield* serveWeb(yield* app(() => Effect.void))
      for (const body of [hostileBody, `${new URLSearchParams(report())}&${hostileBody}`, "__proto__=1&__proto__=2"]) {
        const answer = yield* send({ port: server.port, method: "POST", path: "/plivo/status", headers: {}, body }).answer
        expect(answer.status, body).toBe(403)
      }
    }))

  it.scopedLive("a signed report carrying prototype-named keys is decoded and handled", () =>
    Effect.gen(function*() {
      const seen: Array<DeliveryReport> = []
      const server = yield* serveWeb(yield* app((r) => Effect.sync(() => void seen.push(r))))
      const params = report()
      const body = `${new URLSearchParams(params)}&${hostileBody}`
      const all = new Map(new URLSearchParams(body))
      const headers = {
        "X-Plivo-Signature-V3": PlivoSignature.computeV3({
          method: "POST",
          url: "https://hooks.example.com/plivo/status",
          params: Object.fromEntries(all),
          nonce: "1",
          authToken: TOKEN
        }),
        "X-Plivo-Signature-V3-Nonce": "1"
      }
      const answer = yield* send({ port: server.port, method: "POST", path: "/plivo/status", headers, body }).answer
      expect(answer.status).toBe(200)
      expect(seen).toHaveLength(1)
      const got = seen[0]!
      expect(got.Status).toBe("delivered")
      expect(Object.getOwnPropertyDescriptor(got.params, "constructor")?.value).toBe("c")
      expect(Object.getOwnPropertyDescriptor(got.params, "toString")?.value).toBe("t")
      expect(Object.getOwnPropertyDescriptor(got.params, "hasOwnProperty")?.value).toBe("h")
      expect(Object.getOwnPropertyDescriptor(got.params, "__proto__")?.value).toBe("p")
    }))
})

describe("delivery reports: slow bodies", () => {
  it.scoped("a body not received within bodyReadTimeout (default 10 s) is answered 408", () =>
    Effect.gen(function*() {
      let runs = 0
      const handler = yield* app(() => Effect.sync(() => void runs++))
      const encoder = new TextEncoder()
      // A body that sends its first bytes and then stalls, as a trickling sender does.
      const body = new ReadableStream<Uint8Array>({
        start: (controller) => controller.enqueue(encoder.encode("MessageUUID=d1e2"))
      })
      const request = new Request("http://127.0.0.1/plivo/status", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "content-length": "100" },
        body,
        duplex: "half"
      } as RequestInit)
      const fiber = yield* Effect.fork(Effect.promise(() => handler(request)))
      yield* TestClock.adjust("9999 millis")
      expect(fiber.unsafePoll()).toBeNull()
      yield* TestClock.adjust("1 millis")
      const response = yield* Fiber.join(fiber)
      expect(response.status).toBe(408)
      expect(runs).toBe(0)
    }))

  it.scopedLive("a trickled body over a real socket is answered 408 after the configured bound", () =>
    Effect.gen(function*() {
      const server = yield* serveWeb(yield* app(() => Effect.void, { bodyReadTimeout: "200 millis" }))
      const status = yield* Effect.async<number>((resume) => {
        const socket = connect(server.port, "127.0.0.1")
        let sent = 0
        // One byte every 50 ms, bounded: far too slow to finish a 1,000-byte body in time.
        const timer = setInterval(() => {
          if (sent++ < 100) socket.write("a")
          else clearInterval(timer)
        }, 50)
        socket.setEncoding("utf8")
        socket.on("data", (chunk: string) => {
          clearInterval(timer)
          socket.destroy()
          resume(Effect.succeed(Number(/^HTTP\/1\.1 (\d{3})/.exec(chunk)?.[1] ?? 0)))
        })
        socket.write(
          "POST /plivo/status HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n"
        )
        return Effect.sync(() => {
          clearInterval(timer)
          socket.destroy()
        })
      })
      expect(status).toBe(408)
    }))
})

describe("delivery reports: publicBaseUrl is signed as configured, never normalised", () => {
  const bases = [
    "https://Hooks.Example.com",
    "https://hooks.example.com:443",
    "HTTP://hooks.example.com",
    "https://hooks.example.com/in/../hooks",
    "https://hooks.example.com/prefix/"
  ]
  for (const base of bases) {
    it.scopedLive(`a signature over ${base} + path is accepted`, () =>
      Effect.gen(function*() {
        const server = yield* serveWeb(yield* app(() => Effect.void, { publicBaseUrl: base }))
        const params = report()
        const url = `${base.replace(/\/$/, "")}/plivo/status`
        const headers = {
          "X-Plivo-Signature-V3": PlivoSignature.computeV3({ method: "POST", url, params, nonce: "7", authToken: TOKEN }),
          "X-Plivo-Signature-V3-Nonce": "7"
        }
        const body = new URLSearchParams(params).toString()
        const answer = yield* send({ port: server.port, method: "POST", path: "/plivo/status", headers, body }).answer
        expect(answer.status).toBe(200)
      }))
  }

  const emulatorCallbacks = (method: "GET" | "POST", query: string) =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const seen: Array<string> = []
      let handler: (request: Request) => Promise<Response> = () => Promise.resolve(new Response(null, { status: 503 }))
      const server = yield* serveWeb((request) => handler(request))
      const base = `HTTP://127.0.0.1:${server.port}`
      handler = yield* app((r) => Effect.sync(() => void seen.push(r.Status)), { publicBaseUrl: base }, emulator.authToken)
      const url = `${base}/plivo/status${query}`
      yield* (yield* Messages).send({ src: "14155550100", dst: "14155550123", text: "hi", url, method })
      // The emulator records a callback once its answer is read, just after the handler ran.
      const callbacks = yield* emulator.callbacks.pipe(
        Effect.filterOrFail((all) => all.length >= 3 && seen.length >= 3, () => "not yet"),
        Effect.retry(Schedule.spaced("20 millis").pipe(Schedule.upTo("5 seconds"))),
        Effect.orDie
      )
      expect(seen).toEqual(["queued", "sent", "delivered"])
      expect(callbacks.map((c) => c.outcome)).toEqual(Array(3).fill({ _tag: "Responded", status: 200 }))
    }).pipe(
      Effect.provide(Messaging.layer.pipe(Layer.provideMerge(PlivoEmulator.layerClient({
        lifecycle: { sentAfter: "10 millis", deliveredAfter: "10 millis" }
      }))))
    )

  it.scopedLive("the emulator's POST callbacks to an upper-case-scheme URL verify", () => emulatorCallbacks("POST", ""))

  it.scopedLive("the emulator's GET callbacks verify, also when the URL's query holds a parameter's name", () =>
    emulatorCallbacks("GET", "?tenant=a%20b&To=configured"))
})

describe("publicBaseUrl checks", () => {
  const build = (publicBaseUrl: string) =>
    Effect.exit(
      Layer.build(MessagingWebhooks.layer({ publicBaseUrl })).pipe(
        Effect.provide(PlivoConfig.layer({ authId: "MA1", authToken: "t" }).pipe(Layer.orDie)),
        Effect.scoped
      )
    )

  it.effect("a base that URL would clean into another one is a defect at construction", () =>
    Effect.gen(function*() {
      for (const bad of [" https://h.example", "https://h.example\n", "https:\\\\h.example", "http:h.example", "https://h.example?x=1"]) {
        expect((yield* build(bad))._tag, JSON.stringify(bad)).toBe("Failure")
      }
      expect((yield* build("HTTPS://H.example:443/a/../b/"))._tag).toBe("Success")
    }))
})
