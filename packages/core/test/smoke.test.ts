import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { placeholder } from "@plivo-effect/core"
describe("smoke", () => { it.effect("works", () => Effect.sync(() => expect(placeholder).toBe(1))) })
