/**
 * The reserved inputs that decide a registration's outcome, as the reserved test numbers
 * do for messages: a marker in a brand's `brand_alias`, a campaign's `description` (or an
 * imported campaign's `campaign_alias`), a toll-free `usecase_summary`, and the last
 * digits of a linked number. Anything else is approved.
 *
 * @internal
 */
import type { DeclinedReason } from "./model.js"

/** What the automatic decision will be. */
export type Outcome<Failure> =
  | { readonly _tag: "Approve" }
  | { readonly _tag: "Pending" }
  | { readonly _tag: "Fail"; readonly failure: Failure }

const approve = { _tag: "Approve" } as const
const pending = { _tag: "Pending" } as const

// `#FAILED` or `#FAILED:CODE`; the code is letters, digits and `_`.
const marker = (text: string, word: string): { readonly code: string | undefined } | undefined => {
  const m = new RegExp(`#${word}(?::([A-Za-z0-9_]+))?`).exec(text)
  return m === null ? undefined : { code: m[1] }
}

/** The default declined reason of a brand. */
export const defaultDeclinedReason = (code = "TCR_VETTING_FAILED"): DeclinedReason => ({
  code,
  message: "The brand information could not be verified by TCR."
})

/** `#FAILED[:CODE]` fails the brand; `#PENDING` leaves it to `decideBrand`. */
export const brandOutcome = (alias: string): Outcome<ReadonlyArray<DeclinedReason>> => {
  if (marker(alias, "PENDING") !== undefined) return pending
  const failed = marker(alias, "FAILED")
  return failed === undefined ? approve : { _tag: "Fail", failure: [defaultDeclinedReason(failed.code)] }
}

/** A campaign rejection: `error_code` and `error_reason`. */
export interface CampaignFailure {
  readonly errorCode: string
  readonly errorReason: string
}

const CAMPAIGN_REASONS: Readonly<Record<string, string>> = {
  "1001": "The campaign content falls under a prohibited content category.",
  "1002": "The campaign's sample messages do not match its use case."
}

/** The reason text of a campaign error code. */
export const campaignFailure = (errorCode = "1001", errorReason?: string): CampaignFailure => ({
  errorCode,
  errorReason: errorReason ?? CAMPAIGN_REASONS[errorCode] ?? "The campaign was rejected by the carriers."
})

/** `#FAILED[:CODE]` (default 1001) fails the campaign; `#PENDING` leaves it to `decideCampaign`. */
export const campaignOutcome = (text: string): Outcome<CampaignFailure> => {
  if (marker(text, "PENDING") !== undefined) return pending
  const failed = marker(text, "FAILED")
  return failed === undefined ? approve : { _tag: "Fail", failure: campaignFailure(failed.code) }
}

/** A number ending in `9999` fails to link; one ending in `9998` stays `PROCESSING`. */
export const linkOutcome = (number: string): Outcome<undefined> =>
  number.endsWith("9999") ? { _tag: "Fail", failure: undefined } : number.endsWith("9998") ? pending : approve

/** A toll-free decision other than approval. */
export interface TollfreeFailure {
  readonly status: "REJECTED" | "UPDATE_REQUIRED"
  readonly errorMessage: string
}

/** The default `error_message` of a status. */
export const tollfreeMessage = (status: "REJECTED" | "UPDATE_REQUIRED"): string =>
  status === "REJECTED"
    ? "The use case does not meet the carriers' requirements."
    : "The opt-in information is incomplete: update the request."

/** `#REJECTED`, `#UPDATE_REQUIRED`, or `#PENDING` (left to `decideTollfree`). */
export const tollfreeOutcome = (summary: string): Outcome<TollfreeFailure> => {
  if (marker(summary, "PENDING") !== undefined) return pending
  if (marker(summary, "REJECTED") !== undefined) {
    return { _tag: "Fail", failure: { status: "REJECTED", errorMessage: tollfreeMessage("REJECTED") } }
  }
  if (marker(summary, "UPDATE_REQUIRED") !== undefined) {
    return { _tag: "Fail", failure: { status: "UPDATE_REQUIRED", errorMessage: tollfreeMessage("UPDATE_REQUIRED") } }
  }
  return approve
}
