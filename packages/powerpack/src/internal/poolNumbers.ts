import type { PlivoClient } from "@plivo-effect/core/PlivoClient"
import { NotFoundError } from "@plivo-effect/core/PlivoError"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import type { NumberPool } from "../NumberPool.js"
import { PoolNumber, PoolNumberList } from "../PoolNumber.js"
import { buyPlan } from "./buyParams.js"
import { PhoneNumberSearch } from "./phoneNumberSearch.js"
import { annotate, poolStream, resource } from "./poolCalls.js"
import { addBody, numberFilters, poolNumber, removeBody } from "./poolParams.js"

type Numbers = Pick<
  NumberPool.Service,
  "listNumbers" | "streamNumbers" | "addNumber" | "buyNumber" | "getNumber" | "removeNumber"
>

/**
 * The first number `GET PhoneNumber/` offers for `query`. An empty answer is Plivo's 200
 * with no objects: there is nothing to rent, which reads as `NotFoundError`, its `url` the
 * one searched without the query, as the client's own errors name it.
 */
const searchOne = (client: PlivoClient.Service, query: Readonly<Record<string, string>>) =>
  Effect.flatMap(client.get(["PhoneNumber"], { schema: PhoneNumberSearch, query }), (page) => {
    const first = page.objects[0]
    if (first !== undefined) return Effect.succeed(first.number)
    const searched = Object.entries(query).map(([key, value]) => `${key}=${value}`).join("&")
    return Effect.fail(
      new NotFoundError({
        status: 200,
        ...(page.api_id === undefined ? {} : { apiId: page.api_id }),
        error: `no number offered to rent matches ${searched}`,
        method: "GET",
        path: "PhoneNumber/",
        url: `${client.baseUrl}Account/${client.authId}/PhoneNumber/`
      })
    )
  })

/** The `Number/` calls of `NumberPool`: list, stream, add, buy-and-add, get, remove. */
export const makeNumbers = (client: PlivoClient.Service): Numbers => {
  const listNumbers = Effect.fn("NumberPool.listNumbers", { attributes: resource })(
    function*(pool_uuid: string, filters: NumberPool.NumberFilters = {}) {
      yield* annotate(pool_uuid)
      const query = yield* numberFilters("NumberPool.listNumbers", filters, true)
      return yield* client.get(["NumberPool", pool_uuid, "Number"], { schema: PoolNumberList, query })
    }
  )

  const streamNumbers: Numbers["streamNumbers"] = (pool_uuid, filters = {}) =>
    poolStream(
      client,
      "NumberPool.streamNumbers",
      ["NumberPool", pool_uuid, "Number"],
      PoolNumber,
      numberFilters("NumberPool.streamNumbers", filters, false),
      (n) => n.number
    )

  const addNumber = Effect.fn("NumberPool.addNumber", { attributes: resource })(
    function*(pool_uuid: string, number: string, params: { readonly service?: "sms" | "mms" } = {}) {
      yield* annotate(pool_uuid, ["plivo.number", number])
      const digits = yield* poolNumber("NumberPool.addNumber", number)
      const body = yield* addBody(params)
      return yield* client.post(["NumberPool", pool_uuid, "Number", digits], { schema: PoolNumber, body })
    }
  )

  const buyNumber = Effect.fn("NumberPool.buyNumber", { attributes: resource })(
    function*(pool_uuid: string, params: NumberPool.BuyNumberParams) {
      yield* annotate(pool_uuid)
      const plan = yield* buyPlan(params)
      const number = plan.number ?? (yield* searchOne(client, plan.query))
      yield* annotate(pool_uuid, ["plivo.number", number])
      return yield* client.post(["NumberPool", pool_uuid, "Number", number], { schema: PoolNumber, body: plan.body })
    }
  )

  const getNumber = Effect.fn("NumberPool.getNumber", { attributes: resource })(
    function*(pool_uuid: string, number: string) {
      yield* annotate(pool_uuid, ["plivo.number", number])
      const digits = yield* poolNumber("NumberPool.getNumber", number)
      return yield* client.get(["NumberPool", pool_uuid, "Number", digits], { schema: PoolNumber })
    }
  )

  const removeNumber = Effect.fn("NumberPool.removeNumber", { attributes: resource })(
    function*(pool_uuid: string, number: string, params: { readonly unrent?: boolean } = {}) {
      yield* annotate(pool_uuid, ["plivo.number", number])
      const digits = yield* poolNumber("NumberPool.removeNumber", number)
      const body = yield* removeBody("NumberPool.removeNumber", params)
      yield* client.del(["NumberPool", pool_uuid, "Number", digits], { schema: Schema.Unknown, body })
    }
  )

  return { listNumbers, streamNumbers, addNumber, buyNumber, getNumber, removeNumber }
}
