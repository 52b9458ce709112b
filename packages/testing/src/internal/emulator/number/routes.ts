/**
 * `GET PhoneNumber/`: the Phone Number search, as far as buy-and-add needs it (the
 * numbers offered to rent, filtered by country, type, pattern and services).
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type { PlivoEmulator } from "../../../PlivoEmulator.js"
import { decodePageParams, listPage } from "../pagination.js"
import type { Handler, Route } from "../resource.js"
import * as Responses from "../responses.js"
import { nationalPart } from "./model.js"
import type { NumberStore } from "./store.js"

const TYPES: Readonly<Record<string, PlivoEmulator.NumberType | "any">> = {
  any: "any",
  fixed: "fixed",
  local: "fixed",
  national: "fixed",
  mobile: "mobile",
  tollfree: "tollfree",
  "toll-free": "tollfree"
}

/** `pattern` matches the national part from its start; `*` stands for one digit. */
const patternMatches = (pattern: string, national: string): boolean => {
  const source = [...pattern].map((c) => c === "*" ? "\\d" : c.replace(/[^0-9A-Za-z]/g, "")).join("")
  return new RegExp(`^${source}`).test(national)
}

const searchJson = (n: PlivoEmulator.AccountNumber, authId: string) => ({
  number: n.number,
  prefix: nationalPart(n.number, n.countryIso2).slice(0, 3),
  country: n.countryIso2,
  region: "",
  city: "",
  type: n.type,
  sub_type: n.type === "tollfree" ? "tollfree" : "local",
  voice_enabled: true,
  sms_enabled: n.sms,
  mms_enabled: n.mms,
  monthly_rental_rate: "0.50000",
  setup_rate: "0.00000",
  sms_rate: "0.00500",
  mms_rate: n.mms ? "0.01500" : "0.00000",
  voice_rate: "0.00850",
  restriction: null,
  restriction_text: null,
  resource_uri: `/v1/Account/${authId}/PhoneNumber/${n.number}/`
})

/** `GET PhoneNumber/` */
const search = (store: NumberStore): Handler => (ctx) =>
  Effect.sync(() => {
    const page = decodePageParams(ctx.query)
    if (Either.isLeft(page)) return Responses.error(400, ctx.apiId, page.left)
    // Some SDKs send `country_iso2` beside (or instead of) the documented `country_iso`.
    const country = (ctx.query.get("country_iso") ?? ctx.query.get("country_iso2") ?? "").toUpperCase()
    if (country === "") return Responses.error(400, ctx.apiId, "country_iso is required")
    const typeParam = (ctx.query.get("type") ?? "any").toLowerCase()
    const type = TYPES[typeParam]
    if (type === undefined) return Responses.error(400, ctx.apiId, `invalid type '${typeParam}'`)
    const pattern = ctx.query.get("pattern") ?? ""
    const services = (ctx.query.get("services") ?? ctx.query.get("service") ?? "").toLowerCase().split(",")
      .map((s) => s.trim()).filter((s) => s !== "")
    const matching = store.available().filter((n) =>
      n.countryIso2 === country &&
      (type === "any" || n.type === type) &&
      patternMatches(pattern, nationalPart(n.number, n.countryIso2)) &&
      (!services.includes("sms") || n.sms) &&
      (!services.includes("mms") || n.mms)
    )
    return listPage(ctx, {
      path: `/v1/Account/${ctx.authId}/PhoneNumber/`,
      page: page.right,
      items: matching,
      render: (n) => searchJson(n, ctx.authId)
    })
  })

/** The routes of `PhoneNumber/`. */
export const numberRoutes = (store: NumberStore): ReadonlyArray<Route> => [
  { pattern: ["PhoneNumber"], methods: { GET: search(store) } }
]
