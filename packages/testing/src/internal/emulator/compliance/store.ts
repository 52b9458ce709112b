/**
 * The account's compliance records, each kind in insertion order.
 *
 * @internal
 */
import type { Brand, Campaign, Profile, Tollfree } from "./model.js"

/** One kind of record by id. */
export interface Table<A> {
  readonly all: () => ReadonlyArray<A>
  readonly get: (id: string) => A | undefined
  readonly put: (id: string, a: A) => void
  readonly remove: (id: string) => void
  readonly reset: () => void
}

const table = <A>(): Table<A> => {
  let rows = new Map<string, A>()
  return {
    all: () => [...rows.values()],
    get: (id) => rows.get(id),
    put: (id, a) => {
      rows.set(id, a)
    },
    remove: (id) => {
      rows.delete(id)
    },
    reset: () => {
      rows = new Map()
    }
  }
}

/** @internal */
export interface ComplianceStore {
  readonly profiles: Table<Profile>
  readonly brands: Table<Brand>
  readonly campaigns: Table<Campaign>
  readonly tollfree: Table<Tollfree>
  readonly reset: () => void
}

/** @internal */
export const makeComplianceStore = (): ComplianceStore => {
  const store = { profiles: table<Profile>(), brands: table<Brand>(), campaigns: table<Campaign>(), tollfree: table<Tollfree>() }
  return {
    ...store,
    reset: () => {
      store.profiles.reset()
      store.brands.reset()
      store.campaigns.reset()
      store.tollfree.reset()
    }
  }
}
