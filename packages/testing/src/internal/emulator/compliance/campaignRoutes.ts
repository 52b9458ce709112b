/**
 * `10dlc/Campaign/`: register, retrieve, update, delete, list and import
 * (compliance.md "Campaign"). A campaign needs a COMPLETED brand, and a STARTER brand
 * only the STARTER use case; it cannot be deleted while a number is being linked.
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { tcrId } from "../ids.js"
import type { Handler, Route } from "../resource.js"
import * as Responses from "../responses.js"
import { campaignParams } from "./callbackParams.js"
import { campaignShape, campaignTexts } from "./campaignParams.js"
import { callback, required } from "./checks.js"
import { badRequest, filterBy, orBadRequest, page, withFields, withRecord } from "./http.js"
import { decideCampaignLater, notify } from "./lifecycle.js"
import type { Campaign } from "./model.js"
import { newCampaign } from "./model.js"
import { campaignOutcome } from "./reserved.js"
import type { ComplianceSlice } from "./slice.js"
import { campaignJson } from "./wire.js"

const descriptionOf = (c: Campaign): string => {
  const d = c.fields["description"]
  return typeof d === "string" ? d : ""
}

/** Stores `c`, posts its `created` callback and schedules the decision. */
const submit = (slice: ComplianceSlice, c: Campaign, nowMicros: number, markers: string) =>
  Effect.gen(function*() {
    slice.store.campaigns.put(c.campaignId, c)
    yield* notify(slice, "campaign", c.campaignId, c.callback, campaignParams(c))
    yield* decideCampaignLater(slice, c, nowMicros, campaignOutcome(markers))
  })

/** `POST 10dlc/Campaign/` */
const create = (slice: ComplianceSlice): Handler => (ctx) =>
  withFields(slice, ctx, (fields) =>
    orBadRequest(
      ctx,
      Either.all({ shape: campaignShape(fields), texts: campaignTexts(fields, true), target: callback(fields, "url", "method") }),
      ({ shape, target, texts }) =>
        Effect.gen(function*() {
          const brand = slice.store.brands.get(shape.brandId)
          if (brand === undefined) return badRequest(ctx, `brand_id ${shape.brandId} is not a brand of this account`)
          if (brand.status !== "COMPLETED") {
            return badRequest(ctx, `brand ${brand.brandId} is ${brand.status}: a campaign needs a COMPLETED brand`)
          }
          if (brand.type === "STARTER" && shape.usecase !== "STARTER") {
            return badRequest(ctx, "a STARTER brand can only register the STARTER use case")
          }
          const c = newCampaign({
            campaignId: tcrId("C"),
            brandId: brand.brandId,
            source: "plivo",
            usecase: shape.usecase,
            subUsecases: shape.subUsecases,
            brandType: brand.type,
            fields: { ...texts, vertical: shape.vertical },
            attributes: shape.attributes,
            callback: target,
            createdMicros: ctx.nowMicros
          })
          yield* submit(slice, c, ctx.nowMicros, descriptionOf(c))
          return Responses.json(200, ctx.apiId, {
            campaign_id: c.campaignId,
            message: "Request to create campaign was received and is being processed."
          })
        })
    ))

/** `POST 10dlc/Campaign/Import/`: a TCR campaign shared with Plivo (`campaign_source: shared`). */
const importCampaign = (slice: ComplianceSlice): Handler => (ctx) =>
  withFields(slice, ctx, (fields) =>
    orBadRequest(
      ctx,
      Either.all({ id: required(fields, "campaign_id"), alias: required(fields, "campaign_alias"), target: callback(fields, "url", "method") }),
      ({ alias, id, target }) =>
        Effect.gen(function*() {
          if (!/^C[A-Z0-9]{6}$/.test(id)) return badRequest(ctx, `campaign_id ${id} is not a TCR campaign id`)
          if (slice.store.campaigns.get(id) !== undefined) return badRequest(ctx, `campaign ${id} is already in this account`)
          const c = newCampaign({
            campaignId: id,
            brandId: "",
            source: "shared",
            usecase: "",
            subUsecases: [],
            brandType: undefined,
            fields: { campaign_alias: alias },
            attributes: {},
            callback: target,
            createdMicros: ctx.nowMicros
          })
          yield* submit(slice, c, ctx.nowMicros, alias)
          return Responses.json(200, ctx.apiId, {
            campaign_id: id,
            message: "Request to import campaign was received and is being processed."
          })
        })
    ))

const withCampaign = (slice: ComplianceSlice, f: Parameters<typeof withRecord<Campaign>>[3]): Handler =>
  withRecord(slice.store.campaigns.get, 2, "Campaign not found.", f)

/**
 * `POST 10dlc/Campaign/{id}/`: refused while PROCESSING (under carrier review); otherwise
 * the campaign is re-vetted: PROCESSING again, then decided from the updated description.
 */
const update = (slice: ComplianceSlice): Handler =>
  withCampaign(slice, (c, ctx) =>
    withFields(slice, ctx, (fields) =>
      orBadRequest(ctx, campaignTexts(fields, false), (texts) =>
        Effect.gen(function*() {
          if (c.status === "PROCESSING") return badRequest(ctx, `campaign ${c.campaignId} is under review and cannot be updated`)
          c.fields = { ...c.fields, ...texts }
          c.status = "PROCESSING"
          c.errorCode = undefined
          c.errorReason = undefined
          c.generation += 1
          yield* submit(slice, c, ctx.nowMicros, descriptionOf(c))
          return Responses.json(200, ctx.apiId, { campaign: campaignJson(c) })
        }))))

/** `DELETE 10dlc/Campaign/{id}/`: refused while a linked number is PROCESSING. */
const remove = (slice: ComplianceSlice): Handler =>
  withCampaign(slice, (c, ctx) =>
    Effect.sync(() => {
      const processing = [...c.numbers.values()].find((n) => n.status === "PROCESSING")
      if (processing !== undefined) {
        return badRequest(ctx, `Campaign ${c.campaignId} has numbers being linked (${processing.number}) and cannot be deleted.`)
      }
      slice.store.campaigns.remove(c.campaignId)
      c.generation += 1
      return Responses.json(200, ctx.apiId, { campaign_id: c.campaignId, message: "Campaign Deactivated" })
    }))

/** `GET 10dlc/Campaign/`: filters `usecase`, `brand_id`, `registration_status` (any case), `campaign_source`. */
const list = (slice: ComplianceSlice): Handler => (ctx) =>
  Effect.sync(() => {
    let items = slice.store.campaigns.all()
    items = filterBy(items, ctx.query, "usecase", (c) => c.usecase)
    items = filterBy(items, ctx.query, "brand_id", (c) => c.brandId)
    items = filterBy(items, ctx.query, "registration_status", (c) => c.status, (s) => s.toUpperCase())
    items = filterBy(items, ctx.query, "campaign_source", (c) => c.source, (s) => s.toLowerCase())
    return page(ctx, { path: "10dlc/Campaign/", key: "campaigns", items, render: campaignJson, totalCount: false })
  })

/** The routes of `10dlc/Campaign/` (numbers: `numberRoutes.ts`). */
export const campaignRoutes = (slice: ComplianceSlice): ReadonlyArray<Route> => [
  { pattern: ["10dlc", "Campaign"], methods: { POST: create(slice), GET: list(slice) } },
  { pattern: ["10dlc", "Campaign", "Import"], methods: { POST: importCampaign(slice) } },
  {
    pattern: ["10dlc", "Campaign", undefined],
    methods: {
      GET: withCampaign(slice, (c, ctx) => Effect.succeed(Responses.json(200, ctx.apiId, { campaign: campaignJson(c) }))),
      POST: update(slice),
      DELETE: remove(slice)
    }
  }
]
