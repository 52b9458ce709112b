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
    const annotate = (campaign_id: unknown) => Effect.annotateCurrentSpan("plivo.campaign_id", spanId(campaign_id))

    const create = Effect.fn("Campaigns.create", { attributes: resource })(function*(params: CreateCampaignParams) {
      const sent = yield* body("Campaigns.create", params, createRules, subUsecases)
      const created = yield* client.post(["10dlc", "Campaign"], { schema: CampaignCreated, body: sent })
      yield* annotate(created.campaign_id)
      return created
    })

    const get = Effect.fn("Campaigns.get", { attributes: resource })(function*(campaign_id: string) {
      yield* annotate(campaign_id)
      return (yield* client.get(["10dlc", "Campaign", campaign_id], { schema: CampaignResponse })).campaign
    })

    const update = Effect.fn("Campaigns.update", { attributes: resource })(
      function*(campaign_id: string, params: UpdateCampaignParams) {
        yield* annotate(campaign_id)
        const sent = yield* body("Campaigns.update", params, updateRules, keywords)
        return (yield* client.post(["10dlc", "Campaign", campaign_id], { schema: CampaignResponse, body: sent })).campaign
      }
    )

    const remove = Effect.fn("Campaigns.delete", { attributes: resource })(function*(campaign_id: string) {
      yield* annotate(campaign_id)
      return acknowledged(yield* client.del(["10dlc", "Campaign", campaign_id], { schema: Acknowledgement }))
    })

    const list = Effect.fn("Campaigns.list", { attributes: resource })(function*(filters: CampaignFilters = {}) {
      const sent = yield* query("Campaigns.list", filters, filterRules)
      return yield* client.get(["10dlc", "Campaign"], { schema: CampaignList, query: sent })
    })

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

    const importCampaign = Effect.fn("Campaigns.importCampaign", { attributes: resource })(
      function*(params: ImportCampaignParams) {
        const sent = yield* body("Campaigns.importCampaign", params, importRules)
        yield* annotate(sent.campaign_id)
        return yield* client.post(["10dlc", "Campaign", "Import"], { schema: CampaignCreated, body: sent })
      }
    )

    const linkNumbersTo = Effect.fn("Campaigns.linkNumbers", { attributes: resource })(
      function*(campaign_id: string, params: LinkNumbersParams) {
        yield* annotate(campaign_id)
        const sent = yield* body("Campaigns.linkNumbers", params, linkRules, linkNumbers)
        return yield* client.post(["10dlc", "Campaign", campaign_id, "Number"], { schema: Acknowledgement, body: sent })
      }
    )

    const listNumbers = Effect.fn("Campaigns.listNumbers", { attributes: resource })(function*(campaign_id: string) {
      yield* annotate(campaign_id)
      return yield* client.get(["10dlc", "Campaign", campaign_id, "Number"], { schema: CampaignNumbers })
    })

    const getNumber = Effect.fn("Campaigns.getNumber", { attributes: resource })(
      function*(campaign_id: string, number: string) {
        yield* annotate(campaign_id)
        const digits = yield* pathNumber("Campaigns.getNumber", number)
        return yield* client.get(["10dlc", "Campaign", campaign_id, "Number", digits], { schema: CampaignNumbers })
      }
    )

    const unlinkNumber = Effect.fn("Campaigns.unlinkNumber", { attributes: resource })(
      function*(campaign_id: string, number: string, params: StatusCallbackParams = {}) {
        yield* annotate(campaign_id)
        const digits = yield* pathNumber("Campaigns.unlinkNumber", number)
        const sent = yield* body("Campaigns.unlinkNumber", params, callback)
        const path = ["10dlc", "Campaign", campaign_id, "Number", digits]
        return acknowledged(yield* client.del(path, { schema: Acknowledgement, body: sent }))
      }
    )

    const awaitRegistration = Effect.fn("Campaigns.awaitRegistration", { attributes: resource })(
      function*(campaign_id: string, options?: AwaitOptions) {
        yield* annotate(campaign_id)
        return yield* awaitTerminal("Campaign", campaign_id, get(campaign_id), {
          status: (campaign) => campaign.registration_status,
          reasons: (campaign) => ({
            ...(campaign.error_code === undefined ? {} : { error_code: campaign.error_code }),
            ...(campaign.error_reason === undefined ? {} : { error_reason: campaign.error_reason })
          })
        }, { rejected: ["EXPIRED"] }, options)
      }
    )

    const awaitNumberLink = Effect.fn("Campaigns.awaitNumberLink", { attributes: resource })(
      function*(campaign_id: string, number: string, options?: AwaitOptions) {
        yield* annotate(campaign_id)
        const digits = yield* pathNumber("Campaigns.awaitNumberLink", number)
        const entry = (numbers: CampaignNumbers) =>
          numbers.phone_numbers.find((linked) => linked.number.replace(/^\+/, "") === digits)
        return yield* awaitTerminal("CampaignNumber", `${campaign_id}/${digits}`, getNumber(campaign_id, digits), {
          status: (numbers) => entry(numbers)?.status,
          reasons: () => ({})
        }, {}, options)
      }
    )

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
