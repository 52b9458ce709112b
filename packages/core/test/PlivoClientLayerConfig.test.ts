import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { describe, expect, it } from "@effect/vitest"
import { PlivoClient, PlivoConfig } from "@plivo-effect/core"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"

const env = ConfigProvider.fromMap(
  new Map([
    ["PLIVO_AUTH_ID", "MAFETCHFETCHFETCH001"],
    ["PLIVO_AUTH_TOKEN", "fetch-token"],
    ["PLIVO_BASE_URL", "http://127.0.0.1:9/v1/"]
  ])
)

describe("PlivoClient.layerConfig", () => {
  it.effect("needs nothing but Config, and sends with FetchHttpClient, whose fetch can be replaced", () => {
    const seen: Array<{ url: string; authorization: string | null }> = []
    const fetch: typeof globalThis.fetch = (input, init) => {
      seen.push({ url: String(input), authorization: new Headers(init?.headers).get("authorization") })
      return Promise.resolve(Response.json({ api_id: "a1", meta: { next: null }, objects: [] }))
    }
    // No HttpClient is provided: the layer brings its own.
    const Live: Layer.Layer<PlivoClient | PlivoConfig, unknown> = PlivoClient.layerConfig({ userAgent: "dx-test" })
    return Effect.gen(function*() {
      const client = yield* PlivoClient
      const body = yield* client.get(["Media"], { schema: Schema.Struct({ api_id: Schema.String }) })
      expect(body.api_id).toBe("a1")
      expect(seen).toEqual([
        {
          url: "http://127.0.0.1:9/v1/Account/MAFETCHFETCHFETCH001/Media/",
          authorization: `Basic ${Buffer.from("MAFETCHFETCHFETCH001:fetch-token").toString("base64")}`
        }
      ])
      expect((yield* PlivoConfig).userAgent).toBe("dx-test")
    }).pipe(
      Effect.provide(Live.pipe(Layer.provide(Layer.succeed(FetchHttpClient.Fetch, fetch)))),
      Effect.withConfigProvider(env)
    )
  })
})
