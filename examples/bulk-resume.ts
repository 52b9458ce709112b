/**
 * A bulk send that survives a crash: every outcome is appended to a journal (JSON lines)
 * as it arrives, and a second run skips every recipient the journal already has, so no
 * one is texted twice.
 *
 *   npx tsx --conditions=@plivo-effect/source examples/bulk-resume.ts --journal /tmp/sale.jsonl --stop-after 2000
 *   npx tsx --conditions=@plivo-effect/source examples/bulk-resume.ts --journal /tmp/sale.jsonl
 *
 * The first command stops after 2,000 outcomes (as a crash would); the second finishes
 * the job. It runs against the in-process emulator unless PLIVO_AUTH_ID and
 * PLIVO_AUTH_TOKEN are set and `--live` is given.
 *
 * The journal holds two kinds of line:
 *
 * - `{"sending":[...]}`, written by `beforeSend` before each request: these numbers are
 *   about to be texted.
 * - `{"dst":…,"outcome":…}`, one per recipient as its outcome arrives.
 *
 * On resume, a recipient with an outcome is skipped, whatever the outcome. A recipient
 * recorded as `sending` without an outcome was in a request when the process stopped: it
 * may have been texted, so it is recorded as `Unknown` and skipped too. `Unknown`
 * recipients are never re-sent by this program: whether they got the text can only be
 * told later (the message list filtered by `to_number` and time, or the delivery reports
 * that do arrive) or by a person. `Rejected` ones certainly got nothing; after fixing the
 * cause, delete their lines and run again to send them.
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { normalizePhoneNumber } from "@plivo-effect/core"
import { type BulkOutcome, Messages } from "@plivo-effect/messaging"
import { Console, Effect, Layer, Option, Stream } from "effect"
import { appendFileSync, existsSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as Plivo from "./lib/plivo.js"

const arg = (name: string): string | undefined => {
  const at = process.argv.indexOf(name)
  return at < 0 ? undefined : process.argv[at + 1]
}

const journal = arg("--journal") ?? join(tmpdir(), "plivo-bulk-resume.jsonl")
// Stopping after N outcomes stands in for a crash: requests in flight are cut off.
const stopAfter = arg("--stop-after")

/** The audience: 5,000 numbers, a few twice and a few that are not numbers at all. */
function* audience(): Generator<string> {
  for (let i = 0; i < 5_000; i++) {
    yield `+1 415 ${String(i).padStart(7, "0").replace(/^(\d{3})/, "$1 ")}`
    if (i % 1_000 === 7) yield `1415${String(i).padStart(7, "0")}` // the same person again
    if (i % 1_000 === 9) yield `call me ${i}`
  }
}

/** The key a recipient is known by: its normalised number, or the text as given. */
const keyOf = (input: string): string => Option.getOrElse(normalizePhoneNumber(input), () => input)

interface Line {
  readonly sending?: ReadonlyArray<string>
  readonly dst?: string
  readonly outcome?: BulkOutcome["_tag"]
}

const append = (line: object) => Effect.sync(() => appendFileSync(journal, `${JSON.stringify(line)}\n`))

const record = (outcome: BulkOutcome) =>
  append({
    dst: outcome.dst,
    outcome: outcome._tag,
    ...(outcome._tag === "Queued" ? { message_uuid: outcome.message_uuid } : {}),
    ...(outcome._tag === "Rejected" || outcome._tag === "Unknown" ? { error: outcome.error.message } : {})
  })

/** What the journal says: who has an outcome, and who was being sent to without one. */
const readJournal = Effect.sync(() => {
  const done = new Map<string, BulkOutcome["_tag"]>()
  const sending = new Set<string>()
  if (existsSync(journal)) {
    for (const text of readFileSync(journal, "utf8").split("\n")) {
      if (text.trim() === "") continue
      const line: Line = JSON.parse(text)
      for (const dst of line.sending ?? []) sending.add(dst)
      if (line.dst !== undefined && line.outcome !== undefined) done.set(line.dst, line.outcome)
    }
  }
  return { done, inFlight: [...sending].filter((dst) => !done.has(dst)) }
})

const program = Effect.gen(function*() {
  const before = yield* readJournal
  // Numbers that were in a request when the last run stopped may have been texted.
  for (const dst of before.inFlight) {
    yield* append({ dst, outcome: "Unknown", error: "the run stopped while this number's request was in flight" })
    before.done.set(dst, "Unknown")
  }
  if (before.done.size > 0) {
    yield* Console.log(
      `resuming: ${before.done.size} recipients already have an outcome (${before.inFlight.length} were in flight, now Unknown)`
    )
  }

  const messages = yield* Messages
  const remaining = Stream.fromIterable(audience()).pipe(Stream.filter((input) => !before.done.has(keyOf(input))))
  const sent = yield* messages.sendBulk(
    { src: "14155550100", dst: remaining, text: "Spring sale: 20% off until Sunday. Reply STOP to opt out." },
    { concurrency: 2, beforeSend: (destinations) => append({ sending: destinations }) }
  ).pipe(
    Stream.tap(record),
    (outcomes) => stopAfter === undefined ? outcomes : Stream.take(outcomes, Number(stopAfter)),
    Stream.runCount
  )
  yield* Console.log(`this run: ${sent} outcomes recorded in ${journal}`)

  const after = yield* readJournal
  const tally = new Map<string, number>()
  for (const outcome of after.done.values()) tally.set(outcome, (tally.get(outcome) ?? 0) + 1)
  yield* Console.log(
    `journal: ${after.done.size} recipients: ` +
      ["Queued", "Invalid", "Rejected", "Unknown"].map((tag) => `${tally.get(tag) ?? 0} ${tag}`).join(", ")
  )
})

program.pipe(
  Effect.provide(Messages.layer.pipe(Layer.provide(Plivo.layer({ lifecycle: { auto: false } })))),
  NodeRuntime.runMain
)
