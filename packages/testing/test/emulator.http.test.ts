import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { PlivoEmulator } from "../src/PlivoEmulator.js"
import { call, decode, ErrorBody } from "./emulator.support.js"

const withEmulator = <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.provide(effect, PlivoEmulator.layer())

describe("PlivoEmulator HTTP surface", () => {
  it.effect("generates credentials of Plivo's shape", () =>
    withEmulator(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      expect(emulator.authId).toMatch(/^MA[A-Z0-9]{18}$/)
      expect(emulator.authToken).toMatch(/^[A-Za-z0-9]{40}$/)
      expect(emulator.baseUrl).toMatch(/\/v1\/$/)
    })))

  it.effect("uses given credentials", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      expect(emulator.authId).toBe("MAXXXXXXXXXXXXXXXXXX")
      const ok = yield* call("GET", "Message/")
      expect(ok.status).toBe(200)
    }).pipe(Effect.provide(PlivoEmulator.layer({ authId: "MAXXXXXXXXXXXXXXXXXX", authToken: "secret" }))))

  it.effect("401 without Authorization", () =>
    withEmulator(Effect.gen(function*() {
      const r = yield* call("GET", "Message/", { auth: "none" })
      expect(r.status).toBe(401)
      const body = yield* decode(ErrorBody)(r.body)
      expect(body.error).toBe("authentication credentials were not provided")
    })))

  it.effect("401 with a wrong token or unknown Auth ID", () =>
    withEmulator(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const badToken = yield* call("GET", "Message/", { auth: { id: emulator.authId, token: "wrong" } })
      expect(badToken.status).toBe(401)
      expect((yield* decode(ErrorBody)(badToken.body)).error).toBe("authentication failed")
      const badId = yield* call("GET", "Message/", {
        auth: { id: "MAAAAAAAAAAAAAAAAAAA", token: emulator.authToken },
        pathAuthId: "MAAAAAAAAAAAAAAAAAAA"
      })
      expect(badId.status).toBe(401)
    })))

  it.effect("401 when the path's auth_id is not the authenticated one", () =>
    withEmulator(Effect.gen(function*() {
      const r = yield* call("GET", "Message/", { pathAuthId: "MAOTHERACCOUNT000000" })
      expect(r.status).toBe(401)
      expect((yield* decode(ErrorBody)(r.body)).error).toMatch(/auth_id/)
    })))

  it.effect("404 on unknown paths, inside and outside the account", () =>
    withEmulator(Effect.gen(function*() {
      for (const path of ["Call/", "Message/abc/Nope/", "Powerpack/abc/Nope/"]) {
        const r = yield* call("GET", path)
        expect(r.status, path).toBe(404)
        expect((yield* decode(ErrorBody)(r.body)).error).toBe("not found")
      }
      const outside = yield* call("GET", "", { rawPath: "/v2/whatever/" })
      expect(outside.status).toBe(404)
      const unknownMessage = yield* call("GET", "Message/00000000-0000-0000-0000-000000000000/")
      expect(unknownMessage.status).toBe(404)
    })))

  it.effect("405 on a known path with the wrong method", () =>
    withEmulator(Effect.gen(function*() {
      const put = yield* call("PUT", "Message/", { json: {} })
      expect(put.status).toBe(405)
      expect(put.headers["allow"]).toBe("POST, GET")
      expect((yield* decode(ErrorBody)(put.body)).api_id).toMatch(/^[0-9a-f-]{36}$/)
      const del = yield* call("DELETE", "Media/")
      expect(del.status).toBe(405)
      const post = yield* call("POST", "Message/abc/", { json: {} })
      expect(post.status).toBe(405)
    })))

  it.effect("accepts paths without the trailing slash", () =>
    withEmulator(Effect.gen(function*() {
      expect((yield* call("GET", "Message")).status).toBe(200)
      expect((yield* call("GET", "Media")).status).toBe(200)
    })))

  it.effect("records every request", () =>
    withEmulator(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      yield* call("GET", "Message/?limit=5")
      yield* call("GET", "Nope/")
      const requests = yield* emulator.requests
      expect(requests.map((r) => [r.method, r.status, r.query])).toEqual([
        ["GET", 200, "?limit=5"],
        ["GET", 404, ""]
      ])
    })))
})
