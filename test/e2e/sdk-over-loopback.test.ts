/**
 * The SDK against the emulator served on a real loopback socket: NodeHttpServer on one
 * side, NodeHttpClient on the other. Real sockets need the live clock, hence
 * `excludeTestServices`.
 */
import { describe, expect, layer } from "@effect/vitest"
import { PlivoClient } from "@plivo-effect/core"
import { Media, Messages, MessagingWebhooks } from "@plivo-effect/messaging"
import { EmulatorFault, PlivoEmulator, testNumber } from "@plivo-effect/testing"
import * as Clock from "effect/Clock"
import * as DateTime from "effect/DateTime"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import {
  accountPath,
  at,
  eventually,
  loopback,
  requestCount,
  requestsSince,
  sdkFor,
  webhookServer,
  withTag
} from "./support.js"

const SRC = "14155550100"
const HOUR = 3_600_000
const DAY = 24 * HOUR

/** A PNG signature plus a few bytes: the emulator stores the bytes as given. */
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4])

layer(loopback(), { excludeTestServices: true })("the SDK against the emulator over loopback", (it) => {
  describe("Messages.send, get", () => {
    it.effect("sends one SMS, reads it back, and sees it delivered on the live clock", () =>
      Effect.gen(function*() {
        const messages = yield* Messages
        const emulator = yield* PlivoEmulator
        const sent = yield* messages.send({ src: SRC, dst: "+1 (415) 555-0142", text: "hello over loopback" })
        expect(sent.message).toBe("message(s) queued")
        expect(sent.message_uuid).toHaveLength(1)
        expect(sent.invalid_number).toEqual([])
        const uuid = at(sent.message_uuid, 0)

        // The emulator saw exactly the normalised body the SDK encoded.
        const stored = yield* emulator.message(uuid)
        expect(Option.map(stored, (m) => m.requestBody)).toEqual(
          Option.some(expect.objectContaining({ src: SRC, dst: "14155550142", text: "hello over loopback" }))
        )

        const record = yield* messages.get(uuid)
        expect(record.message_uuid).toBe(uuid)
        expect(record.api_id).toEqual(expect.any(String))
        expect(record.from_number).toBe(SRC)
        expect(record.to_number).toBe("14155550142")
        expect(record.message_type).toBe("sms")
        expect(record.message_direction).toBe("outbound")
        // 100 ms + 200 ms on the live clock: normally still queued, later on a loaded machine.
        expect(["queued", "sent", "delivered"]).toContain(record.message_state)

        const delivered = yield* eventually(messages.get(uuid), (m) => m.message_state === "delivered")
        expect(delivered.error_code).toBe("000")
        expect(delivered.message_sent_time).toBeDefined()
        expect(DateTime.lessThanOrEqualTo(delivered.message_time, DateTime.unsafeNow())).toBe(true)
      }))

    it.effect("sends one SMS to many numbers: one uuid per distinct destination, in order", () =>
      Effect.gen(function*() {
        const messages = yield* Messages
        const dst = ["14155550151", "14155550152", "+1 415 555 0151", "447700900123"] as const
        const sent = yield* messages.send({ src: SRC, dst, text: "to many" })
        expect(sent.message_uuid).toHaveLength(3)
        const records = yield* Effect.forEach(sent.message_uuid, (uuid) => messages.get(uuid))
        expect(records.map((m) => m.to_number)).toEqual(["14155550151", "14155550152", "447700900123"])
        expect(records.map((m) => m.destination_country_iso2)).toEqual(["US", "US", "GB"])
      }))

    it.effect("reports the destinations the emulator judges invalid in invalid_number", () =>
      Effect.gen(function*() {
        const messages = yield* Messages
        // 10 digits after +1 is a number the SDK accepts (7–15 digits) but Plivo does not.
        const sent = yield* messages.send({ src: SRC, dst: ["14155550153", "1415555015"], text: "partly invalid" })
        expect(sent.message_uuid).toHaveLength(1)
        expect(sent.invalid_number).toEqual(["1415555015"])
        expect((yield* messages.get(at(sent.message_uuid, 0))).to_number).toBe("14155550153")
      }))

    it.effect("sends a WhatsApp text message", () =>
      Effect.gen(function*() {
        const messages = yield* Messages
        const sent = yield* messages.send({ type: "whatsapp", src: SRC, dst: "14155550154", text: "hi on WhatsApp" })
        const record = yield* messages.get(at(sent.message_uuid, 0))
        expect(record.message_type).toBe("whatsapp")
        expect(record.conversation_origin).toBe("service")
        expect(record.to_number).toBe("14155550154")
      }))
  })

  describe("Media and MMS", () => {
    it.effect("uploads media, reads it, sends it as an MMS, lists and deletes the MMS's media", () =>
      Effect.gen(function*() {
        const media = yield* Media
        const messages = yield* Messages
        const uploaded = yield* media.upload([
          { name: "pixel.png", contentType: "image/png", data: png },
          { name: "note.txt", contentType: "text/plain", data: new Blob(["a note"], { type: "text/plain" }) }
        ])
        expect(uploaded.objects.map((o) => o._tag)).toEqual(["Uploaded", "Uploaded"])
        const ids = uploaded.objects.flatMap((o) => (o._tag === "Uploaded" ? [o.media_id] : []))

        const stored = yield* media.get(at(ids, 0))
        expect(stored.media_id).toBe(at(ids, 0))
        expect(stored.content_type).toBe("image/png")
        expect(stored.size).toBe(png.byteLength)
        expect(stored.file_name).toBe("pixel.png")
        expect(stored.upload_time).toBeDefined()

        const sent = yield* messages.send({ src: SRC, dst: "14155550155", type: "mms", text: "look", media_ids: ids })
        const uuid = at(sent.message_uuid, 0)
        expect((yield* messages.get(uuid)).message_type).toBe("mms")

        const attached = yield* messages.listMedia(uuid)
        expect(attached.objects).toHaveLength(2)
        expect(attached.objects.map((o) => o.message_uuid)).toEqual([uuid, uuid])
        expect(attached.objects.map((o) => o.content_type)).toEqual(["image/png", "text/plain"])
        expect(attached.objects.every((o) => o.media_url?.includes(uuid) === true)).toBe(true)

        yield* messages.deleteMedia(uuid)
        expect((yield* messages.listMedia(uuid)).objects).toEqual([])
      }))

    it.effect("lists one page of media and streams them all", () =>
      Effect.gen(function*() {
        const media = yield* Media
        const emulator = yield* PlivoEmulator
        yield* media.upload(
          Array.from({ length: 5 }, (_, i) => ({ name: `f${i}.txt`, contentType: "text/plain", data: new Uint8Array([i]) }))
        )
        const stored = yield* emulator.media
        const page = yield* media.list({ limit: 2, offset: 1 })
        expect(page.objects).toHaveLength(2)
        expect(page.meta.total_count).toBe(stored.length)
        expect(page.meta.limit).toBe(2)
        expect(page.meta.offset).toBe(1)

        const all = yield* media.stream({ limit: 3 }).pipe(Stream.runCollect)
        const ids = Array.from(all, (m) => m.media_id)
        expect(new Set(ids).size).toBe(ids.length)
        expect([...ids].sort()).toEqual(stored.map((m) => m.mediaId).sort())
      }))
  })

  describe("Messages.list and stream with filters", () => {
    it.effect("applies state, error code, direction, time, limit and offset filters", () =>
      Effect.gen(function*() {
        const messages = yield* Messages
        const emulator = yield* PlivoEmulator
        const now = yield* Clock.currentTimeMillis
        const to = "447700900001"
        const window = { start: now - 10 * HOUR, end: now - HOUR }
        const undelivered = yield* emulator.seedMessages({ count: 5, to, state: "undelivered", errorCode: "30", ...window })
        const delivered = yield* emulator.seedMessages({ count: 3, to, ...window })
        const inbound = yield* emulator.seedMessages({ count: 2, to, from: "14155550999", direction: "inbound", ...window })
        const old = yield* emulator.seedMessage({ to, time: now - 2 * DAY })

        const byState = yield* messages.list({ to_number: to, message_state: "undelivered" })
        expect(byState.objects.map((m) => m.message_uuid).sort()).toEqual([...undelivered].sort())
        expect(byState.objects.every((m) => m.error_code === "30")).toBe(true)
        expect(byState.meta.total_count).toBeUndefined()

        const byCode = yield* messages.list({ to_number: to, error_code: 30 })
        expect(byCode.objects).toHaveLength(5)

        const byDirection = yield* messages.list({ to_number: to, message_direction: "inbound" })
        expect(byDirection.objects.map((m) => m.message_uuid).sort()).toEqual([...inbound].sort())
        expect(byDirection.objects.every((m) => m.from_number === "14155550999")).toBe(true)

        // Without a time filter Plivo searches the last 24 hours: the 2-day-old message is not there.
        const recent = yield* messages.list({ to_number: to })
        expect(recent.objects).toHaveLength(10)
        expect(recent.objects.map((m) => m.message_uuid)).not.toContain(old.messageUuid)
        // Newest first.
        const times = recent.objects.map((m) => DateTime.toEpochMillis(m.message_time))
        expect(times).toEqual([...times].sort((a, b) => b - a))

        const withOld = yield* messages.list({ to_number: to, message_time__gte: new Date(now - 3 * DAY) })
        expect(withOld.objects.map((m) => m.message_uuid)).toContain(old.messageUuid)

        const page = yield* messages.list({ to_number: to, limit: 4, offset: 8 })
        expect(page.objects.map((m) => m.message_uuid)).toEqual(recent.objects.slice(8).map((m) => m.message_uuid))
        expect(page.meta.next ?? null).toBeNull()
        const first = yield* messages.list({ to_number: to, limit: 4 })
        expect(first.meta.next).toEqual(expect.stringContaining("offset=4"))

        // The stream covers the whole 90-day look-back, page after page.
        const streamed = yield* messages.stream({ to_number: to, limit: 3 }).pipe(Stream.runCollect)
        const uuids = Array.from(streamed, (m) => m.message_uuid)
        expect(uuids.sort()).toEqual([...undelivered, ...delivered, ...inbound, old.messageUuid].sort())
      }))
  })

  describe("typed errors produced by the emulator", () => {
    it.effect("401: a wrong Auth Token is an AuthenticationError, not retried", () =>
      Effect.gen(function*() {
        const emulator = yield* PlivoEmulator
        const before = yield* requestCount(emulator)
        const error = withTag(
          yield* Effect.flip(
            Effect.flatMap(Messages, (m) => m.list()).pipe(Effect.provide(sdkFor(emulator, { authToken: "wrong" })))
          ),
          "AuthenticationError"
        )
        expect(error.status).toBe(401)
        expect(error.error).toBe("authentication failed")
        expect(error.apiId).toEqual(expect.any(String))
        expect(error.path).toBe("Message/")
        expect(String(error)).not.toContain(emulator.authToken)
        expect((yield* requestsSince(emulator, before)).map((r) => r.status)).toEqual([401])
      }))

    it.effect("404: an unknown message uuid is a NotFoundError", () =>
      Effect.gen(function*() {
        const messages = yield* Messages
        const uuid = "00000000-0000-4000-8000-000000000000"
        const error = withTag(yield* Effect.flip(messages.get(uuid)), "NotFoundError")
        expect(error.status).toBe(404)
        expect(error.error).toBe("not found")
        expect(error.method).toBe("GET")
        expect(error.path).toBe(`Message/${uuid}/`)
        withTag(yield* Effect.flip(messages.listMedia(uuid)), "NotFoundError")
      }))

    it.effect("405: DELETE on the GET/POST-only Media/ is a MethodNotAllowedError", () =>
      Effect.gen(function*() {
        const client = yield* PlivoClient
        const error = withTag(
          yield* Effect.flip(client.del(["Media"], { schema: Schema.Unknown })),
          "MethodNotAllowedError"
        )
        expect(error.status).toBe(405)
        expect(error.method).toBe("DELETE")
        expect(error.path).toBe("Media/")
      }))

    it.effect("400: a send whose every destination Plivo rejects is a BadRequestError with Plivo's text", () =>
      Effect.gen(function*() {
        const messages = yield* Messages
        const emulator = yield* PlivoEmulator
        const sentBefore = (yield* emulator.sentMessages).length
        const error = withTag(
          yield* Effect.flip(messages.send({ src: SRC, dst: "1415555015", text: "nobody" })),
          "BadRequestError"
        )
        expect(error.status).toBe(400)
        expect(error.error).toBe("'1415555015' is not a valid phone number.")
        expect(error.method).toBe("POST")
        expect(error.path).toBe("Message/")
        expect((yield* emulator.sentMessages).length).toBe(sentBefore)
      }))

    it.effect("400: a list filter beyond Plivo's 90 days, and a raw send with a bad body", () =>
      Effect.gen(function*() {
        const messages = yield* Messages
        const client = yield* PlivoClient
        const now = yield* Clock.currentTimeMillis
        const tooOld = withTag(
          yield* Effect.flip(messages.list({ message_time__gte: new Date(now - 100 * DAY) })),
          "BadRequestError"
        )
        expect(tooOld.status).toBe(400)
        expect(tooOld.error).toBe("message_time__gte cannot be more than 90 days in the past")

        const raw = withTag(
          yield* Effect.flip(
            client.post(["Message"], { schema: Schema.Unknown, body: { src: SRC, dst: "14155550156", type: "fax", text: "x" } })
          ),
          "BadRequestError"
        )
        expect(raw.error).toContain("invalid type 'fax'")
      }))

    it.effect("403: a barred destination country is a ForbiddenError and sends nothing", () =>
      Effect.gen(function*() {
        const messages = yield* Messages
        const emulator = yield* PlivoEmulator
        const sentBefore = (yield* emulator.sentMessages).length
        const error = withTag(
          yield* Effect.flip(messages.send({ src: SRC, dst: ["14155550157", "85021234567"], text: "geo" })),
          "ForbiddenError"
        )
        expect(error.status).toBe(403)
        expect(error.error).toBe("destination number 85021234567 is in a country not enabled in your Geo Permissions")
        expect((yield* emulator.sentMessages).length).toBe(sentBefore)
      }))

    it.effect("429 with Retry-After on a send: the SDK waits, retries once and succeeds", () =>
      Effect.gen(function*() {
        const messages = yield* Messages
        const emulator = yield* PlivoEmulator
        yield* emulator.fault(EmulatorFault.tooManyRequests({ retryAfter: "1 second" }), { method: "POST", path: "Message" })
        const before = yield* requestCount(emulator)
        const sentBefore = (yield* emulator.sentMessages).length
        const sent = yield* messages.send({ src: SRC, dst: "14155550158", text: "after a 429" })
        expect(sent.message_uuid).toHaveLength(1)
        const requests = yield* requestsSince(emulator, before)
        expect(requests.map((r) => [r.method, r.path, r.status, r.fault])).toEqual([
          ["POST", accountPath(emulator, "Message/"), 429, "TooManyRequests"],
          ["POST", accountPath(emulator, "Message/"), 202, undefined]
        ])
        const [first, second] = [at(requests, 0), at(requests, 1)]
        expect(DateTime.distance(first.at, second.at)).toBeGreaterThanOrEqual(900)
        // Sent exactly once.
        expect((yield* emulator.sentMessages).length).toBe(sentBefore + 1)
      }))

    it.effect("5xx on a GET is retried until it succeeds", () =>
      Effect.gen(function*() {
        const messages = yield* Messages
        const emulator = yield* PlivoEmulator
        const { message_uuid } = yield* messages.send({ src: SRC, dst: "14155550159", text: "5xx" })
        const uuid = at(message_uuid, 0)
        yield* emulator.fault(EmulatorFault.serverError(503), { method: "GET", path: "Message/*", times: 1 })
        yield* emulator.fault(EmulatorFault.serverError(500), { method: "GET", path: "Message/*", times: 1 })
        const before = yield* requestCount(emulator)
        expect((yield* messages.get(uuid)).message_uuid).toBe(uuid)
        expect((yield* requestsSince(emulator, before)).map((r) => r.status)).toEqual([503, 500, 200])
      }))

    it.effect("5xx on a send is not retried: a ServerError after one request", () =>
      Effect.gen(function*() {
        const messages = yield* Messages
        const emulator = yield* PlivoEmulator
        yield* emulator.fault(EmulatorFault.serverError(502), { method: "POST", path: "Message" })
        const before = yield* requestCount(emulator)
        const error = withTag(
          yield* Effect.flip(messages.send({ src: SRC, dst: "14155550160", text: "502" })),
          "ServerError"
        )
        expect(error.status).toBe(502)
        expect(error.error).toContain("502 Bad Gateway")
        expect((yield* requestsSince(emulator, before)).map((r) => r.status)).toEqual([502])
      }))

    it.effect("a malformed 2xx body is a DecodeError", () =>
      Effect.gen(function*() {
        const messages = yield* Messages
        const emulator = yield* PlivoEmulator
        const { message_uuid } = yield* messages.send({ src: SRC, dst: "14155550161", text: "malformed" })
        const uuid = at(message_uuid, 0)
        yield* emulator.fault(EmulatorFault.malformedBody, { method: "GET", path: "Message/*" })
        const error = withTag(yield* Effect.flip(messages.get(uuid)), "DecodeError")
        expect(error.method).toBe("GET")
        expect(error.path).toBe(`Message/${uuid}/`)
        expect(error.issue).toBe("the body is not JSON")
      }))

    it.effect("a dropped connection is a TransportError on a send, and retried away on a GET", () =>
      Effect.gen(function*() {
        const messages = yield* Messages
        const media = yield* Media
        const emulator = yield* PlivoEmulator
        yield* emulator.fault(EmulatorFault.disconnect, { method: "POST", path: "Message" })
        const before = yield* requestCount(emulator)
        const sentBefore = (yield* emulator.sentMessages).length
        const error = withTag(
          yield* Effect.flip(messages.send({ src: SRC, dst: "14155550162", text: "dropped" })),
          "TransportError"
        )
        expect(error.reason).toBe("Transport")
        // The socket was open: the SDK cannot know whether the send reached Plivo.
        expect(error.mayHaveBeenDelivered).toBe(true)
        expect((yield* requestsSince(emulator, before)).map((r) => r.status)).toEqual([0])
        expect((yield* emulator.sentMessages).length).toBe(sentBefore)

        yield* emulator.fault(EmulatorFault.disconnect, { method: "GET", path: "Media" })
        const afterSend = yield* requestCount(emulator)
        yield* media.list()
        expect((yield* requestsSince(emulator, afterSend)).map((r) => r.status)).toEqual([0, 200])
      }))
  })

  describe("status callbacks to a real webhook server (issue 5)", () => {
    it.scoped("the emulator's V3-signed callbacks pass MessagingWebhooks verification; awaitFinal sees the final reports", () =>
      Effect.gen(function*() {
        const messages = yield* Messages
        const emulator = yield* PlivoEmulator
        const hooks = yield* webhookServer(emulator.authId, emulator.authToken)
        const failing = testNumber("undelivered", "30")
        const sent = yield* messages.send({ src: SRC, dst: ["14155550163", failing], text: "report back", url: hooks.statusUrl })
        const [ok, bad] = [at(sent.message_uuid, 0), at(sent.message_uuid, 1)]

        const [delivered, undelivered] = yield* Effect.all(
          [MessagingWebhooks.awaitFinal(ok), MessagingWebhooks.awaitFinal(bad)],
          { concurrency: 2 }
        ).pipe(
          Effect.provide(hooks.context),
          Effect.timeoutFail({ duration: "5 seconds", onTimeout: () => new Error("no final delivery report") })
        )
        expect(delivered.MessageUUID).toBe(ok)
        expect(delivered.Status).toBe("delivered")
        expect(delivered.To).toBe("14155550163")
        expect(delivered.From).toBe(SRC)
        expect(delivered.Sequence).toBe(3)
        expect(undelivered.MessageUUID).toBe(bad)
        expect(undelivered.Status).toBe("undelivered")
        expect(undelivered.ErrorCode).toBe("30")
        expect(undelivered.To).toBe(failing)

        // queued, sent and the final state for both messages, each answered 200 by the server.
        const callbacks = yield* eventually(
          Effect.map(emulator.callbacks, (all) => all.filter((c) => c.url === hooks.statusUrl)),
          (mine) => mine.length === 6
        )
        expect(callbacks.map((c) => c.outcome)).toEqual(Array(6).fill({ _tag: "Responded", status: 200 }))
        expect(callbacks.filter((c) => c.messageUuid === bad).map((c) => c.status)).toEqual([
          "queued",
          "sent",
          "undelivered"
        ])
        expect(callbacks.every((c) => c.headers["X-Plivo-Signature-V3"] !== undefined)).toBe(true)
      }))

    it.scoped("a webhook server that knows another token refuses the emulator's callbacks with 403", () =>
      Effect.gen(function*() {
        const messages = yield* Messages
        const emulator = yield* PlivoEmulator
        const hooks = yield* webhookServer(emulator.authId, "not-the-emulators-token")
        const sent = yield* messages.send({ src: SRC, dst: "14155550164", text: "forged?", url: hooks.statusUrl })
        const uuid = at(sent.message_uuid, 0)
        const callbacks = yield* eventually(
          Effect.map(emulator.callbacks, (all) => all.filter((c) => c.messageUuid === uuid)),
          (mine) => mine.length === 3
        )
        expect(callbacks.map((c) => c.status)).toEqual(["queued", "sent", "delivered"])
        expect(callbacks.map((c) => c.outcome)).toEqual(Array(3).fill({ _tag: "Responded", status: 403 }))
        // Nothing reached the report stream.
        const final = yield* Effect.provide(MessagingWebhooks.finalReport(uuid), hooks.context)
        expect(Option.isNone(final)).toBe(true)
      }))
  })
})

layer(loopback(), { excludeTestServices: true })("a 10,000-message history over loopback", (it) => {
  it.effect("streams every seeded message exactly once, newest first, while 50 new messages are sent", () =>
    Effect.gen(function*() {
      const messages = yield* Messages
      const emulator = yield* PlivoEmulator
      const now = yield* Clock.currentTimeMillis
      const seeded = yield* emulator.seedMessages({ count: 10_000, start: now - 10 * DAY, end: now - 1_000 })
      expect(seeded).toHaveLength(10_000)

      // The sender starts once the stream is under way; the stream waits for it to finish
      // half way through, so all 50 inserts certainly land between two of its pages. 50 is
      // more than the SDK's de-duplication window (40), so an unpinned walk would repeat rows.
      const started = yield* Deferred.make<void>()
      const sender = yield* Deferred.await(started).pipe(
        Effect.zipRight(
          Effect.forEach(
            Array.from({ length: 50 }, (_, i) => `1415557${String(i).padStart(4, "0")}`),
            (dst) => Effect.map(messages.send({ src: SRC, dst, text: "during the stream" }), (r) => at(r.message_uuid, 0)),
            { concurrency: 4 }
          )
        ),
        Effect.fork
      )
      const before = yield* requestCount(emulator)
      const streamed = yield* messages.stream({ limit: 20 }).pipe(
        Stream.zipWithIndex,
        Stream.tap(([, i]) =>
          i === 100 ? Deferred.succeed(started, undefined) : i === 5_000 ? Fiber.join(sender) : Effect.void
        ),
        Stream.map(([m]) => m.message_uuid),
        Stream.runCollect,
        Effect.map((chunk) => Array.from(chunk))
      )
      const sent = yield* Fiber.join(sender)

      expect(sent).toHaveLength(50)
      expect(streamed.length).toBe(10_000)
      expect(new Set(streamed).size).toBe(10_000)
      // Exactly the seeded history (uuids are returned oldest first), none of the new ones.
      expect(streamed).toEqual([...seeded].reverse())

      // The sends really happened between the stream's page requests.
      const requests = yield* requestsSince(emulator, before)
      const listPath = accountPath(emulator, "Message/")
      const pages = requests.flatMap((r, i) => (r.method === "GET" && r.path === listPath ? [i] : []))
      const posts = requests.flatMap((r, i) => (r.method === "POST" ? [i] : []))
      expect(pages.length).toBeGreaterThanOrEqual(500)
      expect(posts).toHaveLength(50)
      expect(Math.min(...posts)).toBeGreaterThan(at(pages, 0))
      expect(Math.max(...posts)).toBeLessThan(at(pages, pages.length - 1))

      // And they are in the history now, at its top.
      const newest = yield* messages.list({ limit: 20 })
      expect(newest.objects.every((m) => sent.includes(m.message_uuid))).toBe(true)
    }), { timeout: 120_000 })
})
