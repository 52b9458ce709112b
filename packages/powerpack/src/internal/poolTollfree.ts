import type { PlivoClient } from "@plivo-effect/core/PlivoClient"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import type { NumberPool } from "../NumberPool.js"
import { PoolNumber, PoolNumberList } from "../PoolNumber.js"
import { annotate, poolStream, resource } from "./poolCalls.js"
import { pageParams } from "./params.js"
import { poolNumber, removeBody } from "./poolParams.js"

type Tollfree = Pick<
  NumberPool.Service,
  "listTollfree" | "streamTollfree" | "addTollfree" | "getTollfree" | "removeTollfree"
>

/** The `Tollfree/` calls of `NumberPool`. */
export const makeTollfree = (client: PlivoClient.Service): Tollfree => {
  const listTollfree = Effect.fn("NumberPool.listTollfree", { attributes: resource })(
    function*(pool_uuid: string, params: NumberPool.PageParams = {}) {
      yield* annotate(pool_uuid)
      const query = yield* pageParams("NumberPool.listTollfree", params, true)
      return yield* client.get(["NumberPool", pool_uuid, "Tollfree"], { schema: PoolNumberList, query })
    }
  )

  const streamTollfree: Tollfree["streamTollfree"] = (pool_uuid, params = {}) =>
    poolStream(
      client,
      "NumberPool.streamTollfree",
      ["NumberPool", pool_uuid, "Tollfree"],
      PoolNumber,
      pageParams("NumberPool.streamTollfree", params, false),
      (n) => n.number
    )

  const addTollfree = Effect.fn("NumberPool.addTollfree", { attributes: resource })(
    function*(pool_uuid: string, number: string) {
      yield* annotate(pool_uuid, ["plivo.number", number])
      const digits = yield* poolNumber("NumberPool.addTollfree", number)
      return yield* client.post(["NumberPool", pool_uuid, "Tollfree", digits], { schema: PoolNumber })
    }
  )

  const getTollfree = Effect.fn("NumberPool.getTollfree", { attributes: resource })(
    function*(pool_uuid: string, number: string) {
      yield* annotate(pool_uuid, ["plivo.number", number])
      const digits = yield* poolNumber("NumberPool.getTollfree", number)
      return yield* client.get(["NumberPool", pool_uuid, "Tollfree", digits], { schema: PoolNumber })
    }
  )

  const removeTollfree = Effect.fn("NumberPool.removeTollfree", { attributes: resource })(
    function*(pool_uuid: string, number: string, params: { readonly unrent?: boolean } = {}) {
      yield* annotate(pool_uuid, ["plivo.number", number])
      const digits = yield* poolNumber("NumberPool.removeTollfree", number)
      const body = yield* removeBody("NumberPool.removeTollfree", params)
      yield* client.del(["NumberPool", pool_uuid, "Tollfree", digits], { schema: Schema.Unknown, body })
    }
  )

  return { listTollfree, streamTollfree, addTollfree, getTollfree, removeTollfree }
}
