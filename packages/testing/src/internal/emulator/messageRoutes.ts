/**
 * Handlers for `Message/` (messages.md §1–4).
 *
 * @internal
 */
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { payloadTooLarge, readBody } from "./body.js"
import type { RequestContext } from "./context.js"
import { parseJsonBody } from "./json.js"
import { notify, startWalk } from "./lifecycle.js"
import { decodeMessageQuery } from "./listQuery.js"
import type { MessageRecord } from "./model.js"
import { testOutcome } from "./numbers.js"
import { decodePageParams, pageMeta } from "./pagination.js"
import { recordsForSend } from "./records.js"
import * as Responses from "./responses.js"
import { decodeSendBody, planSend } from "./sendRequest.js"
import type { EmulatorState } from "./state.js"
import { messageJson, messageMediaJson } from "./wire.js"

type Handler = (ctx: RequestContext) => Effect.Effect<HttpServerResponse.HttpServerResponse>

const MMS_MAX_BYTES = 5 * 1024 * 1024

/** `POST Message/` */
export const send = (state: EmulatorState): Handler => (ctx) =>
  Effect.gen(function*() {
    const raw = yield* Effect.either(readBody(ctx.request, state.bodyLimits.json))
    if (Either.isLeft(raw) && raw.left._tag === "TooLarge") return payloadTooLarge(ctx.apiId, state.bodyLimits.json)
    const parsed = Either.flatMap(raw, parseJsonBody)
    // Plivo's wording for any unreadable body (overview.md "Error bodies").
    if (Either.isLeft(parsed)) return Responses.error(400, ctx.apiId, "invalid json data sent in raw POST")
    const planned = Either.flatMap(
      decodeSendBody(parsed.right),
      (body) => planSend(body, { media: state.store.media, barredPrefixes: state.barredPrefixes })
    )
    if (Either.isLeft(planned)) return Responses.error(planned.left.status, ctx.apiId, planned.left.error)
    const plan = planned.right
    const records = recordsForSend(plan, {
      nowMicros: ctx.nowMicros,
      nextSeq: state.store.nextSeq,
      requesterIp: ctx.remoteIp,
      requestBody: parsed.right
    })
    const payloadBytes = new TextEncoder().encode(plan.text ?? "").byteLength +
      plan.media.reduce((n, m) => n + m.size, 0)
    for (const m of records) {
      state.store.insertMessage(m)
      state.store.recordSent(m)
      yield* notify(state, m)
      yield* startWalk(state, m, testOutcome(m.to), {
        expirySeconds: plan.messageExpirySeconds,
        oversized: plan.type === "mms" && payloadBytes > MMS_MAX_BYTES
      })
    }
    return Responses.json(202, ctx.apiId, {
      message: "message(s) queued",
      message_uuid: records.map((m) => m.uuid),
      ...(plan.invalid.length > 0 ? { invalid_number: plan.invalid } : {})
    })
  })

const withMessage = (
  state: EmulatorState,
  f: (ctx: RequestContext, m: MessageRecord) => HttpServerResponse.HttpServerResponse
): Handler =>
(ctx) =>
  Effect.sync(() => {
    const m = state.store.message(ctx.segments[1] ?? "")
    return m === undefined ? Responses.notFound(ctx.apiId) : f(ctx, m)
  })

/** `GET Message/{uuid}/` */
export const get = (state: EmulatorState): Handler =>
  withMessage(state, (ctx, m) => Responses.json(200, ctx.apiId, messageJson(m, state.authId)))

/** `GET Message/` */
export const list = (state: EmulatorState): Handler => (ctx) =>
  Effect.sync(() => {
    const page = decodePageParams(ctx.query)
    if (Either.isLeft(page)) return Responses.error(400, ctx.apiId, page.left)
    const query = decodeMessageQuery(ctx.query, ctx.nowMicros)
    if (Either.isLeft(query)) return Responses.error(400, ctx.apiId, query.left)
    const result = state.store.listMessages({ ...query.right, ...page.right })
    return Responses.json(200, ctx.apiId, {
      meta: pageMeta({
        path: `/v1/Account/${state.authId}/Message/`,
        query: ctx.query,
        page: page.right,
        hasMore: result.hasMore
      }),
      objects: result.items.map((m) => messageJson(m, state.authId))
    })
  })

/** `GET Message/{uuid}/Media/` */
export const listMedia = (state: EmulatorState): Handler =>
  withMessage(state, (ctx, m) =>
    Responses.json(200, ctx.apiId, {
      objects: m.media.map((x) => messageMediaJson(x, m.uuid, state.authId))
    }))

/** `DELETE Message/{uuid}/Media/` — undocumented; answered 204 like other deletes. */
export const deleteMedia = (state: EmulatorState): Handler =>
  withMessage(state, (_ctx, m) => {
    m.media = []
    return HttpServerResponse.empty({ status: 204 })
  })
