import { describe, expect, it } from "@effect/vitest"
import { PlivoConfig } from "@plivo-effect/core"
import { MessagingWebhooks } from "@plivo-effect/messaging"
import * as Cause from "effect/Cause"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"

/** Builds the layer with `options`; the defect's message when it dies, `"built"` otherwise. */
const build = (options: Partial<MessagingWebhooks.Options>) =>
  Layer.build(MessagingWebhooks.layer({ publicBaseUrl: "https://hooks.example.com", ...options })).pipe(
    Effect.provide(PlivoConfig.layer({ authId: "MA1", authToken: "t" }).pipe(Layer.orDie)),
    Effect.scoped,
    Effect.exit,
    Effect.map((exit) =>
      Exit.isSuccess(exit)
        ? "built"
        : Option.match(Cause.dieOption(exit.cause), {
          onNone: () => `not a defect: ${Cause.pretty(exit.cause)}`,
          onSome: (defect) => (defect instanceof Error ? defect.message : String(defect))
        })
    )
  )

describe("webhook bounds are checked when the layer is built", () => {
  const unusable: ReadonlyArray<readonly [string, Partial<MessagingWebhooks.Options>, string]> = [
    ["maxBodyBytes NaN", { maxBodyBytes: NaN }, "maxBodyBytes must be a positive whole number of bytes, got NaN"],
    ["maxBodyBytes 0", { maxBodyBytes: 0 }, "maxBodyBytes"],
    ["maxBodyBytes -1", { maxBodyBytes: -1 }, "maxBodyBytes"],
    ["maxBodyBytes Infinity", { maxBodyBytes: Infinity }, "maxBodyBytes"],
    ["maxBodyBytes 1.5", { maxBodyBytes: 1.5 }, "maxBodyBytes"],
    ["bodyReadTimeout NaN", { bodyReadTimeout: NaN }, "bodyReadTimeout must be a positive, finite duration"],
    ["bodyReadTimeout -5 seconds", { bodyReadTimeout: "-5 seconds" }, "bodyReadTimeout"],
    ["bodyReadTimeout 0", { bodyReadTimeout: 0 }, "bodyReadTimeout"],
    ["bodyReadTimeout Infinity", { bodyReadTimeout: Infinity }, "bodyReadTimeout"],
    ["dedupeWindow NaN", { dedupeWindow: NaN }, "dedupeWindow must be a positive, finite duration"],
    ["dedupeWindow -1", { dedupeWindow: -1 }, "dedupeWindow"],
    ["dedupeWindow infinite", { dedupeWindow: Duration.infinity }, "dedupeWindow"]
  ]
  for (const [name, options, message] of unusable) {
    it.effect(`${name} is a defect at construction`, () =>
      Effect.gen(function*() {
        const outcome = yield* build(options)
        expect(outcome).toContain("MessagingWebhooks: ")
        expect(outcome).toContain(message)
      }))
  }

  it.effect("usable bounds build", () =>
    Effect.gen(function*() {
      expect(yield* build({})).toBe("built")
      expect(yield* build({ maxBodyBytes: 1, bodyReadTimeout: "1 millis", dedupeWindow: 1 })).toBe("built")
    }))
})
