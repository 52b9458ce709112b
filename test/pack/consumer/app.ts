/**
 * A user's program, compiled and run by `pack.test.ts` in a throwaway project outside the
 * workspace that installed the packed tarballs. It imports by barrel and by module
 * subpath, sends one SMS over a socket to the emulator whose base URL and credentials
 * are its arguments, one more to an in-process emulator, creates a Powerpack there, has
 * a compliance request refused before it is sent, and prints what it saw as one JSON line. Type-checked there under `moduleResolution` NodeNext and Bundler.
 * The workspace type-checks it too (against the sources).
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as Compliance from "@plivo-effect/compliance"
import { Brands } from "@plivo-effect/compliance/Brands"
import * as Core from "@plivo-effect/core"
import { formatMoney } from "@plivo-effect/core/Money"
import { PlivoClient } from "@plivo-effect/core/PlivoClient"
import { PlivoConfig } from "@plivo-effect/core/PlivoConfig"
import { InvalidParamsError, type PlivoError } from "@plivo-effect/core/PlivoError"
import * as Messaging from "@plivo-effect/messaging"
import { Messages } from "@plivo-effect/messaging/Messages"
import type { SendResult } from "@plivo-effect/messaging/SendResult"
import * as Powerpack from "@plivo-effect/powerpack"
import { Powerpacks } from "@plivo-effect/powerpack/Powerpacks"
import * as Testing from "@plivo-effect/testing"
import { PlivoEmulator } from "@plivo-effect/testing/PlivoEmulator"
import * as BigDecimal from "effect/BigDecimal"
import type * as ConfigError from "effect/ConfigError"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
// @ts-expect-error internal modules are not exported
import type * as _Internal from "@plivo-effect/core/internal/plivoClient"

const [baseUrl = "", authId = "", authToken = ""] = process.argv.slice(2)

const sms = { src: "14155550100", dst: "14155550123", text: "packed" }

const overSocket: Effect.Effect<SendResult, PlivoError | ConfigError.ConfigError> = Effect.flatMap(
  Messages,
  (messages) => messages.send(sms)
).pipe(
  Effect.provide(
    Messages.layer.pipe(
      Layer.provide(PlivoClient.layer),
      Layer.provide(PlivoConfig.layer({ authId, authToken, baseUrl })),
      Layer.provide(FetchHttpClient.layer)
    )
  )
)

// The barrels' names are the subpath modules' values: one copy of each class.
const inProcess = Effect.gen(function*() {
  const messages = yield* Messaging.Messages
  const sent = yield* messages.send(sms)
  const invalid = yield* Effect.flip(messages.send({ ...sms, dst: "not a number" }))
  const emulator = yield* PlivoEmulator
  const seen = yield* emulator.sentMessages
  return { sent: sent.message_uuid.length, seen: seen.length, invalidIsCoreError: invalid instanceof Core.InvalidParamsError }
}).pipe(Effect.provide(Messaging.Messaging.layer.pipe(Layer.provideMerge(Testing.PlivoEmulator.layerClient()))))

// The powerpack package over the same in-process emulator: a Powerpack and its pool's id.
const powerpack = Effect.gen(function*() {
  const pack = yield* (yield* Powerpacks).create({ name: "packed" })
  const pool = yield* (yield* Powerpack.NumberPool).listNumbers(pack.number_pool_uuid)
  return { named: pack.name, poolNumbers: pool.objects.length }
}).pipe(
  Effect.provide(
    Layer.mergeAll(Powerpack.Powerpacks.layer, Powerpack.NumberPool.layer).pipe(
      Layer.provideMerge(Testing.PlivoEmulator.layerClient())
    )
  )
)

// The compliance package over the same emulator: a STARTER brand without its mobile phone
// is refused before anything is sent.
const compliance = Effect.gen(function*() {
  const refused = yield* Effect.flip((yield* Brands).create({ profile_uuid: "p", brand_alias: "packed" }))
  const emulator = yield* PlivoEmulator
  return { refused: refused._tag, requests: (yield* emulator.requests).length }
}).pipe(Effect.provide(Compliance.Compliance.layer.pipe(Layer.provideMerge(Testing.PlivoEmulator.layerClient()))))

const internalModule = "@plivo-effect/core/internal/plivoClient"

const main = async () => {
  const socket = await Effect.runPromise(overSocket)
  const local = await Effect.runPromise(inProcess)
  const pooled = await Effect.runPromise(powerpack)
  const registered = await Effect.runPromise(compliance)
  const internal = await import(internalModule).then(
    () => "loaded",
    (error: unknown) => (error instanceof Error && "code" in error ? String(error.code) : String(error))
  )
  const result = {
    socketUuids: socket.message_uuid.length,
    local,
    pooled,
    samePowerpacks: Powerpack.Powerpacks === Powerpacks,
    registered,
    sameBrands: Compliance.Brands === Brands,
    sameClient: Core.PlivoClient === PlivoClient,
    sameMessages: Messaging.Messages === Messages,
    sameEmulator: Testing.PlivoEmulator === PlivoEmulator,
    sameError: Core.InvalidParamsError === InvalidParamsError,
    money: formatMoney(BigDecimal.make(250n, 5)),
    phone: Option.getOrNull(Core.normalizePhoneNumber("+1 (415) 555-0123")),
    xml: Messaging.MessageXml.contentType,
    internal
  }
  console.log(JSON.stringify(result))
}

await main()
