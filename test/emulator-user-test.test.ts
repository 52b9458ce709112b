// The testing README's example: how a user tests their own service against the emulator.
import { expect, layer } from "@effect/vitest"
import { Messages, Messaging } from "@plivo-effect/messaging"
import { PlivoEmulator } from "@plivo-effect/testing"
import { Effect, Layer } from "effect"

// The user's code under test: a service function that uses the SDK.
const sendReminder = (to: string) =>
  Effect.flatMap(Messages, (messages) => messages.send({ src: "14155550100", dst: to, text: "Reminder: dentist at 3pm" }))

layer(Messaging.layer.pipe(Layer.provideMerge(PlivoEmulator.layerClient())))("sendReminder", (it) => {
  it.effect("texts the reminder", () =>
    Effect.gen(function*() {
      yield* sendReminder("+1 415 555 0123")
      const [sent] = yield* Effect.flatMap(PlivoEmulator, (emulator) => emulator.sentMessages)
      expect(sent?.to).toBe("14155550123")
      expect(sent?.text).toContain("dentist")
    }))
})
