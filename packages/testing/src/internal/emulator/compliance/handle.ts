/**
 * The handle's compliance operations: seeding and inspecting every record, and the
 * `decide…` operations that set an outcome at once.
 *
 * @internal
 */
import * as Cause from "effect/Cause"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import type { PlivoEmulator } from "../../../PlivoEmulator.js"
import { nowMicros } from "../clock.js"
import { tcrId } from "../ids.js"
import { ENTITY_TYPES, USECASES, VERTICALS } from "./enums.js"
import { setBrand, setCampaign, setLink, setTollfree } from "./lifecycle.js"
import type { Brand, Campaign, LinkedNumber, Profile, Tollfree } from "./model.js"
import { newCampaign } from "./model.js"
import { campaignFailure, defaultDeclinedReason, tollfreeMessage } from "./reserved.js"
import { defaultCampaignFields, defaultTollfreeFields, seededProfileFields, seededUuid } from "./seeding.js"
import type { ComplianceSlice } from "./slice.js"
import { brandJson, campaignJson, profileJson, tollfreeJson } from "./wire.js"

type Ops = PlivoEmulator.ComplianceOperations

const illegal = (message: string) => new Cause.IllegalArgumentException(message)

/** Runs `make` on each input in turn, all or nothing: the first refusal stores none. */
const seedAll = <I, A>(
  inputs: ReadonlyArray<I>,
  make: (input: I, now: number, index: number) => A | string,
  store: (a: A) => void,
  render: (a: A) => PlivoEmulator.ComplianceRecord
) =>
  Effect.flatMap(nowMicros, (now) =>
    Effect.suspend(() => {
      const made: Array<A> = []
      for (const [i, input] of inputs.entries()) {
        const a = make(input, now, i)
        if (typeof a === "string") return Effect.fail(illegal(a))
        made.push(a)
      }
      made.forEach(store)
      return Effect.succeed(made.map(render))
    }))

const primaryOf = (slice: ComplianceSlice): string => slice.store.profiles.all().find((p) => p.primary)?.uuid ?? ""

const seedOperations = (slice: ComplianceSlice): Pick<
  Ops,
  "seedProfiles" | "seedBrands" | "seedCampaigns" | "seedNumberLinks" | "seedTollfreeVerifications"
> => {
  const { store } = slice
  return {
    seedProfiles: (inputs) =>
      seedAll(inputs, (input, now, i): Profile | string => {
        if (input.entity_type !== undefined && !ENTITY_TYPES.includes(input.entity_type)) return `entity_type ${input.entity_type}`
        if (input.vertical !== undefined && !VERTICALS.includes(input.vertical)) return `vertical ${input.vertical}`
        const fields = seededProfileFields(input, store.profiles.all().length + i)
        return { uuid: seededUuid(input.profile_uuid), primary: false, fields, createdMicros: now }
      }, (p) => store.profiles.put(p.uuid, p), (p) => profileJson(p, primaryOf(slice))),
    seedBrands: (inputs) =>
      seedAll(inputs, (input, now, i): Brand | string => {
        const profile = store.profiles.get(input.profile_uuid)
        if (profile === undefined) return `no profile ${input.profile_uuid}`
        const taken = store.brands.all().some((b) => b.profileUuid === profile.uuid) ||
          inputs.slice(0, i).some((other) => other.profile_uuid === profile.uuid)
        if (taken) return `profile ${profile.uuid} is already used by another brand`
        const type = input.brand_type ?? "STANDARD"
        if (type === "STANDARD" && (profile.fields["ein"] ?? "") === "") return "a STANDARD brand needs a profile with an EIN"
        const status = input.registration_status ?? "COMPLETED"
        return {
          brandId: input.brand_id ?? tcrId("B"),
          profileUuid: profile.uuid,
          alias: input.brand_alias ?? `brand ${store.brands.all().length + i}`,
          type,
          profileFields: { ...profile.fields },
          secondaryVetting: type === "STANDARD",
          mobilePhone: type === "STARTER" ? "14155550123" : undefined,
          callback: undefined,
          status,
          declinedReasons: status === "FAILED" ? [defaultDeclinedReason()] : [],
          otpSent: 0,
          generation: 0,
          createdMicros: now
        }
      }, (b) => store.brands.put(b.brandId, b), brandJson),
    seedCampaigns: (inputs) =>
      seedAll(inputs, (input, now, i): Campaign | string => {
        const brand = store.brands.get(input.brand_id)
        if (brand === undefined) return `no brand ${input.brand_id}`
        const usecase = input.usecase ?? (brand.type === "STARTER" ? "STARTER" : "MIXED")
        if (!USECASES.includes(usecase)) return `usecase ${usecase}`
        const status = input.registration_status ?? "ACTIVE"
        const failure = status === "FAILED" ? campaignFailure() : undefined
        const vertical = typeof brand.profileFields["vertical"] === "string" ? brand.profileFields["vertical"] : "TECHNOLOGY"
        return newCampaign({
          campaignId: input.campaign_id ?? tcrId("C"),
          brandId: brand.brandId,
          source: "plivo",
          usecase,
          subUsecases: ["STARTER", "MIXED", "LOW_VOLUME"].includes(usecase) ? ["2FA", "ACCOUNT_NOTIFICATION"] : [],
          brandType: brand.type,
          fields: defaultCampaignFields(input.campaign_alias ?? `campaign ${store.campaigns.all().length + i}`, vertical),
          attributes: {
            embedded_link: false, embedded_phone: false, age_gated: false, direct_lending: false,
            subscriber_optin: true, subscriber_optout: true, subscriber_help: true, affiliate_marketing: false
          },
          callback: undefined,
          status,
          errorCode: failure?.errorCode,
          errorReason: failure?.errorReason,
          createdMicros: now
        })
      }, (c) => store.campaigns.put(c.campaignId, c), campaignJson),
    seedNumberLinks: ({ campaignId, numbers, status }) =>
      Effect.suspend(() => {
        const c = store.campaigns.get(campaignId)
        if (c === undefined) return Effect.fail(illegal(`no campaign ${campaignId}`))
        const elsewhere = numbers.find((n) => store.campaigns.all().some((o) => o !== c && o.numbers.has(n)))
        if (elsewhere !== undefined) return Effect.fail(illegal(`number ${elsewhere} is linked to another campaign`))
        for (const number of numbers) {
          c.numbers.set(number, { number, status: status ?? "COMPLETED", callback: undefined, generation: 0 })
        }
        return Effect.void
      }),
    seedTollfreeVerifications: (inputs) =>
      seedAll(inputs, (input, now): Tollfree | string => {
        if (store.profiles.get(input.profile_uuid) === undefined) return `no profile ${input.profile_uuid}`
        const status = input.status ?? "SUBMITTED"
        return {
          uuid: seededUuid(input.uuid),
          fields: defaultTollfreeFields(input.profile_uuid, input.number ?? "18005550100", input.usecase ?? "2FA"),
          status,
          errorMessage: input.error_message ?? (status === "REJECTED" || status === "UPDATE_REQUIRED" ? tollfreeMessage(status) : ""),
          generation: 0,
          createdMicros: now,
          updatedMicros: now
        }
      }, (t) => store.tollfree.put(t.uuid, t), tollfreeJson)
  }
}

const missing = (what: string) => Effect.fail(new Cause.NoSuchElementException(`no ${what}`))

const links = (slice: ComplianceSlice): ReadonlyArray<PlivoEmulator.NumberLink> =>
  slice.store.campaigns.all().flatMap((c) =>
    [...c.numbers.values()].map((n: LinkedNumber) => ({ campaignId: c.campaignId, number: n.number, status: n.status }))
  )

/** @internal */
export const complianceOperations = (slice: ComplianceSlice): Ops => {
  const { store } = slice
  return {
    ...seedOperations(slice),
    profiles: Effect.sync(() => store.profiles.all().map((p) => profileJson(p, primaryOf(slice)))),
    brands: Effect.sync(() => store.brands.all().map(brandJson)),
    campaigns: Effect.sync(() => store.campaigns.all().map(campaignJson)),
    numberLinks: Effect.sync(() => links(slice)),
    tollfreeVerifications: Effect.sync(() => store.tollfree.all().map(tollfreeJson)),
    decideBrand: (brandId, status, options) =>
      Effect.suspend(() => {
        const b = store.brands.get(brandId)
        if (b === undefined) return missing(`brand ${brandId}`)
        const reasons = options?.declinedReasons ?? [defaultDeclinedReason()]
        return Effect.map(setBrand(slice, b, status, reasons), () => brandJson(b))
      }),
    decideCampaign: (campaignId, status, options) =>
      Effect.suspend(() => {
        const c = store.campaigns.get(campaignId)
        if (c === undefined) return missing(`campaign ${campaignId}`)
        return Effect.map(setCampaign(slice, c, status, campaignFailure(options?.errorCode, options?.errorReason)), () => campaignJson(c))
      }),
    decideNumberLink: (campaignId, number, status) =>
      Effect.suspend(() => {
        const c = store.campaigns.get(campaignId)
        const n = c?.numbers.get(number)
        if (c === undefined || n === undefined) return missing(`number ${number} linked to campaign ${campaignId}`)
        return Effect.as(setLink(slice, c, n, status), { campaignId, number, status })
      }),
    decideTollfree: (uuid, status, options) =>
      Effect.suspend(() => {
        const t = store.tollfree.get(uuid)
        if (t === undefined) return missing(`toll-free verification ${uuid}`)
        const message = options?.errorMessage ?? (status === "APPROVED" ? "" : tollfreeMessage(status))
        return Effect.map(setTollfree(slice, t, status, message), () => tollfreeJson(t))
      }),
    complianceCallbacks: Effect.sync(() =>
      slice.callbacks.all().map(({ attemptedAtMillis, ...c }) => ({ ...c, attemptedAt: DateTime.unsafeMake(attemptedAtMillis) }))
    )
  }
}
