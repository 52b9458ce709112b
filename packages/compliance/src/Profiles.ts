/**
 * The `Profiles` service: the business profiles 10DLC brands and toll-free verifications
 * are filed for.
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
import { createRules, filterRules, publicNeedsStock, updateRules } from "./internal/profileRules.js"
import { body, query } from "./internal/rules.js"
import * as PlivoSpan from "@plivo-effect/core/PlivoSpan"
import { walk } from "./internal/walk.js"
import { Profile, ProfileCreated, ProfileList, ProfileResponse } from "./Profile.js"
import type { CreateProfileParams, ProfileFilters, UpdateProfileParams } from "./ProfileParams.js"

/**
 * @since 0.1.0
 * @category models
 */
export declare namespace Profiles {
  /**
   * @since 0.1.0
   */
  export interface Service {
    /** `POST Profile/`. Answers the new profile's uuid. */
    readonly create: (params: CreateProfileParams) => Effect.Effect<ProfileCreated, PlivoError>
    /** `GET Profile/{profile_uuid}/`. */
    readonly get: (profile_uuid: string) => Effect.Effect<Profile, PlivoError>
    /** `POST Profile/{profile_uuid}/` with the given fields only; answers the whole profile. */
    readonly update: (profile_uuid: string, params: UpdateProfileParams) => Effect.Effect<Profile, PlivoError>
    /** `DELETE Profile/{profile_uuid}/`. Irreversible; Plivo refuses it for the primary profile. */
    readonly delete: (profile_uuid: string) => Effect.Effect<Acknowledgement, PlivoError>
    /** One page of `GET Profile/` (key `profiles`): `limit` 1–20, `offset` ≥ 0, and the filters. */
    readonly list: (filters?: ProfileFilters) => Effect.Effect<ProfileList, PlivoError>
    /** Every profile matching the filters, page after page, each once (by `profile_uuid`). */
    readonly stream: (filters?: ProfileFilters) => Stream.Stream<Profile, PlivoError>
  }
}

const resource = { "plivo.resource": "Profile" }

const inSpan = PlivoSpan.resource(resource)

const annotate = (span: Tracer.Span, profile_uuid: unknown): void => span.attribute("plivo.profile_uuid", spanId(profile_uuid))

/**
 * Business profiles.
 *
 * @since 0.1.0
 * @category services
 * @example
 * ```ts
 * import { Profiles } from "@plivo-effect/compliance"
 * import * as Effect from "effect/Effect"
 *
 * const program = Effect.gen(function*() {
 *   const profiles = yield* Profiles
 *   const { profile_uuid } = yield* profiles.create({
 *     profile_alias: "acme",
 *     customer_type: "DIRECT",
 *     entity_type: "PRIVATE",
 *     company_name: "Acme Inc.",
 *     ein: "111111111",
 *     ein_issuing_country: "US",
 *     vertical: "TECHNOLOGY",
 *     address: { street: "1 Main St", city: "Austin", state: "TX", postal_code: "78701", country: "US" },
 *     authorized_contact: { first_name: "Ada", last_name: "Lovelace", email: "ada@acme.example", phone: "14155550100" }
 *   })
 *   return yield* profiles.get(profile_uuid)
 * })
 * ```
 */
export class Profiles extends Context.Tag("@plivo-effect/compliance/Profiles")<Profiles, Profiles.Service>() {
  /** Builds the service on a `PlivoClient`. */
  static readonly make: Effect.Effect<Profiles.Service, never, PlivoClient> = Effect.gen(function*() {
    const client = yield* PlivoClient

    const create = (params: CreateProfileParams): Effect.Effect<ProfileCreated, PlivoError> =>
      inSpan("Profiles.create", (span) =>
        Effect.flatMap(body("Profiles.create", params, createRules, publicNeedsStock), (sent) =>
          Effect.map(client.post(["Profile"], { schema: ProfileCreated, body: sent }), (created) => {
            annotate(span, created.profile_uuid)
            return created
          })))

    const get = (profile_uuid: string): Effect.Effect<Profile, PlivoError> =>
      inSpan("Profiles.get", (span) => {
        annotate(span, profile_uuid)
        return Effect.map(client.get(["Profile", profile_uuid], { schema: ProfileResponse }), (answer) => answer.profile)
      })

    const update = (profile_uuid: string, params: UpdateProfileParams): Effect.Effect<Profile, PlivoError> =>
      inSpan("Profiles.update", (span) => {
        annotate(span, profile_uuid)
        return Effect.flatMap(body("Profiles.update", params, updateRules), (sent) =>
          Effect.map(
            client.post(["Profile", profile_uuid], { schema: ProfileResponse, body: sent }),
            (answer) => answer.profile
          ))
      })

    const remove = (profile_uuid: string): Effect.Effect<Acknowledgement, PlivoError> =>
      inSpan("Profiles.delete", (span) => {
        annotate(span, profile_uuid)
        return Effect.map(
          client.del(["Profile", profile_uuid], { schema: Acknowledgement }),
          Option.getOrElse((): Acknowledgement => ({}))
        )
      })

    const list = (filters: ProfileFilters = {}): Effect.Effect<ProfileList, PlivoError> =>
      inSpan("Profiles.list", () =>
        Effect.flatMap(query("Profiles.list", filters, filterRules), (sent) =>
          client.get(["Profile"], { schema: ProfileList, query: sent })))

    const stream = (filters: ProfileFilters = {}): Stream.Stream<Profile, PlivoError> =>
      walk(client, {
        span: "Profiles.stream",
        attributes: resource,
        path: ["Profile"],
        filters,
        rules: filterRules,
        item: Profile,
        key: "profiles",
        itemKey: (profile) => profile.profile_uuid
      })

    return { create, get, update, delete: remove, list, stream }
  })

  /** The service, given a `PlivoClient`. */
  static readonly layer: Layer.Layer<Profiles, never, PlivoClient> = Layer.effect(Profiles, Profiles.make)
}
