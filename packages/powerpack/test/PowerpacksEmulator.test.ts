import { layer } from "@effect/vitest"
import { PlivoEmulator } from "@plivo-effect/testing"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import { expect } from "vitest"
import { Powerpacks } from "../src/index.js"

layer(Powerpacks.layer.pipe(Layer.provideMerge(PlivoEmulator.layerClient())))("Powerpacks against the emulator", (it) => {
  it.effect("create, get, update, list, stream, delete", () =>
    Effect.gen(function*() {
      const powerpacks = yield* Powerpacks
      const emulator = yield* PlivoEmulator
      yield* emulator.reset

      const created = yield* powerpacks.create({
        name: "alerts",
        sticky_sender: false,
        number_priority: [
          { country_iso: "US", service_type: "SMS", priority: { priority1: "tollfree", priority2: "longcode", priority3: "shortcode" } }
        ]
      })
      expect(created.name).toBe("alerts")
      expect(created.sticky_sender).toBe(false)
      expect(created.local_connect).toBe(true) // Plivo's default
      expect(created.number_pool).toBe(`/v1/Account/${emulator.authId}/NumberPool/${created.number_pool_uuid}/`)
      expect(created.number_priority?.[0]?.priority.priority1).toBe("tollfree")
      expect(created).not.toHaveProperty("application_id")

      const got = yield* powerpacks.get(created.uuid)
      expect(got.uuid).toBe(created.uuid)
      expect(got.number_pool_uuid).toBe(created.number_pool_uuid)

      const updated = yield* powerpacks.update(created.uuid, {
        name: "alerts-2",
        application_type: "xml",
        application_id: "20342783288007824"
      })
      expect(updated.name).toBe("alerts-2")
      expect(updated.application_type).toBe("XML")
      expect(updated.application_id).toBe("20342783288007824")
      expect(updated.sticky_sender).toBe(false) // untouched by the update

      const second = yield* powerpacks.create({ name: "marketing" })
      const page = yield* powerpacks.list({ limit: 1 })
      expect(page.objects.map((p) => p.uuid)).toEqual([created.uuid])
      expect(page.meta.total_count).toBe(2)
      const all = yield* Stream.runCollect(powerpacks.stream())
      expect(Chunk.toReadonlyArray(all).map((p) => p.uuid)).toEqual([created.uuid, second.uuid])

      // A taken name is Plivo's 400, surfaced as a typed error.
      const duplicate = yield* Effect.flip(powerpacks.create({ name: "marketing" }))
      expect(duplicate._tag).not.toBe("InvalidParamsError")
      expect(duplicate.message).toContain("already exists")

      yield* powerpacks.delete(created.uuid)
      yield* powerpacks.delete(second.uuid, { unrent_numbers: true })
      expect(yield* emulator.powerpacks).toEqual([])
      const gone = yield* Effect.flip(powerpacks.get(created.uuid))
      expect(gone._tag).toBe("NotFoundError")
    }))
})
