/**
 * The official `plivo` npm SDK against the standalone emulator command, started as a
 * child process exactly as a user would run it: a client no one here wrote must be able
 * to send, read and list messages, and see Plivo's errors.
 */
import { expect, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { call, clientOf, rejection, StandaloneEmulator, StandaloneLive } from "./standalone.js"
import { at, eventually } from "./support.js"

const SRC = "14155550100"

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
