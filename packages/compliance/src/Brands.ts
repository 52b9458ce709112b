/**
 * The `Brands` service: register 10DLC brands with TCR, read them, and await the outcome.
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
import { Brand, BrandCreated, BrandList, BrandResponse, BrandUsecases } from "./Brand.js"
import type { BrandFilters, CreateBrandParams } from "./BrandParams.js"
import { createRules, filterRules, starterNeedsMobile } from "./internal/brandRules.js"
import { awaitTerminal } from "./internal/poll.js"
import { body, query } from "./internal/rules.js"
import * as PlivoSpan from "@plivo-effect/core/PlivoSpan"
import { walk } from "./internal/walk.js"
import type { AwaitOptions, RegistrationPendingError, RegistrationRejectedError } from "./Registration.js"

/**
 * @since 0.1.0
 * @category models
 */
export declare namespace Brands {
  /**
   * @since 0.1.0
   */
  export interface Service {
    /** `POST 10dlc/Brand/`. Answers the brand id; TCR registration goes on (see `awaitRegistration`). */
    readonly create: (params: CreateBrandParams) => Effect.Effect<BrandCreated, PlivoError>
    /** `GET 10dlc/Brand/{brand_id}/`. */
    readonly get: (brand_id: string) => Effect.Effect<Brand, PlivoError>
    /** `DELETE 10dlc/Brand/{brand_id}/`. Plivo refuses it while the brand has active campaigns. */
    readonly delete: (brand_id: string) => Effect.Effect<Acknowledgement, PlivoError>
    /** One page of `GET 10dlc/Brand/` (key `brands`). */
    readonly list: (filters?: BrandFilters) => Effect.Effect<BrandList, PlivoError>
    /** Every brand matching the filters, page after page, each once (by `brand_id`). */
    readonly stream: (filters?: BrandFilters) => Stream.Stream<Brand, PlivoError>
    /** `GET 10dlc/Brand/{brand_id}/usecases/`: the use cases campaigns of the brand may take. */
    readonly usecases: (brand_id: string) => Effect.Effect<BrandUsecases, PlivoError>
    /** `POST 10dlc/Brand/{brand_id}/OTP/`: sends a STARTER brand's TCR confirmation SMS again. */
    readonly resendOtp: (brand_id: string) => Effect.Effect<Acknowledgement, PlivoError>
    /**
     * Reads the brand until its `registration_status` is terminal: `COMPLETED` succeeds with
     * the brand, `FAILED` fails with `RegistrationRejectedError` (with `declined_reasons`),
     * and a schedule that ends first with `RegistrationPendingError`.
     */
    readonly awaitRegistration: (
      brand_id: string,
      options?: AwaitOptions
    ) => Effect.Effect<Brand, PlivoError | RegistrationRejectedError | RegistrationPendingError>
  }
}

const resource = { "plivo.resource": "Brand" }

const inSpan = PlivoSpan.resource(resource)

const annotate = (span: Tracer.Span, brand_id: unknown): void => span.attribute("plivo.brand_id", spanId(brand_id))

/**
 * 10DLC brands.
 *
 * @since 0.1.0
 * @category services
 * @example
 * ```ts
 * import { Brands } from "@plivo-effect/compliance"
 * import * as Effect from "effect/Effect"
 *
 * const program = Effect.gen(function*() {
 *   const brands = yield* Brands
 *   const { brand_id } = yield* brands.create({
 *     profile_uuid: "201faedc-7df9-4840-9ab1-3997ce3f7cf4",
 *     brand_alias: "acme",
 *     brand_type: "STANDARD",
 *     url: "https://hooks.example.com/plivo/brand"
 *   })
 *   return yield* brands.awaitRegistration(brand_id)
 * })
 * ```
 */
export class Brands extends Context.Tag("@plivo-effect/compliance/Brands")<Brands, Brands.Service>() {
  /** Builds the service on a `PlivoClient`. */
  static readonly make: Effect.Effect<Brands.Service, never, PlivoClient> = Effect.gen(function*() {
    const client = yield* PlivoClient

    const create = (params: CreateBrandParams): Effect.Effect<BrandCreated, PlivoError> =>
      inSpan("Brands.create", (span) =>
        Effect.flatMap(body("Brands.create", params, createRules, starterNeedsMobile), (sent) =>
          Effect.map(client.post(["10dlc", "Brand"], { schema: BrandCreated, body: sent }), (created) => {
            annotate(span, created.brand_id)
            return created
          })))

    const get = (brand_id: string): Effect.Effect<Brand, PlivoError> =>
      inSpan("Brands.get", (span) => {
        annotate(span, brand_id)
        return Effect.map(client.get(["10dlc", "Brand", brand_id], { schema: BrandResponse }), (answer) => answer.brand)
      })

    const remove = (brand_id: string): Effect.Effect<Acknowledgement, PlivoError> =>
      inSpan("Brands.delete", (span) => {
        annotate(span, brand_id)
        return Effect.map(
          client.del(["10dlc", "Brand", brand_id], { schema: Acknowledgement }),
          Option.getOrElse((): Acknowledgement => ({}))
        )
      })

    const list = (filters: BrandFilters = {}): Effect.Effect<BrandList, PlivoError> =>
      inSpan("Brands.list", () =>
        Effect.flatMap(query("Brands.list", filters, filterRules), (sent) =>
          client.get(["10dlc", "Brand"], { schema: BrandList, query: sent })))

    const stream = (filters: BrandFilters = {}): Stream.Stream<Brand, PlivoError> =>
      walk(client, {
        span: "Brands.stream",
        attributes: resource,
        path: ["10dlc", "Brand"],
        filters,
        rules: filterRules,
        item: Brand,
        key: "brands",
        itemKey: (brand) => brand.brand_id
      })

    const usecases = (brand_id: string): Effect.Effect<BrandUsecases, PlivoError> =>
      inSpan("Brands.usecases", (span) => {
        annotate(span, brand_id)
        return client.get(["10dlc", "Brand", brand_id, "usecases"], { schema: BrandUsecases })
      })

    const resendOtp = (brand_id: string): Effect.Effect<Acknowledgement, PlivoError> =>
      inSpan("Brands.resendOtp", (span) => {
        annotate(span, brand_id)
        return client.post(["10dlc", "Brand", brand_id, "OTP"], { schema: Acknowledgement })
      })

    const awaitRegistration: Brands.Service["awaitRegistration"] = (brand_id, options) =>
      inSpan("Brands.awaitRegistration", (span) => {
        annotate(span, brand_id)
        return awaitTerminal("Brand", brand_id, get(brand_id), {
          status: (brand) => brand.registration_status,
          reasons: (brand) => (brand.declined_reasons == null ? {} : { declined_reasons: brand.declined_reasons })
        }, {}, options)
      })

    return { create, get, delete: remove, list, stream, usecases, resendOtp, awaitRegistration }
  })

  /** The service, given a `PlivoClient`. */
  static readonly layer: Layer.Layer<Brands, never, PlivoClient> = Layer.effect(Brands, Brands.make)
}

