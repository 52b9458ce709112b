/**
 * `TollfreeVerification/`: create (201), retrieve, list, update (202), delete (204)
 * (compliance.md). The number must be a toll-free number of the account with no other
 * open request; updates only in SUBMITTED / UPDATE_REQUIRED, deletes only in SUBMITTED /
 * PROCESSING / UPDATE_REQUIRED.
 *
 * @internal
 */
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import { uuid } from "../ids.js"
import { AccountNumbers } from "../number/port.js"
import type { Handler, Route } from "../resource.js"
import * as Responses from "../responses.js"
import { phoneNumber } from "./checks.js"
import { badRequest, filterBy, orBadRequest, page, withFields, withRecord } from "./http.js"
import { decideTollfreeLater } from "./lifecycle.js"
import type { Tollfree } from "./model.js"
import { tollfreeOutcome } from "./reserved.js"
import type { ComplianceSlice } from "./slice.js"
import { createdWindow } from "./tollfreeList.js"
import { tollfreeFields } from "./tollfreeParams.js"
import { tollfreeJson } from "./wire.js"

const summaryOf = (t: Tollfree): string => typeof t.fields["usecase_summary"] === "string" ? t.fields["usecase_summary"] : ""

const isTollfree = (digits: string): boolean => /^18(00|33|44|55|66|77|88)\d{7}$/.test(digits)

/** Why the profile or number of `fields` is refused, if they are. */
const refusal = (slice: ComplianceSlice, fields: Readonly<Record<string, unknown>>, self: Tollfree | undefined): string | undefined => {
  const profile = fields["profile_uuid"]
  if (typeof profile === "string" && slice.store.profiles.get(profile) === undefined) {
    return `profile_uuid ${profile} is not a profile of this account`
  }
  const number = fields["number"]
  if (typeof number !== "string" || self !== undefined) return undefined
  if (!isTollfree(number)) return `number ${number} is not a US/CA toll-free number`
  const account = slice.kernel.peer(AccountNumbers)
  if (Option.isNone(account) || account.value.find(number) === undefined) return `number ${number} is not in your account`
  const open = slice.store.tollfree.all().find((t) => t.fields["number"] === number && t.status !== "REJECTED")
  return open === undefined ? undefined : `a verification request for ${number} already exists (${open.uuid})`
}

/** `POST TollfreeVerification/` */
const create = (slice: ComplianceSlice): Handler => (ctx) =>
  withFields(slice, ctx, (raw) =>
    orBadRequest(
      ctx,
      Either.flatMap(tollfreeFields(raw, true), (fields) =>
        Either.map(phoneNumber(String(fields["number"]), "number"), (number) => ({ ...fields, number }))),
      (fields) =>
        Effect.gen(function*() {
          const why = refusal(slice, fields, undefined)
          if (why !== undefined) return badRequest(ctx, why)
          const t: Tollfree = {
            uuid: uuid(),
            fields,
            status: "SUBMITTED",
            errorMessage: "",
            generation: 0,
            createdMicros: ctx.nowMicros,
            updatedMicros: ctx.nowMicros
          }
          slice.store.tollfree.put(t.uuid, t)
          yield* decideTollfreeLater(slice, t, ctx.nowMicros, tollfreeOutcome(summaryOf(t)))
          return Responses.json(201, ctx.apiId, { message: "created", uuid: t.uuid })
        })
    ))

const withTollfree = (slice: ComplianceSlice, f: Parameters<typeof withRecord<Tollfree>>[3]): Handler =>
  withRecord(slice.store.tollfree.get, 1, "Tollfree verification request not found.", f)

/**
 * `POST TollfreeVerification/{uuid}/`. In UPDATE_REQUIRED the update answers the
 * request: it is reviewed again (still UPDATE_REQUIRED, as compliance.md has the
 * callbacks go UPDATE_REQUIRED → APPROVED / REJECTED) and the six-day window stops.
 */
const update = (slice: ComplianceSlice): Handler =>
  withTollfree(slice, (t, ctx) =>
    withFields(slice, ctx, (raw) =>
      orBadRequest(ctx, tollfreeFields(raw, false), (fields) =>
        Effect.gen(function*() {
          if (t.status !== "SUBMITTED" && t.status !== "UPDATE_REQUIRED") {
            return badRequest(ctx, `a verification request in ${t.status} cannot be updated`)
          }
          const why = refusal(slice, fields, t)
          if (why !== undefined) return badRequest(ctx, why)
          t.fields = { ...t.fields, ...fields }
          t.updatedMicros = ctx.nowMicros
          t.generation += 1
          yield* decideTollfreeLater(slice, t, ctx.nowMicros, tollfreeOutcome(summaryOf(t)))
          return Responses.json(202, ctx.apiId, {
            message: `Tollfree verification request for uuid ${t.uuid} updated successfully.`
          })
        }))))

/** `DELETE TollfreeVerification/{uuid}/`: 204, no body. */
const remove = (slice: ComplianceSlice): Handler =>
  withTollfree(slice, (t, ctx) =>
    Effect.sync(() => {
      if (t.status !== "SUBMITTED" && t.status !== "PROCESSING" && t.status !== "UPDATE_REQUIRED") {
        return badRequest(ctx, `a verification request in ${t.status} cannot be deleted`)
      }
      slice.store.tollfree.remove(t.uuid)
      t.generation += 1
      return HttpServerResponse.empty({ status: 204 })
    }))

/** `GET TollfreeVerification/`: `number`, `status`, `profile_uuid`, `usecase` (exact combination), `created*`. */
const list = (slice: ComplianceSlice): Handler => (ctx) =>
  Effect.sync(() => {
    const window = createdWindow(ctx.query, ctx.nowMicros)
    if (Either.isLeft(window)) return badRequest(ctx, window.left)
    let items: ReadonlyArray<Tollfree> = slice.store.tollfree.all().filter((t) => window.right(t.createdMicros))
    items = filterBy(items, ctx.query, "number", (t) => t.fields["number"], (s) => s.replace(/\D/g, ""))
    items = filterBy(items, ctx.query, "status", (t) => t.status, (s) => s.toUpperCase())
    items = filterBy(items, ctx.query, "profile_uuid", (t) => t.fields["profile_uuid"])
    items = filterBy(items, ctx.query, "usecase", (t) => t.fields["usecase"], (s) => s.replace(/\s/g, ""))
    return page(ctx, { path: "TollfreeVerification/", key: "objects", items, render: tollfreeJson, totalCount: true })
  })

/** The routes of `TollfreeVerification/`. */
export const tollfreeRoutes = (slice: ComplianceSlice): ReadonlyArray<Route> => [
  { pattern: ["TollfreeVerification"], methods: { POST: create(slice), GET: list(slice) } },
  {
    pattern: ["TollfreeVerification", undefined],
    methods: {
      GET: withTollfree(slice, (t, ctx) => Effect.succeed(Responses.json(200, ctx.apiId, tollfreeJson(t)))),
      POST: update(slice),
      DELETE: remove(slice)
    }
  }
]
