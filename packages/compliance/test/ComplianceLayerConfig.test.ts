import { describe, expect, it } from "@effect/vitest"
import { PlivoClient } from "@plivo-effect/core"
import { StubHttpClient } from "@plivo-effect/testing"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { Brands, Campaigns, Compliance, Profiles, TollfreeVerifications } from "../src/index.js"

const authId = "MAENVIRONMENT0000001"
const env = ConfigProvider.fromMap(new Map([
  ["PLIVO_AUTH_ID", authId],
  ["PLIVO_AUTH_TOKEN", "EnvironmentToken00000000000000000000001"],
  ["PLIVO_BASE_URL", "https://plivo.internal.example/v1/"]
]))

describe("Compliance.layerConfig", () => {
  it.effect("every service, the client and its configuration, from Config, over the given HttpClient", () => {
    const Stub = StubHttpClient.layer(() => StubHttpClient.json(200, { api_id: "a", meta: {}, profiles: [], brands: [], campaigns: [], objects: [] }))
    return Effect.gen(function*() {
      yield* (yield* Profiles).list()
      yield* (yield* Brands).list()
      yield* (yield* Campaigns).list()
      yield* (yield* TollfreeVerifications).list()
      expect((yield* PlivoClient).authId).toBe(authId)
      const urls = (yield* Effect.flatMap(StubHttpClient, (stub) => stub.requests)).map((r) => r.url)
      expect(urls).toEqual([
        `https://plivo.internal.example/v1/Account/${authId}/Profile/`,
        `https://plivo.internal.example/v1/Account/${authId}/10dlc/Brand/`,
        `https://plivo.internal.example/v1/Account/${authId}/10dlc/Campaign/`,
        `https://plivo.internal.example/v1/Account/${authId}/TollfreeVerification/`
      ])
    }).pipe(
      Effect.provide(Compliance.layerConfig({ httpClient: Stub }).pipe(Layer.provideMerge(Stub))),
      Effect.withConfigProvider(env)
    )
  })
})
