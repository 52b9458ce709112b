/**
 * Handlers for `Powerpack/` (powerpack.md): create, retrieve, update, delete, list.
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import { uuid } from "../ids.js"
import { AccountNumbers } from "../number/port.js"
import { decodePageParams, listPage } from "../pagination.js"
import type { Handler, Kernel, Route } from "../resource.js"
import * as Responses from "../responses.js"
import type { Powerpack } from "./model.js"
import { booleanField, powerpackParams, readFields } from "./params.js"
import type { PowerpackStore } from "./store.js"
import { powerpackJson } from "./wire.js"

/** What `powerpack/` handlers work on. */
export interface PowerpackSlice {
  readonly kernel: Kernel
  readonly store: PowerpackStore
}

const duplicateName = (name: string) => `Powerpack with name '${name}' already exists`

/** `POST Powerpack/` */
const create = (slice: PowerpackSlice): Handler => (ctx) =>
  Effect.gen(function*() {
    const fields = yield* readFields(ctx, slice.kernel.bodyLimits.json)
    if (Either.isLeft(fields)) return fields.left
    const params = powerpackParams(fields.right)
    if (Either.isLeft(params)) return Responses.error(400, ctx.apiId, params.left)
    const { name } = params.right
    if (name === undefined) return Responses.error(400, ctx.apiId, "name is required")
    if (slice.store.byName(name) !== undefined) return Responses.error(400, ctx.apiId, duplicateName(name))
    const p: Powerpack = {
      uuid: uuid(),
      poolUuid: uuid(),
      name,
      stickySender: params.right.stickySender ?? true,
      localConnect: params.right.localConnect ?? true,
      applicationType: params.right.application?.type ?? "",
      applicationId: params.right.application?.id ?? "",
      numberPriority: params.right.numberPriority ?? [],
      createdMicros: ctx.nowMicros,
      numbers: new Map(),
      shortcodes: new Map(),
      sticky: new Map()
    }
    slice.store.insert(p)
    return Responses.json(200, ctx.apiId, powerpackJson(p, ctx.authId))
  })

const withPowerpack = (
  slice: PowerpackSlice,
  f: (p: Powerpack, ctx: Parameters<Handler>[0]) => ReturnType<Handler>
): Handler =>
(ctx) => {
  const p = slice.store.get(ctx.segments[1] ?? "")
  return p === undefined ? Effect.succeed(Responses.notFound(ctx.apiId)) : f(p, ctx)
}

/** `GET Powerpack/{uuid}/` */
const get = (slice: PowerpackSlice): Handler =>
  withPowerpack(slice, (p, ctx) => Effect.succeed(Responses.json(200, ctx.apiId, powerpackJson(p, ctx.authId))))

/** `POST Powerpack/{uuid}/`: every field optional. */
const update = (slice: PowerpackSlice): Handler =>
  withPowerpack(slice, (p, ctx) =>
    Effect.gen(function*() {
      const fields = yield* readFields(ctx, slice.kernel.bodyLimits.json)
      if (Either.isLeft(fields)) return fields.left
      const params = powerpackParams(fields.right)
      if (Either.isLeft(params)) return Responses.error(400, ctx.apiId, params.left)
      const { application, localConnect, name, numberPriority, stickySender } = params.right
      if (name !== undefined && name !== p.name && slice.store.byName(name) !== undefined) {
        return Responses.error(400, ctx.apiId, duplicateName(name))
      }
      if (name !== undefined) p.name = name
      if (stickySender !== undefined) p.stickySender = stickySender
      if (localConnect !== undefined) p.localConnect = localConnect
      if (application !== undefined) {
        p.applicationType = application.type
        p.applicationId = application.id
      }
      if (numberPriority !== undefined) p.numberPriority = numberPriority
      return Responses.json(200, ctx.apiId, powerpackJson(p, ctx.authId))
    }))

/** `DELETE Powerpack/{uuid}/`, with `unrent_numbers` releasing every pool number from the account. */
const remove = (slice: PowerpackSlice): Handler =>
  withPowerpack(slice, (p, ctx) =>
    Effect.gen(function*() {
      const fields = yield* readFields(ctx, slice.kernel.bodyLimits.json)
      if (Either.isLeft(fields)) return fields.left
      const unrent = booleanField(fields.right, "unrent_numbers")
      if (Either.isLeft(unrent)) return Responses.error(400, ctx.apiId, unrent.left)
      if (unrent.right === true) {
        const numbers = slice.kernel.peer(AccountNumbers)
        if (Option.isSome(numbers)) for (const n of p.numbers.keys()) numbers.value.unrent(n)
      }
      slice.store.remove(p)
      return Responses.json(200, ctx.apiId, { response: "success" })
    }))

/** `GET Powerpack/`: oldest first, with `total_count`. */
const list = (slice: PowerpackSlice): Handler => (ctx) =>
  Effect.sync(() => {
    const page = decodePageParams(ctx.query)
    if (Either.isLeft(page)) return Responses.error(400, ctx.apiId, page.left)
    return listPage(ctx, {
      path: `/v1/Account/${ctx.authId}/Powerpack/`,
      page: page.right,
      items: slice.store.all(),
      render: (p) => powerpackJson(p, ctx.authId)
    })
  })

/** The routes of `Powerpack/`. */
export const powerpackRoutes = (slice: PowerpackSlice): ReadonlyArray<Route> => [
  { pattern: ["Powerpack"], methods: { POST: create(slice), GET: list(slice) } },
  { pattern: ["Powerpack", undefined], methods: { GET: get(slice), POST: update(slice), DELETE: remove(slice) } }
]
