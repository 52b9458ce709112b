import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { describe, expect, it } from "@effect/vitest"
import { PlivoClient, PlivoConfig } from "@plivo-effect/core"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import * as Scope from "effect/Scope"
import { json, serve } from "./loopbackServer.js"

const env = ConfigProvider.fromMap(
  new Map([
    ["PLIVO_AUTH_ID", "MAFETCHFETCHFETCH001"],
    ["PLIVO_AUTH_TOKEN", "fetch-token"],
    ["PLIVO_BASE_URL", "http://127.0.0.1:9/v1/"]
  ])
)

describe("PlivoClient.layerConfig", () => {
  it.effect("needs nothing but Config; with httpClient FetchHttpClient.layer, its fetch can be replaced", () => {
    const seen: Array<{ url: string; authorization: string | null }> = []
    const fetch: typeof globalThis.fetch = (input, init) => {
      seen.push({ url: String(input), authorization: new Headers(init?.headers).get("authorization") })
      return Promise.resolve(Response.json({ api_id: "a1", meta: { next: null }, objects: [] }))
    }
    const Live: Layer.Layer<PlivoClient | PlivoConfig, unknown> = PlivoClient.layerConfig({
      userAgent: "dx-test",
      httpClient: FetchHttpClient.layer
    })
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

  it.live("sends with PlivoHttpClient by default: one kept-alive socket, closed with the layer", () =>
    Effect.gen(function*() {
      const server = yield* serve((_, __, response) => json(response, 200, { api_id: "a1", meta: { next: null }, objects: [] }))
      const local = ConfigProvider.fromMap(
        new Map([
          ["PLIVO_AUTH_ID", "MADEFAULTDEFAULT0001"],
          ["PLIVO_AUTH_TOKEN", "default-token"],
          ["PLIVO_BASE_URL", `${server.url}/v1/`]
        ])
      )
      // No HttpClient is provided: the layer brings its own.
      const scope = yield* Scope.make()
      const context = yield* Layer.buildWithScope(PlivoClient.layerConfig(), scope).pipe(Effect.withConfigProvider(local))
      const client = Context.get(context, PlivoClient)
      for (let i = 0; i < 3; i++) {
        expect((yield* client.get(["Media"], { schema: Schema.Struct({ api_id: Schema.String }) })).api_id).toBe("a1")
      }
      expect(server.seen.map((s) => s.url)).toEqual(Array(3).fill("/v1/Account/MADEFAULTDEFAULT0001/Media/"))
      expect(server.connections).toEqual({ opened: 1, closed: 0 })
      // FetchHttpClient's sockets belong to the process-wide dispatcher and outlive the layer.
      yield* Scope.close(scope, Exit.void)
      yield* Effect.timeoutFail(server.allClosed, { duration: "5 seconds", onTimeout: () => "the socket outlived the layer" })
      expect(server.connections).toEqual({ opened: 1, closed: 1 })
    }).pipe(Effect.scoped))
})
