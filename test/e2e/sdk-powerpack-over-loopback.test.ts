/**
 * Our Powerpack SDK against the emulator served on a real loopback socket (NodeHttpServer
 * on one side, NodeHttpClient on the other): a Powerpack's whole life cycle, sends that
 * take their sender from its pool, and the typed errors the emulator answers with. Real
 * sockets need the live clock, hence `excludeTestServices`.
 */
import { describe, expect, layer } from "@effect/vitest"
import { BadRequestError, NotFoundError } from "@plivo-effect/core"
import { Messages } from "@plivo-effect/messaging"
import { NumberPool, Powerpack, Powerpacks } from "@plivo-effect/powerpack"
import { PlivoEmulator } from "@plivo-effect/testing"
import * as Arr from "effect/Array"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import { sdkFor, withTag } from "./support.js"

/** The emulator on 127.0.0.1 and the SDK (messaging and Powerpack) aimed at it over one client. */
const loopback = Layer.unwrapEffect(
  Effect.map(PlivoEmulator, (handle) => Powerpack.layer.pipe(Layer.provideMerge(sdkFor(handle))))
).pipe(Layer.provideMerge(PlivoEmulator.layerServer()))

/** Sends `text` through the Powerpack and answers, per destination, the sender its record shows. */
const sendThrough = (powerpack_uuid: string, dst: Arr.NonEmptyReadonlyArray<string>, text: string) =>
  Effect.gen(function*() {
    const messages = yield* Messages
    const sent = yield* messages.send({ powerpack_uuid, dst, text })
    expect(sent.message_uuid).toHaveLength(dst.length)
    const records = yield* Effect.forEach(sent.message_uuid, (uuid) => messages.get(uuid))
    expect(records.map((m) => m.to_number)).toEqual(dst)
    return Object.fromEntries(records.map((m) => [m.to_number, m.from_number]))
  })

const owned = Effect.flatMap(PlivoEmulator, (e) => Effect.map(e.accountNumbers, (all) => all.map((n) => n.number)))

layer(loopback, { excludeTestServices: true })("our Powerpack SDK against the emulator over loopback", (it) => {
  it.effect("the life cycle: create, add, list, stream, send (sticky sender, local connect), remove, delete", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      yield* emulator.reset
      const powerpacks = yield* Powerpacks
      const pool = yield* NumberPool

      const pack = yield* powerpacks.create({ name: "loopback-pack", sticky_sender: true, local_connect: true })
      expect(pack).toMatchObject({ name: "loopback-pack", sticky_sender: true, local_connect: true })
      const id = pack.number_pool_uuid
      expect(pack.number_pool).toBe(`/v1/Account/${emulator.authId}/NumberPool/${id}/`)

      // San Francisco and New York long codes, a UK mobile, a Vancouver number bought by
      // search, and the US toll-free number.
      yield* pool.addNumber(id, "14155550100")
      yield* pool.addNumber(id, "+12125550100", { service: "mms" })
      yield* pool.addNumber(id, "447700900100")
      const bought = yield* pool.buyNumber(id, { country_iso: "CA" })
      expect(bought).toMatchObject({ number: "16045550123", country_iso2: "CA", number_pool_uuid: id })
      const tollfree = yield* pool.addTollfree(id, "18005550100")
      expect(tollfree.type).toBe("tollfree")

      const members = ["12125550100", "14155550100", "16045550123", "18005550100", "447700900100"]
      const page = yield* pool.listNumbers(id)
      expect(page.objects.map((n) => n.number).sort()).toEqual(members)
      expect(page.meta.total_count).toBe(5)
      expect((yield* pool.listNumbers(id, { country_iso2: "US", starts_with: "415" })).objects.map((n) => n.number))
        .toEqual(["14155550100"])
      expect((yield* pool.listNumbers(id, { service: "mms" })).objects.map((n) => n.number)).toEqual(["12125550100"])
      const streamed = yield* Stream.runCollect(pool.streamNumbers(id, { limit: 2 }))
      expect(Chunk.toReadonlyArray(streamed).map((n) => n.number).sort()).toEqual(members)
      expect((yield* pool.listTollfree(id)).objects.map((n) => n.number)).toEqual(["18005550100"])
      expect(Chunk.toReadonlyArray(yield* Stream.runCollect(pool.streamTollfree(id))).map((n) => n.number))
        .toEqual(["18005550100"])
      expect((yield* Stream.runCollect(powerpacks.stream())).pipe(Chunk.map((p) => p.uuid), Chunk.toReadonlyArray))
        .toEqual([pack.uuid])

      // Local connect: each destination gets the member of its area code, else of its country.
      const dst = ["14155550142", "12125550199", "16045550999", "447700900555", "13105550100"] as const
      const first = yield* sendThrough(pack.uuid, dst, "first")
      expect(first).toMatchObject({
        "14155550142": "14155550100",
        "12125550199": "12125550100",
        "16045550999": "16045550123",
        "447700900555": "447700900100"
      })
      // No member has area code 310: a US sender of the pool.
      expect(["14155550100", "12125550100", "18005550100"]).toContain(first["13105550100"])

      // A Los Angeles number joins. Sticky sender: 13105550100 keeps the sender it had;
      // local connect gives a new Los Angeles destination the new number.
      yield* emulator.seedNumbers([{ number: "13105550123", country_iso2: "US" }])
      yield* pool.addNumber(id, "13105550123")
      const second = yield* sendThrough(pack.uuid, Arr.append(dst, "13105550777"), "second")
      expect(second).toEqual({ ...first, "13105550777": "13105550123" })

      // What the emulator holds agrees with the records the SDK read; the request named the
      // Powerpack, not a sender.
      const sent = yield* emulator.sentMessages
      expect(sent).toHaveLength(11)
      expect(sent.slice(5).map((m) => [m.to, m.from])).toEqual(Object.entries(second))
      expect(sent[0]?.requestBody).toMatchObject({ powerpack_uuid: pack.uuid })
      expect(sent[0]?.requestBody).not.toHaveProperty("src")

      // Removed with unrent: out of the pool and out of the account.
      yield* pool.removeNumber(id, "12125550100", { unrent: true })
      expect(withTag(yield* Effect.flip(pool.getNumber(id, "12125550100")), "NotFoundError").status).toBe(404)
      expect(yield* owned).not.toContain("12125550100")
      // Removed without unrent: out of the pool, still rented.
      yield* pool.removeTollfree(id, "18005550100")
      expect(yield* owned).toContain("18005550100")
      expect((yield* pool.listTollfree(id)).objects).toEqual([])

      // Deleted with unrent_numbers: every remaining member leaves the account.
      yield* powerpacks.delete(pack.uuid, { unrent_numbers: true })
      const after = yield* owned
      for (const number of ["14155550100", "16045550123", "447700900100", "13105550123"]) {
        expect(after, number).not.toContain(number)
      }
      expect(after).toContain("18005550100")
      expect(withTag(yield* Effect.flip(powerpacks.get(pack.uuid)), "NotFoundError").status).toBe(404)
    }))

  describe("typed errors", () => {
    it.effect("404 for an unknown Powerpack and an unknown pool: NotFoundError", () =>
      Effect.gen(function*() {
        yield* Effect.flatMap(PlivoEmulator, (e) => e.reset)
        const unknown = "00000000-0000-4000-8000-000000000000"
        const get = yield* Effect.flip((yield* Powerpacks).get(unknown))
        expect(get).toBeInstanceOf(NotFoundError)
        expect(withTag(get, "NotFoundError")).toMatchObject({ status: 404, method: "GET", path: `Powerpack/${unknown}/` })
        expect(yield* Effect.flip((yield* Powerpacks).delete(unknown))).toBeInstanceOf(NotFoundError)
        expect(yield* Effect.flip((yield* NumberPool).addNumber(unknown, "14155550100"))).toBeInstanceOf(NotFoundError)
      }))

    it.effect("400 for a number the account does not rent: BadRequestError, and the pool stays empty", () =>
      Effect.gen(function*() {
        yield* Effect.flatMap(PlivoEmulator, (e) => e.reset)
        const pack = yield* (yield* Powerpacks).create({ name: "strict" })
        const pool = yield* NumberPool
        const error = yield* Effect.flip(pool.addNumber(pack.number_pool_uuid, "14155550999"))
        expect(error).toBeInstanceOf(BadRequestError)
        expect(withTag(error, "BadRequestError")).toMatchObject({ status: 400, method: "POST" })
        expect(withTag(error, "BadRequestError").error).toContain("not in the account")
        expect((yield* pool.listNumbers(pack.number_pool_uuid)).objects).toEqual([])
      }))

    it.effect("400 for a duplicate name: BadRequestError, and only the first Powerpack exists", () =>
      Effect.gen(function*() {
        yield* Effect.flatMap(PlivoEmulator, (e) => e.reset)
        const powerpacks = yield* Powerpacks
        yield* powerpacks.create({ name: "twice" })
        const error = yield* Effect.flip(powerpacks.create({ name: "twice" }))
        expect(error).toBeInstanceOf(BadRequestError)
        expect(withTag(error, "BadRequestError").status).toBe(400)
        expect(withTag(error, "BadRequestError").error).toContain("already exists")
        expect((yield* powerpacks.list()).objects.map((p) => p.name)).toEqual(["twice"])
      }))

    it.effect("a send through an unknown Powerpack: BadRequestError, nothing queued", () =>
      Effect.gen(function*() {
        const emulator = yield* PlivoEmulator
        yield* emulator.reset
        const error = yield* Effect.flip(
          (yield* Messages).send({ powerpack_uuid: "00000000-0000-4000-8000-000000000000", dst: "14155550142", text: "x" })
        )
        expect(error).toBeInstanceOf(BadRequestError)
        expect(yield* emulator.sentMessages).toEqual([])
      }))
  })
})
