/**
 * CPU only, no network: the cost of turning one 20-message list page (JSON text) into
 * values. `JSON.parse` alone, vs this SDK's `MessageList` schema on top (timestamps to
 * `DateTime.Utc`, money to `BigDecimal`, open enums, blank-as-absent), vs what the
 * official SDK does to the same page (deep camelCase renaming, one `MessageListResponse`
 * object per row).
 */
import { MessageList } from "@plivo-effect/messaging"
import * as Schema from "effect/Schema"
import { MessageListResponse } from "plivo/dist/resources/messages.js"
import { camelCaseRequestWrapper } from "plivo/dist/rest/utils.js"
import { bench, describe } from "vitest"
import { messageListBody } from "./pageBody.js"
import { check } from "./support.js"

const body = messageListBody(20)
const decodeMessageList = Schema.decodeUnknownSync(MessageList)

// The official SDK's response path after the HTTP call: its request function wrapped
// in `camelCaseRequestWrapper`, then `messages.list` building the result array.
const officialRequest = camelCaseRequestWrapper(() => Promise.resolve({ body: JSON.parse(body) }))
const officialPage = async () => {
  const response = await officialRequest("GET", "Message/", { limit: 20, offset: 0 }) as {
    body: { objects: Array<object> }
  }
  return response.body.objects.map((item) => new MessageListResponse(item))
}

check(decodeMessageList(JSON.parse(body)).objects.length === 20, "MessageList decodes the page")
check((await officialPage()).length === 20, "the official SDK's page processing")

const options = { time: 1_500, warmupTime: 300 }

describe("decode one 20-message page (CPU only)", () => {
  bench("JSON.parse", () => {
    JSON.parse(body)
  }, options)
  bench("JSON.parse + plivo-effect MessageList schema", () => {
    decodeMessageList(JSON.parse(body))
  }, options)
  bench("JSON.parse + official SDK camelCase + MessageListResponse", async () => {
    await officialPage()
  }, options)
})
