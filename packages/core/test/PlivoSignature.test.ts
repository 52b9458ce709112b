import { describe, expect, it } from "@effect/vitest"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import { readFileSync } from "node:fs"
import * as PlivoSignature from "../src/PlivoSignature.js"
import { compareCodePoints, stringToSignV3 } from "../src/internal/signature.js"

// Vectors from webhooks.md (plivo-go utils_test.go, plivo-ruby signature_spec.rb).
const authToken = "Y2Q2ZDgxZmY5YWRiOTI5YmQ1Njg0MTAxZWIyOTc4"
const nonce = "31627761595286130198"
const params = {
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
}
const urlWithQuery = "https://plivobin.non-prod.plivops.com/api/v1/validate_signature03.xml/?a=b&c=d"
const urlPlain = "https://plivobin.non-prod.plivops.com/api/v1/validate_signature03.xml"

const paramsBlock = "ALegRequestUUID3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36ALegUUID3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36" +
  "BillRate0.002CallStatusin-progressCallUUID3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36DirectionoutboundEventStartApp" +
  "From19792014278ParentAuthIDMANWVLYTK4ZWU1YTY4QARequestUUID3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36" +
  "SIP-H-To<sip:PlivoSignature382029104058171078704104@52.9.11.55;transport=udp>;tag=1" +
  "SessionStart2020-04-08 11:34:33.238707Tosip:PlivoSignature382029104058171078704104@phone-qa.voice.plivodev.com"
const queryBlock = "ALegRequestUUID=3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36&ALegUUID=3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36" +
  "&BillRate=0.002&CallStatus=in-progress&CallUUID=3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36&Direction=outbound" +
  "&Event=StartApp&From=19792014278&ParentAuthID=MANWVLYTK4ZWU1YTY4QA&RequestUUID=3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36" +
  "&SIP-H-To=<sip:PlivoSignature382029104058171078704104@52.9.11.55;transport=udp>;tag=1" +
  "&SessionStart=2020-04-08 11:34:33.238707&To=sip:PlivoSignature382029104058171078704104@phone-qa.voice.plivodev.com"

const vectors = [
  {
    n: 1,
    method: "POST",
    url: urlWithQuery,
    expected: "k7Pusd4OxCIjR5IfA9iedDNu/h/gbdYqdzG/MiYtd1c=",
    signed: `${urlWithQuery}.${paramsBlock}.${nonce}`
  },
  {
    n: 2,
    method: "GET",
    url: urlWithQuery,
    expected: "UBq8jAtd32wR8EK9VgxbBn4n5rpI/l1H9iN4WfSEHFQ=",
    signed: `${urlPlain}/?${queryBlock}&a=b&c=d.${nonce}`
  },
  {
    n: 3,
    method: "POST",
    url: urlPlain,
    expected: "iAjE5QqI37mbkYe4w3jTMudqEzbDufdqi7sYwTu64e0=",
    signed: `${urlPlain}?${paramsBlock}.${nonce}`
  },
  {
    n: 4,
    method: "GET",
    url: urlPlain,
    expected: "i/MQsaQSAd6fiKhOh2qeeeLHZ9faldADSb3/7+Akfbc=",
    signed: `${urlPlain}?${queryBlock}.${nonce}`
  }
] as const

describe("PlivoSignature V3", () => {
  for (const v of vectors) {
    it(`vector #${v.n} ${v.method}: string to sign`, () => {
      expect(stringToSignV3({ method: v.method, url: v.url, params, nonce })).toBe(v.signed)
    })

    it(`vector #${v.n} ${v.method}: computeV3`, () => {
      expect(PlivoSignature.computeV3({ method: v.method, url: v.url, params, nonce, authToken })).toBe(v.expected)
    })

    it(`vector #${v.n} ${v.method}: verifyV3 accepts, and with a Redacted token`, () => {
      const base = { method: v.method, url: v.url, params, nonce, signature: v.expected }
      expect(PlivoSignature.verifyV3({ ...base, authTokens: [authToken] })).toBe(true)
      expect(PlivoSignature.verifyV3({ ...base, authTokens: [Redacted.make(authToken)] })).toBe(true)
    })

    it(`vector #${v.n} ${v.method}: mutations fail`, () => {
      const ok = { method: v.method, url: v.url, params, nonce, signature: v.expected, authTokens: [authToken] } as const
      expect(PlivoSignature.verifyV3(ok)).toBe(true)
      expect(PlivoSignature.verifyV3({ ...ok, params: { ...params, Event: "StopApp" } })).toBe(false)
      expect(PlivoSignature.verifyV3({ ...ok, params: { ...params, Extra: "1" } })).toBe(false)
      expect(PlivoSignature.verifyV3({ ...ok, nonce: "31627761595286130199" })).toBe(false)
      expect(PlivoSignature.verifyV3({ ...ok, authTokens: [`${authToken}x`] })).toBe(false)
      expect(PlivoSignature.verifyV3({ ...ok, url: v.url.replace(".com/", ".com:8443/") })).toBe(false)
      expect(PlivoSignature.verifyV3({ ...ok, url: v.url.replace("https:", "http:") })).toBe(false)
      expect(PlivoSignature.verifyV3({ ...ok, method: v.method === "GET" ? "POST" : "GET" })).toBe(false)
      expect(PlivoSignature.verifyV3({ ...ok, signature: "" })).toBe(false)
      expect(PlivoSignature.verifyV3({ ...ok, signature: v.expected.slice(0, -1) })).toBe(false)
    })
  }

  it("a changed URL query parameter fails (POST)", () => {
    const ok = { method: "POST", url: urlWithQuery, params, nonce, authTokens: [authToken] } as const
    const signature = vectors[0].expected
    expect(PlivoSignature.verifyV3({ ...ok, signature })).toBe(true)
    expect(PlivoSignature.verifyV3({ ...ok, url: urlWithQuery.replace("c=d", "c=e"), signature })).toBe(false)
  })

  it("accepts any of several comma-separated signatures", () => {
    const base = { method: "POST", url: urlPlain, params, nonce, authTokens: [authToken] } as const
    const valid = vectors[2].expected
    expect(PlivoSignature.verifyV3({ ...base, signature: `bogus,${valid}` })).toBe(true)
    expect(PlivoSignature.verifyV3({ ...base, signature: `${valid}, bogus` })).toBe(true)
    expect(PlivoSignature.verifyV3({ ...base, signature: `bogus , ${valid} ` })).toBe(true)
    expect(PlivoSignature.verifyV3({ ...base, signature: "bogus,also-bogus" })).toBe(false)
    expect(PlivoSignature.verifyV3({ ...base, signature: ",,," })).toBe(false)
  })

  it("accepts when only the second of several tokens matches", () => {
    const base = { method: "POST", url: urlPlain, params, nonce, signature: vectors[2].expected } as const
    expect(PlivoSignature.verifyV3({ ...base, authTokens: ["subaccount-token", authToken] })).toBe(true)
    expect(PlivoSignature.verifyV3({ ...base, authTokens: [Redacted.make("other"), Redacted.make(authToken)] }))
      .toBe(true)
    expect(PlivoSignature.verifyV3({ ...base, authTokens: ["subaccount-token", "main-token"] })).toBe(false)
  })

  it("GET: parameters already in the URL are not counted twice", () => {
    // Vector #2 with the request's query params as a framework would decode them (a, c included).
    expect(PlivoSignature.computeV3({
      method: "GET",
      url: urlWithQuery,
      params: { ...params, a: "b", c: "d" },
      nonce,
      authToken
    })).toBe(vectors[1].expected)
    expect(stringToSignV3({ method: "GET", url: "https://h/p?a=1&a=2", params: { a: ["2", "1"], b: "x" }, nonce: "n" }))
      .toBe("https://h/p?a=1&a=2&b=x.n")
  })

  it("method is case-insensitive", () => {
    expect(PlivoSignature.computeV3({ method: "get", url: urlPlain, params, nonce, authToken }))
      .toBe(vectors[3].expected)
  })

  it("array-valued params: values sorted, each rendered with its key", () => {
    expect(stringToSignV3({ method: "POST", url: "https://h/p", params: { b: "1", a: ["z", "y"] }, nonce: "n" }))
      .toBe("https://h/p?ay" + "az" + "b1.n")
    expect(stringToSignV3({ method: "GET", url: "https://h/p", params: { b: "1", a: ["z", "y"] }, nonce: "n" }))
      .toBe("https://h/p?a=y&a=z&b=1.n")
    const signature = PlivoSignature.computeV3({
      method: "POST", url: "https://h/p", params: { a: ["z", "y"] }, nonce: "n", authToken
    })
    expect(PlivoSignature.verifyV3({
      method: "POST", url: "https://h/p", params: { a: ["y", "z"] }, nonce: "n", signature, authTokens: [authToken]
    })).toBe(true)
    expect(PlivoSignature.verifyV3({
      method: "POST", url: "https://h/p", params: { a: ["y"] }, nonce: "n", signature, authTokens: [authToken]
    })).toBe(false)
  })

  it("POST without params signs the URL query; fragments are dropped; query values are decoded", () => {
    expect(stringToSignV3({ method: "POST", url: "https://h/p?b=2&a=1#frag", params: {}, nonce: "n" }))
      .toBe("https://h/p?a=1&b=2.n")
    expect(stringToSignV3({ method: "POST", url: "https://h/p", params: {}, nonce: "n" })).toBe("https://h/p.n")
    expect(stringToSignV3({ method: "GET", url: "https://h/p?x=a%20b+c&e=", params: {}, nonce: "n" }))
      .toBe("https://h/p?e=&x=a b c.n")
  })

  it("orders keys by code point, not locale", () => {
    expect(stringToSignV3({ method: "POST", url: "https://h", params: { a: "1", To: "2", B: "3" }, nonce: "n" }))
      .toBe("https://h?B3To2a1.n")
    const sorted = ["\u{1F600}", "\uFF5E", "a", "Z"].sort(compareCodePoints)
    expect(sorted).toEqual(["Z", "a", "\uFF5E", "\u{1F600}"])
  })
})

describe("PlivoSignature V2", () => {
  const v2 = { url: "https://answer.url", nonce: "12345" }
  const expected = "ehV3IKhLysWBxC1sy8INm0qGoQYdYsHwuoKjsX7FsXc="

  it("computes the SDK vector", () => {
    expect(PlivoSignature.computeV2({ ...v2, authToken: "my_auth_token" })).toBe(expected)
    expect(PlivoSignature.computeV2({ ...v2, authToken: Redacted.make("my_auth_token") })).toBe(expected)
  })

  it("verifies, ignoring the query string, and rejects mutations", () => {
    const ok = { ...v2, signature: expected, authTokens: ["my_auth_token"] } as const
    expect(PlivoSignature.verifyV2(ok)).toBe(true)
    expect(PlivoSignature.verifyV2({ ...ok, url: "https://answer.url?x=1" })).toBe(true)
    expect(PlivoSignature.verifyV2({ ...ok, authTokens: ["my_auth_tokens"] })).toBe(false)
    expect(PlivoSignature.verifyV2({ ...ok, authTokens: ["other", "my_auth_token"] })).toBe(true)
    expect(PlivoSignature.verifyV2({ ...ok, nonce: "12346" })).toBe(false)
    expect(PlivoSignature.verifyV2({ ...ok, url: "http://answer.url" })).toBe(false)
    expect(PlivoSignature.verifyV2({ ...ok, url: "https://answer.url:8443" })).toBe(false)
    expect(PlivoSignature.verifyV2({ ...ok, signature: `bogus,${expected}` })).toBe(true)
  })
})

describe("PlivoSignature headers", () => {
  it("getHeader is case-insensitive and joins repeated values", () => {
    expect(PlivoSignature.getHeader({ "X-Plivo-Signature-V3": "s" }, PlivoSignature.HeaderV3)).toEqual(Option.some("s"))
    expect(PlivoSignature.getHeader({ "X-PLIVO-SIGNATURE-MA-V3": "m" }, PlivoSignature.HeaderMaV3))
      .toEqual(Option.some("m"))
    expect(PlivoSignature.getHeader({ "x-plivo-signature-v3-nonce": "n" }, "X-Plivo-Signature-V3-Nonce"))
      .toEqual(Option.some("n"))
    expect(PlivoSignature.getHeader({ "x-plivo-signature-v2": ["a", "b"] }, PlivoSignature.HeaderV2))
      .toEqual(Option.some("a,b"))
    expect(PlivoSignature.getHeader({ "x-plivo-signature-v2": undefined }, PlivoSignature.HeaderV2))
      .toEqual(Option.none())
    expect(PlivoSignature.getHeader({}, PlivoSignature.HeaderV2Nonce)).toEqual(Option.none())
  })

  it("header name constants", () => {
    expect([
      PlivoSignature.HeaderV3,
      PlivoSignature.HeaderMaV3,
      PlivoSignature.HeaderV3Nonce,
      PlivoSignature.HeaderV2,
      PlivoSignature.HeaderMaV2,
      PlivoSignature.HeaderV2Nonce
    ]).toEqual([
      "x-plivo-signature-v3",
      "x-plivo-signature-ma-v3",
      "x-plivo-signature-v3-nonce",
      "x-plivo-signature-v2",
      "x-plivo-signature-ma-v2",
      "x-plivo-signature-v2-nonce"
    ])
  })

  describe("verifyRequest", () => {
    const request = { method: "POST", url: urlPlain, params } as const
    const valid = vectors[2].expected

    it("accepts V3 or Ma-V3 with any token, headers in any case", () => {
      expect(PlivoSignature.verifyRequest({
        ...request,
        headers: { "X-Plivo-Signature-V3": "bogus", "X-Plivo-Signature-MA-V3": valid, "X-Plivo-Signature-V3-Nonce": nonce },
        authTokens: ["sub", authToken]
      })).toBe(true)
      expect(PlivoSignature.verifyRequest({
        ...request,
        headers: { "x-plivo-signature-v3": valid, "x-plivo-signature-v3-nonce": nonce },
        authTokens: [authToken]
      })).toBe(true)
    })

    it("rejects a wrong token, a missing nonce, or no signature", () => {
      const headers = { "x-plivo-signature-v3": valid, "x-plivo-signature-v3-nonce": nonce }
      expect(PlivoSignature.verifyRequest({ ...request, headers, authTokens: ["nope"] })).toBe(false)
      expect(PlivoSignature.verifyRequest({
        ...request,
        headers: { "x-plivo-signature-v3": valid },
        authTokens: [authToken]
      })).toBe(false)
      expect(PlivoSignature.verifyRequest({ ...request, headers: {}, authTokens: [authToken] })).toBe(false)
    })

    it("uses V2 only when allowed and no V3 header was sent", () => {
      const v2 = {
        method: "POST",
        url: "https://answer.url",
        params: { Text: "anything" },
        authTokens: ["my_auth_token"]
      } as const
      const v2Headers = {
        "X-Plivo-Signature-V2": "ehV3IKhLysWBxC1sy8INm0qGoQYdYsHwuoKjsX7FsXc=",
        "X-Plivo-Signature-V2-Nonce": "12345"
      }
      expect(PlivoSignature.verifyRequest({ ...v2, headers: v2Headers })).toBe(false)
      expect(PlivoSignature.verifyRequest({ ...v2, headers: v2Headers, allowV2Fallback: true })).toBe(true)
      expect(PlivoSignature.verifyRequest({
        ...v2,
        headers: { ...v2Headers, "X-Plivo-Signature-V3": "bogus", "X-Plivo-Signature-V3-Nonce": "1" },
        allowV2Fallback: true
      })).toBe(false)
    })
  })
})

// The vectors the emulator's signer is checked against too (packages/testing), so that the
// two independent implementations agree on every input listed there.
const SharedVectors = Schema.Struct({
  v3: Schema.Array(Schema.Struct({
    name: Schema.String,
    method: Schema.String,
    url: Schema.String,
    params: Schema.Array(Schema.Tuple(Schema.String, Schema.String)),
    nonce: Schema.String,
    authToken: Schema.String,
    stringToSign: Schema.String,
    signature: Schema.String
  })),
  v2: Schema.Array(Schema.Struct({
    name: Schema.String,
    url: Schema.String,
    nonce: Schema.String,
    authToken: Schema.String,
    signature: Schema.String
  }))
})
const shared = Schema.decodeUnknownSync(Schema.parseJson(SharedVectors))(
  readFileSync(new URL("../../../test/fixtures/vectors/signatures.json", import.meta.url), "utf8")
)

/** Pairs as a framework hands them over: a repeated key becomes an array. */
const toParams = (pairs: ReadonlyArray<readonly [string, string]>): PlivoSignature.Params => {
  const grouped = new Map<string, Array<string>>()
  for (const [key, value] of pairs) grouped.set(key, [...(grouped.get(key) ?? []), value])
  return Object.fromEntries(grouped)
}

describe("PlivoSignature shared vectors (test/fixtures/vectors/signatures.json)", () => {
  for (const v of shared.v3) {
    it(`V3 ${v.method}: ${v.name}`, () => {
      const params = toParams(v.params)
      expect(stringToSignV3({ method: v.method, url: v.url, params, nonce: v.nonce })).toBe(v.stringToSign)
      expect(PlivoSignature.computeV3({ method: v.method, url: v.url, params, nonce: v.nonce, authToken: v.authToken }))
        .toBe(v.signature)
      expect(PlivoSignature.verifyV3({
        method: v.method,
        url: v.url,
        params,
        nonce: v.nonce,
        signature: v.signature,
        authTokens: [v.authToken]
      })).toBe(true)
    })
  }
  for (const v of shared.v2) {
    it(`V2: ${v.name}`, () => {
      expect(PlivoSignature.computeV2({ url: v.url, nonce: v.nonce, authToken: v.authToken })).toBe(v.signature)
    })
  }
})
