/**
 * The `Campaigns` service: register 10DLC campaigns, link numbers to them, and await both.
 *
 * @since 0.1.0
 */
import { spanId } from "@plivo-effect/core/InvalidParams"
import { PlivoClient } from "@plivo-effect/core/PlivoClient"
import type { PlivoError } from "@plivo-effect/core/PlivoError"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type * as Stream from "effect/Stream"
import type * as Tracer from "effect/Tracer"
import { Acknowledgement } from "./Acknowledgement.js"
import type { StatusCallbackParams } from "./BrandParams.js"
import { Campaign, CampaignCreated, CampaignList, CampaignNumbers, CampaignResponse } from "./Campaign.js"
import type {
  CampaignFilters,
  CreateCampaignParams,
  ImportCampaignParams,
  LinkNumbersParams,
  UpdateCampaignParams
} from "./CampaignParams.js"
import {
  createRules,
  filterRules,
  importRules,
  keywords,
  linkNumbers,
  linkRules,
  subUsecases,
  updateRules
} from "./internal/campaignRules.js"
import { awaitTerminal } from "./internal/poll.js"
import { body, callback, pathNumber, query } from "./internal/rules.js"
import * as PlivoSpan from "@plivo-effect/core/PlivoSpan"
import { walk } from "./internal/walk.js"
import type { AwaitOptions, RegistrationPendingError, RegistrationRejectedError } from "./Registration.js"

/**
 * @since 0.1.0
 * @category models
 */
export declare namespace Campaigns {
  /**
   * @since 0.1.0
   */
  export interface Service {
    /** `POST 10dlc/Campaign/`. Answers the campaign id; carrier review goes on (see `awaitRegistration`). */
    readonly create: (params: CreateCampaignParams) => Effect.Effect<CampaignCreated, PlivoError>
    /** `GET 10dlc/Campaign/{campaign_id}/`. */
    readonly get: (campaign_id: string) => Effect.Effect<Campaign, PlivoError>
    /** `POST 10dlc/Campaign/{campaign_id}/` with the given fields only; answers the whole campaign. */
    readonly update: (campaign_id: string, params: UpdateCampaignParams) => Effect.Effect<Campaign, PlivoError>
    /** `DELETE 10dlc/Campaign/{campaign_id}/`. Plivo refuses it while a number link is processing. */
    readonly delete: (campaign_id: string) => Effect.Effect<Acknowledgement, PlivoError>
    /** One page of `GET 10dlc/Campaign/` (key `campaigns`). */
    readonly list: (filters?: CampaignFilters) => Effect.Effect<CampaignList, PlivoError>
    /** Every campaign matching the filters, page after page, each once (by `campaign_id`). */
    readonly stream: (filters?: CampaignFilters) => Stream.Stream<Campaign, PlivoError>
    /** `POST 10dlc/Campaign/Import/`: takes over a campaign registered on TCR. */
    readonly importCampaign: (params: ImportCampaignParams) => Effect.Effect<CampaignCreated, PlivoError>
    /**
     * `POST 10dlc/Campaign/{campaign_id}/Number/`. An answer holding `error` (a number
     * already requested, not in the account) fails with `BadRequestError`, whatever its status.
     */
    readonly linkNumbers: (campaign_id: string, params: LinkNumbersParams) => Effect.Effect<Acknowledgement, PlivoError>
    /** `GET 10dlc/Campaign/{campaign_id}/Number/`: every linked number and its status. */
    readonly listNumbers: (campaign_id: string) => Effect.Effect<CampaignNumbers, PlivoError>
    /** `GET 10dlc/Campaign/{campaign_id}/Number/{number}/`: one number's link status. */
    readonly getNumber: (campaign_id: string, number: string) => Effect.Effect<CampaignNumbers, PlivoError>
    /** `DELETE 10dlc/Campaign/{campaign_id}/Number/{number}/` with the callback options. */
    readonly unlinkNumber: (
      campaign_id: string,
      number: string,
      params?: StatusCallbackParams
    ) => Effect.Effect<Acknowledgement, PlivoError>
    /**
     * Reads the campaign until its `registration_status` is terminal: `ACTIVE` succeeds,
     * `FAILED` or `EXPIRED` fails with `RegistrationRejectedError` (with `error_code` /
     * `error_reason`), a schedule that ends first with `RegistrationPendingError`.
     */
    readonly awaitRegistration: (
      campaign_id: string,
      options?: AwaitOptions
    ) => Effect.Effect<Campaign, PlivoError | RegistrationRejectedError | RegistrationPendingError>
    /**
     * Reads one number's link until it is `COMPLETED` (succeeds with its entry) or `FAILED`
     * (`RegistrationRejectedError`, resource `CampaignNumber`, id `campaign_id/number`).
     */
    readonly awaitNumberLink: (
      campaign_id: string,
      number: string,
      options?: AwaitOptions
    ) => Effect.Effect<CampaignNumbers, PlivoError | RegistrationRejectedError | RegistrationPendingError>
  }
}

const resource = { "plivo.resource": "Campaign" }

const acknowledged = Option.getOrElse((): Acknowledgement => ({}))

const inSpan = PlivoSpan.resource(resource)

const annotate = (span: Tracer.Span, campaign_id: unknown): void =>
  span.attribute("plivo.campaign_id", spanId(campaign_id))

/**
 * 10DLC campaigns and the numbers linked to them.
 *
 * @since 0.1.0
 * @category services
 * @example
 * ```ts
 * import { Campaigns } from "@plivo-effect/compliance"
 * import * as Effect from "effect/Effect"
 *
 * const program = Effect.gen(function*() {
 *   const campaigns = yield* Campaigns
 *   yield* campaigns.linkNumbers("CY5NVUA", { numbers: ["14155550100"], url: "https://hooks.example.com/plivo/link" })
 *   return yield* campaigns.awaitNumberLink("CY5NVUA", "14155550100")
 * })
 * ```
 */
export class Campaigns extends Context.Tag("@plivo-effect/compliance/Campaigns")<Campaigns, Campaigns.Service>() {
  /** Builds the service on a `PlivoClient`. */
  static readonly make: Effect.Effect<Campaigns.Service, never, PlivoClient> = Effect.gen(function*() {
    const client = yield* PlivoClient

    const create = (params: CreateCampaignParams): Effect.Effect<CampaignCreated, PlivoError> =>
      inSpan("Campaigns.create", (span) =>
        Effect.flatMap(body("Campaigns.create", params, createRules, subUsecases), (sent) =>
          Effect.map(client.post(["10dlc", "Campaign"], { schema: CampaignCreated, body: sent }), (created) => {
            annotate(span, created.campaign_id)
            return created
          })))

    const get = (campaign_id: string): Effect.Effect<Campaign, PlivoError> =>
      inSpan("Campaigns.get", (span) => {
        annotate(span, campaign_id)
        return Effect.map(
          client.get(["10dlc", "Campaign", campaign_id], { schema: CampaignResponse }),
          (answer) => answer.campaign
        )
      })

    const update = (campaign_id: string, params: UpdateCampaignParams): Effect.Effect<Campaign, PlivoError> =>
      inSpan("Campaigns.update", (span) => {
        annotate(span, campaign_id)
        return Effect.flatMap(body("Campaigns.update", params, updateRules, keywords), (sent) =>
          Effect.map(
            client.post(["10dlc", "Campaign", campaign_id], { schema: CampaignResponse, body: sent }),
            (answer) => answer.campaign
          ))
      })

    const remove = (campaign_id: string): Effect.Effect<Acknowledgement, PlivoError> =>
      inSpan("Campaigns.delete", (span) => {
        annotate(span, campaign_id)
        return Effect.map(client.del(["10dlc", "Campaign", campaign_id], { schema: Acknowledgement }), acknowledged)
      })

    const list = (filters: CampaignFilters = {}): Effect.Effect<CampaignList, PlivoError> =>
      inSpan("Campaigns.list", () =>
        Effect.flatMap(query("Campaigns.list", filters, filterRules), (sent) =>
          client.get(["10dlc", "Campaign"], { schema: CampaignList, query: sent })))

    const stream = (filters: CampaignFilters = {}): Stream.Stream<Campaign, PlivoError> =>
      walk(client, {
        span: "Campaigns.stream",
        attributes: resource,
        path: ["10dlc", "Campaign"],
        filters,
        rules: filterRules,
        item: Campaign,
        key: "campaigns",
        itemKey: (campaign) => campaign.campaign_id
      })

    const importCampaign = (params: ImportCampaignParams): Effect.Effect<CampaignCreated, PlivoError> =>
      inSpan("Campaigns.importCampaign", (span) =>
        Effect.flatMap(body("Campaigns.importCampaign", params, importRules), (sent) => {
          annotate(span, sent.campaign_id)
          return client.post(["10dlc", "Campaign", "Import"], { schema: CampaignCreated, body: sent })
        }))

    const linkNumbersTo = (campaign_id: string, params: LinkNumbersParams): Effect.Effect<Acknowledgement, PlivoError> =>
      inSpan("Campaigns.linkNumbers", (span) => {
        annotate(span, campaign_id)
        return Effect.flatMap(body("Campaigns.linkNumbers", params, linkRules, linkNumbers), (sent) =>
          client.post(["10dlc", "Campaign", campaign_id, "Number"], { schema: Acknowledgement, body: sent }))
      })

    const listNumbers = (campaign_id: string): Effect.Effect<CampaignNumbers, PlivoError> =>
      inSpan("Campaigns.listNumbers", (span) => {
        annotate(span, campaign_id)
        return client.get(["10dlc", "Campaign", campaign_id, "Number"], { schema: CampaignNumbers })
      })

    const getNumber = (campaign_id: string, number: string): Effect.Effect<CampaignNumbers, PlivoError> =>
      inSpan("Campaigns.getNumber", (span) => {
        annotate(span, campaign_id)
        return Effect.flatMap(pathNumber("Campaigns.getNumber", number), (digits) =>
          client.get(["10dlc", "Campaign", campaign_id, "Number", digits], { schema: CampaignNumbers }))
      })

    const unlinkNumber = (
      campaign_id: string,
      number: string,
      params: StatusCallbackParams = {}
    ): Effect.Effect<Acknowledgement, PlivoError> =>
      inSpan("Campaigns.unlinkNumber", (span) => {
        annotate(span, campaign_id)
        return Effect.gen(function*() {
          const digits = yield* pathNumber("Campaigns.unlinkNumber", number)
          const sent = yield* body("Campaigns.unlinkNumber", params, callback)
          const path = ["10dlc", "Campaign", campaign_id, "Number", digits]
          return acknowledged(yield* client.del(path, { schema: Acknowledgement, body: sent }))
        })
      })

    const awaitRegistration: Campaigns.Service["awaitRegistration"] = (campaign_id, options) =>
      inSpan("Campaigns.awaitRegistration", (span) => {
        annotate(span, campaign_id)
        return awaitTerminal("Campaign", campaign_id, get(campaign_id), {
          status: (campaign) => campaign.registration_status,
          reasons: (campaign) => ({
            ...(campaign.error_code === undefined ? {} : { error_code: campaign.error_code }),
            ...(campaign.error_reason === undefined ? {} : { error_reason: campaign.error_reason })
          })
        }, { rejected: ["EXPIRED"] }, options)
      })

    const awaitNumberLink: Campaigns.Service["awaitNumberLink"] = (campaign_id, number, options) =>
      inSpan("Campaigns.awaitNumberLink", (span) => {
        annotate(span, campaign_id)
        return Effect.flatMap(pathNumber("Campaigns.awaitNumberLink", number), (digits) => {
          const entry = (numbers: CampaignNumbers) =>
            numbers.phone_numbers.find((linked) => linked.number.replace(/^\+/, "") === digits)
          return awaitTerminal("CampaignNumber", `${campaign_id}/${digits}`, getNumber(campaign_id, digits), {
            status: (numbers) => entry(numbers)?.status,
            reasons: () => ({})
          }, {}, options)
        })
      })

    return {
      create,
      get,
      update,
      delete: remove,
      list,
      stream,
      importCampaign,
      linkNumbers: linkNumbersTo,
      listNumbers,
      getNumber,
      unlinkNumber,
      awaitRegistration,
      awaitNumberLink
    }
  })

  /** The service, given a `PlivoClient`. */
  static readonly layer: Layer.Layer<Campaigns, never, PlivoClient> = Layer.effect(Campaigns, Campaigns.make)
}
