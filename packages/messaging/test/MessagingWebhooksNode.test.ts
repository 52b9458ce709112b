import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServer from "@effect/platform/HttpServer"
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import { describe, expect, it } from "@effect/vitest"
import { PlivoConfig, PlivoSignature } from "@plivo-effect/core"
import { MessagingWebhooks } from "@plivo-effect/messaging"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { createServer } from "node:http"
import { connect } from "node:net"

/**
 * The webhook endpoints on `@effect/platform-node`'s real server, where the request body is
 * a Node stream: the refusals that stop reading early (408, 413 on a chunked body) must
 * still reach the sender.
 */

const TOKEN = "main-account-token-0123456789"
const PUBLIC = "https://hooks.example.com"

/** Serves `/plivo/status` on 127.0.0.1 for the test's scope; returns the port. */
const serve = (options: Partial<MessagingWebhooks.Options> = {}) =>
  Effect.gen(function*() {
    const context = yield* Layer.build(Layer.merge(
      MessagingWebhooks.layer({ publicBaseUrl: PUBLIC, ...options }).pipe(
        Layer.provideMerge(PlivoConfig.layer({ authId: "MAWEBHOOKWEBHOOKWEBH", authToken: TOKEN }).pipe(Layer.orDie))
      ),
      NodeHttpServer.layer(createServer, { port: 0, host: "127.0.0.1" })
    ))
    const router = HttpRouter.empty.pipe(HttpRouter.post("/plivo/status", MessagingWebhooks.deliveryReports(() => Effect.void)))
    yield* HttpServer.serveEffect(yield* HttpRouter.toHttpApp(router)).pipe(Effect.provide(context))
    const address = yield* Effect.map(HttpServer.HttpServer, (server) => server.address).pipe(Effect.provide(context))
    return address._tag === "TcpAddress" ? address.port : 0
  })

const params = { MessageUUID: "u-1", Status: "delivered", To: "14155550123", From: "14155550100" }
const body = new URLSearchParams(params).toString()
const signature = PlivoSignature.computeV3({ method: "POST", url: `${PUBLIC}/plivo/status`, params, nonce: "1", authToken: TOKEN })

const head = (length: string) =>
  "POST /plivo/status HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n" +
  `X-Plivo-Signature-V3: ${signature}\r\nX-Plivo-Signature-V3-Nonce: 1\r\n${length}\r\n\r\n`

/**
 * Writes `parts` over one raw connection, each after its delay in ms, and resolves with the
 * status line of the answer (`"no answer"` when the socket closes without one) and whether
 * it says the connection closes. Bounded: the socket is destroyed after 5 s whatever happens.
 */
const exchange = (port: number, parts: ReadonlyArray<readonly [number, string]>) =>
  Effect.async<{ readonly status: string; readonly closes: boolean }>((resume) => {
    const socket = connect(port, "127.0.0.1")
    const timers: Array<NodeJS.Timeout> = []
    let answer = ""
    let due = 0
    for (const [delay, text] of parts) {
      due += delay
      timers.push(setTimeout(() => socket.destroyed || socket.write(text), due))
    }
    timers.push(setTimeout(() => socket.destroy(), 5_000))
    socket.setEncoding("utf8")
    socket.on("data", (chunk: string) => (answer += chunk))
    socket.on("error", () => {})
    socket.on("close", () => {
      timers.forEach(clearTimeout)
      resume(Effect.succeed({
        status: answer.split("\r\n")[0] || "no answer",
        closes: /\r\nconnection: close\r\n/i.test(answer)
      }))
    })
    return Effect.sync(() => socket.destroy())
  })

describe("webhooks on a real Node server", () => {
  it.scopedLive("control: a whole, signed body is answered 200", () =>
    Effect.gen(function*() {
      const port = yield* serve()
      const answer = yield* exchange(port, [[0, head(`Content-Length: ${body.length}\r\nConnection: close`) + body]])
      expect(answer.status).toBe("HTTP/1.1 200 OK")
    }))

  it.scopedLive("a body that stalls halfway is answered 408 once the read bound passes", () =>
    Effect.gen(function*() {
      const port = yield* serve({ bodyReadTimeout: "300 millis" })
      const status = yield* exchange(port, [[0, head(`Content-Length: ${body.length}`) + body.slice(0, 10)], [3_000, body.slice(10)]])
      expect(status).toEqual({ status: "HTTP/1.1 408 Request Timeout", closes: true })
    }))

  it.scopedLive("a body trickled a byte at a time is answered 408", () =>
    Effect.gen(function*() {
      const port = yield* serve({ bodyReadTimeout: "300 millis" })
      const trickle = body.split("").map((c) => [100, c] as const)
      expect(yield* exchange(port, [[0, head(`Content-Length: ${body.length}`)], ...trickle]))
        .toEqual({ status: "HTTP/1.1 408 Request Timeout", closes: true })
    }))

  it.scopedLive("a chunked body past the cap, with no Content-Length, is answered 413", () =>
    Effect.gen(function*() {
      const port = yield* serve({ maxBodyBytes: 64 * 1024 })
      const big = "x=" + "a".repeat(100 * 1024)
      const chunked = head("Transfer-Encoding: chunked") + big.length.toString(16) + "\r\n" + big + "\r\n0\r\n\r\n"
      expect(yield* exchange(port, [[0, chunked]])).toEqual({ status: "HTTP/1.1 413 Payload Too Large", closes: true })
    }))
})
