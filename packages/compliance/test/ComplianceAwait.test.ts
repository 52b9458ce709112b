import { describe, expect, it } from "@effect/vitest"
import { StubHttpClient } from "@plivo-effect/testing"
import * as Chunk from "effect/Chunk"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Schedule from "effect/Schedule"
import * as TestClock from "effect/TestClock"
import {
  Brands,
  Campaigns,
  Compliance,
  defaultSchedule,
  RegistrationPendingError,
  RegistrationRejectedError,
  TollfreeVerifications
} from "../src/index.js"
import { requests, stubbed } from "./complianceSupport.js"

/** Answers each GET with the next body of `bodies` (the last one repeated). */
const sequence = (bodies: ReadonlyArray<unknown>) => {
  let at = 0
  return stubbed(() => StubHttpClient.json(200, bodies[Math.min(at++, bodies.length - 1)]))
}

const brand = (registration_status: string, more: Record<string, unknown> = {}) => ({
  api_id: "a",
  brand: { brand_id: "B1", registration_status, ...more }
})
const campaign = (registration_status: string, more: Record<string, unknown> = {}) => ({
  api_id: "a",
  campaign: { campaign_id: "C1", registration_status, ...more }
})
const numbers = (status: string) => ({ api_id: "a", campaign_id: "C1", phone_numbers: [{ number: "14155550100", status }] })
const verification = (status: string, error_message = "", last_modified = "2026-03-01T10:00:00.000000Z") => ({
  api_id: "a",
  uuid: "U1",
  status,
  error_message,
  last_modified
})

/** Runs `effect` in a fiber and moves the TestClock far enough for any schedule here to end. */
const settled = <A, E>(effect: Effect.Effect<A, E, Compliance.Services>) =>
  Effect.gen(function*() {
    const fiber = yield* Effect.fork(effect)
    yield* TestClock.adjust(Duration.days(30))
    return yield* Fiber.join(fiber)
  })

const polls = Effect.map(requests, (all) => all.map((r) => `${r.method} ${r.resource}`))

describe("Brands.awaitRegistration", () => {
  it.effect("polls PROCESSING until COMPLETED and succeeds with the brand", () =>
    Effect.gen(function*() {
      const done = yield* settled(Effect.flatMap(Brands, (s) => s.awaitRegistration("B1")))
      expect(done.registration_status).toBe("COMPLETED")
      expect(yield* polls).toEqual(Array(3).fill("GET 10dlc/Brand/B1/"))
    }).pipe(Effect.provide(sequence([brand("PROCESSING"), brand("PROCESSING"), brand("COMPLETED")]))))

  it.effect("FAILED is RegistrationRejectedError with TCR's declined_reasons", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(settled(Effect.flatMap(Brands, (s) => s.awaitRegistration("B1"))))
      expect(error).toBeInstanceOf(RegistrationRejectedError)
      expect(error).toMatchObject({
        _tag: "RegistrationRejectedError",
        resource: "Brand",
        id: "B1",
        status: "FAILED",
        declined_reasons: [{ code: "TCR-1", message: "EIN does not match the company" }]
      })
      expect(error.message).toBe("Brand B1 was not approved: FAILED (TCR-1: EIN does not match the company)")
    }).pipe(Effect.provide(sequence([
      brand("PROCESSING"),
      brand("FAILED", { declined_reasons: [{ code: "TCR-1", message: "EIN does not match the company" }] })
    ]))))

  it.effect("a schedule that ends first is RegistrationPendingError with the last status", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(settled(Effect.flatMap(Brands, (s) =>
        s.awaitRegistration("B1", { schedule: Schedule.spaced("1 minute").pipe(Schedule.compose(Schedule.recurs(2))) })
      )))
      expect(error).toBeInstanceOf(RegistrationPendingError)
      expect(error).toMatchObject({ resource: "Brand", id: "B1", status: "PROCESSING", polls: 3 })
      expect(yield* polls).toHaveLength(3)
    }).pipe(Effect.provide(sequence([brand("PROCESSING")]))))

  it.effect("the given schedule sets the pace: nothing more is read before its next recurrence", () =>
    Effect.gen(function*() {
      const fiber = yield* Effect.fork(Effect.flatMap(Brands, (s) => s.awaitRegistration("B1", { schedule: Schedule.spaced("1 hour") })))
      yield* TestClock.adjust(Duration.minutes(59))
      expect(yield* polls).toHaveLength(1)
      yield* TestClock.adjust(Duration.minutes(1))
      expect(yield* polls).toHaveLength(2)
      yield* TestClock.adjust(Duration.hours(1))
      expect((yield* Fiber.join(fiber)).registration_status).toBe("COMPLETED")
    }).pipe(Effect.provide(sequence([brand("PROCESSING"), brand("PROCESSING"), brand("COMPLETED")]))))

  it.effect("a status outside the known values keeps polling, and a failed read fails the await", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(settled(Effect.flatMap(Brands, (s) => s.awaitRegistration("B1"))))
      expect(error._tag).toBe("ServerError")
      expect(yield* polls).toHaveLength(2)
    }).pipe(Effect.provide((() => {
      let at = 0
      return stubbed(() => at++ === 0 ? StubHttpClient.json(200, brand("IN_VETTING")) : StubHttpClient.json(500, { error: "down" }))
    })())))
})

describe("each poll is a client call", () => {
  it.effect("a 429 on a poll backs off by the client's retry policy and the await goes on", () =>
    Effect.gen(function*() {
      const done = yield* settled(Effect.flatMap(Brands, (s) => s.awaitRegistration("B1")))
      expect(done.registration_status).toBe("COMPLETED")
      expect(yield* polls).toEqual(Array(3).fill("GET 10dlc/Brand/B1/"))
    }).pipe(Effect.provide((() => {
      const answers = [
        StubHttpClient.json(200, brand("PROCESSING")),
        StubHttpClient.json(429, { api_id: "a", error: "too many requests" }, { "retry-after": "1" }),
        StubHttpClient.json(200, brand("COMPLETED"))
      ]
      let at = 0
      // The default retry policy, not the tests' none: a 429 is retried.
      return Compliance.layer.pipe(Layer.provideMerge(StubHttpClient.layerClient(() => answers[Math.min(at++, 2)] ?? StubHttpClient.json(500, {}))))
    })())))
})

describe("defaultSchedule", () => {
  it.effect("waits 10 s, doubling to at most 10 minutes between reads, and ends after 14 days", () =>
    Effect.gen(function*() {
      // The schedule's own steps, without sleeping: one delay per recurrence until it ends.
      const inputs = Array.from({ length: 5_000 }, () => undefined)
      const delays = Chunk.toReadonlyArray(yield* Schedule.run(Schedule.delays(defaultSchedule), 0, inputs)).map(Duration.toMillis)
      expect(delays.length).toBeLessThan(inputs.length)
      expect(delays.slice(0, 7)).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 600_000])
      expect(Math.max(...delays)).toBe(600_000)
      const total = delays.reduce((sum, delay) => sum + delay, 0)
      expect(Math.abs(total - Duration.toMillis(Duration.days(14)))).toBeLessThanOrEqual(600_000)
    }))
})

describe("Campaigns.awaitRegistration and awaitNumberLink", () => {
  it.effect("ACTIVE succeeds with the campaign", () =>
    Effect.gen(function*() {
      const done = yield* settled(Effect.flatMap(Campaigns, (s) => s.awaitRegistration("C1")))
      expect(done.registration_status).toBe("ACTIVE")
      expect(yield* polls).toEqual(Array(2).fill("GET 10dlc/Campaign/C1/"))
    }).pipe(Effect.provide(sequence([campaign("PROCESSING"), campaign("ACTIVE")]))))

  it.effect("FAILED carries error_code and error_reason", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(settled(Effect.flatMap(Campaigns, (s) => s.awaitRegistration("C1"))))
      expect(error).toMatchObject({
        _tag: "RegistrationRejectedError",
        resource: "Campaign",
        id: "C1",
        status: "FAILED",
        error_code: "1001",
        error_reason: "Prohibited content"
      })
      expect("declined_reasons" in error).toBe(false)
    }).pipe(Effect.provide(sequence([campaign("FAILED", { error_code: 1001, error_reason: "Prohibited content" })]))))

  it.effect("EXPIRED is a rejection too", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(settled(Effect.flatMap(Campaigns, (s) => s.awaitRegistration("C1"))))
      expect(error).toMatchObject({ _tag: "RegistrationRejectedError", status: "EXPIRED" })
    }).pipe(Effect.provide(sequence([campaign("EXPIRED")]))))

  it.effect("a number link: PROCESSING until COMPLETED, read from the number's own path", () =>
    Effect.gen(function*() {
      const done = yield* settled(Effect.flatMap(Campaigns, (s) => s.awaitNumberLink("C1", "+14155550100")))
      expect(done.phone_numbers).toEqual([{ number: "14155550100", status: "COMPLETED" }])
      expect(yield* polls).toEqual(Array(3).fill("GET 10dlc/Campaign/C1/Number/14155550100/"))
    }).pipe(Effect.provide(sequence([numbers("PROCESSING"), numbers("PROCESSING"), numbers("COMPLETED")]))))

  it.effect("a number link that FAILED is rejected, named campaign/number", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(settled(Effect.flatMap(Campaigns, (s) => s.awaitNumberLink("C1", "14155550100"))))
      expect(error).toMatchObject({ _tag: "RegistrationRejectedError", resource: "CampaignNumber", id: "C1/14155550100", status: "FAILED" })
    }).pipe(Effect.provide(sequence([numbers("FAILED")]))))
})

describe("TollfreeVerifications.awaitDecision", () => {
  it.effect("SUBMITTED until APPROVED", () =>
    Effect.gen(function*() {
      const done = yield* settled(Effect.flatMap(TollfreeVerifications, (s) => s.awaitDecision("U1")))
      expect(done.status).toBe("APPROVED")
      expect(yield* polls).toEqual(Array(2).fill("GET TollfreeVerification/U1/"))
    }).pipe(Effect.provide(sequence([verification("SUBMITTED"), verification("APPROVED")]))))

  it.effect("REJECTED carries error_message", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(settled(Effect.flatMap(TollfreeVerifications, (s) => s.awaitDecision("U1"))))
      expect(error).toMatchObject({
        _tag: "RegistrationRejectedError",
        resource: "TollfreeVerification",
        id: "U1",
        status: "REJECTED",
        error_message: "Number not provisioned to submitting org"
      })
    }).pipe(Effect.provide(sequence([verification("REJECTED", "Number not provisioned to submitting org")]))))

  it.effect("UPDATE_REQUIRED is sent back: a rejection until updated", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(settled(Effect.flatMap(TollfreeVerifications, (s) => s.awaitDecision("U1"))))
      expect(error).toMatchObject({ _tag: "RegistrationRejectedError", status: "UPDATE_REQUIRED", error_message: "Add an opt-in image" })
    }).pipe(Effect.provide(sequence([verification("SUBMITTED"), verification("UPDATE_REQUIRED", "Add an opt-in image")]))))

  // Plivo reviews an update without leaving UPDATE_REQUIRED (its callbacks go
  // UPDATE_REQUIRED → APPROVED / REJECTED), as the emulator does.
  it.effect("afterUpdate: UPDATE_REQUIRED under review until APPROVED", () =>
    Effect.gen(function*() {
      const done = yield* settled(Effect.flatMap(TollfreeVerifications, (s) => s.awaitDecision("U1", { afterUpdate: true })))
      expect(done.status).toBe("APPROVED")
      expect(yield* polls).toHaveLength(3)
    }).pipe(Effect.provide(sequence([
      verification("UPDATE_REQUIRED", "Add an opt-in image"),
      verification("UPDATE_REQUIRED", "Add an opt-in image"),
      verification("APPROVED", "", "2026-03-01T12:00:00.000000Z")
    ]))))

  it.effect("afterUpdate: sent back again (a later last_modified) is a rejection", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(
        settled(Effect.flatMap(TollfreeVerifications, (s) => s.awaitDecision("U1", { afterUpdate: true })))
      )
      expect(error).toMatchObject({ _tag: "RegistrationRejectedError", status: "UPDATE_REQUIRED", error_message: "Still no opt-in image" })
      expect(yield* polls).toHaveLength(2)
    }).pipe(Effect.provide(sequence([
      verification("UPDATE_REQUIRED", "Add an opt-in image"),
      verification("UPDATE_REQUIRED", "Still no opt-in image", "2026-03-02T09:00:00.000000Z")
    ]))))

  it.effect("afterUpdate: a review that outlasts the schedule is RegistrationPendingError in UPDATE_REQUIRED", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(settled(Effect.flatMap(TollfreeVerifications, (s) =>
        s.awaitDecision("U1", { afterUpdate: true, schedule: Schedule.spaced("1 hour").pipe(Schedule.compose(Schedule.recurs(2))) })
      )))
      expect(error).toMatchObject({ _tag: "RegistrationPendingError", status: "UPDATE_REQUIRED", polls: 3 })
    }).pipe(Effect.provide(sequence([verification("UPDATE_REQUIRED", "Add an opt-in image")]))))
})
