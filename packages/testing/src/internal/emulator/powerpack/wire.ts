/**
 * Powerpacks and pool members rendered as Plivo's JSON (powerpack.md).
 *
 * @internal
 */
import type { Json } from "../responses.js"
import { formatIsoTime } from "../time.js"
import type { PoolNumber, PoolShortcode, Powerpack } from "./model.js"

/** `/v1/Account/{auth_id}/NumberPool/{uuid}/`: SDKs take segment 5 as the pool uuid. */
export const numberPoolPath = (authId: string, poolUuid: string): string => `/v1/Account/${authId}/NumberPool/${poolUuid}/`

/** The Powerpack object, without `api_id`. */
export const powerpackJson = (p: Powerpack, authId: string): Json => ({
  uuid: p.uuid,
  name: p.name,
  sticky_sender: p.stickySender,
  local_connect: p.localConnect,
  // Requests say `xml` / `phlo`; responses show the upper-case form.
  application_type: p.applicationType.toUpperCase(),
  application_id: p.applicationId,
  number_pool: numberPoolPath(authId, p.poolUuid),
  number_priority: p.numberPriority.map((n) => ({
    country_iso: n.countryIso,
    service_type: n.serviceType,
    priority: { priority1: n.priority[0] ?? null, priority2: n.priority[1] ?? null, priority3: n.priority[2] ?? null }
  })),
  created_on: formatIsoTime(p.createdMicros)
})

/** A pool number or toll-free item, without `api_id`. */
export const poolNumberJson = (n: PoolNumber, p: Powerpack, authId: string): Json => ({
  number: n.number,
  number_pool_uuid: p.poolUuid,
  type: n.type,
  service: n.service,
  country_iso2: n.countryIso2,
  added_on: formatIsoTime(n.addedMicros),
  account_phone_number_resource: `/v1/Account/${authId}/Number/${n.number}/`
})

/** A short code item, without `api_id`. */
export const shortcodeJson = (s: PoolShortcode, p: Powerpack): Json => ({
  shortcode: s.shortcode,
  number_pool_uuid: p.poolUuid,
  country_iso2: s.countryIso2,
  added_on: formatIsoTime(s.addedMicros)
})
