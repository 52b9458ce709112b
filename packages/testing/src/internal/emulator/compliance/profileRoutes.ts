/**
 * `Profile/`: create, retrieve, update, delete, list (compliance.md "Profile"). The
 * account's primary profile exists from the start and cannot be deleted.
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type { Fields } from "../fields.js"
import { uuid } from "../ids.js"
import type { Handler, Route } from "../resource.js"
import * as Responses from "../responses.js"
import { object, oneOf, required, requiredOneOf, text } from "./checks.js"
import { ALT_BUSINESS_ID_TYPES, CUSTOMER_TYPES, ENTITY_TYPES, STOCK_EXCHANGES, VERTICALS } from "./enums.js"
import type { Profile, WireFields } from "./model.js"
import { filterBy, orBadRequest, page, withFields, withRecord } from "./http.js"
import type { ComplianceSlice } from "./slice.js"
import { profileJson } from "./wire.js"

/** What `POST Profile/{uuid}/` may change (docs, plus the fields the 2026 SDKs send). */
const UPDATABLE = [
  "entity_type", "company_name", "vertical", "address", "authorized_contact", "website", "plivo_subaccount",
  "business_contact_email", "ein", "ein_issuing_country", "alt_business_id", "alt_business_id_type", "doing_business_as"
]

const SETTABLE = [...UPDATABLE, "profile_alias", "customer_type", "stock_symbol", "stock_exchange"]

const pick = (fields: Fields, keys: ReadonlyArray<string>): WireFields =>
  Object.fromEntries(keys.filter((k) => fields[k] !== undefined && fields[k] !== null && fields[k] !== "").map((k) => [k, fields[k]]))

/** Every rule of a complete profile (create, and the result of an update). */
export const checkProfile = (fields: Fields): Either.Either<WireFields, string> =>
  Either.gen(function*() {
    yield* required(fields, "profile_alias")
    yield* requiredOneOf(fields, "customer_type", CUSTOMER_TYPES)
    const entity = yield* requiredOneOf(fields, "entity_type", ENTITY_TYPES)
    yield* required(fields, "company_name", { max: 100 })
    yield* requiredOneOf(fields, "vertical", VERTICALS)
    if ((yield* object(fields, "address")) === undefined) return yield* Either.left("address is required")
    if ((yield* object(fields, "authorized_contact")) === undefined) return yield* Either.left("authorized_contact is required")
    const country = yield* text(fields, "ein_issuing_country")
    if (country !== undefined && !/^[A-Za-z]{2}$/.test(country)) {
      return yield* Either.left("ein_issuing_country must be an ISO 3166 alpha-2 code")
    }
    yield* text(fields, "ein")
    const symbol = yield* text(fields, "stock_symbol", { max: 10 })
    const exchange = yield* oneOf(fields, "stock_exchange", STOCK_EXCHANGES)
    if (entity === "PUBLIC" && (symbol === undefined || symbol === "" || exchange === undefined)) {
      return yield* Either.left("stock_symbol and stock_exchange are required for a PUBLIC entity_type")
    }
    yield* text(fields, "alt_business_id", { max: 50 })
    yield* oneOf(fields, "alt_business_id_type", ALT_BUSINESS_ID_TYPES)
    yield* text(fields, "website", { max: 100 })
    yield* text(fields, "plivo_subaccount", { max: 20 })
    yield* text(fields, "doing_business_as", { max: 100 })
    const email = yield* text(fields, "business_contact_email", { max: 255 })
    if (email !== undefined && email !== "" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      return yield* Either.left("business_contact_email must be an email address")
    }
    return pick(fields, SETTABLE)
  })

const primaryUuid = (slice: ComplianceSlice): string => slice.store.profiles.all().find((p) => p.primary)?.uuid ?? ""

const render = (slice: ComplianceSlice) => (p: Profile) => profileJson(p, primaryUuid(slice))

/** `POST Profile/` */
const create = (slice: ComplianceSlice): Handler => (ctx) =>
  withFields(slice, ctx, (fields) =>
    orBadRequest(ctx, checkProfile(fields), (checked) =>
      Effect.sync(() => {
        const p: Profile = { uuid: uuid(), primary: false, fields: checked, createdMicros: ctx.nowMicros }
        slice.store.profiles.put(p.uuid, p)
        return Responses.json(200, ctx.apiId, { message: "Profile created successfully.", profile_uuid: p.uuid })
      })))

const withProfile = (slice: ComplianceSlice, f: Parameters<typeof withRecord<Profile>>[3]): Handler =>
  withRecord(slice.store.profiles.get, 1, "Profile not found.", f)

/** `POST Profile/{uuid}/`: the fields given replace the profile's, and the whole must still be valid. */
const update = (slice: ComplianceSlice): Handler =>
  withProfile(slice, (p, ctx) =>
    withFields(slice, ctx, (fields) =>
      orBadRequest(ctx, checkProfile({ ...p.fields, ...pick(fields, UPDATABLE) }), (checked) =>
        Effect.sync(() => {
          p.fields = checked
          return Responses.json(200, ctx.apiId, { profile: render(slice)(p) })
        }))))

/** `DELETE Profile/{uuid}/` */
const remove = (slice: ComplianceSlice): Handler =>
  withProfile(slice, (p, ctx) =>
    Effect.sync(() => {
      if (p.primary) return Responses.error(400, ctx.apiId, "The primary profile cannot be deleted.")
      slice.store.profiles.remove(p.uuid)
      return Responses.json(200, ctx.apiId, { message: "Profile deleted successfully." })
    }))

/** `GET Profile/`: filters `entity_type`, `type` (PRIMARY / SECONDARY), `vertical`. */
const list = (slice: ComplianceSlice): Handler => (ctx) =>
  Effect.sync(() => {
    let items = slice.store.profiles.all()
    items = filterBy(items, ctx.query, "entity_type", (p) => p.fields["entity_type"])
    items = filterBy(items, ctx.query, "vertical", (p) => p.fields["vertical"])
    items = filterBy(items, ctx.query, "type", (p) => p.primary ? "PRIMARY" : "SECONDARY", (s) => s.toUpperCase())
    return page(ctx, { path: "Profile/", key: "profiles", items, render: render(slice), totalCount: false })
  })

/** The routes of `Profile/`. */
export const profileRoutes = (slice: ComplianceSlice): ReadonlyArray<Route> => [
  { pattern: ["Profile"], methods: { POST: create(slice), GET: list(slice) } },
  {
    pattern: ["Profile", undefined],
    methods: {
      GET: withProfile(slice, (p, ctx) => Effect.succeed(Responses.json(200, ctx.apiId, { profile: render(slice)(p) }))),
      POST: update(slice),
      DELETE: remove(slice)
    }
  }
]
