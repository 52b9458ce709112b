import * as HttpApp from "@effect/platform/HttpApp"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { describe, expect, it } from "@effect/vitest"
import { PlivoConfig, PlivoSignature, PlivoWebhook } from "@plivo-effect/core"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"

const TOKEN = "main-account-token-0123456789"
const Config = PlivoConfig.layer({ authId: "MAWEBHOOKWEBHOOKWEBH", authToken: TOKEN }).pipe(Layer.orDie)

const made = (options: PlivoWebhook.Options) => Effect.exit(PlivoWebhook.make("Hooks", options).pipe(Effect.provide(Config)))

describe("PlivoWebhook.make", () => {
  it.effect("completes the options: the config token first, defaults, the base less its trailing slash", () =>
    Effect.gen(function*() {
      const receiver = yield* PlivoWebhook.make("Hooks", { publicBaseUrl: "https://Hooks.example.com:443/base/", authTokens: ["sub"] })
      expect(receiver.settings.publicBaseUrl).toBe("https://Hooks.example.com:443/base")
      expect(receiver.settings.authTokens.map((t) => (typeof t === "string" ? t : "redacted"))).toEqual(["redacted", "sub"])
      expect(receiver.settings.maxBodyBytes).toBe(64 * 1024)
      expect(receiver.settings.allowV2Fallback).toBe(false)
    }).pipe(Effect.provide(Config)))

  it.effect("dies naming its owner on unusable options", () =>
    Effect.gen(function*() {
      for (const [options, text] of [
        [{ publicBaseUrl: "hooks.example.com" }, "Hooks: publicBaseUrl must be an absolute http(s) URL"],
        [{ publicBaseUrl: "https://h.example?x=1" }, "Hooks: publicBaseUrl must not hold a query or fragment"],
        [{ publicBaseUrl: "https://h.example", maxBodyBytes: Number.NaN }, "Hooks: maxBodyBytes must be a positive whole number"],
        [{ publicBaseUrl: "https://h.example", dedupeWindow: "0 millis" }, "Hooks: dedupeWindow must be a positive, finite duration"]
      ] as const) {
        const exit = yield* made(options)
        expect(Exit.isFailure(exit) && String(exit.cause), text).toContain(text)
      }
    }))
})

describe("PlivoWebhook.receive", () => {
  const params = { uuid: "u-1", status: "APPROVED", empty: "" }
  const Event = Schema.transform(PlivoWebhook.Params, Schema.typeSchema(PlivoWebhook.Params), {
    strict: true,
    decode: PlivoWebhook.present,
    encode: (event) => event
  })

  const serve = Effect.gen(function*() {
    const receiver = yield* PlivoWebhook.make("Hooks", { publicBaseUrl: "https://hooks.example.com" })
    const seen: Array<Readonly<Record<string, string>>> = []
    const app = PlivoWebhook.receive(receiver, "event", Event, (event) => event.uuid ?? "", (event) =>
      Effect.sync(() => {
        seen.push(event)
        return HttpServerResponse.empty({ status: 200 })
      }))
    const handler = HttpApp.toWebHandler(app)
    const post = (headers: Record<string, string>) =>
      Effect.promise(() =>
        handler(new Request("http://10.0.0.7:8080/plivo/event", {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
          body: new URLSearchParams(params).toString()
        })).then((response) => response.status)
      )
    return { seen, post }
  }).pipe(Effect.provide(Config))

  const signed = (nonce: string, token = TOKEN) => ({
    "x-plivo-signature-v3": PlivoSignature.computeV3({
      method: "POST",
      url: "https://hooks.example.com/plivo/event",
      params,
      nonce,
      authToken: token
    }),
    "x-plivo-signature-v3-nonce": nonce
  })

  it.effect("verifies against the public URL, decodes, and runs each event once", () =>
    Effect.gen(function*() {
      const { post, seen } = yield* serve
      expect(yield* post(signed("1"))).toBe(200)
      expect(yield* post(signed("2"))).toBe(200)
      expect(yield* post(signed("3", "forged"))).toBe(403)
      expect(seen).toEqual([{ uuid: "u-1", status: "APPROVED" }])
    }))
})

describe("PlivoWebhook.present", () => {
  it("drops the empty parameters only", () => {
    expect(PlivoWebhook.present({ a: "1", b: "", c: " " })).toEqual({ a: "1", c: " " })
  })
})
