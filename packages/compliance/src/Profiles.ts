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
import { Acknowledgement } from "./Acknowledgement.js"
import { createRules, filterRules, publicNeedsStock, updateRules } from "./internal/profileRules.js"
import { body, query } from "./internal/rules.js"
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

    const create = Effect.fn("Profiles.create", { attributes: resource })(function*(params: CreateProfileParams) {
      const sent = yield* body("Profiles.create", params, createRules, publicNeedsStock)
      const created = yield* client.post(["Profile"], { schema: ProfileCreated, body: sent })
      yield* Effect.annotateCurrentSpan("plivo.profile_uuid", spanId(created.profile_uuid))
      return created
    })

    const get = Effect.fn("Profiles.get", { attributes: resource })(function*(profile_uuid: string) {
      yield* Effect.annotateCurrentSpan("plivo.profile_uuid", spanId(profile_uuid))
      const answer = yield* client.get(["Profile", profile_uuid], { schema: ProfileResponse })
      return answer.profile
    })

    const update = Effect.fn("Profiles.update", { attributes: resource })(
      function*(profile_uuid: string, params: UpdateProfileParams) {
        yield* Effect.annotateCurrentSpan("plivo.profile_uuid", spanId(profile_uuid))
        const sent = yield* body("Profiles.update", params, updateRules)
        const answer = yield* client.post(["Profile", profile_uuid], { schema: ProfileResponse, body: sent })
        return answer.profile
      }
    )

    const remove = Effect.fn("Profiles.delete", { attributes: resource })(function*(profile_uuid: string) {
      yield* Effect.annotateCurrentSpan("plivo.profile_uuid", spanId(profile_uuid))
      return Option.getOrElse(yield* client.del(["Profile", profile_uuid], { schema: Acknowledgement }), () => ({}))
    })

    const list = Effect.fn("Profiles.list", { attributes: resource })(function*(filters: ProfileFilters = {}) {
      const sent = yield* query("Profiles.list", filters, filterRules)
      return yield* client.get(["Profile"], { schema: ProfileList, query: sent })
    })

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
