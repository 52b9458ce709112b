import { describe, expect, it } from "@effect/vitest"
import { StubHttpClient, TestTracer } from "@plivo-effect/testing"
import * as Effect from "effect/Effect"
import { Media, Messages } from "../src/index.js"
import { stubbed } from "./messagingSupport.js"

const UUID = "5b40a428-bfc7-4daf-9d06-726c558bf3b8"
const hostile = "x".repeat(1_000_000) + "\r\n\u202e<script>"

/** The id attribute each id-taking operation records for `id`, by span name. */
const recorded = (id: string) =>
  Effect.gen(function*() {
    const messages = yield* Messages
    const media = yield* Media
    const { spans } = yield* TestTracer.withRecording(Effect.all([
      Effect.either(messages.get(id)),
      Effect.either(messages.listMedia(id)),
      Effect.either(messages.deleteMedia(id)),
      Effect.either(media.get(id))
    ]))
    return Object.fromEntries(
      spans
        .filter((span) => /^(Messages|Media)\./.test(span.name))
        .map((span) => [span.name, span.attributes.get(span.name.startsWith("Media.") ? "plivo.media_id" : "plivo.message_uuid")])
    )
  }).pipe(Effect.provide(stubbed(() => StubHttpClient.json(404, { api_id: "a", error: "not found" }))))

describe("ids in span attributes", () => {
  it.effect("a plain id is recorded as given", () =>
    Effect.gen(function*() {
      expect(yield* recorded(UUID)).toEqual({
        "Messages.get": UUID,
        "Messages.listMedia": UUID,
        "Messages.deleteMedia": UUID,
        "Media.get": UUID
      })
    }))

  it.effect("a huge id with CR/LF and a bidi override is recorded quoted, escaped and bounded", () =>
    Effect.gen(function*() {
      const byName = yield* recorded(hostile)
      expect(Object.keys(byName)).toEqual(["Messages.get", "Messages.listMedia", "Messages.deleteMedia", "Media.get"])
      for (const value of Object.values(byName)) {
        expect(typeof value === "string" && value.length).toBeLessThanOrEqual(70)
        expect(value).toMatch(/^"x+/)
        expect(value).not.toMatch(/[\r\n\u202e]/)
      }
    }))
})

describe("Media under the native tracer (no tracer installed)", () => {
  it.effect("leaves the caller's span without the operation's attributes", () =>
    Effect.gen(function*() {
      const media = yield* Media
      const [uploaded, got, caller] = yield* Effect.all([
        media.upload([{ name: "a.jpg", contentType: "image/jpeg", data: new Uint8Array([0xff, 0xd8]) }]),
        Effect.either(media.get(UUID)),
        Effect.currentSpan
      ]).pipe(Effect.withSpan("caller"))
      // Both operations reached the point where they record their attributes.
      expect(uploaded.api_id).toBe("up-1")
      expect(got._tag).toBe("Left")
      expect(caller.name).toBe("caller")
      expect([...caller.attributes.keys()]).toEqual([])
    }).pipe(Effect.provide(stubbed((request) =>
      request.method === "POST"
        ? StubHttpClient.json(200, { api_id: "up-1", objects: [] })
        : StubHttpClient.json(404, { api_id: "a", error: "not found" })
    ))))
})
