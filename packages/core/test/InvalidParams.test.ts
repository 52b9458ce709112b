import { describe, expect, it } from "@effect/vitest"
import { InvalidParams } from "@plivo-effect/core"

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
