/**
 * The official `plivo` npm SDK against the standalone emulator command, started as a
 * child process exactly as a user would run it: a client no one here wrote must be able
 * to send, read and list messages, and see Plivo's errors.
 */
import { expect, layer } from "@effect/vitest"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import type * as Scope from "effect/Scope"
import { type ChildProcess, spawn } from "node:child_process"
import { fileURLToPath } from "node:url"
import plivo from "plivo"
import { at, eventually } from "./support.js"

const ROOT = fileURLToPath(new URL("../../", import.meta.url))
const SRC = "14155550100"

interface Standalone {
  readonly baseUrl: string
  readonly authId: string
  readonly authToken: string
}

class StandaloneEmulator extends Context.Tag("test/e2e/StandaloneEmulator")<StandaloneEmulator, Standalone>() {}

/** The three lines of the command's banner that a client needs. */
const parseBanner = (output: string): Standalone | undefined => {
  const baseUrl = /base URL:\s+(\S+)/.exec(output)?.[1]
  const authId = /auth ID:\s+(\S+)/.exec(output)?.[1]
  const authToken = /auth token:\s+(\S+)/.exec(output)?.[1]
  return baseUrl === undefined || authId === undefined || authToken === undefined
    ? undefined
    : { baseUrl, authId, authToken }
}

/** Resolves when the process has exited; SIGKILL if SIGTERM was not enough within 5 s. */
const stop = (child: ChildProcess): Effect.Effect<void> =>
  Effect.async<void>((resume) => {
    if (child.exitCode !== null || child.signalCode !== null) return resume(Effect.void)
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000)
    child.once("exit", () => {
      clearTimeout(force)
      resume(Effect.void)
    })
    child.kill("SIGTERM")
  })

/**
 * `node --import tsx --conditions=@plivo-effect/source packages/testing/bin/emulator.ts --port 0`,
 * waiting (at most 30 s) for the banner with the base URL and the generated credentials.
 */
const startStandalone: Effect.Effect<Standalone, Error, Scope.Scope> = Effect.acquireRelease(
  Effect.async<{ readonly child: ChildProcess; readonly info: Standalone }, Error>((resume) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--conditions=@plivo-effect/source", "packages/testing/bin/emulator.ts", "--port", "0"],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] }
    )
    let stdout = ""
    let stderr = ""
    let settled = false
    const settle = (effect: Effect.Effect<{ readonly child: ChildProcess; readonly info: Standalone }, Error>) => {
      if (settled) return
      settled = true
      resume(effect)
    }
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk
      const info = parseBanner(stdout)
      if (info !== undefined) settle(Effect.succeed({ child, info }))
    })
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk))
    child.once("error", (error) => settle(Effect.fail(error)))
    child.once("exit", (code, signal) =>
      settle(Effect.fail(new Error(`the emulator exited early (${code ?? signal}): ${stderr || stdout}`))))
    // Interrupted (the timeout below): do not leave the process behind.
    return stop(child)
  }).pipe(
    Effect.timeoutFail({ duration: "30 seconds", onTimeout: () => new Error("the emulator did not start within 30 s") })
  ),
  ({ child }) => stop(child)
).pipe(Effect.map(({ info }) => info))

const StandaloneLive = Layer.scoped(StandaloneEmulator, startStandalone)

// The plivo SDK's promises are typed loosely (and `list` wrongly: it resolves to an
// array carrying `meta` and `apiId`), so its results are checked with schemas.
const Created = Schema.Struct({
  apiId: Schema.String,
  message: Schema.String,
  messageUuid: Schema.Array(Schema.String),
  // The SDK's typings say `invalidNumber`; at runtime it sets `invalid_number`.
  invalid_number: Schema.optional(Schema.Array(Schema.String))
})

const Listed = Schema.Struct({
  messageUuid: Schema.String,
  fromNumber: Schema.String,
  toNumber: Schema.String,
  messageDirection: Schema.String,
  messageState: Schema.String,
  messageType: Schema.String,
  messageTime: Schema.String,
  errorCode: Schema.NullOr(Schema.String),
  units: Schema.Number,
  totalRate: Schema.String,
  totalAmount: Schema.String,
  resourceUri: Schema.String,
  destinationCountryIso2: Schema.String
})

const Fetched = Schema.Struct({ ...Listed.fields, apiId: Schema.String })

const Meta = Schema.Struct({
  limit: Schema.Number,
  offset: Schema.Number,
  next: Schema.NullOr(Schema.String),
  previous: Schema.NullOr(Schema.String)
})

const prop = (value: unknown, key: string): unknown =>
  typeof value === "object" && value !== null && key in value ? Reflect.get(value, key) : undefined

const decodePage = (page: unknown) =>
  Effect.all({
    objects: Schema.decodeUnknown(Schema.Array(Listed))(page),
    meta: Schema.decodeUnknown(Meta)(prop(page, "meta")),
    apiId: Schema.decodeUnknown(Schema.String)(prop(page, "apiId"))
  })

/** A promise of the plivo SDK as an Effect, bounded in time. */
const call = <A>(f: () => Promise<A>): Effect.Effect<A, unknown> =>
  Effect.tryPromise({ try: f, catch: (error) => error }).pipe(
    Effect.timeoutFail({ duration: "10 seconds", onTimeout: () => new Error("the plivo SDK did not answer within 10 s") })
  )

/** What a rejected plivo SDK promise says. */
const rejection = <A>(f: () => Promise<A>): Effect.Effect<string, Error> =>
  call(f).pipe(
    Effect.flatMap(() => Effect.fail(new Error("expected the plivo SDK to reject"))),
    Effect.catchAll((error) =>
      error instanceof Error && error.message === "expected the plivo SDK to reject"
        ? Effect.fail(error)
        : Effect.succeed(error instanceof Error ? error.message : String(error))
    )
  )

const clientOf = (emulator: Standalone, authToken = emulator.authToken) =>
  new plivo.Client(emulator.authId, authToken, { url: `${emulator.baseUrl}Account/${emulator.authId}`, timeout: 10_000 })

layer(StandaloneLive, { excludeTestServices: true, timeout: 60_000 })("the official plivo SDK against `emulator`", (it) => {
  it.effect("the command prints a loopback base URL and generated credentials", () =>
    Effect.gen(function*() {
      const emulator = yield* StandaloneEmulator
      expect(emulator.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/$/)
      expect(emulator.authId).toMatch(/^MA[A-Z0-9]{18}$/)
      expect(emulator.authToken).toMatch(/^[A-Za-z0-9]{40}$/)
    }))

  it.effect("messages.create sends to several numbers and reports the invalid one", () =>
    Effect.gen(function*() {
      const client = clientOf(yield* StandaloneEmulator)
      const created = yield* call(() => client.messages.create(SRC, "14155550123<1415555012<14155550124", "hello")).pipe(
        Effect.flatMap(Schema.decodeUnknown(Created))
      )
      expect(created.message).toBe("message(s) queued")
      expect(created.messageUuid).toHaveLength(2)
      expect(created.messageUuid.every((uuid) => /^[0-9a-f-]{36}$/.test(uuid))).toBe(true)
      expect(created.invalid_number).toEqual(["1415555012"])
    }))

  it.effect("messages.get reads a message back, and sees it delivered", () =>
    Effect.gen(function*() {
      const client = clientOf(yield* StandaloneEmulator)
      const created = yield* call(() => client.messages.create(SRC, "447700900321", "read me")).pipe(
        Effect.flatMap(Schema.decodeUnknown(Created))
      )
      const uuid = at(created.messageUuid, 0)
      const fetched = yield* call(() => client.messages.get(uuid)).pipe(Effect.flatMap(Schema.decodeUnknown(Fetched)))
      expect(fetched).toMatchObject({
        messageUuid: uuid,
        fromNumber: SRC,
        toNumber: "447700900321",
        messageDirection: "outbound",
        messageType: "sms",
        units: 1,
        destinationCountryIso2: "GB"
      })
      expect(fetched.resourceUri).toMatch(new RegExp(`/Message/${uuid}/$`))
      expect(fetched.totalRate).toMatch(/^\d+\.\d{5}$/)
      expect(fetched.messageTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?\+00:00$/)

      // The standalone emulator runs its lifecycle on the wall clock (100 ms + 200 ms).
      const delivered = yield* eventually(
        call(() => client.messages.get(uuid)).pipe(Effect.flatMap(Schema.decodeUnknown(Fetched))),
        (m) => m.messageState === "delivered"
      )
      expect(delivered.errorCode).toBe("000")
    }))

  it.effect("messages.list filters and pages, newest first, with Plivo's meta", () =>
    Effect.gen(function*() {
      const client = clientOf(yield* StandaloneEmulator)
      const to = "14155550777"
      const sent: Array<string> = []
      for (const text of ["one", "two", "three"]) {
        const created = yield* call(() => client.messages.create(SRC, to, text)).pipe(
          Effect.flatMap(Schema.decodeUnknown(Created))
        )
        sent.push(at(created.messageUuid, 0))
      }
      const first = yield* call(() => client.messages.list({ to_number: to, limit: 2 })).pipe(Effect.flatMap(decodePage))
      expect(first.objects.map((m) => m.messageUuid)).toEqual([at(sent, 2), at(sent, 1)])
      expect(first.objects.every((m) => m.toNumber === to)).toBe(true)
      expect(first.meta).toMatchObject({ limit: 2, offset: 0, previous: null })
      expect(first.meta.next).toEqual(expect.stringContaining("offset=2"))
      expect(first.apiId).not.toBe("")

      const second = yield* call(() => client.messages.list({ to_number: to, limit: 2, offset: 2 })).pipe(
        Effect.flatMap(decodePage)
      )
      expect(second.objects.map((m) => m.messageUuid)).toEqual([at(sent, 0)])
      expect(second.meta.next).toBeNull()

      const inbound = yield* call(() => client.messages.list({ to_number: to, message_direction: "inbound" })).pipe(
        Effect.flatMap(decodePage)
      )
      expect(inbound.objects).toEqual([])
    }))

  it.effect("the SDK surfaces Plivo's error texts: 404, 401 and 400", () =>
    Effect.gen(function*() {
      const emulator = yield* StandaloneEmulator
      const client = clientOf(emulator)
      expect(yield* rejection(() => client.messages.get("00000000-0000-4000-8000-000000000000"))).toBe("not found")
      expect(yield* rejection(() => clientOf(emulator, "wrong-token").messages.list({}))).toBe("authentication failed")
      expect(yield* rejection(() => client.messages.create(SRC, "1415555012", "nobody"))).toBe(
        "'1415555012' is not a valid phone number."
      )
    }))
})
