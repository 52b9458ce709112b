/**
 * 10DLC (`Profile/`, `10dlc/Brand/`, `10dlc/Campaign/` and its numbers) and
 * `TollfreeVerification/`: the records, their rules, their decisions on the `Clock` with
 * signed status callbacks, and the handle's compliance operations. Account numbers are
 * reached through `AccountNumbers`.
 *
 * @internal
 */
import * as Context from "effect/Context"
import type { PlivoEmulator } from "../../../PlivoEmulator.js"
import { uuid } from "../ids.js"
import type { Resource } from "../resource.js"
import { brandRoutes } from "./brandRoutes.js"
import { campaignRoutes } from "./campaignRoutes.js"
import { complianceOperations } from "./handle.js"
import { numberRoutes } from "./numberRoutes.js"
import { profileRoutes } from "./profileRoutes.js"
import { defaultProfileFields } from "./seeding.js"
import type { ComplianceSlice } from "./slice.js"
import { makeComplianceSlice } from "./slice.js"
import { tollfreeRoutes } from "./tollfreeRoutes.js"

/** Every account has a primary profile (which cannot be deleted), from the emulator's epoch. */
const seedPrimary = (slice: ComplianceSlice): void => {
  const primary = { uuid: uuid(), primary: true, fields: defaultProfileFields("primary"), createdMicros: 0 }
  slice.store.profiles.put(primary.uuid, primary)
}

/** @internal */
export const ComplianceResource: Resource<PlivoEmulator.ComplianceOperations> = {
  make: (kernel) => {
    const slice = makeComplianceSlice(kernel)
    seedPrimary(slice)
    return {
      routes: [
        ...profileRoutes(slice),
        ...brandRoutes(slice),
        ...campaignRoutes(slice),
        ...numberRoutes(slice),
        ...tollfreeRoutes(slice)
      ],
      handle: complianceOperations(slice),
      reset: () => {
        slice.store.reset()
        slice.callbacks.clear()
        seedPrimary(slice)
      },
      provides: Context.empty()
    }
  }
}
