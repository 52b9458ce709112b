/**
 * `10dlc/Brand/`: register, retrieve, list, delete, use cases and the starter OTP
 * (compliance.md "Brand"). A brand needs an existing profile that no other brand uses;
 * a STANDARD brand needs the profile's EIN, a STARTER brand a US/CA `mobile_phone`.
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { booleanField, type Fields } from "../fields.js"
import { countryOf } from "../numbers.js"
import { tcrId } from "../ids.js"
import type { Handler, Route } from "../resource.js"
import * as Responses from "../responses.js"
import { callback, oneOf, phoneNumber, required, text } from "./checks.js"
import { SUB_USECASES, USECASE_NAMES, USECASES } from "./enums.js"
import { filterBy, orBadRequest, page, withFields, withRecord } from "./http.js"
import { decideBrandLater, notify } from "./lifecycle.js"
import type { Brand } from "./model.js"
import { brandParams } from "./callbackParams.js"
import { brandOutcome } from "./reserved.js"
import type { ComplianceSlice } from "./slice.js"
import { brandJson } from "./wire.js"

/** At most this many OTP re-sends per starter brand (compliance.md). */
const MAX_OTP = 5

type Checked = Omit<Brand, "brandId" | "status" | "declinedReasons" | "otpSent" | "generation" | "createdMicros">

const checkBrand = (slice: ComplianceSlice, fields: Fields): Either.Either<Checked, string> =>
  Either.gen(function*() {
    const profileUuid = yield* required(fields, "profile_uuid")
    const alias = yield* required(fields, "brand_alias")
    const type = (yield* oneOf(fields, "brand_type", ["STANDARD", "STARTER"])) === "STANDARD" ? "STANDARD" : "STARTER"
    const secondaryVetting = (yield* booleanField(fields, "secondary_vetting")) ?? type === "STANDARD"
    const target = yield* callback(fields, "url", "method")
    const profile = slice.store.profiles.get(profileUuid)
    if (profile === undefined) return yield* Either.left(`profile_uuid ${profileUuid} is not a profile of this account`)
    if (slice.store.brands.all().some((b) => b.profileUuid === profileUuid)) {
      return yield* Either.left(`profile ${profileUuid} is already used by another brand`)
    }
    const ein = profile.fields["ein"]
    if (type === "STANDARD" && (typeof ein !== "string" || ein.trim() === "")) {
      return yield* Either.left("a STANDARD brand needs a profile with an EIN")
    }
    let mobilePhone: string | undefined
    if (type === "STARTER") {
      const raw = yield* text(fields, "mobile_phone")
      if (raw === undefined || raw === "") return yield* Either.left("mobile_phone is required for a STARTER brand")
      mobilePhone = yield* phoneNumber(raw, "mobile_phone")
      const country = countryOf(mobilePhone).iso2
      if (country !== "US" && country !== "CA") return yield* Either.left("mobile_phone must be a US or Canadian mobile number")
    }
    return {
      profileUuid,
      alias,
      type,
      profileFields: { ...profile.fields },
      secondaryVetting: type === "STANDARD" && secondaryVetting,
      mobilePhone,
      callback: target
    }
  })

/** `POST 10dlc/Brand/`: PROCESSING, then decided after `brandAfter`. */
const create = (slice: ComplianceSlice): Handler => (ctx) =>
  withFields(slice, ctx, (fields) =>
    orBadRequest(ctx, checkBrand(slice, fields), (checked) =>
      Effect.gen(function*() {
        const b: Brand = {
          ...checked,
          brandId: tcrId("B"),
          status: "PROCESSING",
          declinedReasons: [],
          otpSent: 0,
          generation: 0,
          createdMicros: ctx.nowMicros
        }
        slice.store.brands.put(b.brandId, b)
        yield* notify(slice, "brand", b.brandId, b.callback, brandParams(b))
        yield* decideBrandLater(slice, b, ctx.nowMicros, brandOutcome(b.alias))
        return Responses.json(200, ctx.apiId, {
          brand_id: b.brandId,
          message: "Request to create brand was received and is being processed."
        })
      })))

const withBrand = (slice: ComplianceSlice, f: Parameters<typeof withRecord<Brand>>[3]): Handler =>
  withRecord(slice.store.brands.get, 2, "Brand not found.", f)

/** `DELETE 10dlc/Brand/{id}/`: refused while a campaign of the brand is ACTIVE or PROCESSING. */
const remove = (slice: ComplianceSlice): Handler =>
  withBrand(slice, (b, ctx) =>
    Effect.sync(() => {
      const active = slice.store.campaigns.all().find((c) =>
        c.brandId === b.brandId && (c.status === "ACTIVE" || c.status === "PROCESSING")
      )
      if (active !== undefined) {
        return Responses.error(400, ctx.apiId, `Brand ${b.brandId} has active campaigns (${active.campaignId}) and cannot be deleted.`)
      }
      slice.store.brands.remove(b.brandId)
      return Responses.json(200, ctx.apiId, { brand_id: b.brandId, message: "Brand Deactivated" })
    }))

/** `GET 10dlc/Brand/{id}/usecases/`: STARTER brands may only run STARTER campaigns. */
const usecases = (slice: ComplianceSlice): Handler =>
  withBrand(slice, (b, ctx) =>
    Effect.sync(() => {
      const codes = b.type === "STARTER" ? ["STARTER"] : USECASES.filter((u) => u !== "STARTER")
      return Responses.json(200, ctx.apiId, {
        brand_id: b.brandId,
        use_cases: codes.map((code) => ({
          code,
          name: USECASE_NAMES[code] ?? code,
          details: SUB_USECASES.includes(code) ? `Messages for ${USECASE_NAMES[code] ?? code}` : "A combination of two to five standard use cases"
        }))
      })
    }))

/** `POST 10dlc/Brand/{id}/OTP/`: starter brands only, at most five times. */
const otp = (slice: ComplianceSlice): Handler =>
  withBrand(slice, (b, ctx) =>
    Effect.sync(() => {
      if (b.type !== "STARTER" || b.mobilePhone === undefined) {
        return Responses.error(400, ctx.apiId, "OTP verification is only for STARTER brands.")
      }
      if (b.otpSent >= MAX_OTP) return Responses.error(400, ctx.apiId, `The OTP can be re-sent at most ${MAX_OTP} times.`)
      b.otpSent += 1
      const masked = "X".repeat(Math.max(0, b.mobilePhone.length - 4)) + b.mobilePhone.slice(-4)
      return Responses.json(200, ctx.apiId, {
        brand_id: b.brandId,
        message: `Message sent to ${masked}, reply YES to confirm registration.`
      })
    }))

/** `GET 10dlc/Brand/`: filters `registration_status` (or `status`, as python/ruby/go send it) and `type`. */
const list = (slice: ComplianceSlice): Handler => (ctx) =>
  Effect.sync(() => {
    const upper = (s: string) => s.toUpperCase()
    let items = slice.store.brands.all()
    items = filterBy(items, ctx.query, "registration_status", (b) => b.status, upper)
    items = filterBy(items, ctx.query, "status", (b) => b.status, upper)
    items = filterBy(items, ctx.query, "type", (b) => b.type, upper)
    return page(ctx, { path: "10dlc/Brand/", key: "brands", items, render: brandJson, totalCount: false })
  })

/** The routes of `10dlc/Brand/`. */
export const brandRoutes = (slice: ComplianceSlice): ReadonlyArray<Route> => [
  { pattern: ["10dlc", "Brand"], methods: { POST: create(slice), GET: list(slice) } },
  {
    pattern: ["10dlc", "Brand", undefined],
    methods: {
      GET: withBrand(slice, (b, ctx) => Effect.succeed(Responses.json(200, ctx.apiId, { brand: brandJson(b) }))),
      DELETE: remove(slice)
    }
  },
  { pattern: ["10dlc", "Brand", undefined, "usecases"], methods: { GET: usecases(slice) } },
  { pattern: ["10dlc", "Brand", undefined, "OTP"], methods: { POST: otp(slice) } }
]
