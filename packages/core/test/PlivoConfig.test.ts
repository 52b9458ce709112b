import { describe, expect, it } from "@effect/vitest"
import { PlivoConfig } from "@plivo-effect/core"
import * as Cause from "effect/Cause"
import * as ConfigError from "effect/ConfigError"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"

const TOKEN = "SENTINEL-TOKEN-2b7e151628"

const fromEnv = (env: Record<string, string>) =>
  PlivoConfig.pipe(
    Effect.provide(PlivoConfig.layerConfig()),
    Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env))))
  )

// The error a program would die with, and everything a user might see of it.
const failure = <A>(effect: Effect.Effect<A, ConfigError.ConfigError>) =>
  Effect.gen(function*() {
    const exit = yield* Effect.exit(effect)
    if (Exit.isSuccess(exit)) return expect.fail("expected a ConfigError")
    const error = Option.getOrThrow(Cause.failureOption(exit.cause))
    const shown = `${String(error)}\n${Cause.pretty(exit.cause)}`
    expect(shown).not.toContain(TOKEN)
    return { error, shown }
  })

describe("PlivoConfig errors", () => {
  it.effect("a missing PLIVO_AUTH_TOKEN says it is not set", () =>
    Effect.gen(function*() {
      const { error, shown } = yield* failure(fromEnv({ PLIVO_AUTH_ID: "MA123" }))
      expect(ConfigError.isMissingDataOnly(error)).toBe(true)
      expect(error.message).toBe(
        "PLIVO_AUTH_TOKEN is not set: set it to your Plivo Auth Token, shown on the overview page of the Plivo console"
      )
      expect(shown).not.toContain("<redacted>")
    }))

  it.effect("a missing PLIVO_AUTH_ID says it is not set", () =>
    Effect.gen(function*() {
      const { error } = yield* failure(fromEnv({ PLIVO_AUTH_TOKEN: TOKEN }))
      expect(error.message).toBe(
        "PLIVO_AUTH_ID is not set: set it to your Plivo Auth ID, shown on the overview page of the Plivo console"
      )
    }))

  it.effect("a blank PLIVO_AUTH_TOKEN is as good as unset", () =>
    Effect.gen(function*() {
      const { error } = yield* failure(fromEnv({ PLIVO_AUTH_ID: "MA123", PLIVO_AUTH_TOKEN: "  " }))
      expect(error.message).toBe(
        "PLIVO_AUTH_TOKEN is empty: set it to your Plivo Auth Token, shown on the overview page of the Plivo console"
      )
    }))

  it.effect("an invalid PLIVO_AUTH_ID is named as the variable, without echoing the value", () =>
    Effect.gen(function*() {
      const { error, shown } = yield* failure(fromEnv({ PLIVO_AUTH_ID: `MA123${TOKEN}`, PLIVO_AUTH_TOKEN: TOKEN }))
      expect(String(error)).toBe(
        "(Invalid data at PLIVO_AUTH_ID: \"PLIVO_AUTH_ID must be plain alphanumeric, like the Auth ID in the Plivo console (MAXXXXXXXXXXXXXXXXXX); it has \"-\" at position 14\")"
      )
      expect(shown).not.toContain("authId")
      const trailing = yield* failure(fromEnv({ PLIVO_AUTH_ID: "MA123\n", PLIVO_AUTH_TOKEN: TOKEN }))
      expect(trailing.error.message).toContain("it has whitespace at position 6")
    }))

  it.effect("an invalid PLIVO_BASE_URL is named as the variable", () =>
    Effect.gen(function*() {
      const env = { PLIVO_AUTH_ID: "MA123", PLIVO_AUTH_TOKEN: TOKEN }
      const { error, shown } = yield* failure(fromEnv({ ...env, PLIVO_BASE_URL: "ftp://api.plivo.com/v1/" }))
      expect(String(error)).toBe(
        "(Invalid data at PLIVO_BASE_URL: \"PLIVO_BASE_URL must be an http or https URL (the default is https://api.plivo.com/v1/)\")"
      )
      expect(shown).not.toContain("baseUrl")
      const withCredentials = yield* failure(fromEnv({ ...env, PLIVO_BASE_URL: `https://MA123:${TOKEN}@api.plivo.com/v1/` }))
      expect(withCredentials.error.message).toBe(
        "PLIVO_BASE_URL must not hold credentials (the default is https://api.plivo.com/v1/)"
      )
    }))

  it.effect("a base URL ending in a bare ? or # is refused, named as the variable or the option", () =>
    Effect.gen(function*() {
      const env = { PLIVO_AUTH_ID: "MA123", PLIVO_AUTH_TOKEN: TOKEN }
      for (const suffix of ["?", "#", "?#", "?a=1", "#top"]) {
        const fromVariable = yield* failure(fromEnv({ ...env, PLIVO_BASE_URL: `http://127.0.0.1:9/v1/${suffix}` }))
        expect(fromVariable.error.message).toBe(
          "PLIVO_BASE_URL must not hold a query or fragment (the default is https://api.plivo.com/v1/)"
        )
        const fromOption = yield* failure(
          PlivoConfig.make({ authId: "MA123", authToken: TOKEN, baseUrl: `http://127.0.0.1:9/v1${suffix}` })
        )
        expect(fromOption.error.message).toBe(
          "baseUrl must not hold a query or fragment (the default is https://api.plivo.com/v1/)"
        )
      }
      // An encoded `?` is part of the path, not a query.
      const encoded = yield* PlivoConfig.make({ authId: "MA123", authToken: TOKEN, baseUrl: "http://127.0.0.1:9/v1/%3F" })
      expect(encoded.baseUrl).toBe("http://127.0.0.1:9/v1/%3F/")
    }))

  it.effect("values passed to layer(options) are named as the option", () =>
    Effect.gen(function*() {
      const authId = yield* failure(PlivoConfig.make({ authId: "MA 123", authToken: TOKEN }))
      expect(String(authId.error)).toBe(
        "(Invalid data at authId: \"authId must be plain alphanumeric, like the Auth ID in the Plivo console (MAXXXXXXXXXXXXXXXXXX); it has whitespace at position 3\")"
      )
      const empty = yield* failure(PlivoConfig.make({ authId: "", authToken: TOKEN }))
      expect(empty.error.message).toBe(
        "authId must be plain alphanumeric, like the Auth ID in the Plivo console (MAXXXXXXXXXXXXXXXXXX); it is empty"
      )
      const baseUrl = yield* failure(
        PlivoConfig.pipe(Effect.provide(PlivoConfig.layer({ authId: "MA123", authToken: TOKEN, baseUrl: "not a url" })))
      )
      expect(String(baseUrl.error)).toBe(
        "(Invalid data at baseUrl: \"baseUrl is not a valid URL (the default is https://api.plivo.com/v1/)\")"
      )
      expect(baseUrl.shown).not.toContain("PLIVO_BASE_URL")
    }))

  it.effect("a valid environment still configures the client", () =>
    Effect.gen(function*() {
      const config = yield* fromEnv({ PLIVO_AUTH_ID: "MA123", PLIVO_AUTH_TOKEN: TOKEN, PLIVO_BASE_URL: "http://127.0.0.1:9/v1" })
      expect(config.authId).toBe("MA123")
      expect(config.baseUrl).toBe("http://127.0.0.1:9/v1/")
    }))
})
