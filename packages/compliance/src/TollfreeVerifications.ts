/**
 * The `TollfreeVerifications` service: file toll-free verification requests, follow them
 * and await the decision.
 *
 * @since 0.1.0
 */
import { spanId } from "@plivo-effect/core/InvalidParams"
import { PlivoClient } from "@plivo-effect/core/PlivoClient"
import type { PlivoError } from "@plivo-effect/core/PlivoError"
import * as Context from "effect/Context"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type * as Stream from "effect/Stream"
import type * as Tracer from "effect/Tracer"
import { Acknowledgement } from "./Acknowledgement.js"
import { awaitTerminal } from "./internal/poll.js"
import { body, query } from "./internal/rules.js"
import * as PlivoSpan from "@plivo-effect/core/PlivoSpan"
import { checkCreate, checkFilters, checkUpdate, createRules, filterRules, updateRules } from "./internal/tollfreeRules.js"
import { walk } from "./internal/walk.js"
import type { DecisionOptions, RegistrationPendingError, RegistrationRejectedError } from "./Registration.js"
import { TollfreeVerification, TollfreeVerificationCreated, TollfreeVerificationList } from "./TollfreeVerification.js"
import type {
  CreateTollfreeVerificationParams,
  TollfreeVerificationFilters,
  UpdateTollfreeVerificationParams
} from "./TollfreeVerificationParams.js"

/**
 * @since 0.1.0
 * @category models
 */
export declare namespace TollfreeVerifications {
  /**
   * @since 0.1.0
   */
  export interface Service {
    /** `POST TollfreeVerification/`. Answers the verification's uuid. */
    readonly create: (params: CreateTollfreeVerificationParams) => Effect.Effect<TollfreeVerificationCreated, PlivoError>
    /** `GET TollfreeVerification/{uuid}/`. */
    readonly get: (uuid: string) => Effect.Effect<TollfreeVerification, PlivoError>
    /** `POST TollfreeVerification/{uuid}/` with the given fields only (`SUBMITTED` or `UPDATE_REQUIRED`). */
    readonly update: (uuid: string, params: UpdateTollfreeVerificationParams) => Effect.Effect<Acknowledgement, PlivoError>
    /** `DELETE TollfreeVerification/{uuid}/` (`SUBMITTED`, `PROCESSING` or `UPDATE_REQUIRED`). */
    readonly delete: (uuid: string) => Effect.Effect<Acknowledgement, PlivoError>
    /** One page of `GET TollfreeVerification/` (key `objects`). */
    readonly list: (filters?: TollfreeVerificationFilters) => Effect.Effect<TollfreeVerificationList, PlivoError>
    /** Every verification matching the filters, page after page, each once (by `uuid`). */
    readonly stream: (filters?: TollfreeVerificationFilters) => Stream.Stream<TollfreeVerification, PlivoError>
    /**
     * Reads the verification until it is decided: `APPROVED` succeeds; `REJECTED` and
     * `UPDATE_REQUIRED` fail with `RegistrationRejectedError` (with `error_message`); a
     * schedule that ends first fails with `RegistrationPendingError`. After an `update` of
     * a verification sent back, pass `afterUpdate: true`: Plivo reviews it still in
     * `UPDATE_REQUIRED`.
     */
    readonly awaitDecision: (
      uuid: string,
      options?: DecisionOptions
    ) => Effect.Effect<TollfreeVerification, PlivoError | RegistrationRejectedError | RegistrationPendingError>
  }
}

const resource = { "plivo.resource": "TollfreeVerification" }

const inSpan = PlivoSpan.resource(resource)

const annotate = (span: Tracer.Span, uuid: unknown): void => span.attribute("plivo.verification_uuid", spanId(uuid))

const modifiedAt = (verification: TollfreeVerification): number | undefined =>
  verification.last_modified === undefined ? undefined : DateTime.toEpochMillis(verification.last_modified)

// After an update Plivo keeps UPDATE_REQUIRED while it reviews; a later change of the
// record (a new decision) is what tells a second send-back from the review.
const reviewingUpdate = (verification: TollfreeVerification, first: TollfreeVerification): boolean =>
  verification.status?.toUpperCase() === "UPDATE_REQUIRED" && modifiedAt(verification) === modifiedAt(first)

/**
 * Toll-free verification requests.
 *
 * @since 0.1.0
 * @category services
 * @example
 * ```ts
 * import { TollfreeVerifications } from "@plivo-effect/compliance"
 * import * as Effect from "effect/Effect"
 *
 * const program = Effect.gen(function*() {
 *   const verifications = yield* TollfreeVerifications
 *   const { uuid } = yield* verifications.create({
 *     profile_uuid: "201faedc-7df9-4840-9ab1-3997ce3f7cf4",
 *     number: "18005550100",
 *     usecase: "2FA,ACCOUNT_NOTIFICATION",
 *     usecase_summary: "One-time codes at sign-in and account notices.",
 *     message_sample: "Your Acme code is 123456.",
 *     optin_image_url: "https://acme.example/optin.png",
 *     optin_type: "WEB_FORM",
 *     volume: "10,000"
 *   })
 *   return yield* verifications.awaitDecision(uuid)
 * })
 * ```
 */
export class TollfreeVerifications extends Context.Tag("@plivo-effect/compliance/TollfreeVerifications")<
  TollfreeVerifications,
  TollfreeVerifications.Service
>() {
  /** Builds the service on a `PlivoClient`. */
  static readonly make: Effect.Effect<TollfreeVerifications.Service, never, PlivoClient> = Effect.gen(function*() {
    const client = yield* PlivoClient

    const create = (
      params: CreateTollfreeVerificationParams
    ): Effect.Effect<TollfreeVerificationCreated, PlivoError> =>
      inSpan("TollfreeVerifications.create", (span) =>
        Effect.flatMap(body("TollfreeVerifications.create", params, createRules, checkCreate), (sent) =>
          Effect.map(
            client.post(["TollfreeVerification"], { schema: TollfreeVerificationCreated, body: sent }),
            (created) => {
              annotate(span, created.uuid)
              return created
            }
          )))

    const get = (uuid: string): Effect.Effect<TollfreeVerification, PlivoError> =>
      inSpan("TollfreeVerifications.get", (span) => {
        annotate(span, uuid)
        return client.get(["TollfreeVerification", uuid], { schema: TollfreeVerification })
      })

    const update = (uuid: string, params: UpdateTollfreeVerificationParams): Effect.Effect<Acknowledgement, PlivoError> =>
      inSpan("TollfreeVerifications.update", (span) => {
        annotate(span, uuid)
        return Effect.flatMap(body("TollfreeVerifications.update", params, updateRules, checkUpdate), (sent) =>
          client.post(["TollfreeVerification", uuid], { schema: Acknowledgement, body: sent }))
      })

    const remove = (uuid: string): Effect.Effect<Acknowledgement, PlivoError> =>
      inSpan("TollfreeVerifications.delete", (span) => {
        annotate(span, uuid)
        return Effect.map(
          client.del(["TollfreeVerification", uuid], { schema: Acknowledgement }),
          Option.getOrElse((): Acknowledgement => ({}))
        )
      })

    const list = (filters: TollfreeVerificationFilters = {}): Effect.Effect<TollfreeVerificationList, PlivoError> =>
      inSpan("TollfreeVerifications.list", () =>
        Effect.flatMap(query("TollfreeVerifications.list", filters, filterRules, checkFilters), (sent) =>
          client.get(["TollfreeVerification"], { schema: TollfreeVerificationList, query: sent })))

    const stream = (filters: TollfreeVerificationFilters = {}): Stream.Stream<TollfreeVerification, PlivoError> =>
      walk(client, {
        span: "TollfreeVerifications.stream",
        attributes: resource,
        path: ["TollfreeVerification"],
        filters,
        rules: filterRules,
        checks: checkFilters,
        item: TollfreeVerification,
        key: "objects",
        itemKey: (verification) => verification.uuid
      })

    const awaitDecision: TollfreeVerifications.Service["awaitDecision"] = (uuid, options) =>
      inSpan("TollfreeVerifications.awaitDecision", (span) => {
        annotate(span, uuid)
        return awaitTerminal("TollfreeVerification", uuid, get(uuid), {
          status: (verification) => verification.status,
          reasons: (verification) =>
            verification.error_message === undefined ? {} : { error_message: verification.error_message }
        }, {
          rejected: ["UPDATE_REQUIRED"],
          ...(options?.afterUpdate === true ? { underReview: reviewingUpdate } : {})
        }, options)
      })

    return { create, get, update, delete: remove, list, stream, awaitDecision }
  })

  /** The service, given a `PlivoClient`. */
  static readonly layer: Layer.Layer<TollfreeVerifications, never, PlivoClient> = Layer.effect(
    TollfreeVerifications,
    TollfreeVerifications.make
  )
}
