/**
 * A CommonJS user's program, compiled (`module` / `moduleResolution` Node16, so `.cts` is
 * CommonJS and every `import` below becomes a `require`) and run with plain `node` by
 * `pack.test.ts` in the throwaway project that installed the packed tarballs. It requires every package by barrel
 * and by subpath, sends one SMS over a socket to the emulator whose base URL and credentials
 * are its arguments (with `Messaging.layerConfig`, whose default `HttpClient` is loaded when
 * the layer is built), one more to an in-process emulator, and prints what it saw, and which
 * builds `require` loaded, as one JSON line. Only the pack test type-checks it: the
 * workspace's `verbatimModuleSyntax` forbids `import` syntax in a CommonJS file, and users'
 * CommonJS projects write it.
 */
import { Brands } from "@plivo-effect/compliance"
import * as Core from "@plivo-effect/core"
import { PlivoClient } from "@plivo-effect/core/PlivoClient"
import { InvalidParamsError } from "@plivo-effect/core/PlivoError"
import * as Messaging from "@plivo-effect/messaging"
import { Messages } from "@plivo-effect/messaging/Messages"
import { Powerpacks } from "@plivo-effect/powerpack"
import * as Testing from "@plivo-effect/testing"
import { PlivoEmulator } from "@plivo-effect/testing/PlivoEmulator"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"

const [baseUrl = "", authId = "", authToken = ""] = process.argv.slice(2)

const sms = { src: "14155550100", dst: "14155550123", text: "required" }

process.env["PLIVO_AUTH_ID"] = authId
process.env["PLIVO_AUTH_TOKEN"] = authToken
process.env["PLIVO_BASE_URL"] = baseUrl

const overSocket = Effect.flatMap(Messages, (messages) => messages.send(sms)).pipe(
  Effect.provide(Messaging.Messaging.layerConfig())
)

const inProcess = Effect.gen(function*() {
  const messages = yield* Messaging.Messages
  const sent = yield* messages.send(sms)
  const invalid = yield* Effect.flip(messages.send({ ...sms, dst: "not a number" }))
  const seen = yield* (yield* PlivoEmulator).sentMessages
  return { sent: sent.message_uuid.length, seen: seen.length, invalidIsCoreError: invalid instanceof Core.InvalidParamsError }
}).pipe(Effect.provide(Messaging.Messaging.layer.pipe(Layer.provideMerge(Testing.PlivoEmulator.layerClient()))))

/** The `code` a `require` of `specifier` fails with, or "loaded". */
const refusal = (specifier: string): string => {
  try {
    require(specifier)
    return "loaded"
  } catch (error) {
    return error instanceof Error && "code" in error ? String(error.code) : String(error)
  }
}

/** The installed packages whose modules `require` loaded from `build` ("cjs", "esm" or the ESM `dist/*.js`). */
const loadedFrom = (build: "cjs" | "esm" | "dist"): Array<string> => {
  const pattern = build === "dist"
    ? /node_modules\/((?:@[^/]+\/)?[^/]+)\/dist\/(?!cjs\/|esm\/|dts\/)[^/]+\.js$/
    : new RegExp(`node_modules/((?:@[^/]+/)?[^/]+)/dist/${build}/`)
  const names = Object.keys(require.cache).flatMap((file) => pattern.exec(file.split("\\").join("/"))?.[1] ?? [])
  return [...new Set(names)].sort()
}

const main = async () => {
  const socket = await Effect.runPromise(overSocket)
  const local = await Effect.runPromise(inProcess)
  const result = {
    socketUuids: socket.message_uuid.length,
    local,
    sameClient: Core.PlivoClient === PlivoClient,
    sameMessages: Messaging.Messages === Messages,
    sameEmulator: Testing.PlivoEmulator === PlivoEmulator,
    sameError: Core.InvalidParamsError === InvalidParamsError,
    barrels: [typeof Brands, typeof Powerpacks],
    internal: refusal("@plivo-effect/core/internal/plivoClient"),
    cjsFolder: refusal("@plivo-effect/core/cjs/PlivoClient"),
    cjs: loadedFrom("cjs"),
    esm: [...loadedFrom("esm"), ...loadedFrom("dist")]
  }
  console.log(JSON.stringify(result))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
