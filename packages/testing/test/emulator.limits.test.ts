/**
 * Request bodies are capped (413) and hostile bodies get 400, never 500: on a real
 * loopback socket (raw node:http, so the declared length and chunking are the test's
 * own) and in process.
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { describe, expect, it, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import * as http from "node:http"
import { PlivoEmulator } from "../src/PlivoEmulator.js"
import { call, decode, ErrorBody } from "./emulator.support.js"

const MiB = 1024 * 1024

interface RawAnswer {
  readonly status: number
  readonly headers: http.IncomingHttpHeaders
  readonly body: unknown
}

const basic = (emulator: PlivoEmulator.Service) =>
  "Basic " + Buffer.from(`${emulator.authId}:${emulator.authToken}`).toString("base64")

const target = (emulator: PlivoEmulator.Service, resource: string) => {
  const url = new URL(`${emulator.baseUrl}Account/${emulator.authId}/${resource}`)
  return { host: "127.0.0.1", port: Number(url.port), path: url.pathname }
}

/**
 * A raw POST: `send` writes (part of) the body and is told when the answer has come,
 * so it can stop writing. Fails after 10 s without an answer (the emulator is waiting
 * for bytes that will never come).
 */
const rawPost = (
  options: http.RequestOptions,
  send: (request: http.ClientRequest, answered: () => boolean) => Promise<void>
) =>
  Effect.async<RawAnswer, Error>((resume) => {
    let answered = false
    const request = http.request({ ...options, method: "POST", agent: false })
    const timer = setTimeout(() => {
      request.destroy()
      resume(Effect.fail(new Error("no answer within 10 s")))
    }, 10_000)
    request.on("response", (response) => {
      answered = true
      const chunks: Array<Buffer> = []
      response.on("data", (c: Buffer) => chunks.push(c))
      response.on("end", () => {
        clearTimeout(timer)
        request.destroy()
        const text = Buffer.concat(chunks).toString("utf8")
        resume(Effect.succeed({ status: response.statusCode ?? 0, headers: response.headers, body: JSON.parse(text) }))
      })
    })
    // Once answered, a write into the closed connection may fail: that is expected.
    request.on("error", (e) => {
      if (!answered) {
        clearTimeout(timer)
        resume(Effect.fail(e))
      }
    })
    send(request, () => answered).catch(() => undefined)
    return Effect.sync(() => {
      clearTimeout(timer)
      request.destroy()
    })
  })

const write = (request: http.ClientRequest, chunk: Buffer) =>
  new Promise<void>((resolve, reject) => request.write(chunk, (e) => (e ? reject(e) : resolve())))

/** Writes up to `total` bytes in 16 KiB chunks, without a Content-Length (chunked), stopping once answered. */
const chunked = (fill: string, total: number) => async (request: http.ClientRequest, answered: () => boolean) => {
  const chunk = Buffer.alloc(16 * 1024, fill)
  for (let sent = 0; sent < total && !answered(); sent += chunk.byteLength) await write(request, chunk)
  if (!answered()) request.end()
}

const DefaultCaps = Layer.merge(PlivoEmulator.layerServer(), FetchHttpClient.layer)

layer(DefaultCaps, { excludeTestServices: true })("body caps on a socket, default limits", (it) => {
  it.effect("a declared Content-Length of 200 MB on POST Message/ gets 413 before any body byte is sent", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const answer = yield* rawPost(
        {
          ...target(emulator, "Message/"),
          headers: {
            authorization: basic(emulator),
            "content-type": "application/json",
            "content-length": String(200 * MiB)
          }
        },
        async (request) => {
          request.flushHeaders()
        }
      )
      expect(answer.status).toBe(413)
      expect(answer.headers.connection).toBe("close")
      const body = yield* decode(ErrorBody)(answer.body)
      expect(body.error).toContain(String(MiB))
      // The emulator is still fine.
      expect((yield* call("GET", "Message/")).status).toBe(200)
    }))

  it.effect("a declared Content-Length of 160 MB on POST Media/ gets 413 before any body byte is sent", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const answer = yield* rawPost(
        {
          ...target(emulator, "Media/"),
          headers: {
            authorization: basic(emulator),
            "content-type": "multipart/form-data; boundary=xyz",
            "content-length": String(160 * MiB)
          }
        },
        async (request) => {
          request.flushHeaders()
        }
      )
      expect(answer.status).toBe(413)
      yield* decode(ErrorBody)(answer.body)
      expect((yield* call("GET", "Media/")).status).toBe(200)
    }))
})

const SmallCaps = Layer.merge(
  PlivoEmulator.layerServer({ maxBodyBytes: { json: 64 * 1024, upload: 64 * 1024 } }),
  FetchHttpClient.layer
)

layer(SmallCaps, { excludeTestServices: true })("body caps on a socket, chunked bodies", (it) => {
  it.effect("a chunked JSON send past the cap gets 413, not the whole body read", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const answer = yield* rawPost(
        { ...target(emulator, "Message/"), headers: { authorization: basic(emulator), "content-type": "application/json" } },
        chunked("[", 4 * MiB)
      )
      expect(answer.status).toBe(413)
      yield* decode(ErrorBody)(answer.body)
      expect((yield* emulator.sentMessages).length).toBe(0)
      expect((yield* call("GET", "Message/")).status).toBe(200)
    }))

  it.effect("a chunked upload past the cap gets 413", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const answer = yield* rawPost(
        {
          ...target(emulator, "Media/"),
          headers: { authorization: basic(emulator), "content-type": "multipart/form-data; boundary=xyz" }
        },
        async (request, answered) => {
          await write(request, Buffer.from("--xyz\r\ncontent-disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n\r\n"))
          await chunked("a", 4 * MiB)(request, answered)
        }
      )
      expect(answer.status).toBe(413)
      expect((yield* emulator.media).length).toBe(0)
    }))

  it.effect("multipart without a boundary gets 400 in Plivo's shape", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const client = yield* HttpClient.HttpClient
      for (const contentType of ["multipart/form-data", "multipart/form-data; charset=utf-8", "multipart/form-data; boundary="]) {
        const response = yield* client.execute(
          HttpClientRequest.post(`${emulator.baseUrl}Account/${emulator.authId}/Media/`).pipe(
            HttpClientRequest.basicAuth(emulator.authId, emulator.authToken),
            HttpClientRequest.bodyText("--x\r\ncontent-disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\nhi\r\n--x--\r\n", contentType)
          )
        )
        expect(response.status).toBe(400)
        yield* decode(ErrorBody)(yield* response.json)
      }
    }))
})

/** A body of `count` chunks of 256 bytes that counts how many the emulator pulled. */
const countedBody = (count: number, fill: string) => {
  let pulled = 0
  const chunk = new TextEncoder().encode(fill.repeat(256))
  const stream = Stream.repeatEffect(Effect.sync(() => {
    pulled++
    return chunk
  })).pipe(Stream.take(count))
  return { stream, pulled: () => pulled }
}

describe("body caps in process", () => {
  it.effect("a streamed JSON send past the cap gets 413 and the body stops being pulled", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const client = yield* HttpClient.HttpClient
      const body = countedBody(10_000, "[")
      const response = yield* client.execute(
        HttpClientRequest.post(`${emulator.baseUrl}Account/${emulator.authId}/Message/`).pipe(
          HttpClientRequest.basicAuth(emulator.authId, emulator.authToken),
          HttpClientRequest.bodyStream(body.stream, { contentType: "application/json" })
        )
      )
      expect(response.status).toBe(413)
      yield* decode(ErrorBody)(yield* response.json)
      // 4 chunks make the 1 KiB cap; a few more may sit in stream buffers, not 10,000.
      expect(body.pulled()).toBeLessThan(100)
    }).pipe(Effect.provide(PlivoEmulator.layer({ maxBodyBytes: { json: 1024 } }))))

  it.effect("a streamed upload past the cap gets 413 and the body stops being pulled", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const client = yield* HttpClient.HttpClient
      const body = countedBody(10_000, "a")
      const head = Stream.succeed(
        new TextEncoder().encode("--xyz\r\ncontent-disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n\r\n")
      )
      const response = yield* client.execute(
        HttpClientRequest.post(`${emulator.baseUrl}Account/${emulator.authId}/Media/`).pipe(
          HttpClientRequest.basicAuth(emulator.authId, emulator.authToken),
          HttpClientRequest.bodyStream(Stream.concat(head, body.stream), { contentType: "multipart/form-data; boundary=xyz" })
        )
      )
      expect(response.status).toBe(413)
      expect(body.pulled()).toBeLessThan(100)
      expect((yield* emulator.media).length).toBe(0)
    }).pipe(Effect.provide(PlivoEmulator.layer({ maxBodyBytes: { upload: 4096 } }))))

  it.effect("a body at the cap is still accepted", () =>
    Effect.gen(function*() {
      const json = JSON.stringify({ src: "14155550100", dst: "14155550123", text: "hi" })
      const padded = json.slice(0, -1) + " ".repeat(1024 - Buffer.byteLength(json)) + "}"
      expect(Buffer.byteLength(padded)).toBe(1024)
      expect((yield* call("POST", "Message/", { body: padded })).status).toBe(202)
      expect((yield* call("POST", "Message/", { body: padded + " " })).status).toBe(413)
    }).pipe(Effect.provide(PlivoEmulator.layer({ maxBodyBytes: { json: 1024 } }))))

  it.effect("deeply nested JSON gets 400 invalid json, not 500", () =>
    Effect.gen(function*() {
      const deep = "[".repeat(100_000) + "]".repeat(100_000)
      for (
        const body of [
          deep,
          `{"src":"14155550100","dst":"14155550123","text":"x","template":${deep}}`
        ]
      ) {
        const r = yield* call("POST", "Message/", { body })
        expect(r.status).toBe(400)
        expect((yield* decode(ErrorBody)(r.body)).error).toBe("invalid json data sent in raw POST")
      }
      // Ordinary nesting (a WhatsApp template's components) is unaffected.
      const ok = yield* call("POST", "Message/", {
        json: {
          src: "14155550100",
          dst: "14155550123",
          type: "whatsapp",
          template: { name: "t", language: "en", components: [{ type: "body", parameters: [{ type: "text", text: "a" }] }] }
        }
      })
      expect(ok.status).toBe(202)
    }).pipe(Effect.provide(PlivoEmulator.layer())))
})
