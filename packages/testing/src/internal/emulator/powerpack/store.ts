/**
 * The account's Powerpacks, by uuid and by pool uuid.
 *
 * @internal
 */
import type { Powerpack } from "./model.js"

/** @internal */
export interface PowerpackStore {
  readonly all: () => ReadonlyArray<Powerpack>
  readonly get: (uuid: string) => Powerpack | undefined
  readonly byPool: (poolUuid: string) => Powerpack | undefined
  readonly byName: (name: string) => Powerpack | undefined
  /** The Powerpack whose pool holds `number` or short code, if any. */
  readonly holding: (number: string) => Powerpack | undefined
  readonly insert: (p: Powerpack) => void
  readonly remove: (p: Powerpack) => void
  readonly reset: () => void
}

/** @internal */
export const makePowerpackStore = (): PowerpackStore => {
  let byUuid = new Map<string, Powerpack>()
  let byPoolUuid = new Map<string, Powerpack>()
  return {
    all: () => [...byUuid.values()],
    get: (uuid) => byUuid.get(uuid),
    byPool: (poolUuid) => byPoolUuid.get(poolUuid),
    byName: (name) => [...byUuid.values()].find((p) => p.name === name),
    holding: (number) => [...byUuid.values()].find((p) => p.numbers.has(number) || p.shortcodes.has(number)),
    insert: (p) => {
      byUuid.set(p.uuid, p)
      byPoolUuid.set(p.poolUuid, p)
    },
    remove: (p) => {
      byUuid.delete(p.uuid)
      byPoolUuid.delete(p.poolUuid)
    },
    reset: () => {
      byUuid = new Map()
      byPoolUuid = new Map()
    }
  }
}
