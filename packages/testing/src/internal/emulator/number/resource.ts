/**
 * The account's phone numbers: those rented and those offered to rent, the Phone Number
 * search, the handle's number operations, and `AccountNumbers` for other resources.
 *
 * @internal
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import type { PlivoEmulator } from "../../../PlivoEmulator.js"
import type { Resource } from "../resource.js"
import { nationalPart } from "./model.js"
import type { OwnedNumber } from "./port.js"
import { AccountNumbers } from "./port.js"
import { numberRoutes } from "./routes.js"
import { makeNumberStore } from "./store.js"

const owned = (n: PlivoEmulator.AccountNumber | undefined): OwnedNumber | undefined =>
  n === undefined ? undefined : { ...n, national: nationalPart(n.number, n.countryIso2) }

/** @internal */
export const NumberResource: Resource<PlivoEmulator.NumberOperations> = {
  make: () => {
    const store = makeNumberStore()
    return {
      routes: numberRoutes(store),
      handle: {
        seedNumbers: (numbers) => Effect.sync(() => store.seedOwned(numbers)),
        seedAvailableNumbers: (numbers) => Effect.sync(() => store.seedAvailable(numbers)),
        accountNumbers: Effect.sync(store.owned),
        availableNumbers: Effect.sync(store.available)
      },
      reset: store.reset,
      provides: Context.make(AccountNumbers, {
        find: (n) => owned(store.find(n)),
        offered: (n) => owned(store.offered(n)),
        rent: (n) => owned(store.rent(n)),
        unrent: store.unrent
      })
    }
  }
}
