import * as HttpApp from "@effect/platform/HttpApp"
import * as HttpRouter from "@effect/platform/HttpRouter"
import { describe, expect, it } from "@effect/vitest"
import { PlivoConfig, PlivoSignature } from "@plivo-effect/core"
import type { InboundMessage} from "@plivo-effect/messaging";
import { MessageXml, MessagingWebhooks } from "@plivo-effect/messaging"
import * as BigDecimal from "effect/BigDecimal"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"

const TOKEN = "main-account-token-0123456789"
const SUB_TOKEN = "subaccount-token-9876543210"
const PUBLIC = "https://hooks.example.com"

type Params = Record<string, string>

const sign = (method: "GET" | "POST", url: string, params: Params, token = TOKEN, nonce = "48151623420815") => ({
  "X-Plivo-Signature-V3": PlivoSignature.computeV3({ method, url, params, nonce, authToken: token }),
  "X-Plivo-Signature-V3-Nonce": nonce
})

/** A server with both endpoints; the handlers record what they were given. */
const setup = (options: Partial<MessagingWebhooks.Options> = {}) =>
  Effect.gen(function*() {
    const inbound: Array<InboundMessage> = []
    const reports: Array<string> = []
    let failNext = false
    const router = HttpRouter.empty.pipe(
      HttpRouter.post(
        "/plivo/inbound",
        MessagingWebhooks.inbound((message) =>
          Effect.sync(() => {
            inbound.push(message)
            return message.Text === "quiet"
              ? undefined
              : MessageXml.message({ src: message.To, dst: message.From, text: `echo: ${message.text}` })
          })
        )
      ),
      HttpRouter.all(
        "/plivo/status",
        MessagingWebhooks.deliveryReports((report) =>
          failNext
            ? Effect.sync(() => {
              failNext = false
            }).pipe(Effect.zipRight(Effect.fail("handler exploded")))
            : Effect.sync(() => {
              reports.push(`${report.MessageUUID}:${report.Status}:${report.Sequence}`)
            })
        )
      )
    )
    const context = yield* Layer.build(
      MessagingWebhooks.layer({ publicBaseUrl: PUBLIC, ...options }).pipe(
        Layer.provideMerge(PlivoConfig.layer({ authId: "MAWEBHOOKWEBHOOKWEBH", authToken: TOKEN }).pipe(Layer.orDie))
      )
    )
    const app = yield* HttpRouter.toHttpApp(router)
    const handler = HttpApp.toWebHandler(Effect.provide(app, context))
    // The server sees its internal address; Plivo signed the public one.
    const send = (method: "GET" | "POST", path: string, params: Params, headers: Record<string, string>, body?: string) =>
      Effect.promise(async () => {
        const query = method === "GET" ? `${path.includes("?") ? "&" : "?"}${new URLSearchParams(params)}` : ""
        const response = await handler(
          new Request(`http://10.0.0.7:8080${path}${query}`, {
            method,
            headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
            ...(method === "POST" ? { body: body ?? new URLSearchParams(params).toString() } : {})
          })
        )
        return { status: response.status, type: response.headers.get("content-type"), body: await response.text() }
      })
    return {
      inbound,
      reports,
      send,
      context,
      failNext: () => {
        failNext = true
      }
    }
  })

const sms: Params = {
  MessageUUID: "7a4e3b1e-0000-4000-8000-000000000001",
  From: "14155550100",
  To: "14155550199",
  Type: "sms",
  Text: "hello <world> & \"friends\"",
  Units: "1",
  TotalRate: "0.00000",
  TotalAmount: "0.00000",
  MessageIntent: "",
  PowerpackUUID: "",
  SomethingNew: "kept"
}

describe("inbound messages", () => {
  it.scoped("a signed SMS reaches the handler, typed, and the reply is escaped Message XML", () =>
    Effect.gen(function*() {
      const server = yield* setup()
      const answer = yield* server.send("POST", "/plivo/inbound", sms, sign("POST", `${PUBLIC}/plivo/inbound`, sms))
      expect(answer.status).toBe(200)
      expect(answer.type).toContain("application/xml")
      expect(answer.body).toContain(`<Message src="14155550199" dst="14155550100">echo: hello &lt;world&gt; &amp; &quot;friends&quot;</Message>`)
      expect(server.inbound).toHaveLength(1)
      const message = server.inbound[0]!
      expect(message.Units).toBe(1)
      expect(message.TotalRate && BigDecimal.format(message.TotalRate)).toBe("0")
      expect(message.MessageIntent).toBeUndefined()
      expect(message.params["SomethingNew"]).toBe("kept")
      expect(message.media).toEqual([])
    }))

  it.scoped("an MMS with Media0…MediaN attachments decodes them in order", () =>
    Effect.gen(function*() {
      const server = yield* setup()
      const mms = {
        ...sms,
        Type: "mms",
        Text: "",
        Body: "look",
        MediaCount: "3",
        Media2: "https://media.plivo.com/c",
        Media0: "https://media.plivo.com/a",
        Media1: "https://media.plivo.com/b"
      }
      const answer = yield* server.send("POST", "/plivo/inbound", mms, sign("POST", `${PUBLIC}/plivo/inbound`, mms))
      expect(answer.status).toBe(200)
      const message = server.inbound[0]!
      expect(message.MediaCount).toBe(3)
      expect(message.media).toEqual(["https://media.plivo.com/a", "https://media.plivo.com/b", "https://media.plivo.com/c"])
      expect(message.text).toBe("look")
    }))

  it.scoped("a WhatsApp message decodes with its content type", () =>
    Effect.gen(function*() {
      const server = yield* setup()
      const whatsapp = {
        MessageUUID: "wa-1",
        From: "919999999999",
        To: "14155550199",
        Type: "whatsapp",
        Body: "hi from WhatsApp",
        ContentType: "text",
        Media1: "https://media.plivo.com/wa"
      }
      yield* server.send("POST", "/plivo/inbound", whatsapp, sign("POST", `${PUBLIC}/plivo/inbound`, whatsapp))
      const message = server.inbound[0]!
      expect(message.Type).toBe("whatsapp")
      expect(message.ContentType).toBe("text")
      expect(message.media).toEqual(["https://media.plivo.com/wa"])
    }))

  it.scoped("no reply is an empty 200", () =>
    Effect.gen(function*() {
      const server = yield* setup()
      const quiet = { ...sms, Text: "quiet" }
      const answer = yield* server.send("POST", "/plivo/inbound", quiet, sign("POST", `${PUBLIC}/plivo/inbound`, quiet))
      expect(answer.status).toBe(200)
      expect(answer.body).toBe("")
    }))

  it.scoped("forged, replayed-with-other-params, unsigned and oversized requests reach no handler", () =>
    Effect.gen(function*() {
      const server = yield* setup({ maxBodyBytes: 4096 })
      const url = `${PUBLIC}/plivo/inbound`
      const forged = yield* server.send("POST", "/plivo/inbound", sms, sign("POST", url, sms, "not-the-token"))
      expect(forged.status).toBe(403)
      const replayed = yield* server.send(
        "POST",
        "/plivo/inbound",
        { ...sms, Text: "send me money" },
        sign("POST", url, sms)
      )
      expect(replayed.status).toBe(403)
      const unsigned = yield* server.send("POST", "/plivo/inbound", sms, {})
      expect(unsigned.status).toBe(403)
      const wrongHost = yield* server.send("POST", "/plivo/inbound", sms, sign("POST", "https://evil.example.com/plivo/inbound", sms))
      expect(wrongHost.status).toBe(403)
      const big = { ...sms, Text: "x".repeat(5000) }
      const oversized = yield* server.send("POST", "/plivo/inbound", big, sign("POST", url, big))
      expect(oversized.status).toBe(413)
      expect(server.inbound).toHaveLength(0)
    }))

  it.scoped("a signed but malformed payload is answered 400", () =>
    Effect.gen(function*() {
      const server = yield* setup()
      const broken = { From: "14155550100", To: "14155550199", Text: "no uuid" }
      const answer = yield* server.send("POST", "/plivo/inbound", broken, sign("POST", `${PUBLIC}/plivo/inbound`, broken))
      expect(answer.status).toBe(400)
      const badUnits = { ...sms, Units: "many" }
      const second = yield* server.send("POST", "/plivo/inbound", badUnits, sign("POST", `${PUBLIC}/plivo/inbound`, badUnits))
      expect(second.status).toBe(400)
      expect(server.inbound).toHaveLength(0)
    }))

  it.scoped("a subaccount token and the Ma-V3 header are accepted", () =>
    Effect.gen(function*() {
      const server = yield* setup({ authTokens: [SUB_TOKEN] })
      const url = `${PUBLIC}/plivo/inbound`
      const sub = yield* server.send("POST", "/plivo/inbound", sms, sign("POST", url, sms, SUB_TOKEN))
      expect(sub.status).toBe(200)
      const other = { ...sms, MessageUUID: "7a4e3b1e-0000-4000-8000-000000000002" }
      const nonce = "99999"
      const ma = yield* server.send("POST", "/plivo/inbound", other, {
        "x-plivo-signature-ma-v3": `bogus,${PlivoSignature.computeV3({ method: "POST", url, params: other, nonce, authToken: TOKEN })}`,
        "x-plivo-signature-v3-nonce": nonce
      })
      expect(ma.status).toBe(200)
      expect(server.inbound).toHaveLength(2)
    }))
})

describe("delivery reports", () => {
  const report = (status: string, sequence: number): Params => ({
    MessageUUID: "d1e2a3b4-0000-4000-8000-00000000000a",
    To: "14155550123",
    From: "14155550100",
    Type: "sms",
    Status: status,
    Units: "1",
    TotalRate: "0.00500",
    TotalAmount: "0.00500",
    MCC: "310",
    MNC: "004",
    ErrorCode: "",
    Sequence: String(sequence),
    MessageTime: "2024-05-01 04:45:30.120456",
    SentTime: "2024-05-01 04:45:31.5",
    DeliveryReportTime: "",
    requester_ip: "10.1.2.3"
  })

  it.scoped("retried events are acknowledged but delivered once; a new Sequence is delivered", () =>
    Effect.gen(function*() {
      const server = yield* setup()
      const url = `${PUBLIC}/plivo/status`
      const queued = report("queued", 1)
      expect((yield* server.send("POST", "/plivo/status", queued, sign("POST", url, queued))).status).toBe(200)
      expect((yield* server.send("POST", "/plivo/status", queued, sign("POST", url, queued, TOKEN, "2"))).status).toBe(200)
      const sent = report("sent", 2)
      expect((yield* server.send("POST", "/plivo/status", sent, sign("POST", url, sent))).status).toBe(200)
      expect(server.reports).toEqual([
        "d1e2a3b4-0000-4000-8000-00000000000a:queued:1",
        "d1e2a3b4-0000-4000-8000-00000000000a:sent:2"
      ])
    }))

  it.scoped("a failing handler answers 500 and Plivo's retry is delivered", () =>
    Effect.gen(function*() {
      const server = yield* setup()
      const url = `${PUBLIC}/plivo/status`
      const delivered = report("delivered", 3)
      server.failNext()
      expect((yield* server.send("POST", "/plivo/status", delivered, sign("POST", url, delivered))).status).toBe(500)
      expect((yield* server.send("POST", "/plivo/status", delivered, sign("POST", url, delivered))).status).toBe(200)
      expect(server.reports).toEqual(["d1e2a3b4-0000-4000-8000-00000000000a:delivered:3"])
    }))

  it.scoped("GET callbacks are verified over the query", () =>
    Effect.gen(function*() {
      const server = yield* setup()
      const sent = report("sent", 2)
      // Plivo signs the full URL it calls, query included; for GET the params are that query.
      const url = `${PUBLIC}/plivo/status?${new URLSearchParams(sent)}`
      expect((yield* server.send("GET", "/plivo/status", sent, sign("GET", url, {}))).status).toBe(200)
      const tampered = { ...sent, Status: "delivered" }
      expect((yield* server.send("GET", "/plivo/status", tampered, sign("GET", url, {}))).status).toBe(403)
      expect(server.reports).toEqual(["d1e2a3b4-0000-4000-8000-00000000000a:sent:2"])
    }))

  it.scoped("reports are typed and published to the stream; awaitFinal finds the final one", () =>
    Effect.gen(function*() {
      const server = yield* setup()
      const url = `${PUBLIC}/plivo/status`
      const collected = yield* Effect.fork(
        MessagingWebhooks.deliveryReportStream.pipe(Stream.take(2), Stream.runCollect, Effect.provide(server.context))
      )
      yield* Effect.yieldNow()
      const waiter = yield* Effect.fork(
        MessagingWebhooks.awaitFinal("d1e2a3b4-0000-4000-8000-00000000000a").pipe(Effect.provide(server.context))
      )
      yield* Effect.yieldNow()
      for (const [status, sequence] of [["sent", 2], ["delivered", 3]] as const) {
        const params = report(status, sequence)
        yield* server.send("POST", "/plivo/status", params, sign("POST", url, params))
      }
      const [first, second] = yield* Fiber.join(collected)
      expect(first?.Status).toBe("sent")
      expect(first?.Units).toBe(1)
      expect(first?.TotalAmount && BigDecimal.format(first.TotalAmount)).toBe("0.005")
      expect(first?.MessageTime && DateTime.formatIso(first.MessageTime)).toBe("2024-05-01T04:45:30.120Z")
      expect(first?.DeliveryReportTime).toBeUndefined()
      expect(first?.params["requester_ip"]).toBe("10.1.2.3")
      expect(second?.Status).toBe("delivered")
      const final = yield* Fiber.join(waiter)
      expect(final.Sequence).toBe(3)
      // A waiter arriving after the fact still gets the final report.
      const late = yield* MessagingWebhooks.awaitFinal("d1e2a3b4-0000-4000-8000-00000000000a").pipe(
        Effect.provide(server.context)
      )
      expect(late.Status).toBe("delivered")
    }))
})

describe("configuration", () => {
  it.effect("a publicBaseUrl that is not http(s) is a defect at construction", () =>
    Effect.gen(function*() {
      const exit = yield* Effect.exit(
        Layer.build(MessagingWebhooks.layer({ publicBaseUrl: "ftp://nope" })).pipe(
          Effect.provide(PlivoConfig.layer({ authId: "MA1", authToken: "t" }).pipe(Layer.orDie)),
          Effect.scoped
        )
      )
      expect(exit._tag).toBe("Failure")
    }))
})

