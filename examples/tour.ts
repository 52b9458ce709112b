/**
 * `pnpm demo`: a short tour of plivo-effect.
 *
 * Without credentials it runs against the in-process Plivo emulator (and says so); with
 * PLIVO_AUTH_ID / PLIVO_AUTH_TOKEN it talks to the real API only when `--live` is given,
 * because then it sends real texts: set PLIVO_SRC and PLIVO_DST (comma-separated) too.
 */
import { NodeRuntime } from "@effect/platform-node"
import { Brands, Campaigns, Compliance, type ComplianceCallback, ComplianceWebhooks, Profiles } from "@plivo-effect/compliance"
import { type DeliveryReport, Media, Messages, Messaging, MessagingWebhooks } from "@plivo-effect/messaging"
import { NumberPool, Powerpack, Powerpacks } from "@plivo-effect/powerpack"
import { EmulatorFault, type PlivoEmulator } from "@plivo-effect/testing"
import { Array as Arr, Chunk, Config, Console, DateTime, Duration, Effect, Fiber, Layer, Logger, LogLevel, Option, Ref, Schedule, Stream } from "effect"
import * as Plivo from "./lib/plivo.js"
import * as Webhooks from "./lib/webhooks.js"

const HISTORY = 10_000
const interactive = process.stdout.isTTY === true

interface Totals {
  readonly sent: number
  readonly invalid: number
  readonly media: number
  readonly reports: number
  readonly streamed: number
  readonly repeated: number
  readonly rateLimited: number
  readonly powerpack: number
  readonly complianceCallbacks: number
}

const heading = (n: number, title: string) => Console.log(`\n${n}. ${title}`)
const say = (line: string) => Console.log(`   ${line}`)

const sendSms = (src: string, dst: Arr.NonEmptyReadonlyArray<string>, statusUrl: string, totals: Ref.Ref<Totals>) =>
  Effect.gen(function*() {
    yield* heading(1, `An SMS to ${dst.length} numbers`)
    const messages = yield* Messages
    const sent = yield* messages.send({ src, dst, text: "Your table for 4 is ready. Reply STOP to opt out.", url: statusUrl })
    yield* say(`queued ${sent.message_uuid.length}: ${sent.message_uuid.map((u) => u.slice(0, 8)).join(", ")}`)
    if (sent.invalid_number.length > 0) yield* say(`refused as invalid by Plivo: ${sent.invalid_number.join(", ")}`)
    yield* Ref.update(totals, (t) => ({ ...t, sent: t.sent + sent.message_uuid.length, invalid: t.invalid + sent.invalid_number.length }))
    return sent.message_uuid
  })

const sendMms = (src: string, dst: string, statusUrl: string, totals: Ref.Ref<Totals>) =>
  Effect.gen(function*() {
    yield* heading(2, "Upload an image and send it as an MMS")
    const media = yield* Media
    const png = Uint8Array.from(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64"))
    const uploaded = yield* media.upload([{ name: "table.png", contentType: "image/png", data: png }])
    const ids = uploaded.objects.flatMap((o) => (o._tag === "Uploaded" ? [o.media_id] : []))
    yield* say(`uploaded table.png (${png.length} bytes) as media ${ids.join(", ")}`)
    const messages = yield* Messages
    const sent = yield* messages.send({ type: "mms", src, dst, text: "Here is your table", media_ids: ids, url: statusUrl })
    yield* say(`MMS queued: ${sent.message_uuid[0]?.slice(0, 8)}`)
    yield* Ref.update(totals, (t) => ({ ...t, sent: t.sent + sent.message_uuid.length, media: t.media + ids.length }))
    return sent.message_uuid
  })

const deliveryReports = (uuids: ReadonlyArray<string>, statusUrl: string, totals: Ref.Ref<Totals>) =>
  Effect.gen(function*() {
    yield* heading(3, `Delivery reports, verified at ${statusUrl}`)
    const messages = yield* Messages
    const finals = yield* Effect.forEach(
      uuids,
      (uuid) =>
        MessagingWebhooks.awaitFinal(uuid).pipe(
          Effect.timeout("10 seconds"),
          Effect.option,
          Effect.flatMap((report) => Effect.map(messages.get(uuid), (record) => ({ uuid, record, report })))
        ),
      { concurrency: "unbounded" }
    )
    for (const { record, report, uuid } of finals) {
      yield* say(`${uuid.slice(0, 8)} → ${record.to_number}: ${Option.match(report, {
        onNone: () => `no final report yet (${record.message_state})`,
        onSome: (r: DeliveryReport) => `${r.Status}${r.ErrorCode !== undefined && r.ErrorCode !== "000" ? `, error ${r.ErrorCode}` : ""}`
      })}`)
    }
    const received = finals.filter(({ report }) => Option.isSome(report)).length
    yield* Ref.update(totals, (t) => ({ ...t, reports: t.reports + received }))
  })

const streamHistory = (emulator: Option.Option<PlivoEmulator.Service>, totals: Ref.Ref<Totals>) =>
  Effect.gen(function*() {
    if (Option.isSome(emulator)) {
      const now = yield* DateTime.now
      yield* emulator.value.seedMessages({ count: HISTORY, start: DateTime.subtract(now, { days: 30 }), end: DateTime.subtract(now, { minutes: 5 }) })
      yield* heading(4, `Stream the whole message history (${HISTORY.toLocaleString("en")} seeded over 30 days)`)
    } else {
      yield* heading(4, "Stream the account's message history (Plivo's 90-day look-back)")
    }
    const messages = yield* Messages
    const started = Date.now()
    const byState = new Map<string, number>()
    const seen = new Set<string>()
    let count = 0
    yield* messages.stream().pipe(
      Stream.runForEach((message) =>
        Effect.suspend(() => {
          count++
          seen.add(message.message_uuid)
          byState.set(message.message_state, (byState.get(message.message_state) ?? 0) + 1)
          if (count % (interactive ? 500 : 2500) !== 0) return Effect.void
          return interactive ? Effect.sync(() => process.stdout.write(`\r   ${count.toLocaleString("en")} messages…`)) : say(`${count.toLocaleString("en")} messages…`)
        })
      )
    )
    if (interactive) process.stdout.write("\r")
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    const states = [...byState].sort(([, a], [, b]) => b - a).map(([state, n]) => `${n.toLocaleString("en")} ${state}`).join(", ")
    const repeats = count - seen.size
    yield* say(`${count.toLocaleString("en")} messages in ${seconds} s, ${repeats === 0 ? "each exactly once" : `${repeats} REPEATED`}: ${states}`)
    yield* Ref.update(totals, (t) => ({ ...t, streamed: count, repeated: repeats }))
  })

const absorb429 = (emulator: PlivoEmulator.Service, totals: Ref.Ref<Totals>) =>
  Effect.gen(function*() {
    yield* heading(5, "A 429, absorbed by the backoff")
    yield* emulator.fault(EmulatorFault.tooManyRequests({ retryAfter: "1 second" }), { method: "GET", path: "Message/", times: 2 })
    const started = Date.now()
    const messages = yield* Messages
    const page = yield* messages.list({ limit: 5 })
    const elapsed = ((Date.now() - started) / 1000).toFixed(1)
    const requests = (yield* emulator.requests).filter((r) => r.path.endsWith("/Message/") && r.method === "GET").slice(-3)
    yield* say(`Plivo answered ${requests.map((r) => r.status).join(", then ")}`)
    yield* say(`the SDK waited out Retry-After twice and got ${page.objects.length} messages after ${elapsed} s`)
    yield* Ref.update(totals, (t) => ({ ...t, rateLimited: t.rateLimited + requests.filter((r) => r.status === 429).length }))
  })

const powerpackSends = (totals: Ref.Ref<Totals>) =>
  Effect.gen(function*() {
    yield* heading(6, "A Powerpack: three numbers, five recipients, a sender for each")
    const pack = yield* (yield* Powerpacks).create({ name: "tour", sticky_sender: true, local_connect: true })
    const pool = yield* NumberPool
    const numbers = ["14155550100", "12125550100", "447700900100"] as const
    yield* Effect.forEach(numbers, (number) => pool.addNumber(pack.number_pool_uuid, number), { discard: true })
    yield* say(`pool ${pack.number_pool_uuid.slice(0, 8)}: ${numbers.join(", ")} (San Francisco, New York, UK)`)
    const messages = yield* Messages
    const dst = ["+1 415 555 0188", "+1 212 555 0177", "+44 7700 900321", "+1 312 555 0166", "+1 628 555 0155"] as const
    const sent = yield* messages.send({ powerpack_uuid: pack.uuid, dst, text: "Your order has shipped." })
    for (const uuid of sent.message_uuid) {
      const record = yield* messages.get(uuid)
      yield* say(`${record.to_number} ← ${record.from_number}`)
    }
    yield* Ref.update(totals, (t) => ({ ...t, sent: t.sent + sent.message_uuid.length, powerpack: sent.message_uuid.length }))
  })

const describeCallback = (event: ComplianceCallback): string => {
  switch (event.kind) {
    case "Brand":
      return `brand ${event.brand_id} ${event.status} (${event.registration_status})`
    case "Campaign":
      return `campaign ${event.campaign_id} ${event.status} (${event.registration_status})`
    case "CampaignNumber":
      return `number ${event.number} ${event.status} (${event.number_status})`
    case "TollfreeVerification":
      return `toll-free ${event.number} ${event.status}`
  }
}

// The emulator decides in 50 ms here; Plivo takes minutes to days (see defaultSchedule).
const poll = { schedule: Schedule.spaced("25 millis").pipe(Schedule.upTo("10 seconds")) }

// A business profile: one per brand.
const profile = (company_name: string, ein: string) =>
  Effect.flatMap(Profiles, (profiles) =>
    profiles.create({
      profile_alias: company_name,
      customer_type: "DIRECT",
      entity_type: "PRIVATE",
      company_name,
      ein,
      vertical: "HOSPITALITY",
      address: { street: "1 Market St", city: "San Francisco", state: "CA", postal_code: "94105", country: "US" },
      authorized_contact: { first_name: "Ada", last_name: "Lovelace", email: "ada@tour.example" }
    }))

const registerCampaign = (urls: Webhooks.WebhookServer["Type"]["complianceUrls"], totals: Ref.Ref<Totals>) =>
  Effect.gen(function*() {
    yield* heading(7, "10DLC: a brand, a campaign and a number, awaited and called back")
    // Subscribed before registering, so no callback is missed.
    const callbacks = yield* Effect.fork(Stream.runCollect(Stream.take(ComplianceWebhooks.eventStream, 5)))
    yield* Effect.sleep("10 millis")
    const brands = yield* Brands
    const campaigns = yield* Campaigns
    const { profile_uuid } = yield* profile("Tour Tables Inc.", "111111111")
    const { brand_id } = yield* brands.create({ profile_uuid, brand_alias: "tour", brand_type: "STANDARD", url: urls.brand })
    const brand = yield* brands.awaitRegistration(brand_id, poll)
    yield* say(`brand ${brand_id}: ${brand.registration_status}`)
    const { campaign_id } = yield* campaigns.create({
      brand_id,
      campaign_alias: "tour-tables",
      vertical: "HOSPITALITY",
      usecase: "ACCOUNT_NOTIFICATION",
      description: "Tells guests who booked online that their table is ready, once per booking.",
      sample1: "Your table for 4 is ready. Reply STOP to opt out.",
      sample2: "Tour Tables: your booking for 8 pm is confirmed. Reply HELP for help.",
      message_flow: "Guests give their number when booking online and tick a consent box.",
      help_message: "Tour Tables: help at tour.example/help. Reply STOP to opt out.",
      optout_message: "Tour Tables: you will get no more messages.",
      subscriber_optin: true,
      subscriber_optout: true,
      subscriber_help: true,
      direct_lending: false,
      embedded_link: false,
      embedded_phone: false,
      age_gated: false,
      affiliate_marketing: false,
      url: urls.campaign
    })
    const campaign = yield* campaigns.awaitRegistration(campaign_id, poll)
    yield* say(`campaign ${campaign_id}: ${campaign.registration_status}`)
    yield* campaigns.linkNumbers(campaign_id, { numbers: ["14155550101"], url: urls.number })
    const link = yield* campaigns.awaitNumberLink(campaign_id, "14155550101", poll)
    yield* say(`number ${link.phone_numbers.map((n) => `${n.number}: ${n.status}`).join(", ")}`)
    const events = yield* Fiber.join(callbacks).pipe(Effect.timeout("5 seconds"), Effect.option)
    const received = Option.match(events, { onNone: () => [], onSome: Chunk.toReadonlyArray })
    for (const event of received) yield* say(`callback (verified): ${describeCallback(event)}`)
    // A reserved brand alias makes the emulator decline it, as TCR would.
    const second = yield* profile("Tour Two Inc.", "222222222")
    const declined = yield* brands.create({ profile_uuid: second.profile_uuid, brand_alias: "tour #FAILED:TCR_EIN_MISMATCH", brand_type: "STANDARD" })
    yield* brands.awaitRegistration(declined.brand_id, poll).pipe(
      Effect.zipRight(say("the second brand was approved?")),
      Effect.catchTag("RegistrationRejectedError", (rejected) => say(rejected.message))
    )
    yield* Ref.update(totals, (t) => ({ ...t, complianceCallbacks: received.length }))
  })

const tour = Effect.gen(function*() {
  const backend = yield* Plivo.Backend
  const server = yield* Webhooks.WebhookServer
  yield* Console.log(`plivo-effect tour, talking to ${backend.description}`)
  const totals = yield* Ref.make<Totals>({ sent: 0, invalid: 0, media: 0, reports: 0, streamed: 0, repeated: 0, rateLimited: 0, powerpack: 0, complianceCallbacks: 0 })
  const src = yield* Config.string("PLIVO_SRC").pipe(Config.withDefault("14155550100"))
  // The third number is well formed but not a valid US number (10 digits after the 1):
  // Plivo lists it in invalid_number. The last one is reserved by the emulator to end
  // undelivered with error 30.
  const [first, ...others] = yield* Config.array(Config.string(), "PLIVO_DST").pipe(
    Config.withDefault(["+1 415 555 0123", "+44 7700 900123", "+1 415 555 012", "+1 555 3003 000"])
  )
  if (first === undefined) return yield* Effect.fail(new Error("PLIVO_DST needs at least one number"))
  const dst = Arr.prepend(others, first)
  const sms = yield* sendSms(src, dst, server.statusUrl, totals)
  const mms = yield* sendMms(src, dst[0], server.statusUrl, totals)
  if (Option.isSome(backend.emulator) || server.reachable) {
    yield* deliveryReports([...sms, ...mms], server.statusUrl, totals)
  } else {
    yield* heading(3, "Delivery reports: skipped")
    yield* say("Plivo cannot reach this machine's loopback server: set PLIVO_WEBHOOK_BASE_URL to a public")
    yield* say(`URL (a tunnel or proxy) that forwards to ${server.localUrl}`)
  }
  yield* streamHistory(backend.emulator, totals)
  if (Option.isSome(backend.emulator)) {
    yield* absorb429(backend.emulator.value, totals)
    // Emulator only: against Plivo it would create a Powerpack and needs numbers it owns.
    yield* powerpackSends(totals)
    // Emulator only: at Plivo a brand and a campaign are paid registrations.
    yield* registerCampaign(server.complianceUrls, totals)
  }
  const t = yield* Ref.get(totals)
  yield* Console.log(
    [
      "\nSummary",
      `   sent ${t.sent} messages (${t.invalid} destination refused as invalid), ${t.media} media attachment`,
      `   ${t.reports} delivery reports received through the verified webhook`,
      `   ${t.streamed.toLocaleString("en")} history messages streamed, ${t.repeated === 0 ? "each exactly once" : `${t.repeated} of them repeated`}`,
      `   ${t.rateLimited} rate-limit answers absorbed by the retry policy`,
      ...(t.powerpack === 0 ? [] : [`   ${t.powerpack} texts sent through a Powerpack, each from a sender the pool chose`]),
      ...(t.complianceCallbacks === 0 ? [] : [`   a brand, a campaign and a linked number registered, ${t.complianceCallbacks} status callbacks verified`])
    ].join("\n")
  )
})

tour.pipe(
  Effect.catchAll((error) =>
    Console.error(`\nThe tour stopped: ${String(error)}`).pipe(Effect.zipRight(Effect.sync(() => (process.exitCode = 1))))
  ),
  Effect.provide(
    Layer.mergeAll(Messaging.layer, Powerpack.layer, Compliance.layer, Webhooks.layerConfig).pipe(
      Layer.provideMerge(Plivo.layer({
        lifecycle: { sentAfter: Duration.millis(100), deliveredAfter: Duration.millis(300) },
        compliance: { brandAfter: Duration.millis(50), campaignAfter: Duration.millis(50), numberLinkAfter: Duration.millis(50) }
      }))
    )
  ),
  Logger.withMinimumLogLevel(LogLevel.Info),
  NodeRuntime.runMain
)
