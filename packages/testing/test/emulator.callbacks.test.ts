import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Schedule from "effect/Schedule"
import { createHmac } from "node:crypto"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { PlivoEmulator, testNumber } from "../src/PlivoEmulator.js"
import * as PlivoEmulatorSigning from "../src/PlivoEmulatorSigning.js"
import { sendSms } from "./emulator.support.js"

// An implementation of webhooks.md written for the test, independent of the emulator's.
const byCodePoint = (a: readonly [string, string], b: readonly [string, string]) =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0

const verifierV3 = (
  method: "GET" | "POST",
  url: string,
  params: ReadonlyArray<readonly [string, string]>,
  nonce: string,
  token: string
): string => {
  const u = new URL(url)
  const base = url.split(/[?#]/)[0] ?? url
  const query = [...u.searchParams]
  const joinQuery = (pairs: ReadonlyArray<readonly [string, string]>) =>
    [...pairs].sort(byCodePoint).map(([k, v]) => `${k}=${v}`).join("&")
  let s: string
  if (method === "GET" || params.length === 0) {
    const q = joinQuery(method === "GET" ? [...query, ...params] : query)
    s = base + (q === "" ? "" : `?${q}`)
  } else {
    s = `${base}?${query.length > 0 ? joinQuery(query) + "." : ""}${[...params].sort(byCodePoint).map(([k, v]) => k + v).join("")}`
  }
  return createHmac("sha256", token).update(`${s}.${nonce}`).digest("base64")
}

const verifierV2 = (url: string, nonce: string, token: string): string =>
  createHmac("sha256", token).update((url.split(/[?#]/)[0] ?? url) + nonce).digest("base64")

const VECTOR_TOKEN = "Y2Q2ZDgxZmY5YWRiOTI5YmQ1Njg0MTAxZWIyOTc4"
const VECTOR_NONCE = "31627761595286130198"
const VECTOR_PARAMS: ReadonlyArray<readonly [string, string]> = Object.entries({
  Direction: "outbound",
  From: "19792014278",
  ALegUUID: "3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36",
  CallStatus: "in-progress",
  BillRate: "0.002",
  ParentAuthID: "MANWVLYTK4ZWU1YTY4QA",
  To: "sip:PlivoSignature382029104058171078704104@phone-qa.voice.plivodev.com",
  ALegRequestUUID: "3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36",
  CallUUID: "3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36",
  RequestUUID: "3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36",
  "SIP-H-To": "<sip:PlivoSignature382029104058171078704104@52.9.11.55;transport=udp>;tag=1",
  SessionStart: "2020-04-08 11:34:33.238707",
  Event: "StartApp"
})
const WITH_QUERY = "https://plivobin.non-prod.plivops.com/api/v1/validate_signature03.xml/?a=b&c=d"
const WITHOUT_QUERY = "https://plivobin.non-prod.plivops.com/api/v1/validate_signature03.xml"
const VECTORS = [
  ["POST", WITH_QUERY, "k7Pusd4OxCIjR5IfA9iedDNu/h/gbdYqdzG/MiYtd1c="],
  ["GET", WITH_QUERY, "UBq8jAtd32wR8EK9VgxbBn4n5rpI/l1H9iN4WfSEHFQ="],
  ["POST", WITHOUT_QUERY, "iAjE5QqI37mbkYe4w3jTMudqEzbDufdqi7sYwTu64e0="],
  ["GET", WITHOUT_QUERY, "i/MQsaQSAd6fiKhOh2qeeeLHZ9faldADSb3/7+Akfbc="]
] as const

interface Received {
  readonly method: string
  readonly url: string
  readonly headers: Record<string, string | Array<string> | undefined>
  readonly body: string
}

/** A real HTTP server on loopback that records what it receives. */
const receiver = (status = 200) =>
  Effect.acquireRelease(
    Effect.async<{ readonly base: string; readonly received: Array<Received>; readonly close: () => void }>((resume) => {
      const received: Array<Received> = []
      const server = createServer((req, res) => {
        let body = ""
        req.setEncoding("utf8")
        req.on("data", (chunk: string) => (body += chunk))
        req.on("end", () => {
          received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body })
          res.writeHead(status).end("ok")
        })
      })
      server.listen(0, "127.0.0.1", () => {
        const { port } = server.address() as AddressInfo
        resume(Effect.succeed({ base: `http://127.0.0.1:${port}`, received, close: () => server.close() }))
      })
    }),
    (r) => Effect.sync(r.close)
  )

const waitFor = (check: () => boolean | Effect.Effect<boolean>) =>
  Effect.suspend(() => {
    const result = check()
    return typeof result === "boolean" ? Effect.succeed(result) : result
  }).pipe(
    Effect.filterOrFail((done) => done, () => "not yet"),
    Effect.retry(Schedule.spaced("10 millis").pipe(Schedule.upTo("5 seconds"))),
    Effect.orDie
  )

const header = (r: Received, name: string): string => {
  const v = r.headers[name.toLowerCase()]
  return typeof v === "string" ? v : ""
}

const fast = { lifecycle: { sentAfter: "10 millis", deliveredAfter: "10 millis" } } as const

describe("PlivoEmulator status callbacks", () => {
  it("the test-side verifier reproduces the webhooks.md vectors", () => {
    for (const [method, url, expected] of VECTORS) {
      expect(verifierV3(method, url, VECTOR_PARAMS, VECTOR_NONCE, VECTOR_TOKEN)).toBe(expected)
      expect(verifierV3(method, url, VECTOR_PARAMS, VECTOR_NONCE, VECTOR_TOKEN + "x")).not.toBe(expected)
    }
    expect(verifierV2("https://answer.url", "12345", "my_auth_token")).toBe(
      "ehV3IKhLysWBxC1sy8INm0qGoQYdYsHwuoKjsX7FsXc="
    )
  })

  it("the emulator's signer reproduces the webhooks.md vectors", () => {
    for (const [method, url, expected] of VECTORS) {
      const input = { method, url, params: VECTOR_PARAMS, nonce: VECTOR_NONCE }
      expect(PlivoEmulatorSigning.signV3({ ...input, authToken: VECTOR_TOKEN })).toBe(expected)
    }
    expect(
      PlivoEmulatorSigning.stringToSignV3({ method: "GET", url: WITHOUT_QUERY, params: VECTOR_PARAMS, nonce: VECTOR_NONCE })
    ).toMatch(/^https:\/\/plivobin\.non-prod\.plivops\.com\/api\/v1\/validate_signature03\.xml\?ALegRequestUUID=/)
  })

  it.live("POSTs signed, form-encoded callbacks for each state, in order", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const server = yield* receiver()
      const url = `${server.base}/status/?tenant=a%20b`
      const { message_uuid } = yield* sendSms({ dst: "14155550123", url })
      yield* waitFor(() => server.received.length >= 3)
      yield* waitFor(() => Effect.map(emulator.callbacks, (cs) => cs.length >= 3))
      expect(server.received.map((r) => r.method)).toEqual(["POST", "POST", "POST"])
      const forms = server.received.map((r) => new URLSearchParams(r.body))
      expect(forms.map((f) => f.get("Status"))).toEqual(["queued", "sent", "delivered"])
      expect(forms.map((f) => f.get("Sequence"))).toEqual(["1", "2", "3"])
      for (const [i, r] of server.received.entries()) {
        expect(r.url).toBe("/status/?tenant=a%20b")
        expect(header(r, "content-type")).toMatch(/^application\/x-www-form-urlencoded/)
        const params = [...(forms[i] ?? new URLSearchParams())]
        const nonce = header(r, "X-Plivo-Signature-V3-Nonce")
        expect(nonce).toMatch(/^\d{20}$/)
        const expected = verifierV3("POST", url, params, nonce, emulator.authToken)
        expect(header(r, "X-Plivo-Signature-V3")).toBe(expected)
        expect(header(r, "X-Plivo-Signature-Ma-V3")).toBe(expected)
        expect(verifierV3("POST", url, params, nonce, "another-token")).not.toBe(expected)
        expect(header(r, "X-Plivo-Signature-V2")).toBe(
          verifierV2(url, header(r, "X-Plivo-Signature-V2-Nonce"), emulator.authToken)
        )
      }
      const delivered = forms[2]
      expect(Object.fromEntries(delivered ?? [])).toMatchObject({
        MessageUUID: message_uuid[0],
        To: "14155550123",
        From: "14155550100",
        Type: "sms",
        Units: "1",
        TotalRate: "0.00650",
        TotalAmount: "0.00650",
        MCC: "310",
        MNC: "004",
        ParentMessageUUID: message_uuid[0],
        PowerpackUUID: ""
      })
      expect(delivered?.get("DeliveryReportTime")).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}$/)
      expect(delivered?.has("ErrorCode")).toBe(false)
      const recorded = yield* emulator.callbacks
      expect(recorded.map((c) => [c.status, c.sequence, c.outcome])).toEqual([
        ["queued", 1, { _tag: "Responded", status: 200 }],
        ["sent", 2, { _tag: "Responded", status: 200 }],
        ["delivered", 3, { _tag: "Responded", status: 200 }]
      ])
      expect(recorded[0]?.headers["X-Plivo-Signature-V3"]).toBe(header(server.received[0]!, "X-Plivo-Signature-V3"))
    }).pipe(Effect.scoped, Effect.provide(PlivoEmulator.layer(fast))))

  it.live("sends GET callbacks as query parameters, with ErrorCode on failure", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const server = yield* receiver()
      const url = `${server.base}/cb?x=1`
      yield* sendSms({ dst: testNumber("undelivered", "30"), url, method: "GET" })
      yield* waitFor(() => server.received.length >= 3)
      const last = server.received[2]!
      expect(last.method).toBe("GET")
      const query = new URL(last.url, server.base).searchParams
      expect(query.get("Status")).toBe("undelivered")
      expect(query.get("ErrorCode")).toBe("30")
      expect(query.get("x")).toBe("1")
      const params = [...query].filter(([k]) => k !== "x")
      const nonce = header(last, "X-Plivo-Signature-V3-Nonce")
      expect(header(last, "X-Plivo-Signature-V3")).toBe(verifierV3("GET", url, params, nonce, emulator.authToken))
    }).pipe(Effect.scoped, Effect.provide(PlivoEmulator.layer(fast))))

  it.live("a failing receiver is recorded and does not disturb the emulator", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const server = yield* receiver(500)
      yield* sendSms({ dst: "14155550123", url: `${server.base}/down` })
      // Nothing listens on port 9 of loopback: the connection is refused.
      const { message_uuid } = yield* sendSms({ dst: "14155550124", url: "http://127.0.0.1:9/nobody" })
      yield* waitFor(() => server.received.length >= 3)
      const failed = () => Effect.map(emulator.callbacks, (cs) => cs.filter((c) => c.outcome._tag === "Failed"))
      yield* waitFor(() => Effect.map(failed(), (cs) => cs.length >= 3))
      yield* waitFor(() => Effect.map(emulator.callbacks, (cs) => cs.length >= 6))
      const callbacks = yield* emulator.callbacks
      expect(callbacks.filter((c) => c.outcome._tag === "Responded").every((c) =>
        c.outcome._tag === "Responded" && c.outcome.status === 500
      )).toBe(true)
      expect((yield* failed()).every((c) => c.messageUuid === message_uuid[0])).toBe(true)
      const m = yield* emulator.message(message_uuid[0] ?? "")
      expect(m._tag === "Some" && m.value.state).toBe("delivered")
    }).pipe(Effect.scoped, Effect.provide(PlivoEmulator.layer(fast))))

  it.live("advance fires a callback too", () =>
    Effect.gen(function*() {
      const emulator = yield* PlivoEmulator
      const server = yield* receiver()
      const { message_uuid } = yield* sendSms({ dst: "14155550123", url: `${server.base}/s` })
      yield* emulator.advance(message_uuid[0] ?? "", "failed", { errorCode: "900" })
      yield* waitFor(() => server.received.length >= 2)
      const form = new URLSearchParams(server.received[1]?.body)
      expect([form.get("Status"), form.get("ErrorCode"), form.get("Sequence")]).toEqual(["failed", "900", "2"])
    }).pipe(Effect.scoped, Effect.provide(PlivoEmulator.layer({ lifecycle: { auto: false } }))))
})
