import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { describe, expect, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import { createServer } from "node:net"
import { EmulatorFault, PlivoEmulator } from "../src/PlivoEmulator.js"
import { call, decode, GetMessageResponse, sendSms } from "./emulator.support.js"

const Served = Layer.merge(PlivoEmulator.layerServer({ lifecycle: { sentAfter: "10 millis", deliveredAfter: "10 millis" } }), FetchHttpClient.layer)

layer(Served, { excludeTestServices: true })("PlivoEmulator.layerServer", (it) => {
  it.effect("serves the API on a loopback port", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      expect(emulator.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/$/)
      const { message_uuid } = yield* sendSms({ dst: "14155550123" })
      yield* Effect.sleep("100 millis")
      const r = yield* call("GET", `Message/${message_uuid[0]}/`)
      const record = yield* decode(GetMessageResponse)(r.body)
      expect(record.message_state).toBe("delivered")
      expect(record.requester_ip).toMatch(/127\.0\.0\.1/)
      expect((yield* call("GET", "Message/", { auth: "none" })).status).toBe(401)
    }))

  it.effect("a Disconnect fault destroys the socket; the server keeps serving", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      yield* emulator.fault(EmulatorFault.disconnect, { path: "Media" })
      const dropped = yield* Effect.either(call("GET", "Media/"))
      expect(Either.isLeft(dropped) && dropped.left._tag === "RequestError" && dropped.left.reason).toBe("Transport")
      expect((yield* call("GET", "Media/")).status).toBe(200)
    }))

  it.effect("accepts multipart uploads over the socket", () =>
    Effect.gen(function*() {
      const data = new FormData()
      data.append("file", new Blob(["hello"], { type: "text/plain" }), "hello.txt")
      const r = yield* call("POST", "Media/", { formData: data })
      expect(r.status).toBe(200)
      expect(r.body).toMatchObject({ objects: [{ file_name: "hello.txt", size: 5, status: "success" }] })
    }))
})

const freePort = Effect.async<number>((resume) => {
  const server = createServer()
  server.listen(0, "127.0.0.1", () => {
    const address = server.address()
    const port = typeof address === "object" && address !== null ? address.port : 0
    server.close(() => resume(Effect.succeed(port)))
  })
})

describe("PlivoEmulator.layerServer options", () => {
  layer(FetchHttpClient.layer, { excludeTestServices: true })((it) => {
    it.effect("listens on the given port with the given credentials", () =>
      Effect.gen(function*() {
        const port = yield* freePort
        yield* Effect.gen(function*() {
          const emulator = yield* PlivoEmulator
          expect(emulator.baseUrl).toBe(`http://127.0.0.1:${port}/v1/`)
          expect(emulator.authId).toBe("MAXXXXXXXXXXXXXXXXXX")
          expect((yield* call("GET", "Message/")).status).toBe(200)
        }).pipe(
          Effect.provide(PlivoEmulator.layerServer({ port, authId: "MAXXXXXXXXXXXXXXXXXX", authToken: "t" }))
        )
      }))
  })
})
