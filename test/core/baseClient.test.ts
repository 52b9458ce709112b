import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { describe, expect, it } from "@effect/vitest"
import { PlivoClient } from "@plivo-effect/core"
import { StubHttpClient } from "@plivo-effect/testing"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"

const recorded = Effect.flatMap(StubHttpClient, (stub) => stub.requests)

describe("the authenticated base client", () => {
  it.effect("a transformClient sees each request absolute and authenticated, and a header it sets wins", () => {
    const seen: Array<{ readonly url: string; readonly authorization: string | undefined }> = []
    const Stub = StubHttpClient.layerClient(() => StubHttpClient.json(200, { api_id: "ok" }), {
      transformClient: HttpClient.mapRequest((request) => {
        seen.push({ url: request.url, authorization: request.headers["authorization"] })
        return HttpClientRequest.setHeader(request, "User-Agent", "my-app/1.0")
      })
    })
    return Effect.gen(function*() {
      const client = yield* PlivoClient
      yield* client.get(["Media"], { schema: Schema.Unknown })
      yield* client.post(["Message"], { schema: Schema.Unknown, body: {} })
      expect(seen.map((s) => s.url)).toStrictEqual([
        `https://api.plivo.com/v1/Account/${StubHttpClient.credentials.authId}/Media/`,
        `https://api.plivo.com/v1/Account/${StubHttpClient.credentials.authId}/Message/`
      ])
      expect(seen.every((s) => s.authorization?.startsWith("Basic ") === true)).toBe(true)
      const requests = yield* recorded
      expect(requests.map((r) => r.headers["user-agent"])).toStrictEqual(["my-app/1.0", "my-app/1.0"])
      expect(requests.map((r) => r.resource)).toStrictEqual(["Media/", "Message/"])
    }).pipe(Effect.provide(Stub))
  })
})
