import { describe, expect, it } from "@effect/vitest"
import { PlivoClient } from "@plivo-effect/core/PlivoClient"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { StubHttpClient } from "../src/StubHttpClient.js"

const Stub = StubHttpClient.layerClient(() => StubHttpClient.json(200, { api_id: "a" }))

const getMessage = (uuid: string) =>
  Effect.flatMap(PlivoClient, (client) => client.get(["Message", uuid], { schema: Schema.Unknown }))

describe("StubHttpClient.onlyRequest", () => {
  it.effect("is the one request a call made", () =>
    Effect.gen(function*() {
      yield* getMessage("u1")
      const request = yield* StubHttpClient.onlyRequest
      expect([request.method, request.resource]).toEqual(["GET", "Message/u1/"])
      const stub = yield* StubHttpClient
      expect(yield* stub.onlyRequest).toBe(request)
    }).pipe(Effect.provide(Stub)))

  it.effect("fails with NoSuchElementException when no request was made", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(StubHttpClient.onlyRequest)
      expect(error).toBeInstanceOf(Cause.NoSuchElementException)
      expect(error.message).toBe("expected exactly one request, got 0")
    }).pipe(Effect.provide(Stub)))

  it.effect("fails naming the requests when there were several, the ones past five counted", () =>
    Effect.gen(function*() {
      yield* getMessage("u1")
      yield* getMessage("u2")
      expect((yield* Effect.flip(StubHttpClient.onlyRequest)).message).toBe(
        "expected exactly one request, got 2: GET Message/u1/, GET Message/u2/"
      )
      for (let i = 3; i <= 7; i++) yield* getMessage(`u${i}`)
      expect((yield* Effect.flip(StubHttpClient.onlyRequest)).message).toBe(
        "expected exactly one request, got 7: GET Message/u1/, GET Message/u2/, GET Message/u3/, GET Message/u4/, " +
          "GET Message/u5/, and 2 more"
      )
      const stub = yield* StubHttpClient
      yield* stub.clear
      yield* getMessage("u8")
      expect((yield* StubHttpClient.onlyRequest).resource).toBe("Message/u8/")
    }).pipe(Effect.provide(Stub)))
})
