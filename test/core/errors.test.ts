import { describe, expect, it } from "@effect/vitest"
import { InvalidParamsError, isPlivoError, PlivoClient, RetryPolicy } from "@plivo-effect/core"
import { StubHttpClient } from "@plivo-effect/testing"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"

const get = PlivoClient.pipe(
  Effect.flatMap((client) => client.get(["Message", "abc"], { schema: Schema.Struct({ api_id: Schema.String }) })),
  Effect.flip
)

// Retries are covered elsewhere; here each status must surface on the first answer.
const answerWith = (response: StubHttpClient.Response) =>
  StubHttpClient.layerClient(() => response, { retry: RetryPolicy.none })

describe("HTTP statuses map to tagged errors", () => {
  const cases = [
    [400, "BadRequestError"],
    [401, "AuthenticationError"],
    [403, "ForbiddenError"],
    [404, "NotFoundError"],
    [405, "MethodNotAllowedError"],
    [429, "RateLimitError"],
    [500, "ServerError"],
    [502, "ServerError"],
    [503, "ServerError"],
    [418, "UnexpectedStatusError"]
  ] as const

  for (const [status, tag] of cases) {
    it.effect(`${status} -> ${tag}`, () =>
      Effect.gen(function*() {
        const error = yield* get
        expect(error._tag).toBe(tag)
        if (error._tag === "DecodeError" || error._tag === "TransportError" || error._tag === "InvalidParamsError") {
          throw new Error("expected an HTTP error")
        }
        expect(error.status).toBe(status)
        expect(error.apiId).toBe("api-1")
        expect(error.error).toBe(`failure ${status}`)
        expect(error.method).toBe("GET")
        expect(error.path).toBe("Message/abc/")
      }).pipe(Effect.provide(answerWith(StubHttpClient.json(status, { api_id: "api-1", error: `failure ${status}` })))))
  }

  it.effect("an error given as an object keeps its inner text", () =>
    Effect.gen(function*() {
      const error = yield* get
      expect(error._tag).toBe("BadRequestError")
      expect(error._tag === "BadRequestError" && error.error).toBe("inner text")
    }).pipe(Effect.provide(answerWith(StubHttpClient.json(400, { api_id: "a", error: { error: "inner text" } })))))

  it.effect("an error object without inner text is described as JSON", () =>
    Effect.gen(function*() {
      const error = yield* get
      expect(error._tag === "BadRequestError" && error.error).toBe(`{"dst":["invalid"]}`)
    }).pipe(Effect.provide(answerWith(StubHttpClient.json(400, { api_id: "a", error: { dst: ["invalid"] } })))))

  it.effect("a body without api_id still yields the tag, with no apiId", () =>
    Effect.gen(function*() {
      const error = yield* get
      expect(error._tag).toBe("AuthenticationError")
      expect(error._tag === "AuthenticationError" && error.apiId).toBeUndefined()
      expect(error._tag === "AuthenticationError" && error.error).toBe("authentication credentials were not provided")
    }).pipe(
      Effect.provide(answerWith(StubHttpClient.json(401, { error: "authentication credentials were not provided" })))
    ))

  it.effect("an HTML 502 page yields ServerError with a bounded excerpt", () =>
    Effect.gen(function*() {
      const error = yield* get
      expect(error._tag).toBe("ServerError")
      if (error._tag !== "ServerError") return
      expect(error.status).toBe(502)
      expect(error.apiId).toBeUndefined()
      expect(error.error).toContain("502 Bad Gateway")
      expect(error.error.length).toBeLessThanOrEqual(501)
    }).pipe(
      Effect.provide(
        answerWith(
          StubHttpClient.text(
            502,
            `<html><head><title>502 Bad Gateway</title></head><body>${"x".repeat(5000)}</body></html>`,
            { "content-type": "text/html" }
          )
        )
      )
    ))

  it.effect("a 418 keeps a bounded raw body", () =>
    Effect.gen(function*() {
      const error = yield* get
      expect(error._tag).toBe("UnexpectedStatusError")
      if (error._tag !== "UnexpectedStatusError") return
      expect(error.body).toContain("teapot")
    }).pipe(Effect.provide(answerWith(StubHttpClient.text(418, "I'm a teapot")))))

  it.effect("a 2xx body holding error is a BadRequestError", () =>
    Effect.gen(function*() {
      const error = yield* get
      expect(error._tag).toBe("BadRequestError")
      if (error._tag !== "BadRequestError") return
      expect(error.status).toBe(200)
      expect(error.error).toBe("The number 14155551234 is already requested for linking")
    }).pipe(
      Effect.provide(
        answerWith(
          StubHttpClient.json(200, {
            api_id: "a",
            error: "The number 14155551234 is already requested for linking"
          })
        )
      )
    ))
})

describe("DecodeError", () => {
  it.effect("a 2xx body that fails the schema yields DecodeError without echoing the body", () =>
    Effect.gen(function*() {
      const error = yield* get
      expect(error._tag).toBe("DecodeError")
      if (error._tag !== "DecodeError") return
      expect(error.path).toBe("Message/abc/")
      expect(error.issue).toContain("api_id")
      expect(error.message).not.toContain("SECRET-PAYLOAD-MARKER")
      expect(error.message.length).toBeLessThan(1000)
    }).pipe(
      Effect.provide(
        answerWith(
          StubHttpClient.json(200, {
            api_id: 42,
            objects: Array.from({ length: 500 }, (_, i) => ({ id: i, note: "SECRET-PAYLOAD-MARKER" }))
          })
        )
      )
    ))

  it.effect("a whole body of the wrong type is not quoted in full", () =>
    Effect.gen(function*() {
      const error = yield* get
      expect(error._tag).toBe("DecodeError")
      expect(error.message.length).toBeLessThan(600)
      expect(error.message.split("SECRET-PAYLOAD-MARKER").length).toBeLessThan(10)
    }).pipe(
      Effect.provide(answerWith(StubHttpClient.json(200, Array.from({ length: 500 }, () => "SECRET-PAYLOAD-MARKER"))))
    ))

  it.effect("a 2xx body that is not JSON yields DecodeError", () =>
    Effect.gen(function*() {
      const error = yield* get
      expect(error._tag).toBe("DecodeError")
      expect(error._tag === "DecodeError" && error.issue).toBe("the body is not JSON")
    }).pipe(Effect.provide(answerWith(StubHttpClient.text(200, "<html>ok</html>")))))
})

describe("errors say where the request went", () => {
  const stubAt = (baseUrl: string, response: StubHttpClient.Response) =>
    StubHttpClient.layerClient(() => response, { retry: RetryPolicy.none, baseUrl })

  it.effect("an HTTP error names the URL, so a wrong base URL shows", () =>
    Effect.gen(function*() {
      const error = yield* get
      expect(error._tag).toBe("NotFoundError")
      if (error._tag !== "NotFoundError") return
      const url = `https://api.example.com/Account/${StubHttpClient.credentials.authId}/Message/abc/`
      expect(error.url).toBe(url)
      expect(error.path).toBe("Message/abc/")
      expect(error.message).toBe(`GET ${url} answered 404: not found`)
      expect(error.message).not.toContain(StubHttpClient.credentials.authToken)
    }).pipe(Effect.provide(stubAt("https://api.example.com/", StubHttpClient.json(404, { error: "not found" })))))

  it.effect("the URL carries no query", () =>
    Effect.gen(function*() {
      const client = yield* PlivoClient
      const error = yield* Effect.flip(
        client.get(["Message"], { schema: Schema.Unknown, query: { message_direction: "inbound" } })
      )
      expect(error._tag === "ServerError" && error.url).toBe(
        `https://api.plivo.com/v1/Account/${StubHttpClient.credentials.authId}/Message/`
      )
    }).pipe(Effect.provide(answerWith(StubHttpClient.json(500, { error: "boom" })))))

  it.effect("a redirect says it was not followed and names where it pointed", () =>
    Effect.gen(function*() {
      const error = yield* get
      expect(error._tag).toBe("UnexpectedStatusError")
      expect(error._tag === "UnexpectedStatusError" && error.error).toContain(`"https://api.plivo.com/v1/Account/`)
      expect(error.message).toContain("never redirects")
    }).pipe(
      Effect.provide(
        answerWith(StubHttpClient.empty(301, { location: "https://api.plivo.com/v1/Account/X/Message/abc/" }))
      )
    ))
})

describe("TransportError keeps its cause", () => {
  it.effect("a transport failure keeps the underlying error, its code and a literal reason", () =>
    Effect.gen(function*() {
      const error = yield* get
      expect(error._tag).toBe("TransportError")
      if (error._tag !== "TransportError") return
      expect(error.reason).toBe("Transport")
      expect(error.description).toBe("request failed: ECONNRESET")
      expect(error.mayHaveBeenDelivered).toBe(true)
      expect(error.cause).toBeInstanceOf(Error)
      expect(error.cause instanceof Error && error.cause.message).toBe("stubbed transport failure: ECONNRESET")
      expect(typeof error.cause === "object" && error.cause !== null && "code" in error.cause && error.cause.code).toBe(
        "ECONNRESET"
      )
      expect(error.url).toBe(`https://api.plivo.com/v1/Account/${StubHttpClient.credentials.authId}/Message/abc/`)
      expect(error.message).toBe(`GET ${error.url} failed (Transport): request failed: ECONNRESET`)
    }).pipe(Effect.provide(answerWith(StubHttpClient.transportFailure("ECONNRESET")))))

  it.effect("isPlivoError recognises every PlivoError and nothing else", () =>
    Effect.gen(function*() {
      const error = yield* get
      expect(isPlivoError(error)).toBe(true)
      expect(isPlivoError(new InvalidParamsError({ operation: "x", issue: "y" }))).toBe(true)
      for (const other of [new Error("x"), { _tag: "TransportError" }, null, "TransportError", undefined]) {
        expect(isPlivoError(other)).toBe(false)
      }
    }).pipe(Effect.provide(answerWith(StubHttpClient.transportFailure("ECONNRESET")))))
})
