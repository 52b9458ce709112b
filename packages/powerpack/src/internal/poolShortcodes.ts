import type { PlivoClient } from "@plivo-effect/core/PlivoClient"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import type { NumberPool } from "../NumberPool.js"
import { PoolShortcode, PoolShortcodeList } from "../PoolShortcode.js"
import { annotate, inSpan, poolStream } from "./poolCalls.js"
import { pageParams } from "./params.js"
import { shortcodeDigits } from "./poolParams.js"

type Shortcodes = Pick<NumberPool.Service, "listShortcodes" | "streamShortcodes" | "getShortcode" | "removeShortcode">

/** The `Shortcode/` calls of `NumberPool`. Plivo has no call to add one. */
export const makeShortcodes = (client: PlivoClient.Service): Shortcodes => {
  const listShortcodes: Shortcodes["listShortcodes"] = (pool_uuid, params = {}) =>
    inSpan("NumberPool.listShortcodes", (span) => {
      annotate(span, pool_uuid)
      return Effect.flatMap(pageParams("NumberPool.listShortcodes", params, true), (query) =>
        client.get(["NumberPool", pool_uuid, "Shortcode"], { schema: PoolShortcodeList, query }))
    })

  const streamShortcodes: Shortcodes["streamShortcodes"] = (pool_uuid, params = {}) =>
    poolStream(
      client,
      "NumberPool.streamShortcodes",
      ["NumberPool", pool_uuid, "Shortcode"],
      PoolShortcode,
      pageParams("NumberPool.streamShortcodes", params, false),
      (s) => s.shortcode
    )

  const getShortcode: Shortcodes["getShortcode"] = (pool_uuid, shortcode) =>
    inSpan("NumberPool.getShortcode", (span) => {
      annotate(span, pool_uuid, ["plivo.shortcode", shortcode])
      return Effect.flatMap(shortcodeDigits("NumberPool.getShortcode", shortcode), (digits) =>
        client.get(["NumberPool", pool_uuid, "Shortcode", digits], { schema: PoolShortcode }))
    })

  const removeShortcode: Shortcodes["removeShortcode"] = (pool_uuid, shortcode) =>
    inSpan("NumberPool.removeShortcode", (span) => {
      annotate(span, pool_uuid, ["plivo.shortcode", shortcode])
      return Effect.flatMap(shortcodeDigits("NumberPool.removeShortcode", shortcode), (digits) =>
        Effect.asVoid(client.del(["NumberPool", pool_uuid, "Shortcode", digits], { schema: Schema.Unknown })))
    })

  return { listShortcodes, streamShortcodes, getShortcode, removeShortcode }
}
