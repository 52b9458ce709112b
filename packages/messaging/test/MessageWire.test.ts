import { describe, expect, it } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as DateTime from "effect/DateTime"
import * as Either from "effect/Either"
import * as FastCheck from "effect/FastCheck"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { messageListBody } from "../../../test/bench/pageBody.js"
import { MessageListWire, MessageWire, readFast } from "../src/internal/messageWire.js"
import { Message, MessageList } from "../src/index.js"
import { allFixtures, fixture } from "./messagingSupport.js"

const bySchema = Schema.decodeUnknownEither(Message)

/** The plain reading either leaves the record to the schema or gives exactly what the schema gives, keys in its order. */
const agrees = (wire: unknown): "fast" | "schema" => {
  const fast = readFast(wire)
  const slow = bySchema(wire)
  if (fast === undefined) return "schema"
  expect(Either.isRight(slow), "the schema accepts what the plain reading accepts").toBe(true)
  if (Either.isRight(slow)) {
    expect(fast).toStrictEqual(slow.right)
    expect(Object.keys(fast)).toEqual(Object.keys(slow.right))
  }
  return "fast"
}

/** The message records of the recorded bodies: list pages' objects and single records. */
const recordedMessages = allFixtures().flatMap((name) => {
  if (!name.endsWith(".json")) return []
  const json = fixture(name)
  const objects = Array.isArray(json.objects) ? json.objects : [json]
  return objects.filter((o: unknown) => typeof o === "object" && o !== null && "message_uuid" in o && "message_time" in o)
})

const FIELDS = Object.keys(Message.fields)

const pageRows: ReadonlyArray<Record<string, unknown>> = JSON.parse(messageListBody(20)).objects

/**
 * Arbitrary messages, encoded as the schema encodes them, their instants moved into years
 * Plivo's format can hold (the arbitrary `DateTime`s span ±270,000 years), mixed with the
 * rows of the benchmark's page (Plivo's own `+05:30` timestamps).
 */
const wireMessage: FastCheck.Arbitrary<Record<string, unknown>> = FastCheck.oneof(
  FastCheck.tuple(Arbitrary.make(Message), FastCheck.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }))
    .map(([message, ms]) => {
      const moved = Object.fromEntries(
        Object.entries(message).map(([key, value]) => [key, DateTime.isDateTime(value) ? DateTime.unsafeMake(ms) : value])
      )
      return { ...Schema.encodeSync(Message)(Schema.decodeUnknownSync(Schema.typeSchema(Message))(moved)) }
    }),
  FastCheck.constantFrom(...pageRows).map((row) => ({ ...row }))
)

// Values a field may meet on the wire, beside arbitrary JSON: blanks, digits, timestamps.
const oddValue = FastCheck.oneof(
  FastCheck.jsonValue(),
  FastCheck.constantFrom(undefined, null, "", " ", "0", "000", "1700000000", "0.00250", " 1.5 ", "1e3", "2024-08-21 18:28:51+05:30"),
  FastCheck.constantFrom("2024-02-30 10:00:00", "2024-08-21T18:28:51.123456789Z", "2024-08-21 18:28", "99-01-01 00:00:00"),
  FastCheck.integer(),
  FastCheck.double()
)

describe("MessageWire: the plain reading of a record agrees with the Message schema", () => {
  it("on every recorded message record, and reads them all itself", () => {
    expect(recordedMessages.length).toBeGreaterThan(5)
    expect(recordedMessages.map(agrees)).toEqual(recordedMessages.map(() => "fast"))
  })

  it("on the benchmark's page, every row read by the plain code", () => {
    expect(pageRows.map(agrees)).toEqual(pageRows.map(() => "fast"))
  })

  it("on arbitrary messages, encoded as the schema encodes them", () => {
    let fast = 0
    FastCheck.assert(
      FastCheck.property(wireMessage, (wire) => {
        if (agrees(wire) === "fast") fast++
      }),
      { numRuns: 300 }
    )
    expect(fast).toBeGreaterThan(100)
  })

  it("on records with one field replaced by an odd value, or added, or removed", () => {
    FastCheck.assert(
      FastCheck.property(
        wireMessage,
        FastCheck.constantFrom(...FIELDS, "unknown_extra"),
        FastCheck.option(oddValue, { nil: "remove" }),
        (wire, field, value) => {
          if (value === "remove") delete wire[field]
          else wire[field] = value
          const outcome = agrees(wire)
          if (Either.isLeft(bySchema(wire))) expect(outcome).toBe("schema")
        }
      ),
      { numRuns: 2_000 }
    )
  })

  it("options other than the defaults are the schema's: excess properties kept, or refused", () => {
    const [row] = JSON.parse(messageListBody(1)).objects
    const extra = { ...row, unknown_extra: 1 }
    const preserved = ParseResult.decodeUnknownSync(MessageWire)(extra, { onExcessProperty: "preserve" })
    expect(preserved).toStrictEqual(ParseResult.decodeUnknownSync(Message)(extra, { onExcessProperty: "preserve" }))
    expect(Either.isLeft(ParseResult.decodeUnknownEither(MessageWire)(extra, { onExcessProperty: "error" }))).toBe(true)
  })

  it("a page the schema refuses is refused with the same issues", () => {
    const page = JSON.parse(messageListBody(3))
    page.objects[1].message_time = "2024-02-30 10:00:00"
    page.objects[2].total_rate = "free"
    const issues = <A, I>(schema: Schema.Schema<A, I>) =>
      Either.match(Schema.decodeUnknownEither(schema)(page, { errors: "all" }), {
        onLeft: (error) => ParseResult.ArrayFormatter.formatErrorSync(error),
        onRight: () => []
      })
    expect(issues(MessageList)).toHaveLength(2)
    expect(issues(MessageListWire)).toEqual(issues(MessageList))
  })

  it("a single record the schema refuses (as Messages.get reads it) is refused with the same issues", () => {
    const [row] = JSON.parse(messageListBody(1)).objects
    const issues = <A, I>(schema: Schema.Schema<A, I>, wire: unknown) =>
      Either.match(Schema.decodeUnknownEither(schema)(wire), {
        onLeft: (error) => ParseResult.ArrayFormatter.formatErrorSync(error),
        onRight: () => []
      })
    for (const wire of [{ ...row, message_time: "2024-02-30 10:00:00" }, { ...row, units: "1" }, "not a record", null]) {
      expect(issues(Message, wire)).toHaveLength(1)
      expect(issues(MessageWire, wire)).toEqual(issues(Message, wire))
    }
  })
})
