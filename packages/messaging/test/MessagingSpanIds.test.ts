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
