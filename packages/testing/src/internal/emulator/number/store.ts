/**
 * The account's numbers and those offered to it. A number is in one of the two at most.
 *
 * @internal
 */
import type { PlivoEmulator } from "../../../PlivoEmulator.js"
import { completeNumber, defaultAccountNumbers, defaultAvailableNumbers } from "./model.js"

type AccountNumber = PlivoEmulator.AccountNumber

/** @internal */
export interface NumberStore {
  readonly owned: () => ReadonlyArray<AccountNumber>
  readonly available: () => ReadonlyArray<AccountNumber>
  readonly find: (number: string) => AccountNumber | undefined
  readonly offered: (number: string) => AccountNumber | undefined
  readonly seedOwned: (inputs: ReadonlyArray<PlivoEmulator.SeedNumber>) => ReadonlyArray<AccountNumber>
  readonly seedAvailable: (inputs: ReadonlyArray<PlivoEmulator.SeedNumber>) => ReadonlyArray<AccountNumber>
  readonly rent: (number: string) => AccountNumber | undefined
  readonly unrent: (number: string) => void
  /** Back to the numbers an emulator starts with. */
  readonly reset: () => void
}

/** @internal */
export const makeNumberStore = (): NumberStore => {
  // Maps keep insertion order: numbers list in the order they were rented or offered.
  let owned = new Map<string, AccountNumber>()
  let available = new Map<string, AccountNumber>()
  const seedOwned = (inputs: ReadonlyArray<PlivoEmulator.SeedNumber>) =>
    inputs.map((input) => {
      const n = completeNumber(input)
      available.delete(n.number)
      owned.set(n.number, n)
      return n
    })
  const seedAvailable = (inputs: ReadonlyArray<PlivoEmulator.SeedNumber>) =>
    inputs.map(completeNumber).filter((n) => {
      if (owned.has(n.number)) return false
      available.set(n.number, n)
      return true
    })
  const reset = () => {
    owned = new Map()
    available = new Map()
    seedOwned(defaultAccountNumbers)
    seedAvailable(defaultAvailableNumbers)
  }
  reset()
  return {
    owned: () => [...owned.values()],
    available: () => [...available.values()],
    find: (number) => owned.get(number),
    offered: (number) => available.get(number),
    seedOwned,
    seedAvailable,
    rent: (number) => {
      const n = available.get(number)
      if (n === undefined) return undefined
      available.delete(number)
      owned.set(number, n)
      return n
    },
    unrent: (number) => {
      owned.delete(number)
    },
    reset
  }
}
