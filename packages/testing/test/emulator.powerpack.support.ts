/**
 * Wire schemas of powerpack.md, written from the reference, and helpers that drive the
 * Powerpack endpoints over HTTP as a client would.
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { call, decode } from "./emulator.support.js"

const IsoTime = Schema.String.pipe(Schema.pattern(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/))

const Priority = Schema.Struct({
  country_iso: Schema.String,
  service_type: Schema.Literal("SMS", "MMS"),
  priority: Schema.Struct({
    priority1: Schema.NullOr(Schema.String),
    priority2: Schema.NullOr(Schema.String),
    priority3: Schema.NullOr(Schema.String)
  })
})

export const PowerpackObject = Schema.Struct({
  uuid: Schema.String,
  name: Schema.String,
  sticky_sender: Schema.Boolean,
  local_connect: Schema.Boolean,
  application_type: Schema.String,
  application_id: Schema.String,
  number_pool: Schema.String.pipe(Schema.pattern(/^\/v1\/Account\/[^/]+\/NumberPool\/[^/]+\/$/)),
  number_priority: Schema.Array(Priority),
  created_on: IsoTime
})

export const PowerpackResponse = Schema.extend(PowerpackObject, Schema.Struct({ api_id: Schema.String }))

export const PoolNumber = Schema.Struct({
  number: Schema.String,
  number_pool_uuid: Schema.String,
  type: Schema.String,
  service: Schema.Literal("sms", "mms"),
  country_iso2: Schema.String,
  added_on: IsoTime,
  account_phone_number_resource: Schema.String
})

export const PoolShortcode = Schema.Struct({
  shortcode: Schema.String,
  number_pool_uuid: Schema.String,
  country_iso2: Schema.String,
  added_on: IsoTime
})

/** Number-pool lists: `next` / `previous` are `""` when absent. */
export const PoolMeta = Schema.Struct({
  limit: Schema.Int,
  offset: Schema.Int,
  next: Schema.String,
  previous: Schema.String,
  total_count: Schema.Int
})

export const poolList = <A, I>(item: Schema.Schema<A, I>) =>
  Schema.Struct({ api_id: Schema.String, meta: PoolMeta, objects: Schema.Array(item) })

export const Success = Schema.Struct({ api_id: Schema.String, response: Schema.Literal("success") })

/** Every SDK takes segment 5 of `number_pool` as the pool uuid. */
export const poolOf = (p: { readonly number_pool: string }): string => p.number_pool.split("/")[5] ?? ""

/** Creates a Powerpack (expecting 200) and returns it with its pool uuid. */
export const createPowerpack = (body: Record<string, unknown>) =>
  Effect.gen(function*() {
    const r = yield* call("POST", "Powerpack/", { json: body })
    if (r.status !== 200) return yield* Effect.dieMessage(`expected 200, got ${r.status}: ${r.text}`)
    const p = yield* decode(PowerpackResponse)(r.body)
    return { ...p, pool: poolOf(p) }
  })

/** Adds a rented number to a pool (expecting 200). */
export const addNumber = (pool: string, number: string, body: Record<string, unknown> = {}, kind = "Number") =>
  Effect.flatMap(
    call("POST", `NumberPool/${pool}/${kind}/${number}/`, { json: body }),
    (r) => r.status === 200 ? decode(PoolNumber)(r.body) : Effect.dieMessage(`expected 200, got ${r.status}: ${r.text}`)
  )
