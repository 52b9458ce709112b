/**
 * Streams the account's whole message history (Plivo's 90-day look-back) and prints a
 * line per message, then counts by state and sums what it cost.
 *
 *   npx tsx --conditions=@plivo-effect/source examples/stream-history.ts
 *
 * It runs against the in-process Plivo emulator, seeded with 60 messages of the last 60
 * days, unless PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN are set and `--live` is given; then it
 * reads the real account (Plivo allows 20 list requests a minute, so a long history
 * takes a while).
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { formatMoney } from "@plivo-effect/core"
import { type Message, Messages } from "@plivo-effect/messaging"
import { BigDecimal, Console, DateTime, Effect, Layer, Option, Stream } from "effect"
import * as Plivo from "./lib/plivo.js"

/** In the emulator, a history to read: 60 messages of mixed states over the last 60 days. */
const seedHistory = Effect.gen(function*() {
  const { emulator } = yield* Plivo.Backend
  if (Option.isNone(emulator)) return
  const now = yield* DateTime.now
  const span = { start: DateTime.subtract(now, { days: 60 }), end: DateTime.subtract(now, { hours: 1 }) }
  for (const [state, count] of [["delivered", 40], ["sent", 8], ["undelivered", 6], ["failed", 2]] as const) {
    yield* emulator.value.seedMessages({ count, state, ...span })
  }
  yield* emulator.value.seedMessages({ count: 4, direction: "inbound", state: "received", ...span })
})

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
  yield* seedHistory
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
  Effect.provide(Messages.layer.pipe(Layer.provideMerge(Plivo.layer()))),
  NodeRuntime.runMain
)
