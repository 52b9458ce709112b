/**
 * The official `plivo` npm SDK's Powerpack and number-pool methods against the
 * standalone emulator command: a client no one here wrote goes through the Powerpack
 * flow with the numbers the emulator's account owns out of the box, and sends with a
 * Powerpack.
 */
import { expect, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { call, clientOf, rejection, StandaloneEmulator, StandaloneLive } from "./standalone.js"
import { at } from "./support.js"

/**
 * Calls `target.a.b.method(...args)` on a plivo SDK object. The SDK's typings omit most
 * of the Powerpack methods (`add_number`, `number_pool.numbers`…) that exist at runtime.
 */
const invoke = (target: unknown, path: ReadonlyArray<string>, ...args: ReadonlyArray<unknown>) =>
  call(() => {
    let receiver: unknown = target
    for (const key of path.slice(0, -1)) receiver = typeof receiver === "object" && receiver !== null ? Reflect.get(receiver, key) : undefined
    const method: unknown = typeof receiver === "object" && receiver !== null ? Reflect.get(receiver, path.at(-1) ?? "") : undefined
    if (typeof method !== "function") return Promise.reject(new Error(`no method ${path.join(".")}`))
    return Promise.resolve<unknown>(Reflect.apply(method, receiver, args))
  })

const PowerpackSeen = Schema.Struct({
  apiId: Schema.String,
  uuid: Schema.String,
  name: Schema.String,
  stickySender: Schema.Boolean,
  localConnect: Schema.Boolean,
  numberPool: Schema.String,
  createdOn: Schema.String
})

const PoolNumberSeen = Schema.Struct({
  number: Schema.String,
  numberPoolUuid: Schema.String,
  type: Schema.String,
  countryIso2: Schema.String,
  addedOn: Schema.String
})

const NumberList = Schema.Struct({
  apiId: Schema.String,
  meta: Schema.Struct({ totalCount: Schema.Number, next: Schema.String, previous: Schema.String }),
  objects: Schema.Array(PoolNumberSeen)
})

const Removed = Schema.Struct({ apiId: Schema.String, response: Schema.Literal("success") })

const Created = Schema.Struct({ apiId: Schema.String, messageUuid: Schema.Array(Schema.String) })

const MessageSeen = Schema.Struct({ fromNumber: Schema.String, toNumber: Schema.String, powerpackID: Schema.String })

layer(StandaloneLive, { excludeTestServices: true, timeout: 60_000 })("the official plivo SDK's Powerpacks against `emulator`", (it) => {
  it.effect("create, get, list, add numbers, list them, remove, send with the Powerpack, delete", () =>
    Effect.gen(function*() {
      const client = clientOf(yield* StandaloneEmulator)
      const created = yield* call(() => client.powerpacks.create("official-sdk", { sticky_sender: true, local_connect: true }))
        .pipe(Effect.flatMap(Schema.decodeUnknown(PowerpackSeen)))
      expect(created).toMatchObject({ name: "official-sdk", stickySender: true, localConnect: true })
      const poolUuid = created.numberPool.split("/")[5] ?? ""
      expect(poolUuid).toMatch(/^[0-9a-f-]{36}$/)

      const pp = yield* call(() => client.powerpacks.get(created.uuid))
      expect(yield* Schema.decodeUnknown(PowerpackSeen)(pp)).toMatchObject({ uuid: created.uuid, name: "official-sdk" })
      // The SDK takes the pool uuid from `number_pool` itself.
      expect(Reflect.get(pp, "number_pool_id")).toBe(poolUuid)

      const listed = yield* call(() => client.powerpacks.list({})).pipe(
        Effect.flatMap(Schema.decodeUnknown(Schema.Array(Schema.Struct({ uuid: Schema.String, name: Schema.String }))))
      )
      expect(listed.map((p) => p.uuid)).toContain(created.uuid)

      // Numbers the account owns out of the box.
      const added = yield* invoke(pp, ["add_number"], "14155550101").pipe(Effect.flatMap(Schema.decodeUnknown(PoolNumberSeen)))
      expect(added).toMatchObject({ number: "14155550101", numberPoolUuid: poolUuid, type: "fixed", countryIso2: "US" })
      yield* invoke(pp, ["number_pool", "numbers", "add"], "12125550100", "mms")
      yield* invoke(pp, ["number_pool", "tollfree", "add"], "18005550100")

      const all = yield* invoke(pp, ["list_numbers"]).pipe(Effect.flatMap(Schema.decodeUnknown(NumberList)))
      expect(all.objects.map((n) => n.number)).toEqual(["14155550101", "12125550100", "18005550100"])
      expect(all.meta).toMatchObject({ totalCount: 3, next: "", previous: "" })
      // `numbers.list` asks `Number//?type=...`: the same list, filtered.
      const fixed = yield* invoke(pp, ["number_pool", "numbers", "list"], { country_iso2: "US", type: "fixed" }).pipe(
        Effect.flatMap(Schema.decodeUnknown(NumberList))
      )
      expect(fixed.objects.map((n) => n.number)).toEqual(["14155550101", "12125550100"])
      expect(yield* invoke(pp, ["count_numbers"], { service: "mms" })).toBe(1)
      const found = yield* invoke(pp, ["find_number"], "12125550100").pipe(Effect.flatMap(Schema.decodeUnknown(PoolNumberSeen)))
      expect(found.number).toBe("12125550100")

      // Sticky Sender and Local Connect as the emulator models them: the 212 number for a 212 destination.
      const sent = yield* call(() =>
        client.messages.create(null, "12125550123", "via powerpack", {}, created.uuid)
      ).pipe(Effect.flatMap(Schema.decodeUnknown(Created)))
      const uuid = at(sent.messageUuid, 0)
      const message = yield* call(() => client.messages.get(uuid)).pipe(Effect.flatMap(Schema.decodeUnknown(MessageSeen)))
      expect(message).toMatchObject({ fromNumber: "12125550100", toNumber: "12125550123", powerpackID: created.uuid })

      const removed = yield* invoke(pp, ["remove_number"], "14155550101", false).pipe(Effect.flatMap(Schema.decodeUnknown(Removed)))
      expect(removed.response).toBe("success")
      yield* invoke(pp, ["number_pool", "numbers", "remove"], "12125550100", false)
      const left = yield* invoke(pp, ["list_numbers"]).pipe(Effect.flatMap(Schema.decodeUnknown(NumberList)))
      expect(left.objects.map((n) => n.number)).toEqual(["18005550100"])

      // The toll-free number is left: a US destination gets it now.
      const second = yield* call(() =>
        client.messages.create(null, "14155550123", "again", {}, created.uuid)
      ).pipe(Effect.flatMap(Schema.decodeUnknown(Created)))
      const again = yield* call(() => client.messages.get(at(second.messageUuid, 0))).pipe(
        Effect.flatMap(Schema.decodeUnknown(MessageSeen))
      )
      expect(again.fromNumber).toBe("18005550100")

      yield* invoke(pp, ["delete"], false)
      expect(yield* rejection(() => client.powerpacks.get(created.uuid))).toBe("not found")
    }))

  it.effect("buy-and-add searches PhoneNumber/ and rents the first number offered", () =>
    Effect.gen(function*() {
      const client = clientOf(yield* StandaloneEmulator)
      const created = yield* call(() => client.powerpacks.create("official-sdk-buy")).pipe(
        Effect.flatMap(Schema.decodeUnknown(PowerpackSeen))
      )
      const pp = yield* call(() => client.powerpacks.get(created.uuid))
      const bought = yield* invoke(pp, ["buy_add_number"], { country_iso2: "US", type: "fixed", service: "sms" }).pipe(
        Effect.flatMap(Schema.decodeUnknown(PoolNumberSeen))
      )
      expect(bought).toMatchObject({ countryIso2: "US", type: "fixed" })
      // Rented now: it is no longer offered.
      const offered = yield* call(() => client.numbers.search("US", { type: "fixed" })).pipe(
        Effect.flatMap(Schema.decodeUnknown(Schema.Array(Schema.Struct({ number: Schema.String }))))
      )
      expect(offered.map((n) => n.number)).not.toContain(bought.number)
    }))

  it.effect("number_priority set through the SDK reads back and orders the senders", () =>
    Effect.gen(function*() {
      const client = clientOf(yield* StandaloneEmulator)
      const number_priority = [{
        country_iso: "US",
        service_type: "SMS",
        priority: { priority1: "tollfree", priority2: "longcode", priority3: "shortcode" }
      }]
      const created = yield* call(() =>
        client.powerpacks.create("official-sdk-priority", { sticky_sender: false, local_connect: false, number_priority })
      ).pipe(Effect.flatMap(Schema.decodeUnknown(PowerpackSeen)))
      const pp = yield* call(() => client.powerpacks.get(created.uuid))
      // The SDK camel-cases what it receives.
      expect(Reflect.get(pp, "numberPriority")).toEqual([{
        countryIso: "US",
        serviceType: "SMS",
        priority: { priority1: "tollfree", priority2: "longcode", priority3: "shortcode" }
      }])
      yield* invoke(pp, ["add_number"], "14155550100")
      yield* invoke(pp, ["number_pool", "tollfree", "add"], "18005550100")
      const sent = yield* call(() => client.messages.create(null, "14155550123", "priority", {}, created.uuid)).pipe(
        Effect.flatMap(Schema.decodeUnknown(Created))
      )
      const message = yield* call(() => client.messages.get(at(sent.messageUuid, 0))).pipe(
        Effect.flatMap(Schema.decodeUnknown(MessageSeen))
      )
      expect(message.fromNumber).toBe("18005550100")
      yield* invoke(pp, ["delete"], false)
    }))

  it.effect("the SDK surfaces the emulator's Powerpack errors", () =>
    Effect.gen(function*() {
      const client = clientOf(yield* StandaloneEmulator)
      yield* call(() => client.powerpacks.create("official-sdk-dup"))
      expect(yield* rejection(() => client.powerpacks.create("official-sdk-dup"))).toBe(
        "Powerpack with name 'official-sdk-dup' already exists"
      )
      const created = yield* call(() => client.powerpacks.create("official-sdk-errors")).pipe(
        Effect.flatMap(Schema.decodeUnknown(PowerpackSeen))
      )
      const pp = yield* call(() => client.powerpacks.get(created.uuid))
      const notOwned = yield* invoke(pp, ["add_number"], "14155559999").pipe(
        Effect.flip,
        Effect.map((e) => e instanceof Error ? e.message : String(e))
      )
      expect(notOwned).toBe("number 14155559999 is not in the account")
    }))
})
