import * as HttpApp from "@effect/platform/HttpApp"
import * as HttpRouter from "@effect/platform/HttpRouter"
import { describe, expect, it } from "@effect/vitest"
import { PlivoConfig, PlivoSignature } from "@plivo-effect/core"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { type ComplianceCallback, ComplianceWebhooks } from "../src/index.js"

const TOKEN = "main-account-token-0123456789"
const PUBLIC = "https://hooks.example.com"

type Params = Record<string, string>

const sign = (method: "GET" | "POST", url: string, params: Params, token = TOKEN, nonce = "48151623420815") => ({
  "x-plivo-signature-v3": PlivoSignature.computeV3({ method, url, params, nonce, authToken: token }),
  "x-plivo-signature-v3-nonce": nonce
})

/**
 * The four endpoints behind a real HTTP server on 127.0.0.1 (free port) for the test's
 * scope; the handlers record what they were given.
 */
const serve = (options: Partial<ComplianceWebhooks.Options> = {}) =>
  Effect.gen(function*() {
    const seen: Array<ComplianceCallback> = []
    const record = (event: ComplianceCallback) => Effect.sync(() => void seen.push(event))
    const router = HttpRouter.empty.pipe(
      HttpRouter.post("/plivo/brand", ComplianceWebhooks.brandStatus(record)),
      HttpRouter.post("/plivo/campaign", ComplianceWebhooks.campaignStatus(record)),
      HttpRouter.all("/plivo/number", ComplianceWebhooks.numberStatus(record)),
      HttpRouter.post("/plivo/tollfree", ComplianceWebhooks.tollfreeStatus(record))
    )
    const context = yield* Layer.build(
      ComplianceWebhooks.layer({ publicBaseUrl: PUBLIC, ...options }).pipe(
        Layer.provideMerge(PlivoConfig.layer({ authId: "MAWEBHOOKWEBHOOKWEBH", authToken: TOKEN }).pipe(Layer.orDie))
      )
    )
    const handler = HttpApp.toWebHandler(Effect.provide(yield* HttpRouter.toHttpApp(router), context))
    const server = createServer((req, res) => {
      const chunks: Array<Buffer> = []
      req.on("data", (chunk: Buffer) => chunks.push(chunk))
      req.on("end", () => {
        const method = req.method ?? "GET"
        const headers = new Headers()
        for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value)
        const body = method === "GET" ? null : Buffer.concat(chunks)
        handler(new Request(`http://127.0.0.1${req.url ?? "/"}`, { method, headers, body })).then(
          async (response) => res.writeHead(response.status).end(Buffer.from(await response.arrayBuffer())),
          () => res.destroy()
        )
      })
    })
    const port = yield* Effect.acquireRelease(
      Effect.async<number>((resume) => {
        server.listen(0, "127.0.0.1", () => {
          const address = server.address()
          resume(Effect.succeed(typeof address === "object" && address !== null ? (address satisfies AddressInfo).port : 0))
        })
      }),
      () => Effect.async<void>((resume) => {
        server.closeAllConnections()
        server.close(() => resume(Effect.void))
      })
    )
    /** One callback over the socket, as Plivo sends it: form body for POST, query for GET. */
    const send = (method: "GET" | "POST", path: string, params: Params, headers: Record<string, string>) =>
      Effect.promise(async () => {
        const query = method === "GET" ? `?${new URLSearchParams(params)}` : ""
        const response = await fetch(`http://127.0.0.1:${port}${path}${query}`, {
          method,
          headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
          ...(method === "POST" ? { body: new URLSearchParams(params).toString() } : {})
        })
        return { status: response.status, body: await response.text() }
      })
    return { seen, send, context }
  })

const brand: Params = {
  brand_id: "BRPXS6E",
  brand_alias: "acme",
  profile_uuid: "201faedc-7df9-4840-9ab1-3997ce3f7cf4",
  status: "rejected",
  registration_status: "FAILED",
  declined_reasons: "[{\"code\":\"TCR-1\",\"message\":\"EIN mismatch\"}]",
  tcr_feedback: "kept"
}
const campaign: Params = { campaign_id: "CY5NVUA", brand_id: "BRPXS6E", status: "rejected", registration_status: "FAILED", error_code: "1001", error_reason: "Prohibited content" }
const linked: Params = { campaign_id: "CY5NVUA", number: "14155550100", status: "linked", number_status: "COMPLETED" }
const tollfree: Params = { uuid: "312b3119-4ae6-4b75-92ea-9cf3ea4227d6", number: "18005550100", status: "UPDATE_REQUIRED", error_message: "Add an opt-in image" }

describe("ComplianceWebhooks over a loopback server", () => {
  it.scopedLive("a signed brand callback reaches the handler typed, every parameter kept", () =>
    Effect.gen(function*() {
      const server = yield* serve()
      const answer = yield* server.send("POST", "/plivo/brand", brand, sign("POST", `${PUBLIC}/plivo/brand`, brand))
      expect(answer.status).toBe(200)
      expect(server.seen).toHaveLength(1)
      expect(server.seen[0]).toMatchObject({
        kind: "Brand",
        brand_id: "BRPXS6E",
        status: "rejected",
        registration_status: "FAILED",
        declined_reasons: brand.declined_reasons
      })
      expect(server.seen[0]?.params).toStrictEqual(brand)
    }))

  it.scopedLive("campaign, number link (GET) and toll-free callbacks, each typed", () =>
    Effect.gen(function*() {
      const server = yield* serve()
      const answers = [
        yield* server.send("POST", "/plivo/campaign", campaign, sign("POST", `${PUBLIC}/plivo/campaign`, campaign)),
        yield* server.send("GET", "/plivo/number", linked, sign("GET", `${PUBLIC}/plivo/number?${new URLSearchParams(linked)}`, {})),
        yield* server.send("POST", "/plivo/tollfree", tollfree, sign("POST", `${PUBLIC}/plivo/tollfree`, tollfree))
      ]
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200])
      expect(server.seen.map((e) => e.kind)).toEqual(["Campaign", "CampaignNumber", "TollfreeVerification"])
      expect(server.seen[0]).toMatchObject({ error_code: "1001", error_reason: "Prohibited content" })
      expect(server.seen[1]).toMatchObject({ campaign_id: "CY5NVUA", number: "14155550100", number_status: "COMPLETED" })
      expect(server.seen[2]).toMatchObject({ status: "UPDATE_REQUIRED", error_message: "Add an opt-in image" })
    }))

  it.scopedLive("forged callbacks are refused with 403 and reach no handler", () =>
    Effect.gen(function*() {
      const server = yield* serve()
      const forged = [
        // Another token.
        yield* server.send("POST", "/plivo/brand", brand, sign("POST", `${PUBLIC}/plivo/brand`, brand, "not-the-token")),
        // Signed for other parameters.
        yield* server.send("POST", "/plivo/campaign", { ...campaign, registration_status: "ACTIVE" }, sign("POST", `${PUBLIC}/plivo/campaign`, campaign)),
        // Signed for the address the server sees, not the public URL Plivo was given.
        yield* server.send("POST", "/plivo/tollfree", tollfree, sign("POST", "http://127.0.0.1/plivo/tollfree", tollfree)),
        // No signature at all.
        yield* server.send("GET", "/plivo/number", linked, {})
      ]
      expect(forged.map((a) => a.status)).toEqual([403, 403, 403, 403])
      expect(server.seen).toEqual([])
    }))

  it.scopedLive("Plivo's retry of a callback is acknowledged without running the handler again", () =>
    Effect.gen(function*() {
      const server = yield* serve()
      const headers = sign("POST", `${PUBLIC}/plivo/tollfree`, tollfree)
      const first = yield* server.send("POST", "/plivo/tollfree", tollfree, headers)
      const retry = yield* server.send("POST", "/plivo/tollfree", tollfree, sign("POST", `${PUBLIC}/plivo/tollfree`, tollfree, TOKEN, "99"))
      const approved = { ...tollfree, status: "APPROVED", error_message: "" }
      const later = yield* server.send("POST", "/plivo/tollfree", approved, sign("POST", `${PUBLIC}/plivo/tollfree`, approved))
      expect([first.status, retry.status, later.status]).toEqual([200, 200, 200])
      expect(server.seen.map((e) => e.kind === "TollfreeVerification" ? e.status : "")).toEqual(["UPDATE_REQUIRED", "APPROVED"])
    }))

  it.scopedLive("a record back at an earlier status is a new event; a retry of its last event is not", () =>
    Effect.gen(function*() {
      const server = yield* serve()
      const created = { campaign_id: "CY5NVUA", status: "created", registration_status: "PROCESSING" }
      const post = (params: Params, nonce: string) =>
        server.send("POST", "/plivo/campaign", params, sign("POST", `${PUBLIC}/plivo/campaign`, params, TOKEN, nonce))
      // Submitted, retried, rejected, updated (re-vetted: created again), retried, registered.
      const answers = [
        yield* post(created, "1"),
        yield* post(created, "2"),
        yield* post(campaign, "3"),
        yield* post(created, "4"),
        yield* post(created, "5"),
        yield* post({ ...created, status: "registered", registration_status: "ACTIVE" }, "6")
      ]
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200])
      expect(server.seen.map((e) => e.kind === "Campaign" ? e.status : e.kind)).toEqual(["created", "rejected", "created", "registered"])
    }))

  it.scopedLive("accepted callbacks of every kind are published on eventStream", () =>
    Effect.gen(function*() {
      const server = yield* serve()
      const events = yield* Effect.fork(
        Stream.runCollect(Stream.take(ComplianceWebhooks.eventStream, 2)).pipe(Effect.provide(server.context))
      )
      yield* Effect.sleep("20 millis")
      yield* server.send("POST", "/plivo/brand", brand, sign("POST", `${PUBLIC}/plivo/brand`, brand))
      yield* server.send("POST", "/plivo/campaign", campaign, sign("POST", `${PUBLIC}/plivo/campaign`, campaign))
      const got = Chunk.toReadonlyArray(yield* Fiber.join(events).pipe(Effect.timeout("5 seconds")))
      expect(got.map((e) => e.kind)).toEqual(["Brand", "Campaign"])
    }))

  it.scopedLive("a body over maxBodyBytes is answered 413", () =>
    Effect.gen(function*() {
      const server = yield* serve({ maxBodyBytes: 64 })
      const big = { ...brand, padding: "x".repeat(200) }
      const answer = yield* server.send("POST", "/plivo/brand", big, sign("POST", `${PUBLIC}/plivo/brand`, big))
      expect(answer.status).toBe(413)
      expect(server.seen).toEqual([])
    }))

  it.scoped("a publicBaseUrl that is not an http(s) URL dies at construction", () =>
    Effect.gen(function*() {
      const exit = yield* Effect.exit(Layer.build(
        ComplianceWebhooks.layer({ publicBaseUrl: "hooks.example.com" }).pipe(
          Layer.provide(PlivoConfig.layer({ authId: "MAWEBHOOKWEBHOOKWEBH", authToken: TOKEN }).pipe(Layer.orDie))
        )
      ))
      expect(Exit.isFailure(exit) && String(exit.cause)).toContain("ComplianceWebhooks: publicBaseUrl must be an absolute http(s) URL")
    }))
})
