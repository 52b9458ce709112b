import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { describe, expect, it } from "@effect/vitest"
import { PlivoClient, PlivoConfig, RetryPolicy } from "@plivo-effect/core"
import { StubHttpClient } from "@plivo-effect/testing"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { type BulkOutcome, Messages } from "../src/index.js"
import { drive, src, usNumbers } from "./bulkSupport.js"
import { requests, stubbed } from "./messagingSupport.js"

const text = "Sale today"

const collect = <E, R>(stream: Stream.Stream<BulkOutcome, E, R>) =>
  Effect.map(Stream.runCollect(stream), Chunk.toReadonlyArray)

const destinationsOf = (json: unknown): ReadonlyArray<string> =>
  typeof json === "object" && json !== null && "dst" in json && typeof json.dst === "string" ? json.dst.split("<") : []

const queued = (json: unknown, invalid: ReadonlyArray<string> = []) => {
  const accepted = destinationsOf(json).filter((d) => !invalid.includes(d))
  return StubHttpClient.json(202, {
    api_id: "api",
    message: "message(s) queued",
    message_uuid: accepted.map((d) => `uuid-${d}`),
    ...(invalid.length > 0 ? { invalid_number: invalid } : {})
  })
}

describe("sendBulk: answers that do not add up are Unknown, never guessed", () => {
  it.effect("fewer uuids than accepted destinations: every recipient of that request is Unknown (DecodeError)", () =>
    Effect.gen(function*() {
      const messages = yield* Messages
      const outcomes = yield* collect(messages.sendBulk({ src, dst: ["14155550123", "14155550124", "14155550125"], text }))
      expect(outcomes.map((o) => [o._tag, o.dst])).toEqual([
        ["Unknown", "14155550123"],
        ["Unknown", "14155550124"],
        ["Unknown", "14155550125"]
      ])
      const [first] = outcomes
      expect(first?._tag === "Unknown" && first.error._tag).toBe("DecodeError")
      expect(first?._tag === "Unknown" && first.error.message).toMatch(/2 message_uuid for 3 accepted destination\(s\)/)
      expect(yield* requests).toHaveLength(1)
    }).pipe(Effect.provide(stubbed(() =>
      StubHttpClient.json(202, { api_id: "a", message: "message(s) queued", message_uuid: ["u1", "u2"] })
    ))))

  it.effect("an invalid_number that was not sent: Unknown", () =>
    Effect.gen(function*() {
      const messages = yield* Messages
      const outcomes = yield* collect(messages.sendBulk({ src, dst: ["14155550123", "14155550124"], text }))
      expect(outcomes.map((o) => o._tag)).toEqual(["Unknown", "Unknown"])
      expect(outcomes[0]?._tag === "Unknown" && outcomes[0].error.message).toMatch(/invalid_number lists 1 number/)
    }).pipe(Effect.provide(stubbed(() =>
      StubHttpClient.json(202, { api_id: "a", message_uuid: ["u1"], invalid_number: ["19999999999"] })
    ))))

  it.effect("a 2xx body that does not decode: Unknown; a 429 after retries: Rejected", () =>
    Effect.gen(function*() {
      const messages = yield* Messages
      const outcomes = yield* collect(messages.sendBulk({ src, dst: usNumbers(2_000), text }, { concurrency: 1 }))
      expect(outcomes[0]?._tag === "Unknown" && outcomes[0].error._tag).toBe("DecodeError")
      expect(outcomes[1_000]?._tag === "Rejected" && outcomes[1_000].error._tag).toBe("RateLimitError")
      expect(new Set(outcomes.slice(0, 1_000).map((o) => o._tag))).toEqual(new Set(["Unknown"]))
      expect(new Set(outcomes.slice(1_000).map((o) => o._tag))).toEqual(new Set(["Rejected"]))
    }).pipe(Effect.provide(stubbed((request) =>
      destinationsOf(request.json)[0] === "14150000000"
        ? StubHttpClient.text(202, "{\"api_id\": \"a\", \"message_uu")
        : StubHttpClient.json(429, { api_id: "a", error: "too many requests" })
    ))))

  it.effect("Plivo's invalid_number mapped in order among accepted ones", () =>
    Effect.gen(function*() {
      const messages = yield* Messages
      const outcomes = yield* collect(messages.sendBulk({ src, dst: ["14155550123", "14155550124", "14155550125"], text }))
      expect(outcomes.map((o) => o._tag === "Queued" ? [o.dst, o.message_uuid] : [o.dst, o._tag])).toEqual([
        ["14155550123", "uuid-14155550123"],
        ["14155550124", "Invalid"],
        ["14155550125", "uuid-14155550125"]
      ])
    }).pipe(Effect.provide(stubbed((request) => queued(request.json, ["14155550124"])))))
})

describe("concurrency is bounded", () => {
  let inFlight = 0
  let most = 0
  const slow = stubbed((request) =>
    Effect.gen(function*() {
      inFlight++
      most = Math.max(most, inFlight)
      yield* Effect.sleep("1 second")
      inFlight--
      return queued(request.json)
    })
  )

  it.effect("sendBulk: at most `concurrency` requests at once, outcomes in request order", () =>
    drive(Effect.gen(function*() {
      most = 0
      const messages = yield* Messages
      const outcomes = yield* collect(messages.sendBulk({ src, dst: usNumbers(10_000), text }, { concurrency: 3 }))
      expect(most).toBe(3)
      expect(outcomes.map((o) => o.dst)).toEqual(Array.from(usNumbers(10_000)))
      expect(yield* requests).toHaveLength(10)
    })).pipe(Effect.provide(slow)))

  it.effect("a source failing while requests are in flight: their outcomes first, then the error", () =>
    drive(Effect.gen(function*() {
      const messages = yield* Messages
      const dst = Stream.concat(Stream.fromIterable(usNumbers(3_500)), Stream.fail("cursor closed"))
      const all = yield* Effect.map(Stream.runCollect(Stream.either(messages.sendBulk({ src, dst, text }))), Chunk.toReadonlyArray)
      expect(all).toHaveLength(3_001)
      expect(all.slice(0, 3_000).every((r) => Either.isRight(r) && r.right._tag === "Queued")).toBe(true)
      expect(all[3_000]).toEqual(Either.left("cursor closed"))
      expect(yield* requests).toHaveLength(3)
    })).pipe(Effect.provide(slow)))

  it.effect("sendEach: the default is 10 at once", () =>
    drive(Effect.gen(function*() {
      most = 0
      const messages = yield* Messages
      const params = Array.from(usNumbers(50), (dst) => ({ src, dst, text }))
      const outcomes = yield* Effect.map(Stream.runCollect(messages.sendEach(params)), Chunk.toReadonlyArray)
      expect(most).toBe(10)
      expect(outcomes.map((o) => o.index)).toEqual(params.map((_, i) => i))
    })).pipe(Effect.provide(slow)))
})

/** A real loopback server that counts the sends it received. */
const serve = (handler: (body: string, request: IncomingMessage, response: ServerResponse, n: number) => void) =>
  Effect.acquireRelease(
    Effect.async<{ readonly origin: string; readonly posts: () => number; readonly close: () => void }>((resume) => {
      let posts = 0
      const server = createServer((request, response) => {
        const chunks: Array<Buffer> = []
        request.on("data", (chunk: Buffer) => chunks.push(chunk))
        request.on("end", () => {
          if (request.method === "POST") posts++
          handler(Buffer.concat(chunks).toString("utf8"), request, response, posts)
        })
      })
      server.listen(0, "127.0.0.1", () => {
        const { port } = server.address() as AddressInfo
        resume(Effect.succeed({
          origin: `http://127.0.0.1:${port}`,
          posts: () => posts,
          close: () => {
            server.closeAllConnections()
            server.close()
          }
        }))
      })
    }),
    (server) => Effect.sync(server.close)
  )

const authId = "MABULKBULKBULKBULK00"

/** Messages over NodeHttpClient to `origin`, with fast retries so that a repeat would show. */
const overLoopback = (origin: string) =>
  Messages.layer.pipe(
    Layer.provide(PlivoClient.layer),
    Layer.provide(PlivoConfig.layer({
      authId,
      authToken: "bulk-token",
      baseUrl: `${origin}/v1/`,
      retry: RetryPolicy.make({ base: "1 millis", cap: "5 millis" }),
      timeout: "10 seconds"
    }).pipe(Layer.orDie)),
    Layer.provide(NodeHttpClient.layer)
  )

describe("sendBulk over real sockets", () => {
  it.live("a connection reset after the body was read: that request's recipients are Unknown, and it is not re-sent", () =>
    Effect.gen(function*() {
      const server = yield* serve((body, request, response, n) => {
        if (n === 2) {
          request.socket.destroy()
          return
        }
        const dst = destinationsOf(JSON.parse(body))
        response.writeHead(202, { "content-type": "application/json" })
        response.end(JSON.stringify({ api_id: `a${n}`, message: "message(s) queued", message_uuid: dst.map((d) => `u-${d}`) }))
      })
      const outcomes = yield* Effect.provide(
        collect(Stream.unwrap(Effect.map(Messages, (m) => m.sendBulk({ src, dst: usNumbers(3_000), text }, { concurrency: 1 })))),
        overLoopback(server.origin)
      )
      expect(outcomes).toHaveLength(3_000)
      expect(new Set(outcomes.slice(0, 1_000).map((o) => o._tag))).toEqual(new Set(["Queued"]))
      expect(new Set(outcomes.slice(2_000).map((o) => o._tag))).toEqual(new Set(["Queued"]))
      const lost = outcomes.slice(1_000, 2_000)
      for (const outcome of lost) {
        expect(outcome._tag).toBe("Unknown")
        expect(outcome._tag === "Unknown" && outcome.error._tag === "TransportError" && outcome.error.mayHaveBeenDelivered)
          .toBe(true)
      }
      expect(lost.map((o) => o.dst)).toEqual(Array.from(usNumbers(1_000, 1_000)))
      // Three requests, three POSTs: the reset one was not repeated.
      expect(server.posts()).toBe(3)
    }).pipe(Effect.scoped))

  it.live("a refused connection: Rejected (nothing left the machine)", () =>
    Effect.gen(function*() {
      const server = yield* serve(() => {})
      const origin = server.origin
      server.close()
      const outcomes = yield* Effect.provide(
        collect(Stream.unwrap(Effect.map(Messages, (m) => m.sendBulk({ src, dst: usNumbers(5), text })))),
        overLoopback(origin)
      )
      expect(outcomes).toHaveLength(5)
      for (const outcome of outcomes) {
        expect(outcome._tag).toBe("Rejected")
        const error = outcome._tag === "Rejected" ? outcome.error : undefined
        expect(error?._tag === "TransportError" && !error.mayHaveBeenDelivered).toBe(true)
      }
    }).pipe(Effect.scoped))
})
