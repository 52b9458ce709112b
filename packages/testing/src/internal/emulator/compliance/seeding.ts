/**
 * Complete records from the handle's seed inputs: every unset field gets a plausible
 * value, so a test names only what it is about.
 *
 * @internal
 */
import { uuid } from "../ids.js"
import type { PlivoEmulator } from "../../../PlivoEmulator.js"
import type { WireFields } from "./model.js"

/** A complete private US company. */
export const defaultProfileFields = (alias: string): WireFields => ({
  profile_alias: alias,
  customer_type: "DIRECT",
  entity_type: "PRIVATE",
  company_name: "Acme Inc.",
  vertical: "TECHNOLOGY",
  ein: "123456789",
  ein_issuing_country: "US",
  website: "https://acme.example",
  alt_business_id_type: "NONE",
  address: { street: "123 Main St", city: "San Francisco", state: "CA", postal_code: "94105", country: "US" },
  authorized_contact: {
    first_name: "Jane",
    last_name: "Doe",
    email: "jane@acme.example",
    phone: "14155550123",
    title: "Owner",
    seniority: "CEO"
  }
})

/** The fields of a seeded profile. */
export const seededProfileFields = (input: PlivoEmulator.SeedProfile, n: number): WireFields => {
  const fields = defaultProfileFields(input.profile_alias ?? `profile ${n}`)
  for (const [k, v] of Object.entries(input)) if (k !== "profile_uuid" && v !== undefined) fields[k] = v
  return fields
}

/** The id of a seeded record: the one given or a new one. */
export const seededUuid = (given: string | undefined): string => given ?? uuid()

/** Campaign texts that pass every create rule. */
export const defaultCampaignFields = (alias: string, vertical: string): WireFields => ({
  campaign_alias: alias,
  vertical,
  description: "Appointment reminders and account notices for Acme customers.",
  sample1: "Your appointment is tomorrow at 10am. Reply STOP to opt out.",
  sample2: "Your order has shipped. Reply HELP for help.",
  message_flow: "Customers opt in on the signup form at https://acme.example/signup.",
  help_message: "Acme: reply STOP to opt out. Help at acme.example.",
  optout_message: "You are unsubscribed from Acme messages."
})

/** Verification fields that pass every create rule. */
export const defaultTollfreeFields = (profileUuid: string, number: string, usecase: string): WireFields => ({
  profile_uuid: profileUuid,
  number,
  usecase,
  usecase_summary: "One-time passcodes for Acme sign-in.",
  message_sample: "Your Acme code is 123456.",
  optin_image_url: "https://acme.example/optin.png",
  optin_type: "WEB_FORM",
  volume: "1,000"
})
