/**
 * `TollfreeVerification/` against the emulator over HTTP: bodies, the create rules, and
 * the states in which updates and deletes are allowed.
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/TestClock"
import { PlivoEmulator } from "../src/PlivoEmulator.js"
import { call, decode } from "./emulator.support.js"
import { createProfile, createTollfree, errorOf, expectStatus, field, tollfreeBody } from "./emulator.compliance.support.js"

const run = <A, E>(effect: Effect.Effect<A, E, PlivoEmulator | HttpClient.HttpClient>) =>
  Effect.provide(effect, PlivoEmulator.layer())

const IsoTime = Schema.String.pipe(Schema.pattern(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/))

const Verification = Schema.Struct({
  uuid: Schema.String,
  profile_uuid: Schema.String,
  number: Schema.String,
  usecase: Schema.String,
  usecase_summary: Schema.String,
  message_sample: Schema.String,
  optin_image_url: Schema.String,
  optin_type: Schema.String,
  volume: Schema.String,
  additional_information: Schema.String,
  extra_data: Schema.String,
  callback_url: Schema.String,
  callback_method: Schema.String,
  status: Schema.Literal("SUBMITTED", "APPROVED", "REJECTED", "UPDATE_REQUIRED", "PROCESSING"),
  error_message: Schema.String,
  created: IsoTime,
  last_modified: IsoTime
})

const VerificationList = Schema.Struct({
  api_id: Schema.String,
  meta: Schema.Struct({
    limit: Schema.Int,
    offset: Schema.Int,
    next: Schema.NullOr(Schema.String),
    previous: Schema.NullOr(Schema.String),
    total_count: Schema.Int
  }),
  objects: Schema.Array(Verification)
})

describe("PlivoEmulator TollfreeVerification/", () => {
  it.effect("create (201), get (flat, with api_id), list (objects, total_count), update (202), delete (204)", () =>
    run(Effect.gen(function*() {
      const profile = yield* createProfile()
      const uuid = yield* createTollfree(profile, { extra_data: "ref-1", callback_url: "https://hooks.example/tf" })
      const got = yield* expectStatus(200, "GET", `TollfreeVerification/${uuid}/`)
      expect(typeof field(got, "api_id")).toBe("string")
      const v = yield* decode(Verification)(got)
      // Use cases are stored without the spaces, so the exact-combination filter matches.
      expect(v).toMatchObject({ uuid, number: "18005550100", usecase: "2FA,CUSTOMER_CARE", status: "SUBMITTED", error_message: "", extra_data: "ref-1" })
      const list = yield* expectStatus(200, "GET", "TollfreeVerification/").pipe(Effect.flatMap(decode(VerificationList)))
      expect(list.objects.map((o) => o.uuid)).toEqual([uuid])
      expect(list.meta.total_count).toBe(1)
      const by = (q: string) =>
        expectStatus(200, "GET", `TollfreeVerification/?${q}`).pipe(
          Effect.flatMap(decode(VerificationList)),
          Effect.map((l) => l.objects.length)
        )
      expect(yield* by("usecase=2FA,CUSTOMER_CARE")).toBe(1)
      expect(yield* by("usecase=2FA")).toBe(0)
      expect(yield* by("status=SUBMITTED&number=%2B18005550100")).toBe(1)
      expect(yield* by(`profile_uuid=${profile}`)).toBe(1)
      expect(yield* by("created=1970-01-01")).toBe(1)
      expect(yield* by("created__gt=1970-01-01")).toBe(0)
      const updated = yield* expectStatus(202, "POST", `TollfreeVerification/${uuid}/`, { volume: "100,000" })
      expect(field(updated, "message")).toBe(`Tollfree verification request for uuid ${uuid} updated successfully.`)
      expect(field(yield* expectStatus(200, "GET", `TollfreeVerification/${uuid}/`), "volume")).toBe("100,000")
      const deleted = yield* call("DELETE", `TollfreeVerification/${uuid}/`)
      expect(deleted.status).toBe(204)
      expect(deleted.text).toBe("")
      expect(yield* errorOf(404, "GET", `TollfreeVerification/${uuid}/`)).toBe("Tollfree verification request not found.")
    })))

  it.effect("list: the default window is the last 7 days, a window is at most 30 days, dates are YYYY-MM-DD", () =>
    run(Effect.gen(function*() {
      yield* TestClock.setTime(Date.UTC(2024, 4, 1))
      yield* createTollfree(yield* createProfile())
      yield* TestClock.adjust("8 days")
      expect(field(yield* expectStatus(200, "GET", "TollfreeVerification/"), "objects")).toEqual([])
      expect((field(yield* expectStatus(200, "GET", "TollfreeVerification/?created__gte=2024-05-01"), "objects") as ReadonlyArray<unknown>)).toHaveLength(1)
      expect(yield* errorOf(400, "GET", "TollfreeVerification/?created__gte=2024-03-01")).toBe(
        "the created window cannot be longer than 30 days"
      )
      expect(yield* errorOf(400, "GET", "TollfreeVerification/?created=May 1")).toBe("created must be a date formatted as YYYY-MM-DD")
      expect(yield* errorOf(400, "GET", "TollfreeVerification/?limit=21")).toBe("limit must be an integer between 1 and 20")
    })))

  it.effect("every create rule answers 400", () =>
    run(Effect.gen(function*() {
      const profile = yield* createProfile()
      const refused = (overrides: Record<string, unknown>) => errorOf(400, "POST", "TollfreeVerification/", tollfreeBody(profile, overrides))
      expect(yield* refused({ profile_uuid: undefined })).toBe("profile_uuid is required")
      expect(yield* refused({ profile_uuid: "nope" })).toBe("profile_uuid nope is not a profile of this account")
      expect(yield* refused({ number: undefined })).toBe("number is required")
      expect(yield* refused({ number: "14155550100" })).toBe("number 14155550100 is not a US/CA toll-free number")
      expect(yield* refused({ number: "18885550100" })).toBe("number 18885550100 is not in your account")
      expect(yield* refused({ usecase: "2FA,SPAM" })).toMatch(/^usecase SPAM is not one of/)
      expect(yield* refused({ usecase: "MIXED" })).toMatch(/^usecase MIXED is not one of/)
      expect(yield* refused({ usecase_summary: "x".repeat(501) })).toBe("usecase_summary must be at most 500 characters")
      expect(yield* refused({ message_sample: "x".repeat(1001) })).toBe("message_sample must be at most 1000 characters")
      expect(yield* refused({ optin_image_url: "https://a.example, not-a-url" })).toBe("optin_image_url must be http(s) URLs, comma-separated")
      expect(yield* refused({ optin_type: "TELEPATHY" })).toMatch(/^optin_type must be one of VERBAL/)
      expect(yield* refused({ optin_type: undefined })).toBe("optin_type is required")
      expect(yield* refused({ volume: "10000" })).toMatch(/^volume must be one of 1,000, 10,000/)
      expect(yield* refused({ additional_information: "x".repeat(501) })).toBe("additional_information must be at most 500 characters")
      expect(yield* refused({ extra_data: "x".repeat(101) })).toBe("extra_data must be at most 100 characters")
      expect(yield* refused({ callback_url: "mailto:me@example.com" })).toBe("callback_url must be a valid http(s) URL")
      expect(yield* refused({ callback_method: "PUT" })).toBe("callback_method must be GET or POST")
      yield* createTollfree(profile)
      expect((yield* refused({})).startsWith("a verification request for 18005550100 already exists")).toBe(true)
    })))

  it.effect("updates only in SUBMITTED / UPDATE_REQUIRED; deletes only in SUBMITTED / PROCESSING / UPDATE_REQUIRED", () =>
    run(Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const profile = yield* createProfile()
      yield* emulator.seedNumbers([{ number: "18885550101" }, { number: "18885550102" }])
      const approved = yield* createTollfree(profile)
      const rejected = yield* createTollfree(profile, { number: "18885550101", usecase_summary: "Codes #REJECTED" })
      const sentBack = yield* createTollfree(profile, { number: "18885550102", usecase_summary: "Codes #UPDATE_REQUIRED" })
      yield* TestClock.adjust("1 second")
      for (const uuid of [approved, rejected]) {
        const status = String(field(yield* expectStatus(200, "GET", `TollfreeVerification/${uuid}/`), "status"))
        expect(yield* errorOf(400, "POST", `TollfreeVerification/${uuid}/`, { volume: "1,000" })).toBe(
          `a verification request in ${status} cannot be updated`
        )
        expect(yield* errorOf(400, "DELETE", `TollfreeVerification/${uuid}/`)).toBe(`a verification request in ${status} cannot be deleted`)
      }
      yield* expectStatus(202, "POST", `TollfreeVerification/${sentBack}/`, { usecase_summary: "Codes, now with the opt-in details." })
      expect(yield* errorOf(400, "POST", `TollfreeVerification/${sentBack}/`, { volume: "42" })).toMatch(/^volume must be one of/)
      expect((yield* call("DELETE", `TollfreeVerification/${sentBack}/`)).status).toBe(204)
      // A rejected request frees the number for a new one.
      yield* createTollfree(profile, { number: "18885550101" })
    })))
})
