import type { PlivoClient } from "@plivo-effect/core/PlivoClient"
import { NotFoundError } from "@plivo-effect/core/PlivoError"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import type { NumberPool } from "../NumberPool.js"
import { PoolNumber, PoolNumberList } from "../PoolNumber.js"
import { buyPlan } from "./buyParams.js"
import { PhoneNumberSearch } from "./phoneNumberSearch.js"
import { annotate, inSpan, poolStream } from "./poolCalls.js"
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
  const listNumbers: Numbers["listNumbers"] = (pool_uuid, filters = {}) =>
    inSpan("NumberPool.listNumbers", (span) => {
      annotate(span, pool_uuid)
      return Effect.flatMap(numberFilters("NumberPool.listNumbers", filters, true), (query) =>
        client.get(["NumberPool", pool_uuid, "Number"], { schema: PoolNumberList, query }))
    })

  const streamNumbers: Numbers["streamNumbers"] = (pool_uuid, filters = {}) =>
    poolStream(
      client,
      "NumberPool.streamNumbers",
      ["NumberPool", pool_uuid, "Number"],
      PoolNumber,
      numberFilters("NumberPool.streamNumbers", filters, false),
      (n) => n.number
    )

  const addNumber: Numbers["addNumber"] = (pool_uuid, number, params = {}) =>
    inSpan("NumberPool.addNumber", (span) => {
      annotate(span, pool_uuid, ["plivo.number", number])
      return Effect.gen(function*() {
        const digits = yield* poolNumber("NumberPool.addNumber", number)
        const body = yield* addBody(params)
        return yield* client.post(["NumberPool", pool_uuid, "Number", digits], { schema: PoolNumber, body })
      })
    })

  const buyNumber: Numbers["buyNumber"] = (pool_uuid, params) =>
    inSpan("NumberPool.buyNumber", (span) => {
      annotate(span, pool_uuid)
      return Effect.gen(function*() {
        const plan = yield* buyPlan(params)
        const number = plan.number ?? (yield* searchOne(client, plan.query))
        annotate(span, pool_uuid, ["plivo.number", number])
        return yield* client.post(["NumberPool", pool_uuid, "Number", number], { schema: PoolNumber, body: plan.body })
      })
    })

  const getNumber: Numbers["getNumber"] = (pool_uuid, number) =>
    inSpan("NumberPool.getNumber", (span) => {
      annotate(span, pool_uuid, ["plivo.number", number])
      return Effect.flatMap(poolNumber("NumberPool.getNumber", number), (digits) =>
        client.get(["NumberPool", pool_uuid, "Number", digits], { schema: PoolNumber }))
    })

  const removeNumber: Numbers["removeNumber"] = (pool_uuid, number, params = {}) =>
    inSpan("NumberPool.removeNumber", (span) => {
      annotate(span, pool_uuid, ["plivo.number", number])
      return Effect.gen(function*() {
        const digits = yield* poolNumber("NumberPool.removeNumber", number)
        const body = yield* removeBody("NumberPool.removeNumber", params)
        yield* client.del(["NumberPool", pool_uuid, "Number", digits], { schema: Schema.Unknown, body })
      })
    })

  return { listNumbers, streamNumbers, addNumber, buyNumber, getNumber, removeNumber }
}
