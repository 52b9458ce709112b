import { describe, expect, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { readFileSync } from "node:fs"
import { PlivoEmulator } from "../src/PlivoEmulator.js"
import { call, decode, GetMessageResponse, sendSms } from "./emulator.support.js"

// The vectors the SDK's `segments` is checked against too (packages/messaging); only the
// data is shared, the emulator's billing stays an independent implementation.
const SharedVectors = Schema.Struct({
  vectors: Schema.Array(Schema.Struct({
    name: Schema.String,
    text: Schema.Array(Schema.Tuple(Schema.String, Schema.Int)),
    encoding: Schema.Literal("GSM-7", "UCS-2"),
    characters: Schema.Int,
    units: Schema.Int
  }))
})
const shared = Schema.decodeUnknownSync(Schema.parseJson(SharedVectors))(
  readFileSync(new URL("../../../test/fixtures/vectors/segments.json", import.meta.url), "utf8")
)

layer(PlivoEmulator.layer({ lifecycle: { auto: false } }))(
  "the emulator bills SMS units per the shared vectors (test/fixtures/vectors/segments.json)",
  (it) => {
    describe.each(shared.vectors)("$name", (v) => {
      it.effect(`${v.units} unit(s)`, () =>
        Effect.gen(function*() {
          const text = v.text.map(([s, times]) => s.repeat(times)).join("")
          const { message_uuid } = yield* sendSms({ dst: "14155550123", text })
          const record = yield* decode(GetMessageResponse)((yield* call("GET", `Message/${message_uuid[0]}/`)).body)
          expect(record.units).toBe(v.units)
        }))
    })
  }
)
