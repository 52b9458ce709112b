import type { PlivoClient } from "@plivo-effect/core/PlivoClient"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import type { NumberPool } from "../NumberPool.js"
import { PoolShortcode, PoolShortcodeList } from "../PoolShortcode.js"
import { annotate, poolStream, resource } from "./poolCalls.js"
import { pageParams } from "./params.js"
import { shortcodeDigits } from "./poolParams.js"

type Shortcodes = Pick<NumberPool.Service, "listShortcodes" | "streamShortcodes" | "getShortcode" | "removeShortcode">

/** The `Shortcode/` calls of `NumberPool`. Plivo has no call to add one. */
export const makeShortcodes = (client: PlivoClient.Service): Shortcodes => {
  const listShortcodes = Effect.fn("NumberPool.listShortcodes", { attributes: resource })(
    function*(pool_uuid: string, params: NumberPool.PageParams = {}) {
      yield* annotate(pool_uuid)
      const query = yield* pageParams("NumberPool.listShortcodes", params, true)
      return yield* client.get(["NumberPool", pool_uuid, "Shortcode"], { schema: PoolShortcodeList, query })
    }
  )

  const streamShortcodes: Shortcodes["streamShortcodes"] = (pool_uuid, params = {}) =>
    poolStream(
      client,
      "NumberPool.streamShortcodes",
      ["NumberPool", pool_uuid, "Shortcode"],
      PoolShortcode,
      pageParams("NumberPool.streamShortcodes", params, false),
      (s) => s.shortcode
    )

  const getShortcode = Effect.fn("NumberPool.getShortcode", { attributes: resource })(
    function*(pool_uuid: string, shortcode: string) {
      yield* annotate(pool_uuid, ["plivo.shortcode", shortcode])
      const digits = yield* shortcodeDigits("NumberPool.getShortcode", shortcode)
      return yield* client.get(["NumberPool", pool_uuid, "Shortcode", digits], { schema: PoolShortcode })
    }
  )

  const removeShortcode = Effect.fn("NumberPool.removeShortcode", { attributes: resource })(
    function*(pool_uuid: string, shortcode: string) {
      yield* annotate(pool_uuid, ["plivo.shortcode", shortcode])
      const digits = yield* shortcodeDigits("NumberPool.removeShortcode", shortcode)
      yield* client.del(["NumberPool", pool_uuid, "Shortcode", digits], { schema: Schema.Unknown })
    }
  )

  return { listShortcodes, streamShortcodes, getShortcode, removeShortcode }
}
