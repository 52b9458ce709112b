import { describe, expect, it } from "@effect/vitest"
import { StubHttpClient } from "@plivo-effect/testing"
import * as DateTime from "effect/DateTime"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import * as TestClock from "effect/TestClock"
import { Media, type MediaFile, Messages, type MessageListFilters, type SendParams } from "../src/index.js"
import { requests, stubbed } from "./messagingSupport.js"

// Any request reaching the stub fails the test below: validation must stop it first.
const Stub = stubbed(() => StubHttpClient.json(500, { error: "should not have been sent" }))

const src = "14155550100"
const dst = "14155550123"
const template = { name: "t", language: "en_US" }
const location = { latitude: "1", longitude: "2", name: "n", address: "a" }

/** Runs `effect`, expects InvalidParamsError mentioning `issue`, and no request at all. */
const rejected = <A, E extends { readonly _tag: string; readonly message: string }, R>(
  effect: Effect.Effect<A, E, R>,
  issue: string | RegExp
) =>
  Effect.gen(function*() {
    const error = yield* Effect.flip(effect)
    expect(error._tag).toBe("InvalidParamsError")
    expect(error.message).toMatch(issue)
    expect(yield* requests).toHaveLength(0)
  })

// Cases the types already forbid are sent through `unknown`, as plain JavaScript could.
const sendUnchecked = (params: unknown) =>
  Effect.flatMap(Messages, (messages) => messages.send(params as SendParams))

const SEND_CASES: ReadonlyArray<readonly [string, unknown, string | RegExp]> = [
  ["SMS without text", { src, dst }, "an SMS needs text"],
  ["SMS with empty text", { src, dst, text: "" }, "an SMS needs text"],
  ["1,601 GSM-7 characters", { src, dst, text: "a".repeat(1601) }, "1601 GSM-7 characters; an SMS takes at most 1600"],
  ["1,601 septets via an extension character", { src, dst, text: "€".repeat(800) + "a" }, "1601 GSM-7"],
  ["738 UCS-2 characters", { src, dst, text: "ж".repeat(738) }, "738 UCS-2 characters; an SMS takes at most 737"],
  ["737 characters, one of them an emoji (738 units)", { src, dst, text: "a".repeat(736) + "😀" }, "738 UCS-2"],
  ["MMS without media", { src, dst, type: "mms", text: "x" }, "an MMS needs at least one of media_urls or media_ids"],
  [
    "MMS with 11 media (urls and ids together)",
    { src, dst, type: "mms", media_urls: Array(6).fill("https://e.com/a.jpg"), media_ids: Array(5).fill("m") },
    "at most 10 media (media_urls and media_ids together), got 11"
  ],
  ["MMS with a media URL that is not http(s)", { src, dst, type: "mms", media_urls: ["ftp://x/a.jpg"] }, "media_urls"],
  ["SMS with media_urls", { src, dst, text: "x", media_urls: ["https://e.com/a.jpg"] }, "need type \"mms\""],
  ["message_expiry 4", { src, dst, text: "x", message_expiry: 4 }, "message_expiry must be a whole number of seconds from 5 to 10799"],
  ["message_expiry 10800", { src, dst, text: "x", message_expiry: 10800 }, "message_expiry"],
  ["message_expiry 60.5", { src, dst, text: "x", message_expiry: 60.5 }, "message_expiry"],
  ["template on an SMS", { src, dst, text: "x", template }, "template needs type \"whatsapp\""],
  ["interactive on an MMS", { src, dst, type: "mms", media_ids: ["m"], interactive: { type: "button" } }, "interactive needs type \"whatsapp\""],
  ["location without type", { src, dst, text: "x", location }, "location needs type \"whatsapp\""],
  ["a location missing a field", { src, dst, type: "whatsapp", location: { latitude: "1", longitude: "2", name: "n" } }, "location.address"],
  ["a destination that is not a phone number", { src, dst: ["14155550123", "12345"], text: "x" }, "dst must hold phone numbers"],
  ["a destination with letters", { src, dst: "1415CALLNOW", text: "x" }, "dst must hold phone numbers"],
  ["no destination", { src, dst: [], text: "x" }, "dst needs at least one destination"],
  [
    "1,001 distinct destinations",
    { src: "MyBrand", dst: Array.from({ length: 1001 }, (_, i) => `1415555${String(i).padStart(4, "0")}`), text: "x" },
    "dst holds 1001 distinct destinations; at most 1000"
  ],
  ["src among the destinations", { src: "+1 (415) 555-0100", dst: ["14155550123", "14155550100"], text: "x" }, "is also among the destinations"],
  ["src and powerpack_uuid", { src, powerpack_uuid: "pp", dst, text: "x" }, "give src or powerpack_uuid, not both"],
  ["neither src nor powerpack_uuid", { dst, text: "x" }, "src or powerpack_uuid is required"],
  ["WhatsApp through a Powerpack", { powerpack_uuid: "pp", dst, type: "whatsapp", text: "x" }, "WhatsApp messages need src"],
  ["an alphanumeric sender over 11 characters", { src: "MyVeryLongBrand", dst, text: "x" }, "at most 11 characters"],
  ["an unknown type", { src, dst, type: "fax", text: "x" }, "type must be"],
  ["WhatsApp with nothing to send", { src, dst, type: "whatsapp" }, "a WhatsApp message needs"],
  ["WhatsApp with two media URLs", { src, dst, type: "whatsapp", media_urls: ["https://e.com/a", "https://e.com/b"] }, "one media URL"],
  ["a log value Plivo does not know", { src, dst, text: "x", log: "maybe" }, "log must be"],
  ["a callback URL that is not a URL", { src, dst, text: "x", url: "not a url" }, "url must be an http(s) URL"],
  ["a callback method other than GET/POST", { src, dst, text: "x", url: "https://e.com", method: "PUT" }, "method must be"],
  ["an unknown DLT category", { src, dst, text: "x", dlt_template_category: "other" }, "dlt_template_category"],
  // URLs that `new URL` would clean into something else are refused as written.
  ...[
    " https://e.com/cb",
    "https://e.com/cb ",
    "https://e.com/cb\r\nX-Injected: 1",
    "https://e.com/\tcb",
    "https:\\\\evil.example\\cb",
    "https://e.com\\@evil.example/",
    "http:evil.example",
    "https:/evil.example",
    "https:///evil.example",
    "https://",
    "ftp://e.com/cb",
    "\u0000https://e.com/cb"
  ].map((url) => [`a callback URL ${JSON.stringify(url)}`, { src, dst, text: "x", url }, "url must be an http(s) URL"] as const),
  ...[" https://e.com/a.jpg", "http:evil.example/a.jpg", "https://e.com/a\nb.jpg", "https:\\\\e.com\\a.jpg"].map((url) =>
    [`a media URL ${JSON.stringify(url)}`, { src, dst, type: "mms", media_urls: [url] }, "media_urls must be http(s) URLs"] as const
  ),
  [
    "a WhatsApp button URL that is not a clean http(s) URL",
    { src, dst, type: "whatsapp", interactive: { type: "cta_url", action: { buttons: [{ title: "go", cta_url: "javascript:alert(1)" }] } } },
    "interactive.action.buttons.0.cta_url must be an http(s) URL"
  ],
  // Plain JavaScript can pass anything at all.
  ...[null, undefined, 42, "hello", [], true].map((params) =>
    [`send(${JSON.stringify(params) ?? "undefined"})`, params, "the parameters must be an object"] as const
  )
]

describe("Messages.send validation: InvalidParamsError and no request", () => {
  for (const [name, params, issue] of SEND_CASES) {
    it.effect(name, () => rejected(sendUnchecked(params), issue).pipe(Effect.provide(Stub)))
  }

  it.effect("caller input repeated in the error is quoted, escaped and bounded", () =>
    Effect.gen(function*() {
      const forged = "sms\r\nlevel=ERROR msg=\"forged log line\"\u2028"
      const cases: ReadonlyArray<unknown> = [
        { src, dst, text: "x", type: forged },
        { src, dst, text: "x", type: [forged] },
        { src, dst: [`1415${forged}`, [forged]], text: "x" },
        { src, dst, text: "x", url: `https://e.com/${forged}` },
        { src, dst, type: "whatsapp", interactive: { type: forged.repeat(100_000) } },
        { src, dst, type: "whatsapp", interactive: { type: "x".repeat(1_000_000) } },
        { src, dst, text: "x", message_expiry: "9".repeat(1_000_000) }
      ]
      for (const params of cases) {
        const error = yield* Effect.flip(sendUnchecked(params))
        expect(error._tag).toBe("InvalidParamsError")
        const controls = Array.from(error.message).filter((c) => c.charCodeAt(0) < 0x20 || c === "\u2028" || c === "\u2029")
        expect(controls).toEqual([])
        expect(error.message.length).toBeLessThan(1_200)
      }
      const long = yield* Effect.flip(sendUnchecked({ src, dst, text: "x", url: `https://e.com/${"a".repeat(1_000_000)} ` }))
      expect(long.message).toContain(`"https://e.com/${"a".repeat(86)}"…`)
      expect(yield* requests).toHaveLength(0)
    }).pipe(Effect.provide(Stub)))

  it.effect("clean http(s) URLs, any scheme case, are still sent", () =>
    Effect.gen(function*() {
      const urls = ["https://e.com/cb", "HTTPS://E.com:8443/a/b?x=1&y=%20#f", "http://127.0.0.1:9000/status/"]
      for (const url of urls) {
        yield* sendUnchecked({ src, dst, text: "x", url }).pipe(Effect.ignore)
      }
      const sent = yield* requests
      expect(sent.map((r) => (typeof r.json === "object" && r.json !== null ? Object.fromEntries(Object.entries(r.json)).url : undefined)))
        .toEqual(urls)
    }).pipe(Effect.provide(Stub)))

  it.effect("every broken rule is named in one error", () =>
    rejected(sendUnchecked({ src, dst: "x", type: "mms", message_expiry: 1 }), /dst.*MMS needs.*message_expiry/).pipe(
      Effect.provide(Stub)
    ))

  it("the types reject what validation also rejects", () => {
    // @ts-expect-error an SMS needs text
    const _noText: SendParams = { src, dst }
    // @ts-expect-error template needs type "whatsapp"
    const _smsTemplate: SendParams = { src, dst, text: "x", template }
    // @ts-expect-error location needs type "whatsapp"
    const _mmsLocation: SendParams = { src, dst, type: "mms", media_ids: ["m"], location }
    // @ts-expect-error src and powerpack_uuid are alternatives
    const _both: SendParams = { src, powerpack_uuid: "pp", dst, text: "x" }
    // @ts-expect-error WhatsApp requires src
    const _whatsAppPowerpack: SendParams = { powerpack_uuid: "pp", dst, type: "whatsapp", text: "x" }
    // @ts-expect-error dst cannot be an empty array
    const _noDst: SendParams = { src, dst: [], text: "x" }
    // @ts-expect-error SMS carries no media
    const _smsMedia: SendParams = { src, dst, text: "x", media_ids: ["m"] }
    expect(true).toBe(true)
  })
})

const listUnchecked = (filters: unknown) =>
  Effect.flatMap(Messages, (messages) => messages.list(filters as MessageListFilters))

describe("Messages.list validation", () => {
  const cases: ReadonlyArray<readonly [string, unknown, string]> = [
    ["limit 0", { limit: 0 }, "limit must be an integer from 1 to 20"],
    ["limit 21", { limit: 21 }, "limit must be an integer from 1 to 20"],
    ["limit 2.5", { limit: 2.5 }, "limit"],
    ["offset -1", { offset: -1 }, "offset must be a non-negative integer"],
    ["an unknown message_state", { message_state: "lost" }, "message_state must be one of"],
    ["an invalid Date", { message_time__gt: new Date("nope") }, "message_time__gt must be a DateTime or a valid Date"],
    ["a time given as a string", { message_time__lt: "2024-01-01" }, "message_time__lt"],
    [
      "a range whose lower bound is after its upper bound",
      { message_time__gte: new Date("2024-02-01T00:00:00Z"), message_time__lt: new Date("2024-01-01T00:00:00Z") },
      "the message_time range is empty"
    ],
    ["a country that is not ISO-2", { destination_country_iso2: "USA" }, "destination_country_iso2"],
    ["an error code that is not a number", { error_code: "abc" }, "error_code"],
    ["a time in year -1", { message_time__gt: new Date(Date.UTC(-1, 0, 1)) }, "message_time__gt must be in the years 2000 to 9999"],
    ["the last instant Date can hold", { message_time__lt: new Date(8.64e15) }, "message_time__lt must be in the years 2000 to 9999"],
    ["a time in 1999", { message_time: DateTime.unsafeMake("1999-12-31T23:59:59Z") }, "message_time must be in the years"],
    ["a time in year 10000", { message_time__lte: DateTime.unsafeMake(Date.UTC(10_000, 0, 1)) }, "message_time__lte must be"],
    ["offset 1e+300", { offset: 1e300 }, "offset must be a non-negative integer up to 1000000000"],
    ["offset 2^53", { offset: 2 ** 53 }, "offset must be"],
    ["offset past the bound", { offset: 1_000_000_001 }, "offset must be"],
    ["offset Infinity", { offset: Infinity }, "offset must be"],
    ["filters null", null, "the filters must be an object"],
    ["filters 42", 42, "the filters must be an object"],
    ["filters an array", [], "the filters must be an object"],
    ["filters a string", "offset=5", "the filters must be an object"]
  ]
  for (const [name, filters, issue] of cases) {
    it.effect(name, () => rejected(listUnchecked(filters), issue).pipe(Effect.provide(Stub)))
  }
})

const NOW = DateTime.unsafeMake("2024-06-01T00:00:00Z")
const daysAgo = (days: number) => DateTime.subtract(NOW, { days })

describe("Messages.stream validation", () => {
  it.effect("a lower bound more than 90 days back fails", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(DateTime.toEpochMillis(NOW))
      const messages = yield* Messages
      yield* rejected(
        Stream.runDrain(messages.stream({ message_time__gte: DateTime.subtract(daysAgo(90), { millis: 1 }) })),
        "more than 90 days before now"
      )
      yield* rejected(Stream.runDrain(messages.stream({ message_time__gt: daysAgo(91) })), "message_time__gt")
      yield* rejected(Stream.runDrain(messages.stream({ message_time: daysAgo(100) })), "message_time ")
      yield* rejected(Stream.runDrain(messages.stream({ limit: 50 })), "limit")
      yield* rejected(
        Stream.runDrain(messages.stream({ message_time__gt: DateTime.add(NOW, { minutes: 1 }) })),
        "the message_time range starts after now"
      )
    }).pipe(Effect.provide(Stub)))

  it.effect("filters that are not an object, and out-of-range times, fail", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(DateTime.toEpochMillis(NOW))
      const messages = yield* Messages
      for (const filters of [null, 42, [], "x"]) {
        yield* rejected(Stream.runDrain(messages.stream(filters as MessageListFilters)), "the filters must be an object")
      }
      yield* rejected(
        Stream.runDrain(messages.stream({ message_time__lte: new Date(8.64e15) })),
        "message_time__lte must be in the years 2000 to 9999"
      )
    }).pipe(Effect.provide(Stub)))

  it.effect("the clock decides what 90 days back is", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(DateTime.toEpochMillis(NOW))
      yield* TestClock.adjust(Duration.days(2))
      const messages = yield* Messages
      yield* rejected(Stream.runDrain(messages.stream({ message_time__gte: daysAgo(89) })), "more than 90 days")
    }).pipe(Effect.provide(Stub)))
})

const uploadUnchecked = (files: unknown) =>
  Effect.flatMap(Media, (media) => media.upload(files as ReadonlyArray<MediaFile>))

const file = (bytes: number, name = "a.jpg"): MediaFile => ({ name, contentType: "image/jpeg", data: new Uint8Array(bytes) })

describe("Media validation", () => {
  const cases: ReadonlyArray<readonly [string, unknown, string]> = [
    ["no file", [], "give at least one file"],
    ["11 files", Array.from({ length: 11 }, () => file(10)), "at most 10 files per upload, got 11"],
    ["a file over 2 MiB", [file(10), file(2 * 1024 * 1024 + 1, "big.jpg")], "files[1] (\"big.jpg\") has 2097153 bytes"],
    ["a Blob over 2 MiB", [{ name: "b.png", contentType: "image/png", data: new Blob([new Uint8Array(2 * 1024 * 1024 + 1)]) }], "2097153 bytes"],
    ["a file without a name", [{ ...file(1), name: "" }], "files[0].name"],
    ["a content type that is not a MIME type", [{ ...file(1), contentType: "jpeg" }], "files[0].contentType"],
    ["data that is not bytes", [{ name: "a", contentType: "text/plain", data: "hello" }], "files[0].data"],
    ["a null file", [file(1), null], "files[1] must be a file { name, contentType, data }, got null"],
    ["a file that is a string", ["a.jpg"], "files[0] must be a file"]
  ]
  for (const [name, files, issue] of cases) {
    it.effect(name, () => rejected(uploadUnchecked(files), issue).pipe(Effect.provide(Stub)))
  }

  it.effect("list limit 21 and offset -1", () =>
    Effect.gen(function*() {
      const media = yield* Media
      yield* rejected(media.list({ limit: 21 }), "limit must be an integer from 1 to 20")
      yield* rejected(media.list({ offset: -1 }), "offset")
      yield* rejected(Stream.runDrain(media.stream({ limit: 0 })), "limit")
      yield* rejected(media.list({ offset: 1e300 }), "offset must be a non-negative integer up to")
      yield* rejected(media.list(null as unknown as { readonly offset?: number }), "the parameters must be an object")
    }).pipe(Effect.provide(Stub)))
})
