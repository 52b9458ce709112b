import type { PlivoClient } from "@plivo-effect/core/PlivoClient"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import type { NumberPool } from "../NumberPool.js"
import { PoolNumber, PoolNumberList } from "../PoolNumber.js"
import { annotate, inSpan, poolStream } from "./poolCalls.js"
import { pageParams } from "./params.js"
import { poolNumber, removeBody } from "./poolParams.js"

type Tollfree = Pick<
  NumberPool.Service,
  "listTollfree" | "streamTollfree" | "addTollfree" | "getTollfree" | "removeTollfree"
>

/** The `Tollfree/` calls of `NumberPool`. */
export const makeTollfree = (client: PlivoClient.Service): Tollfree => {
  const listTollfree: Tollfree["listTollfree"] = (pool_uuid, params = {}) =>
    inSpan("NumberPool.listTollfree", (span) => {
      annotate(span, pool_uuid)
      return Effect.flatMap(pageParams("NumberPool.listTollfree", params, true), (query) =>
        client.get(["NumberPool", pool_uuid, "Tollfree"], { schema: PoolNumberList, query }))
    })

  const streamTollfree: Tollfree["streamTollfree"] = (pool_uuid, params = {}) =>
    poolStream(
      client,
      "NumberPool.streamTollfree",
      ["NumberPool", pool_uuid, "Tollfree"],
      PoolNumber,
      pageParams("NumberPool.streamTollfree", params, false),
      (n) => n.number
    )

  const addTollfree: Tollfree["addTollfree"] = (pool_uuid, number) =>
    inSpan("NumberPool.addTollfree", (span) => {
      annotate(span, pool_uuid, ["plivo.number", number])
      return Effect.flatMap(poolNumber("NumberPool.addTollfree", number), (digits) =>
        client.post(["NumberPool", pool_uuid, "Tollfree", digits], { schema: PoolNumber }))
    })

  const getTollfree: Tollfree["getTollfree"] = (pool_uuid, number) =>
    inSpan("NumberPool.getTollfree", (span) => {
      annotate(span, pool_uuid, ["plivo.number", number])
      return Effect.flatMap(poolNumber("NumberPool.getTollfree", number), (digits) =>
        client.get(["NumberPool", pool_uuid, "Tollfree", digits], { schema: PoolNumber }))
    })

  const removeTollfree: Tollfree["removeTollfree"] = (pool_uuid, number, params = {}) =>
    inSpan("NumberPool.removeTollfree", (span) => {
      annotate(span, pool_uuid, ["plivo.number", number])
      return Effect.gen(function*() {
        const digits = yield* poolNumber("NumberPool.removeTollfree", number)
        const body = yield* removeBody("NumberPool.removeTollfree", params)
        yield* client.del(["NumberPool", pool_uuid, "Tollfree", digits], { schema: Schema.Unknown, body })
      })
    })

  return { listTollfree, streamTollfree, addTollfree, getTollfree, removeTollfree }
}
