import { describe, expect, it } from "@effect/vitest"
import { PlivoClient } from "@plivo-effect/core"
import { StubHttpClient } from "@plivo-effect/testing"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"

const Stub = StubHttpClient.layerClient(() => StubHttpClient.json(200, { api_id: "ok" }))
const recorded = Effect.flatMap(StubHttpClient, (stub) => stub.requests)

describe("resource paths", () => {
  it.effect("builds {baseUrl}Account/{authId}/{path}/ with Basic auth and JSON", () =>
    Effect.gen(function*() {
      const client = yield* PlivoClient
      yield* client.get(["Message", "0936ec98-7c4c-11e4-9bd8-22000afa12b9"], {
        schema: Schema.Unknown,
        query: { limit: 5, subaccount: undefined, tags: ["a", "b"] }
      })
      const [request] = yield* recorded
      expect(request?.url).toBe(
        `https://api.plivo.com/v1/Account/${StubHttpClient.credentials.authId}/Message/0936ec98-7c4c-11e4-9bd8-22000afa12b9/?limit=5&tags=a&tags=b`
      )
      const expected = Buffer.from(
        `${StubHttpClient.credentials.authId}:${StubHttpClient.credentials.authToken}`
      ).toString("base64")
      expect(request?.headers["authorization"]).toBe(`Basic ${expected}`)
      expect(request?.headers["accept"]).toBe("application/json")
      expect(request?.headers["user-agent"]).toMatch(/^plivo-effect\//)
    }).pipe(Effect.provide(Stub)))

  it.effect("POST sends a JSON body", () =>
    Effect.gen(function*() {
      const client = yield* PlivoClient
      yield* client.post(["Message"], { schema: Schema.Unknown, body: { src: "1415", dst: "1416<1417" } })
      const [request] = yield* recorded
      expect(request?.method).toBe("POST")
      expect(request?.resource).toBe("Message/")
      expect(request?.headers["content-type"]).toBe("application/json")
      expect(request?.json).toEqual({ src: "1415", dst: "1416<1417" })
    }).pipe(Effect.provide(Stub)))

  it.effect("DELETE accepts 200 with JSON and 204 with no body", () =>
    Effect.gen(function*() {
      const client = yield* PlivoClient
      const some = yield* client.del(["Powerpack", "p1"], {
        schema: Schema.Struct({ response: Schema.String }),
        body: { unrent_numbers: true }
      })
      expect(Option.getOrThrow(some)).toEqual({ response: "success" })
      const none = yield* client.del(["Powerpack", "p2"], { schema: Schema.Struct({ response: Schema.String }) })
      expect(none._tag).toBe("None")
      const requests = yield* recorded
      expect(requests[0]?.json).toEqual({ unrent_numbers: true })
      expect(requests[1]?.text).toBe("")
    }).pipe(
      Effect.provide(
        StubHttpClient.layerClient((request) =>
          request.resource === "Powerpack/p1/"
            ? StubHttpClient.json(200, { api_id: "a", response: "success" })
            : StubHttpClient.empty(204)
        )
      )
    ))

  for (const hostile of ["../Account/OTHER", "a/b", "x?y", "y#z", "%2e%2e", "..", ".", "", "a b", "a\nb"]) {
    it.effect(`the segment ${JSON.stringify(hostile)} is refused before sending`, () =>
      Effect.gen(function*() {
        const client = yield* PlivoClient
        const error = yield* Effect.flip(client.get(["Message", hostile], { schema: Schema.Unknown }))
        expect(error._tag).toBe("InvalidParamsError")
        expect(yield* recorded).toHaveLength(0)
        const del = yield* Effect.flip(client.del(["Message", hostile, "Media"], { schema: Schema.Unknown }))
        expect(del._tag).toBe("InvalidParamsError")
        expect(yield* recorded).toHaveLength(0)
      }).pipe(Effect.provide(Stub)))
  }

  it.effect("ids that Plivo uses pass unchanged", () =>
    Effect.gen(function*() {
      const client = yield* PlivoClient
      for (const id of ["BRPXS6E", "CMPT4EP", "+14155551234", "0936ec98-7c4c-11e4-9bd8-22000afa12b9", "10dlc"]) {
        yield* client.get(["X", id], { schema: Schema.Unknown })
      }
      const paths = (yield* recorded).map((r) => r.resource)
      expect(paths).toEqual([
        "X/BRPXS6E/",
        "X/CMPT4EP/",
        "X/+14155551234/",
        "X/0936ec98-7c4c-11e4-9bd8-22000afa12b9/",
        "X/10dlc/"
      ])
    }).pipe(Effect.provide(Stub)))
})

describe("what an InvalidParamsError repeats of the caller's input is quoted and bounded", () => {
  it.effect("an id with CR/LF cannot forge a log line", () =>
    Effect.gen(function*() {
      const client = yield* PlivoClient
      const error = yield* Effect.flip(
        client.get(["Message", "abc\r\n2026-01-01 level=INFO msg=\"all good\""], { schema: Schema.Unknown })
      )
      expect(error._tag).toBe("InvalidParamsError")
      expect(error.message).not.toMatch(/[\r\n]/)
      expect(error._tag === "InvalidParamsError" && error.operation).not.toMatch(/[\r\n]/)
      expect(error.message).toContain(String.raw`"abc\r\n2026`)
      expect(yield* recorded).toHaveLength(0)
    }).pipe(Effect.provide(Stub)))

  it.effect("a 1 MB id gives a short message", () =>
    Effect.gen(function*() {
      const client = yield* PlivoClient
      const error = yield* Effect.flip(client.get(["Message", `${"a".repeat(1_000_000)}/x`], { schema: Schema.Unknown }))
      expect(error._tag).toBe("InvalidParamsError")
      expect(error.message.length).toBeLessThan(400)
      expect(yield* recorded).toHaveLength(0)
    }).pipe(Effect.provide(Stub)))

  it.effect("paginate's own checks quote what they repeat", () =>
    Effect.gen(function*() {
      const client = yield* PlivoClient
      const error = yield* client.paginate(["Thing", "x\ny"], { item: Schema.Unknown }).pipe(
        Stream.runDrain,
        Effect.flip
      )
      expect(error._tag).toBe("InvalidParamsError")
      expect(error.message).not.toMatch(/[\r\n]/)
    }).pipe(Effect.provide(Stub)))
})

describe("path segments have a maximum length", () => {
  it.effect(`a segment of valid characters longer than 128 is refused with no request`, () =>
    Effect.gen(function*() {
      const client = yield* PlivoClient
      for (const length of [129, 100_000]) {
        const error = yield* Effect.flip(client.get(["Message", "a".repeat(length)], { schema: Schema.Unknown }))
        expect(error._tag).toBe("InvalidParamsError")
        expect(error._tag === "InvalidParamsError" && error.issue).toContain(`${length} characters, at most 128`)
        expect(error.message.length).toBeLessThan(300)
      }
      const send = yield* Effect.flip(client.post(["Message", "b".repeat(100_000)], { schema: Schema.Unknown }))
      expect(send._tag).toBe("InvalidParamsError")
      expect(yield* recorded).toHaveLength(0)
      yield* client.get(["Message", "a".repeat(128)], { schema: Schema.Unknown })
      expect(yield* recorded).toHaveLength(1)
    }).pipe(Effect.provide(Stub)))
})
