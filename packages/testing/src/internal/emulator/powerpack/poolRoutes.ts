/**
 * Handlers for `NumberPool/{uuid}/` (powerpack.md): numbers (with buy-and-add), short
 * codes and toll-free. A number joins a pool only when it is rented in the account and
 * capable of the service; it is in one pool at most.
 *
 * @internal
 */
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import type { RequestContext } from "../context.js"
import { AccountNumbers } from "../number/port.js"
import { decodePageParams, listPage } from "../pagination.js"
import type { Handler, Route } from "../resource.js"
import * as Responses from "../responses.js"
import type { PoolNumber, Powerpack } from "./model.js"
import { booleanField, readFields, serviceField } from "./params.js"
import type { PowerpackSlice } from "./routes.js"
import { poolNumberJson, shortcodeJson } from "./wire.js"

type Kind = PoolNumber["kind"]

const withPool = (
  slice: PowerpackSlice,
  f: (p: Powerpack, ctx: RequestContext) => Effect.Effect<HttpServerResponse.HttpServerResponse>
): Handler =>
(ctx) => {
  const p = slice.store.byPool(ctx.segments[1] ?? "")
  return p === undefined ? Effect.succeed(Responses.notFound(ctx.apiId)) : f(p, ctx)
}

/** Pool lists say `""`, not `null`, for a missing `next` / `previous`. */
const poolPage = <A>(
  ctx: RequestContext,
  items: ReadonlyArray<A>,
  render: (a: A) => Readonly<Record<string, unknown>>
): HttpServerResponse.HttpServerResponse => {
  const page = decodePageParams(ctx.query)
  if (Either.isLeft(page)) return Responses.error(400, ctx.apiId, page.left)
  return listPage(ctx, {
    path: `/v1/Account/${ctx.authId}/${ctx.segments.slice(0, 3).join("/")}/`,
    page: page.right,
    items,
    render,
    blankLinks: true
  })
}

const TYPE_FILTER: Readonly<Record<string, string>> = {
  fixed: "fixed",
  local: "fixed",
  national: "fixed",
  mobile: "mobile",
  "toll-free": "tollfree",
  tollfree: "tollfree"
}

/** `GET NumberPool/{id}/Number/` (every member) or `.../Tollfree/`, with the documented filters. */
const listNumbers = (slice: PowerpackSlice, kind: Kind | undefined): Handler =>
  withPool(slice, (p, ctx) =>
    Effect.sync(() => {
      const q = ctx.query
      const country = q.get("country_iso2")?.toUpperCase()
      const startsWith = q.get("starts_with")
      const prefixes = startsWith?.split(",").map((s) => s.trim()).filter((s) => s !== "") ?? []
      if (startsWith !== null && country === undefined) {
        return Responses.error(400, ctx.apiId, "starts_with requires country_iso2")
      }
      if (prefixes.length > 10) return Responses.error(400, ctx.apiId, "starts_with accepts at most 10 prefixes")
      const typeParam = q.get("type")?.toLowerCase()
      const type = typeParam === undefined ? undefined : TYPE_FILTER[typeParam]
      if (typeParam !== undefined && type === undefined) {
        return Responses.error(400, ctx.apiId, "type must be fixed, mobile or toll-free")
      }
      const service = q.get("service")?.toLowerCase()
      if (service !== undefined && service !== "sms" && service !== "mms") {
        return Responses.error(400, ctx.apiId, "service must be sms or mms")
      }
      const items = [...p.numbers.values()].filter((n) =>
        (kind === undefined || n.kind === kind) &&
        (country === undefined || n.countryIso2 === country) &&
        (prefixes.length === 0 || prefixes.some((pre) => n.national.startsWith(pre))) &&
        (type === undefined || n.type === type) &&
        (service === undefined || n.service === service)
      )
      return poolPage(ctx, items, (n) => poolNumberJson(n, p, ctx.authId))
    }))

const memberOf = (p: Powerpack, ctx: RequestContext, kind: Kind): PoolNumber | undefined => {
  const n = p.numbers.get(ctx.segments[3] ?? "")
  return n === undefined || (kind === "tollfree" && n.kind !== "tollfree") ? undefined : n
}

/** `GET NumberPool/{id}/Number/{number}/` or `.../Tollfree/{number}/` */
const getNumber = (slice: PowerpackSlice, kind: Kind): Handler =>
  withPool(slice, (p, ctx) =>
    Effect.sync(() => {
      const n = memberOf(p, ctx, kind)
      return n === undefined ? Responses.notFound(ctx.apiId) : Responses.json(200, ctx.apiId, poolNumberJson(n, p, ctx.authId))
    }))

/**
 * `POST NumberPool/{id}/Number/{number}/` (with `rent: "true"`: buy it first) or
 * `.../Tollfree/{number}/`. Adding a number already in this pool changes its service.
 */
const addNumber = (slice: PowerpackSlice, kind: Kind): Handler =>
  withPool(slice, (p, ctx) =>
    Effect.gen(function*() {
      const fields = yield* readFields(ctx, slice.kernel.bodyLimits.json)
      if (Either.isLeft(fields)) return fields.left
      const service = serviceField(fields.right)
      if (Either.isLeft(service)) return Responses.error(400, ctx.apiId, service.left)
      const rent = booleanField(fields.right, "rent")
      if (Either.isLeft(rent)) return Responses.error(400, ctx.apiId, rent.left)
      const number = ctx.segments[3] ?? ""
      const account = slice.kernel.peer(AccountNumbers)
      const inAccount = Option.isSome(account) ? account.value.find(number) : undefined
      const buying = inAccount === undefined && rent.right === true && kind === "longcode"
      // Checked before renting: a refused buy-and-add leaves the number offered, as Plivo does.
      const owned = buying && Option.isSome(account) ? account.value.offered(number) : inAccount
      if (owned === undefined) {
        return Responses.error(400, ctx.apiId, `number ${number} ${buying ? "is not available to rent" : "is not in the account"}`)
      }
      if (kind === "tollfree" && owned.type !== "tollfree") {
        return Responses.error(400, ctx.apiId, `number ${number} is not a toll-free number`)
      }
      if (kind === "longcode" && owned.type === "tollfree") {
        return Responses.error(400, ctx.apiId, `number ${number} is toll-free: add it through Tollfree/`)
      }
      if (!owned.sms || (service.right === "mms" && !owned.mms)) {
        return Responses.error(400, ctx.apiId, `number ${number} is not ${service.right.toUpperCase()} capable`)
      }
      const holder = slice.store.holding(number)
      if (holder !== undefined && holder !== p) {
        return Responses.error(400, ctx.apiId, `number ${number} is already in another number pool`)
      }
      if (buying && Option.isSome(account)) account.value.rent(number)
      const member: PoolNumber = {
        number,
        kind,
        type: owned.type,
        service: service.right,
        countryIso2: owned.countryIso2,
        national: owned.national,
        addedMicros: p.numbers.get(number)?.addedMicros ?? ctx.nowMicros
      }
      p.numbers.set(number, member)
      return Responses.json(200, ctx.apiId, poolNumberJson(member, p, ctx.authId))
    }))

/** `DELETE NumberPool/{id}/Number/{number}/` or `.../Tollfree/{number}/`, `unrent` also releasing it. */
const removeNumber = (slice: PowerpackSlice, kind: Kind): Handler =>
  withPool(slice, (p, ctx) =>
    Effect.gen(function*() {
      const n = memberOf(p, ctx, kind)
      if (n === undefined) return Responses.notFound(ctx.apiId)
      const fields = yield* readFields(ctx, slice.kernel.bodyLimits.json)
      if (Either.isLeft(fields)) return fields.left
      const unrent = booleanField(fields.right, "unrent")
      if (Either.isLeft(unrent)) return Responses.error(400, ctx.apiId, unrent.left)
      p.numbers.delete(n.number)
      if (unrent.right === true) {
        const account = slice.kernel.peer(AccountNumbers)
        if (Option.isSome(account)) account.value.unrent(n.number)
      }
      return Responses.json(200, ctx.apiId, { response: "success" })
    }))

/** `GET NumberPool/{id}/Shortcode/` */
const listShortcodes = (slice: PowerpackSlice): Handler =>
  withPool(slice, (p, ctx) => Effect.sync(() => poolPage(ctx, [...p.shortcodes.values()], (s) => shortcodeJson(s, p))))

/** `GET NumberPool/{id}/Shortcode/{shortcode}/` */
const getShortcode = (slice: PowerpackSlice): Handler =>
  withPool(slice, (p, ctx) =>
    Effect.sync(() => {
      const s = p.shortcodes.get(ctx.segments[3] ?? "")
      return s === undefined ? Responses.notFound(ctx.apiId) : Responses.json(200, ctx.apiId, shortcodeJson(s, p))
    }))

/** `DELETE NumberPool/{id}/Shortcode/{shortcode}/`: unlinks only, a short code is never unrented. */
const removeShortcode = (slice: PowerpackSlice): Handler =>
  withPool(slice, (p, ctx) =>
    Effect.sync(() => {
      const code = ctx.segments[3] ?? ""
      if (!p.shortcodes.has(code)) return Responses.notFound(ctx.apiId)
      p.shortcodes.delete(code)
      return Responses.json(200, ctx.apiId, { response: "success" })
    }))

/** The routes of `NumberPool/`. */
export const poolRoutes = (slice: PowerpackSlice): ReadonlyArray<Route> => [
  { pattern: ["NumberPool", undefined, "Number"], methods: { GET: listNumbers(slice, undefined) } },
  // The official node SDK lists numbers at `Number//?...`; the empty segment is the same list.
  { pattern: ["NumberPool", undefined, "Number", ""], methods: { GET: listNumbers(slice, undefined) } },
  {
    pattern: ["NumberPool", undefined, "Number", undefined],
    methods: {
      GET: getNumber(slice, "longcode"),
      POST: addNumber(slice, "longcode"),
      DELETE: removeNumber(slice, "longcode")
    }
  },
  { pattern: ["NumberPool", undefined, "Shortcode"], methods: { GET: listShortcodes(slice) } },
  {
    pattern: ["NumberPool", undefined, "Shortcode", undefined],
    methods: { GET: getShortcode(slice), DELETE: removeShortcode(slice) }
  },
  { pattern: ["NumberPool", undefined, "Tollfree"], methods: { GET: listNumbers(slice, "tollfree") } },
  {
    pattern: ["NumberPool", undefined, "Tollfree", undefined],
    methods: {
      GET: getNumber(slice, "tollfree"),
      POST: addNumber(slice, "tollfree"),
      DELETE: removeNumber(slice, "tollfree")
    }
  }
]
