import { describe, expect, it } from "@effect/vitest"
import * as HttpClient from "@effect/platform/HttpClient"
import { PlivoClient } from "@plivo-effect/core"
import { StubHttpClient, TestTracer } from "@plivo-effect/testing"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/TestClock"

const Ok = Schema.Struct({ api_id: Schema.String })
const post = Effect.flatMap(PlivoClient, (client) => client.post(["Message"], { schema: Ok, body: { text: "hi" } }))

const scripted = (...answers: ReadonlyArray<StubHttpClient.Response>) => {
  let n = 0
  return () => answers[Math.min(n++, answers.length - 1)]!
}

describe("the client span", () => {
  it.effect("is a child of the caller's span, parent of the spans inside, and ends with the attempts, status and api_id", () => {
    const { spans: seen, tracer } = TestTracer.make()
    return Effect.gen(function*() {
      const inner = yield* Effect.withSpan(post, "caller")
      expect(inner.api_id).toBe("first")
      const client = seen.find((s) => s.name === "Plivo POST Message")!
      expect(client.parent).toBe("caller")
      expect(client.attributes.get("plivo.attempts")).toBe(1)
      expect(client.attributes.get("http.response.status_code")).toBe(202)
      expect(client.attributes.get("plivo.api_id")).toBe("first")
      expect(client.exit !== undefined && Exit.isSuccess(client.exit)).toBe(true)
      // After the call the caller's span is current again.
      const after = yield* Effect.withSpan(Effect.currentSpan, "after")
      expect(seen.find((s) => s.name === "after")!.parent).toBeUndefined()
      expect(after.name).toBe("after")
    }).pipe(
      Effect.withTracer(tracer),
      Effect.provide(StubHttpClient.layerClient(() => StubHttpClient.json(202, { api_id: "first" })))
    )
  })

  it.effect("spans made by a transformClient are its children; a retried call counts its attempts", () => {
    const { spans: seen, tracer } = TestTracer.make()
    return Effect.gen(function*() {
      const fiber = yield* Effect.fork(post)
      yield* TestClock.adjust("1 minute")
      yield* Fiber.join(fiber)
      const client = seen.find((s) => s.name === "Plivo POST Message")!
      expect(client.attributes.get("plivo.attempts")).toBe(2)
      expect(client.attributes.get("http.response.status_code")).toBe(200)
      const below = seen.filter((s) => s.name === "below")
      expect(below.map((s) => s.parent)).toEqual(["Plivo POST Message", "Plivo POST Message"])
    }).pipe(
      Effect.withTracer(tracer),
      Effect.provide(
        StubHttpClient.layerClient(
          scripted(StubHttpClient.json(429, { api_id: "rl", error: "too many" }), StubHttpClient.json(200, { api_id: "ok" })),
          { transformClient: HttpClient.tapRequest(() => Effect.withSpan(Effect.void, "below")) }
        )
      )
    )
  })

  it.effect("a failed call ends its span with the failure, the status and the api_id of the error", () => {
    const { spans: seen, tracer } = TestTracer.make()
    return Effect.gen(function*() {
      const error = yield* Effect.flip(post)
      expect(error._tag).toBe("BadRequestError")
      const client = seen.find((s) => s.name === "Plivo POST Message")!
      expect(client.attributes.get("plivo.attempts")).toBe(1)
      expect(client.attributes.get("http.response.status_code")).toBe(400)
      expect(client.attributes.get("plivo.api_id")).toBe("bad-1")
      expect(client.exit !== undefined && Exit.isFailure(client.exit)).toBe(true)
    }).pipe(
      Effect.withTracer(tracer),
      Effect.provide(StubHttpClient.layerClient(() => StubHttpClient.json(400, { api_id: "bad-1", error: "no src" })))
    )
  })

  it.effect("with no tracer installed there is no client span: the request runs under the caller's span", () => {
    const below: Array<string> = []
    return Effect.gen(function*() {
      const result = yield* Effect.withSpan(post, "caller")
      expect(result.api_id).toBe("first")
      expect(below).toEqual(["caller"])
    }).pipe(
      Effect.provide(
        StubHttpClient.layerClient(() => StubHttpClient.json(202, { api_id: "first" }), {
          transformClient: HttpClient.tapRequest(() => Effect.map(Effect.currentSpan, (span) => below.push(span.name)).pipe(Effect.orDie))
        })
      )
    )
  })
})
