/**
 * Message XML: the body your `message_url` handler may return to make Plivo send
 * messages in reply to an inbound one.
 *
 * ```xml
 * <?xml version="1.0" encoding="UTF-8"?>
 * <Response><Message src="…" dst="…">text</Message></Response>
 * ```
 *
 * Every text and attribute value is entity-escaped, so user-supplied text can never
 * close an element or add one.
 *
 * @since 0.1.0
 */

/**
 * One `<Message>` element. Build it with {@link message}.
 *
 * @since 0.1.0
 * @category models
 */
export interface Message {
  readonly _tag: "Message"
  /** Sender: a Plivo number you own. */
  readonly src: string
  /** Destinations; several are sent as one `dst` joined with `<`. */
  readonly dst: ReadonlyArray<string>
  /** Message body. */
  readonly text: string
  /** Plivo accepts only `sms` here. */
  readonly type?: "sms"
  /** Delivery-report URL; receives the same parameters as the API's `url` callback. */
  readonly callbackUrl?: string
  /** Method for `callbackUrl`; Plivo defaults to `POST`. */
  readonly callbackMethod?: "GET" | "POST"
}

/**
 * Content type to send a {@link response} with (Plivo accepts `text/xml` or
 * `application/xml`).
 *
 * @example
 * ```ts
 * import { MessageXml } from "@plivo-effect/messaging"
 * import type { ServerResponse } from "node:http"
 *
 * declare const res: ServerResponse // in a node:http handler
 * res.setHeader("content-type", MessageXml.contentType)
 * ```
 * @since 0.1.0
 * @category constants
 */
export const contentType = "application/xml; charset=utf-8"

/**
 * Describes a `<Message>`. Pure and total: nothing is validated beyond the types
 * (Plivo rejects an empty body; see webhooks.md), and escaping happens in
 * {@link response}.
 *
 * @example
 * ```ts
 * import { MessageXml } from "@plivo-effect/messaging"
 *
 * const reply = MessageXml.message({
 *   src: "12025550000",
 *   dst: ["12025551111", "12025552222"],
 *   text: "Thanks, we got your message.",
 *   callbackUrl: "https://example.com/sms_status/"
 * })
 * ```
 * @since 0.1.0
 * @category constructors
 */
export const message = (options: {
  readonly src: string
  readonly dst: string | ReadonlyArray<string>
  readonly text: string
  readonly type?: "sms"
  readonly callbackUrl?: string
  readonly callbackMethod?: "GET" | "POST"
}): Message => ({
  _tag: "Message",
  src: options.src,
  dst: typeof options.dst === "string" ? [options.dst] : [...options.dst],
  text: options.text,
  ...(options.type === undefined ? {} : { type: options.type }),
  ...(options.callbackUrl === undefined ? {} : { callbackUrl: options.callbackUrl }),
  ...(options.callbackMethod === undefined ? {} : { callbackMethod: options.callbackMethod })
})

// Characters outside XML 1.0's `Char` production cannot appear even as references, so
// they are removed (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE, U+FFFF).
const illegalXmlChars = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

const textEntities: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "\"": "&quot;",
  "'": "&apos;",
  // A parser turns CR and CRLF into LF; a reference keeps the CR.
  "\r": "&#13;"
}

const attributeEntities: Readonly<Record<string, string>> = {
  ...textEntities,
  // A parser turns literal tab and LF inside an attribute into spaces; references survive.
  "\t": "&#9;",
  "\n": "&#10;"
}

const escapeWith = (entities: Readonly<Record<string, string>>, pattern: RegExp) => (value: string): string =>
  value.replace(illegalXmlChars, "").replace(pattern, (char) => entities[char] ?? char)

const escapeText = escapeWith(textEntities, /[&<>"'\r]/g)
const escapeAttribute = escapeWith(attributeEntities, /[&<>"'\r\t\n]/g)

const renderMessage = (m: Message): string => {
  const attributes: Array<readonly [string, string | undefined]> = [
    ["src", m.src],
    ["dst", m.dst.join("<")],
    ["type", m.type],
    ["callbackUrl", m.callbackUrl],
    ["callbackMethod", m.callbackMethod]
  ]
  const rendered = attributes
    .flatMap(([name, value]) => (value === undefined ? [] : [` ${name}="${escapeAttribute(value)}"`]))
    .join("")
  return `<Message${rendered}>${escapeText(m.text)}</Message>`
}

const isMessage = (value: Message | ReadonlyArray<Message>): value is Message => "_tag" in value

/**
 * Renders a `<Response>` holding the messages in order (Plivo executes them top to
 * bottom), with an XML declaration. Send it with {@link contentType}.
 *
 * @example
 * ```ts
 * import { MessageXml } from "@plivo-effect/messaging"
 *
 * MessageXml.response([MessageXml.message({ src: "12025550000", dst: "12025551111", text: "Hi & bye" })])
 * // '<?xml version="1.0" encoding="UTF-8"?><Response><Message src="12025550000" dst="12025551111">Hi &amp; bye</Message></Response>'
 * ```
 * @since 0.1.0
 * @category encoding
 */
export const response = (messages: Message | ReadonlyArray<Message>): string => {
  const list: ReadonlyArray<Message> = isMessage(messages) ? [messages] : messages
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${list.map(renderMessage).join("")}</Response>`
}
