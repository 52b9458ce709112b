import { formatMoney, RetryPolicy } from "@plivo-effect/core"
import { StubHttpClient } from "@plivo-effect/testing"
import * as BigDecimal from "effect/BigDecimal"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { expect } from "vitest"
import { Messaging } from "../src/index.js"

export { allFixtures, fixture, fixturesDir } from "../../../test/fixtures/recorded.js"

/** Messages and Media over a stub; no retries, so each answer surfaces as is. */
export const stubbed = (handler: StubHttpClient.Handler) =>
  Messaging.layer.pipe(Layer.provideMerge(StubHttpClient.layerClient(handler, { retry: RetryPolicy.none })))

export const requests = Effect.flatMap(StubHttpClient, (stub) => stub.requests)

export const objectsOf = (json: Record<string, unknown>): ReadonlyArray<Record<string, unknown>> => {
  const objects = json.objects
  if (!Array.isArray(objects)) throw new Error("no objects")
  return objects.map((o) => ({ ...o }))
}

const TIMESTAMPS = new Set([
  "message_time",
  "message_sent_time",
  "message_updated_time",
  "conversation_expiration_timestamp",
  "upload_time"
])
const MONEY = new Set(["total_amount", "total_rate", "carrier_fees", "carrier_fees_rate"])

/**
 * Checks that every field of a wire object survived decoding with its value: timestamps
 * as the same instant, money with the same digits and scale, `url` as `media_url`.
 */
export const expectDecodedFrom = (raw: Record<string, unknown>, decoded: object): void => {
  const out = new Map(Object.entries(decoded))
  for (const [key, value] of Object.entries(raw)) {
    if (key === "url") {
      expect(out.get("media_url"), key).toBe(raw.media_url ?? value)
    } else if (TIMESTAMPS.has(key)) {
      if (value === "" || value === null) expect(out.has(key), key).toBe(false)
      else {
        const got = out.get(key)
        expect(DateTime.isDateTime(got) && DateTime.toEpochMillis(got), key).toBe(Date.parse(String(value).replace(" ", "T")))
      }
    } else if (MONEY.has(key)) {
      const got = out.get(key)
      expect(BigDecimal.isBigDecimal(got) && formatMoney(got), key).toBe(value)
    } else {
      expect(out.get(key), key).toEqual(value)
    }
  }
}
