import { describe, expect, it } from "@effect/vitest"
import { PlivoClient, PlivoConfig } from "@plivo-effect/core"
import { PlivoEmulator } from "@plivo-effect/testing"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import { NumberPool, Powerpack, Powerpacks } from "../src/index.js"
import { fixture } from "./powerpackSupport.js"

const authId = "MAENVIRONMENT0000001"
const authToken = "EnvironmentToken00000000000000000000001"

const env = (values: Record<string, string>) => ConfigProvider.fromMap(new Map(Object.entries(values)))

/** Creates a Powerpack and adds a number to its pool: both services are there. */
const bothServices = Effect.gen(function*() {
  const pack = yield* (yield* Powerpacks).create({ name: "layered" })
  const added = yield* (yield* NumberPool).addNumber(pack.number_pool_uuid, "14155550100")
  return { pack, added }
})

describe("Powerpack.layer and Powerpack.layerConfig", () => {
  it.effect("Powerpack.layer provides Powerpacks and NumberPool on a PlivoClient", () =>
    Effect.gen(function*() {
      const { added, pack } = yield* bothServices
      expect(added.number_pool_uuid).toBe(pack.number_pool_uuid)
    }).pipe(Effect.provide(Powerpack.layer.pipe(Layer.provideMerge(PlivoEmulator.layerClient())))))

  it.effect("Powerpack.layerConfig reads the credentials and base URL from Config", () => {
    const Emulator = PlivoEmulator.layer({ authId, authToken })
    return Effect.gen(function*() {
      yield* bothServices
      const emulator = yield* PlivoEmulator
      expect((yield* emulator.requests).map((r) => r.path)).toEqual([
        `/v1/Account/${authId}/Powerpack/`,
        expect.stringMatching(new RegExp(`^/v1/Account/${authId}/NumberPool/[^/]+/Number/14155550100/$`))
      ])
      expect((yield* PlivoConfig).baseUrl).toBe(PlivoEmulator.inProcessBaseUrl)
      expect((yield* PlivoClient).authId).toBe(authId)
    }).pipe(
      Effect.provide(Powerpack.layerConfig({ httpClient: Emulator }).pipe(Layer.provideMerge(Emulator))),
      Effect.withConfigProvider(
        env({ PLIVO_AUTH_ID: authId, PLIVO_AUTH_TOKEN: authToken, PLIVO_BASE_URL: PlivoEmulator.inProcessBaseUrl })
      )
    )
  })

  it("Powerpack is still the schema: it decodes a recorded Powerpack", () => {
    const pack = Schema.decodeUnknownSync(Powerpack)(fixture("plivo-java/numberPoolPowerPack.json"))
    expect(typeof pack.number_pool_uuid).toBe("string")
    expect(Schema.is(Schema.typeSchema(Powerpack))(pack)).toBe(true)
  })
})
