import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import type * as NodeCrypto from "node:crypto"
import { beforeEach, vi } from "vitest"
import { PlivoEmulator } from "../src/PlivoEmulator.js"
import { decode, ErrorBody } from "./emulator.support.js"

// Calls through to the real function; the test only watches what it is given.
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof NodeCrypto>()
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) }
})
const crypto = await import("node:crypto")

const AUTH_ID = "MAXXXXXXXXXXXXXXXXXX"
// `:s3cr>t?~~` encodes to a "+" in standard base64 and a "-" in base64url.
const TOKEN = "s3cr>t?~~"

const getWith = (authorization: string) =>
  Effect.gen(function*() {
    const emulator = yield* PlivoEmulator
    const client = yield* HttpClient.HttpClient
    const response = yield* client.execute(
      HttpClientRequest.get(`${emulator.baseUrl}Account/${AUTH_ID}/Message/`).pipe(
        HttpClientRequest.setHeader("authorization", authorization)
      )
    )
    return { status: response.status, body: yield* response.json }
  })

const withEmulator = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.provide(effect, PlivoEmulator.layer({ authId: AUTH_ID, authToken: TOKEN }))

describe("PlivoEmulator Basic auth", () => {
  beforeEach(() => {
    vi.mocked(crypto.timingSafeEqual).mockClear()
  })

  it.effect("accepts standard base64 and refuses the base64url spelling of the same credentials", () =>
    withEmulator(Effect.gen(function*() {
      const standard = Buffer.from(`${AUTH_ID}:${TOKEN}`).toString("base64")
      const urlSafe = Buffer.from(`${AUTH_ID}:${TOKEN}`).toString("base64url")
      expect(standard).toContain("+")
      expect(urlSafe.length).toBe(standard.length)
      expect((yield* getWith(`Basic ${standard}`)).status).toBe(200)
      const refused = yield* getWith(`Basic ${urlSafe}`)
      expect(refused.status).toBe(401)
      expect((yield* decode(ErrorBody)(refused.body)).error).toBe("authentication failed")
    })))

  it.effect("refuses base64 without its padding", () =>
    Effect.gen(function*() {
      const padded = Buffer.from(`${AUTH_ID}:tok?>`).toString("base64")
      expect(padded).toMatch(/[^=]=$/)
      expect((yield* getWith(`Basic ${padded}`)).status).toBe(200)
      expect((yield* getWith(`Basic ${padded.slice(0, -1)}`)).status).toBe(401)
    }).pipe(Effect.provide(PlivoEmulator.layer({ authId: AUTH_ID, authToken: "tok?>" }))))

  it.effect("compares the Auth Token with timingSafeEqual over equal-length buffers, whatever the guess's length", () =>
    withEmulator(Effect.gen(function*() {
      for (const guess of ["s", "s3cr>t?~!", "a much longer wrong token than the real one"]) {
        const r = yield* getWith(`Basic ${Buffer.from(`${AUTH_ID}:${guess}`).toString("base64")}`)
        expect(r.status).toBe(401)
      }
      const calls = vi.mocked(crypto.timingSafeEqual).mock.calls
      expect(calls.length).toBeGreaterThanOrEqual(3)
      for (const [a, b] of calls) expect(a.byteLength).toBe(b.byteLength)
    })))
})
