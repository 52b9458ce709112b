// The README's "Compliance" program, kept here so that the type-check covers it.
import { NodeRuntime } from "@effect/platform-node"
import { Brands, Campaigns, Compliance, Profiles } from "@plivo-effect/compliance"
import { Effect, Schedule } from "effect"

// Each registration posts its status changes to `url`: serve ComplianceWebhooks there.
const url = "https://hooks.example.com/plivo/10dlc"

const register = Effect.gen(function*() {
  const { profile_uuid } = yield* (yield* Profiles).create({
    profile_alias: "acme",
    customer_type: "DIRECT",
    entity_type: "PRIVATE",
    company_name: "Acme Inc.",
    ein: "123456789",
    vertical: "TECHNOLOGY",
    address: { street: "1 Main St", city: "Austin", state: "TX", postal_code: "78701", country: "US" },
    authorized_contact: { first_name: "Ada", last_name: "Lovelace", email: "ada@acme.example" }
  })
  const brands = yield* Brands
  const { brand_id } = yield* brands.create({ profile_uuid, brand_alias: "acme", brand_type: "STANDARD", url })
  yield* brands.awaitRegistration(brand_id) // TCR: minutes to hours

  const campaigns = yield* Campaigns
  const { campaign_id } = yield* campaigns.create({
    brand_id,
    campaign_alias: "acme-2fa",
    vertical: "TECHNOLOGY",
    usecase: "2FA",
    description: "One-time sign-in codes for users of the Acme app, on request only.",
    sample1: "Your Acme code is 123456. Reply STOP to opt out.",
    sample2: "Acme: 654321 is your code. Reply HELP for help.",
    message_flow: "Users enter their number at sign-up and tick a consent box.",
    help_message: "Acme: help at acme.example/help. Reply STOP to opt out.",
    optout_message: "Acme: you are unsubscribed and will get no more messages.",
    subscriber_optin: true,
    subscriber_optout: true,
    subscriber_help: true,
    direct_lending: false,
    embedded_link: false,
    embedded_phone: false,
    age_gated: false,
    affiliate_marketing: false,
    url
  })
  // Carrier review takes days: read once an hour, for up to two weeks.
  yield* campaigns.awaitRegistration(campaign_id, { schedule: Schedule.spaced("1 hour").pipe(Schedule.upTo("14 days")) })

  yield* campaigns.linkNumbers(campaign_id, { numbers: ["14155550100"], url })
  return yield* campaigns.awaitNumberLink(campaign_id, "14155550100")
}).pipe(
  // Plivo's reasons: TCR's declined_reasons for a brand, error_code / error_reason for a campaign.
  Effect.catchTag("RegistrationRejectedError", (rejected) => Effect.logError(rejected.message, rejected.declined_reasons ?? []))
)

// Every compliance service on one PlivoClient (PLIVO_AUTH_ID, PLIVO_AUTH_TOKEN).
register.pipe(Effect.provide(Compliance.layerConfig()), NodeRuntime.runMain)
