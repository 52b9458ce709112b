import { describe, expect, it } from "@effect/vitest"
import { InvalidParams, InvalidParamsError } from "@plivo-effect/core"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"

describe("InvalidParams.quote", () => {
  it("JSON-quotes a string and escapes CR/LF, so an echoed id cannot forge a log line", () => {
    const quoted = InvalidParams.quote("abc\r\nlevel=INFO msg=forged")
    expect(quoted).toBe(String.raw`"abc\r\nlevel=INFO msg=forged"`)
    expect(quoted).not.toMatch(/[\r\n]/)
  })

  it("escapes every control, line-separator and bidi character", () => {
    const quoted = InvalidParams.quote("a\u0000b\u001bc\u007fd\u0085e\u2028f\u2029g\u202eh\u2066i\ud800j")
    expect(quoted).toBe(String.raw`"a\u0000b\u001bc\u007fd\u0085e\u2028f\u2029g\u202eh\u2066i\ud800j"`)
  })

  it("keeps ordinary text, quotes and non-ASCII letters readable", () => {
    expect(InvalidParams.quote(`say "hi" \\ é 😀`)).toBe(String.raw`"say \"hi\" \\ é 😀"`)
  })

  it("bounds a huge value to about 100 characters with an ellipsis", () => {
    const quoted = InvalidParams.quote("x".repeat(1_000_000))
    expect(quoted).toBe(`"${"x".repeat(100)}"…`)
    expect(InvalidParams.quote("\n".repeat(1_000)).length).toBeLessThanOrEqual(InvalidParams.MAX_QUOTED + 3)
    expect(InvalidParams.quote("abcdef", 3)).toBe(`"abc"…`)
  })

  it("shows other values as JSON or text, with the same bound", () => {
    expect(InvalidParams.quote(42)).toBe("42")
    expect(InvalidParams.quote(undefined)).toBe("undefined")
    expect(InvalidParams.quote(10n)).toBe("10n")
    expect(InvalidParams.quote({ a: "\n", b: "\u2028" })).toBe(String.raw`{"a":"\n","b":"\u2028"}`)
    expect(InvalidParams.quote(Array.from({ length: 1000 }, (_, i) => i)).length).toBeLessThanOrEqual(101)
    const circular: Record<string, unknown> = {}
    circular.self = circular
    expect(InvalidParams.quote(circular)).toBe("[object Object]")
  })
})

describe("InvalidParams.spanId", () => {
  it("keeps a plain id of up to 64 characters as given", () => {
    expect(InvalidParams.spanId("5b40a428-bfc7-4daf-9d06-726c558bf3b8")).toBe("5b40a428-bfc7-4daf-9d06-726c558bf3b8")
    expect(InvalidParams.spanId("a.b_c~d-E9")).toBe("a.b_c~d-E9")
    expect(InvalidParams.spanId("x".repeat(64))).toBe("x".repeat(64))
  })

  it("quotes and escapes an id holding CR/LF, a bidi override, a space or a slash", () => {
    expect(InvalidParams.spanId("id\r\nlevel=INFO")).toBe(String.raw`"id\r\nlevel=INFO"`)
    expect(InvalidParams.spanId("a\u202eb")).toBe(String.raw`"a\u202eb"`)
    expect(InvalidParams.spanId("a b")).toBe(`"a b"`)
    expect(InvalidParams.spanId("../x")).toBe(`"../x"`)
    expect(InvalidParams.spanId("")).toBe(`""`)
  })

  it("cuts a longer id at 64 characters with an ellipsis, and quotes a non-string", () => {
    expect(InvalidParams.spanId("x".repeat(65))).toBe(`"${"x".repeat(64)}"…`)
    expect(InvalidParams.spanId("x".repeat(1_000_000)).length).toBe(67)
    expect(InvalidParams.spanId(42)).toBe("42")
    expect(InvalidParams.spanId(undefined)).toBe("undefined")
    expect(InvalidParams.spanId({ id: "\n" })).toBe(String.raw`{"id":"\n"}`)
  })
})

describe("InvalidParams.preview", () => {
  it("quotes strings, shows numbers and booleans, and names other values by kind only", () => {
    expect(InvalidParams.preview("a\nb")).toBe(String.raw`"a\nb"`)
    expect(InvalidParams.preview(5.5)).toBe("5.5")
    expect(InvalidParams.preview(false)).toBe("false")
    expect(InvalidParams.preview(undefined)).toBe("undefined")
    expect(InvalidParams.preview(null)).toBe("null")
    expect(InvalidParams.preview([1, 2, 3])).toBe("an array of 3")
    expect(InvalidParams.preview({ toString: () => "forged" })).toBe("an object")
    expect(InvalidParams.preview(new Date(0))).toBe("a Date")
    expect(InvalidParams.preview(() => 1)).toBe("a function")
    expect(InvalidParams.preview(Symbol("s"))).toBe("a symbol")
    expect(InvalidParams.preview(10n ** 200n)).toMatch(/^10{99}…$/)
  })
})

describe("InvalidParams.describeParse", () => {
  it("prefixes each issue with the field and escapes the caller's keys", () => {
    const schema = Schema.Struct({ name: Schema.String })
    const error = Either.flip(Schema.decodeUnknownEither(schema)({ name: 1 }))
    const text = InvalidParams.describeParse("template", Either.getOrThrow(error))
    expect(text).toBe("template.name: Expected string, actual 1")
    const keys = Schema.Record({ key: Schema.String, value: Schema.Number })
    const forged = Either.getOrThrow(Either.flip(Schema.decodeUnknownEither(keys)({ "a\r\nINFO x": "1" })))
    expect(InvalidParams.describeParse("f", forged)).not.toMatch(/[\r\n]/)
  })
})

describe("InvalidParams.Issues", () => {
  const failure = <A>(effect: Effect.Effect<A, InvalidParamsError>) =>
    Effect.runSync(Effect.flip(effect))

  it("succeeds with the value when nothing was found", () => {
    const issues = new InvalidParams.Issues()
    issues.checkLimit(20)
    issues.checkOffset(0)
    issues.check(true, "never")
    expect(issues.isEmpty).toBe(true)
    expect(Effect.runSync(issues.result("X.list", () => 42))).toBe(42)
  })

  it("builds a message given as a function only when its check fails", () => {
    const issues = new InvalidParams.Issues()
    let built = 0
    const message = () => `built ${++built}`
    issues.check(true, message)
    expect(built).toBe(0)
    expect(issues.isEmpty).toBe(true)
    issues.check(false, message)
    expect(built).toBe(1)
    expect(failure(issues.result("X.send", () => 0)).issue).toBe("built 1")
  })

  it("names every issue in one error, five at most, counting the rest", () => {
    const issues = new InvalidParams.Issues()
    for (let i = 0; i < 7; i++) issues.add(`issue ${i}`)
    const error = failure(issues.result("X.send", () => 0))
    expect(error).toBeInstanceOf(InvalidParamsError)
    expect(error.operation).toBe("X.send")
    expect(error.issue).toBe("issue 0; issue 1; issue 2; issue 3; issue 4; and 2 more")
  })

  it("escapes and bounds what the issues quote", () => {
    const issues = new InvalidParams.Issues()
    issues.add(`bad\r\nlevel=INFO ${"x".repeat(5_000)}`)
    const { issue } = failure(issues.result("X.send", () => 0))
    expect(issue).not.toMatch(/[\r\n]/)
    expect(issue.length).toBeLessThanOrEqual(301)
  })

  it("checks limit 1–20 and offset 0–1e9, when given", () => {
    const bad = [0, 21, 1.5, "5", Number.NaN].map((limit) => {
      const issues = new InvalidParams.Issues()
      issues.checkLimit(limit)
      return failure(issues.result("X.list", () => 0)).issue
    })
    expect(bad).toStrictEqual([
      "limit must be an integer from 1 to 20, got 0",
      "limit must be an integer from 1 to 20, got 21",
      "limit must be an integer from 1 to 20, got 1.5",
      String.raw`limit must be an integer from 1 to 20, got "5"`,
      "limit must be an integer from 1 to 20, got NaN"
    ])
    const offsets = [-1, 1e300, 2.5].map((offset) => {
      const issues = new InvalidParams.Issues()
      issues.checkOffset(offset)
      return issues.isEmpty
    })
    expect(offsets).toStrictEqual([false, false, false])
    const fine = new InvalidParams.Issues()
    fine.checkLimit(undefined)
    fine.checkOffset(undefined)
    fine.checkOffset(InvalidParams.MAX_OFFSET)
    expect(fine.isEmpty).toBe(true)
  })

  it("checkRecord refuses null, arrays and primitives by kind", () => {
    const issues = new InvalidParams.Issues()
    expect(issues.checkRecord({ a: 1 }, "the filters")).toBe(true)
    expect(issues.checkRecord(null, "the filters")).toBe(false)
    expect(issues.checkRecord([1], "the filters")).toBe(false)
    expect(failure(issues.result("X.list", () => 0)).issue).toBe(
      "the filters must be an object, got null; the filters must be an object, got an array of 1"
    )
  })
})

describe("InvalidParams guards", () => {
  it("isRecord and isText", () => {
    expect([{}, null, [], "x"].map(InvalidParams.isRecord)).toStrictEqual([true, false, false, false])
    expect(["a", " ", "", 1].map(InvalidParams.isText)).toStrictEqual([true, false, false, false])
  })
})
