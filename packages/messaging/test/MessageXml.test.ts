import { describe, expect, it } from "@effect/vitest"
import * as MessageXml from "../src/MessageXml.js"

const declaration = `<?xml version="1.0" encoding="UTF-8"?>`

// A strict reader for exactly the grammar `response` emits: attribute values without raw
// `"`, `<` or stray `&`, text without raw `<`, `>` or stray `&`. Anything injected fails it.
const entity = String.raw`&(?:amp|lt|gt|quot|apos|#9|#10|#13);`
const attributeValue = String.raw`(?:[^"<>&']|${entity})*`
const textValue = String.raw`(?:[^<>&"']|${entity})*`
const messagePattern = new RegExp(String.raw`<Message((?: [A-Za-z]+="${attributeValue}")*)>(${textValue})</Message>`, "g")
const documentPattern = new RegExp(
  String.raw`^<\?xml version="1\.0" encoding="UTF-8"\?><Response>(?:<Message(?: [A-Za-z]+="${attributeValue}")*>${textValue}</Message>)*</Response>$`
)

const decode = (value: string): string =>
  value.replace(new RegExp(entity, "g"), (e) => ({
    "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&apos;": "'", "&#9;": "\t", "&#10;": "\n", "&#13;": "\r"
  })[e] ?? e)

const read = (xml: string) => {
  expect(xml).toMatch(documentPattern)
  return Array.from(xml.matchAll(messagePattern), (match) => ({
    attributes: Object.fromEntries(
      Array.from((match[1] ?? "").matchAll(/ ([A-Za-z]+)="([^"]*)"/g), (a) => [a[1], decode(a[2] ?? "")])
    ),
    text: decode(match[2] ?? "")
  }))
}

describe("MessageXml", () => {
  it("renders the webhooks.md example", () => {
    const xml = MessageXml.response([
      MessageXml.message({
        src: "12025550000",
        dst: ["12025551111", "12025552222"],
        text: "Thanks, we got your message.",
        type: "sms",
        callbackUrl: "https://example.com/sms_status/",
        callbackMethod: "POST"
      })
    ])
    expect(xml).toBe(
      `${declaration}<Response><Message src="12025550000" dst="12025551111&lt;12025552222" type="sms"` +
        ` callbackUrl="https://example.com/sms_status/" callbackMethod="POST">Thanks, we got your message.</Message>` +
        `</Response>`
    )
  })

  it("omits absent optional attributes and accepts a single message", () => {
    const m = MessageXml.message({ src: "1", dst: "2", text: "hi" })
    expect(m).toEqual({ _tag: "Message", src: "1", dst: ["2"], text: "hi" })
    expect(MessageXml.response(m)).toBe(`${declaration}<Response><Message src="1" dst="2">hi</Message></Response>`)
  })

  it("array dst is joined with < and escaped as &lt;", () => {
    const xml = MessageXml.response([MessageXml.message({ src: "1", dst: ["1203443444", "1203443445"], text: "x" })])
    expect(xml).toContain(`dst="1203443444&lt;1203443445"`)
    expect(read(xml)[0]?.attributes["dst"]).toBe("1203443444<1203443445")
  })

  it("hostile text cannot break or inject markup", () => {
    const hostile = [
      "a < b && c > d",
      `"double" and 'single'`,
      "]]> end of CDATA",
      "</Message><Message src=\"evil\" dst=\"evil\">owned",
      "</Response><Response>",
      "<![CDATA[x]]>",
      "&amp; already escaped &#60;"
    ]
    for (const text of hostile) {
      const xml = MessageXml.response([MessageXml.message({ src: "1", dst: "2", text })])
      const messages = read(xml)
      expect(messages).toHaveLength(1)
      expect(messages[0]?.text).toBe(text)
      expect(messages[0]?.attributes).toEqual({ src: "1", dst: "2" })
      expect(xml).not.toContain("<![CDATA[")
    }
    expect(MessageXml.response([MessageXml.message({ src: "1", dst: "2", text: "</Message><Message>" })]))
      .toBe(`${declaration}<Response><Message src="1" dst="2">&lt;/Message&gt;&lt;Message&gt;</Message></Response>`)
    expect(MessageXml.response([MessageXml.message({ src: "1", dst: "2", text: "]]>" })]))
      .toContain(">]]&gt;</Message>")
  })

  it("escapes every attribute value", () => {
    const callbackUrl = `https://example.com/cb?a=1&b="2"&c='3'&d=<x>`
    const xml = MessageXml.response([
      MessageXml.message({ src: `1" evil="x`, dst: ["2'", "<3>"], text: "t", callbackUrl, callbackMethod: "GET" })
    ])
    expect(xml).toContain(`src="1&quot; evil=&quot;x"`)
    expect(xml).toContain(`callbackUrl="https://example.com/cb?a=1&amp;b=&quot;2&quot;&amp;c=&apos;3&apos;&amp;d=&lt;x&gt;"`)
    expect(read(xml)[0]?.attributes).toEqual({
      src: `1" evil="x`,
      dst: "2'<<3>",
      callbackUrl,
      callbackMethod: "GET"
    })
  })

  it("keeps whitespace that a parser would otherwise normalise", () => {
    const xml = MessageXml.response([MessageXml.message({ src: "a\tb\nc", dst: "2", text: "line1\r\nline2\tend" })])
    expect(xml).toContain(`src="a&#9;b&#10;c"`)
    expect(xml).toContain(">line1&#13;\nline2\tend<")
  })

  it("strips characters illegal in XML 1.0, keeps non-ASCII", () => {
    const xml = MessageXml.response([
      MessageXml.message({ src: "1\u0000", dst: "2\u001f", text: "Plivo®\u0000\u0008\u000b\uFFFE\uFFFF\uD800 ok 😀 é" })
    ])
    expect(xml).toBe(`${declaration}<Response><Message src="1" dst="2">Plivo® ok 😀 é</Message></Response>`)
  })

  it("renders multiple messages in order, and an empty response", () => {
    const xml = MessageXml.response([
      MessageXml.message({ src: "1", dst: "2", text: "first" }),
      MessageXml.message({ src: "1", dst: ["3", "4"], text: "second & last", type: "sms" })
    ])
    expect(read(xml)).toEqual([
      { attributes: { src: "1", dst: "2" }, text: "first" },
      { attributes: { src: "1", dst: "3<4", type: "sms" }, text: "second & last" }
    ])
    expect(MessageXml.response([])).toBe(`${declaration}<Response></Response>`)
  })

  it("exposes a content type Plivo accepts", () => {
    expect(MessageXml.contentType).toMatch(/^application\/xml/)
  })
})
