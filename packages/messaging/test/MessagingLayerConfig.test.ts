import { describe, expect, it } from "@effect/vitest"
import { PlivoClient, PlivoConfig } from "@plivo-effect/core"
import { PlivoEmulator } from "@plivo-effect/testing"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { Media, Messages, Messaging } from "../src/index.js"

const authId = "MAENVIRONMENT0000001"
const authToken = "EnvironmentToken00000000000000000000001"

const env = (values: Record<string, string>) => ConfigProvider.fromMap(new Map(Object.entries(values)))

describe("Messaging.layerConfig", () => {
  it.effect("reads the credentials and base URL from Config and sends through the given HttpClient", () => {
    const Emulator = PlivoEmulator.layer({ authId, authToken })
    // The same layer value twice is built once: the client sends to the emulator the test inspects.
    const Live = Messaging.layerConfig({ httpClient: Emulator }).pipe(Layer.provideMerge(Emulator))
    return Effect.gen(function*() {
      const messages = yield* Messages
      const sent = yield* messages.send({ src: "14155550100", dst: "14155550123", text: "from the environment" })
      const emulator = yield* PlivoEmulator
      const [message] = yield* emulator.sentMessages
      expect(sent.message_uuid).toEqual([message?.messageUuid])
      expect(message?.text).toBe("from the environment")
      const [request] = yield* emulator.requests
      expect(request?.path).toBe(`/v1/Account/${authId}/Message/`)
      // Media, the client and its configuration come with it.
      expect((yield* (yield* Media).list()).objects).toEqual([])
      expect((yield* PlivoConfig).baseUrl).toBe(PlivoEmulator.inProcessBaseUrl)
      expect((yield* PlivoClient).authId).toBe(authId)
    }).pipe(
      Effect.provide(Live),
      Effect.withConfigProvider(
        env({ PLIVO_AUTH_ID: authId, PLIVO_AUTH_TOKEN: authToken, PLIVO_BASE_URL: PlivoEmulator.inProcessBaseUrl })
      )
    )
  })

  it.effect("the token it sends is the configured one", () => {
    const Emulator = PlivoEmulator.layer({ authId, authToken })
    return Effect.gen(function*() {
      const messages = yield* Messages
      const error = yield* Effect.flip(messages.send({ src: "14155550100", dst: "14155550123", text: "hi" }))
      expect(error._tag).toBe("AuthenticationError")
      expect(yield* Effect.flatMap(PlivoEmulator, (emulator) => emulator.sentMessages)).toEqual([])
    }).pipe(
      Effect.provide(Messaging.layerConfig({ httpClient: Emulator }).pipe(Layer.provideMerge(Emulator))),
      Effect.withConfigProvider(env({ PLIVO_AUTH_ID: authId, PLIVO_AUTH_TOKEN: "NotTheEmulatorsToken" }))
    )
  })
})
