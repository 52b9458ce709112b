/**
 * `Powerpack/` and `NumberPool/`: Powerpacks with their pools (numbers, toll-free, short
 * codes), the handle's Powerpack operations, and `SenderPicker` for sends. Account
 * numbers are reached through `AccountNumbers`.
 *
 * @internal
 */
import * as Cause from "effect/Cause"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import type { PlivoEmulator } from "../../../PlivoEmulator.js"
import { nowMicros } from "../clock.js"
import type { Resource } from "../resource.js"
import { pickSenders } from "./picker.js"
import { poolRoutes } from "./poolRoutes.js"
import { SenderPicker } from "./port.js"
import type { PowerpackSlice } from "./routes.js"
import { powerpackRoutes } from "./routes.js"
import { makePowerpackStore } from "./store.js"
import { powerpackJson } from "./wire.js"

const powerpackOperations = (slice: PowerpackSlice): PlivoEmulator.PowerpackOperations => ({
  seedShortcode: (input) =>
    Effect.flatMap(nowMicros, (now) =>
      Effect.suspend(() => {
        const p = slice.store.get(input.powerpackUuid)
        if (p === undefined) return Effect.fail(new Cause.IllegalArgumentException(`no Powerpack ${input.powerpackUuid}`))
        const holder = slice.store.holding(input.shortcode)
        if (holder !== undefined && holder !== p) {
          return Effect.fail(new Cause.IllegalArgumentException(`short code ${input.shortcode} is in another Powerpack`))
        }
        const sameCountry = [...p.shortcodes.values()].find((s) =>
          s.countryIso2 === input.country_iso2 && s.shortcode !== input.shortcode
        )
        if (sameCountry !== undefined) {
          return Effect.fail(
            new Cause.IllegalArgumentException(
              `Powerpack ${p.uuid} already has the ${input.country_iso2} short code ${sameCountry.shortcode}`
            )
          )
        }
        p.shortcodes.set(input.shortcode, {
          shortcode: input.shortcode,
          countryIso2: input.country_iso2,
          addedMicros: now
        })
        return Effect.void
      })),
  powerpacks: Effect.sync(() => slice.store.all().map((p) => powerpackJson(p, slice.kernel.authId)))
})

/** @internal */
export const PowerpackResource: Resource<PlivoEmulator.PowerpackOperations> = {
  make: (kernel) => {
    const slice: PowerpackSlice = { kernel, store: makePowerpackStore() }
    return {
      routes: [...powerpackRoutes(slice), ...poolRoutes(slice)],
      handle: powerpackOperations(slice),
      reset: slice.store.reset,
      provides: Context.make(SenderPicker, {
        pick: ({ destinations, powerpackUuid, type }) => {
          const p = slice.store.get(powerpackUuid)
          return p === undefined
            ? { _tag: "Refused", status: 400, error: `powerpack_uuid '${powerpackUuid}' is not a Powerpack of this account` }
            : pickSenders(p, destinations, type)
        }
      })
    }
  }
}
