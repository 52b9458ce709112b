/**
 * Streams the account's whole message history (Plivo's 90-day look-back) and prints a
 * line per message, then counts by state and sums what it cost.
 *
 *   npx tsx --conditions=@plivo-effect/source examples/stream-history.ts
 *
 * Without PLIVO_AUTH_ID it talks to a stub holding 57 messages of the last 60 days. With
 * PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN it reads the real account; Plivo allows 20 list
 * requests a minute, so a long history takes a while.
 */
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { formatMoney, PlivoClient, PlivoConfig } from "@plivo-effect/core"
import { type Message, Messages } from "@plivo-effect/messaging"
import { StubHttpClient } from "@plivo-effect/testing"
import { BigDecimal, Config, type ConfigError, Console, DateTime, Effect, Layer, Option, Stream } from "effect"

const HOUR = 3_600_000
const STATES = ["delivered", "delivered", "delivered", "sent", "undelivered", "failed", "received"] as const

/** A `GET Message/` that honours the message_time bounds, newest first, limit and offset. */
const stubPlivo = (): StubHttpClient.Handler => {
  const now = Date.now()
  const rows = Array.from({ length: 57 }, (_, i) => ({ i, ms: now - (i + 1) * 25 * HOUR }))
  const bound = (value: string | undefined) => (value === undefined ? undefined : Date.parse(`${value.replace(" ", "T")}Z`))
  return (request) => {
    if (request.method !== "GET" || request.resource !== "Message/") {
      return StubHttpClient.json(404, { api_id: crypto.randomUUID(), error: "not found" })
    }
    const q = request.query
    const [gte, lte] = [bound(q.message_time__gte), bound(q.message_time__lte)]
    const limit = Number(q.limit ?? 20)
    const offset = Number(q.offset ?? 0)
    const matching = rows.filter((r) => (gte === undefined || r.ms >= gte) && (lte === undefined || r.ms <= lte))
    const objects = matching.slice(offset, offset + limit).map(({ i, ms }) => {
      const state = STATES[i % STATES.length] ?? "sent"
      const inbound = state === "received"
      return {
        message_uuid: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
        // Plivo's format in an account set to India time.
        message_time: new Date(ms + 5.5 * HOUR).toISOString().replace("T", " ").replace("Z", "+05:30"),
        message_direction: inbound ? "inbound" : "outbound",
        message_state: state,
        message_type: i % 5 === 0 ? "mms" : "sms",
        from_number: inbound ? `1415555${String(1000 + i)}` : "14155550100",
        to_number: inbound ? "14155550100" : `1415555${String(1000 + i)}`,
        units: 1 + (i % 3),
        total_rate: "0.00500",
        total_amount: (0.005 * (1 + (i % 3))).toFixed(5),
        error_code: state === "undelivered" ? "30" : state === "failed" ? "450" : "000"
      }
    })
    const more = offset + limit < matching.length
    return StubHttpClient.json(200, {
      api_id: crypto.randomUUID(),
      meta: { limit, offset, previous: null, next: more ? `/v1/Account/MASTUB/Message/?limit=${limit}&offset=${offset + limit}` : null },
      objects
    })
  }
}

/** The one place that decides which Plivo this example talks to. */
const plivoClient = (): Layer.Layer<PlivoClient, ConfigError.ConfigError> =>
  Layer.unwrapEffect(
    Effect.map(Config.option(Config.string("PLIVO_AUTH_ID")), (authId) =>
      Option.isSome(authId)
        ? PlivoClient.layer.pipe(Layer.provide(PlivoConfig.layerConfig()), Layer.provide(NodeHttpClient.layer))
        : StubHttpClient.layerClient(stubPlivo())
    )
  )

interface Summary {
  readonly count: number
  readonly byState: Readonly<Record<string, number>>
  readonly spent: BigDecimal.BigDecimal
}

const tally = (summary: Summary, m: Message): Summary => ({
  count: summary.count + 1,
  byState: { ...summary.byState, [m.message_state]: (summary.byState[m.message_state] ?? 0) + 1 },
  spent: BigDecimal.sum(summary.spent, m.total_amount)
})

const program = Effect.gen(function*() {
  const messages = yield* Messages
  const summary = yield* messages.stream().pipe(
    Stream.tap((m) =>
      Console.log(
        `${DateTime.formatIso(m.message_time)}  ${m.message_direction.padEnd(8)} ${m.message_type.padEnd(4)} ` +
          `${m.message_state.padEnd(11)} ${m.from_number} → ${m.to_number}  ${formatMoney(m.total_amount)}`
      )
    ),
    Stream.runFold<Summary, Message>({ count: 0, byState: {}, spent: BigDecimal.fromBigInt(0n) }, tally)
  )
  yield* Console.log(`\n${summary.count} messages in the last 90 days`)
  for (const [state, n] of Object.entries(summary.byState)) yield* Console.log(`  ${state.padEnd(11)} ${n}`)
  yield* Console.log(`total amount: ${formatMoney(summary.spent)}`)
})

program.pipe(
  Effect.provide(Messages.layer.pipe(Layer.provide(plivoClient()))),
  NodeRuntime.runMain
)
