/**
 * Dedupe keys that tell Plivo's retry of a callback from a record coming back to a
 * status it had before (a campaign re-vetted after FAILED is `created` again; a
 * verification can be sent back twice). A retry repeats the last event of its record; a
 * change back is a new event, so each change of a record's status starts a new
 * generation, and the key is the status words plus that generation.
 *
 * @internal
 */
import { callbackKey, type ComplianceCallback } from "../ComplianceCallback.js"

// Records remembered; the oldest are forgotten first (their next event is keyed afresh).
const MAX_RECORDS = 10_000

const recordOf = (event: ComplianceCallback): string | undefined => {
  switch (event.kind) {
    case "Brand":
      return event.brand_id
    case "Campaign":
      return event.campaign_id
    case "CampaignNumber":
      return event.campaign_id === undefined || event.number === undefined ? undefined : `${event.campaign_id}/${event.number}`
    case "TollfreeVerification":
      return event.uuid
  }
}

/** A stateful key function for one `ComplianceWebhooks` instance. */
export const makeChangeKeys = (): (event: ComplianceCallback) => string => {
  const records = new Map<string, { readonly last: string; readonly generation: number }>()
  return (event) => {
    const key = callbackKey(event)
    const id = recordOf(event)
    if (id === undefined) return key
    const record = `${event.kind}:${id}`
    const seen = records.get(record)
    const generation = seen === undefined ? 0 : seen.last === key ? seen.generation : seen.generation + 1
    records.delete(record)
    records.set(record, { last: key, generation })
    if (records.size > MAX_RECORDS) {
      const oldest = records.keys().next()
      if (oldest.done !== true) records.delete(oldest.value)
    }
    return `${key}#${generation}`
  }
}
