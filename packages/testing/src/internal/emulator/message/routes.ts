/**
 * Handlers for `Message/` (messages.md §1–4).
 *
 * @internal
 */
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import { payloadTooLarge, readBody } from "../body.js"
import type { RequestContext } from "../context.js"
import { parseJsonBody } from "../json.js"
import { MediaLibrary } from "../media/port.js"
import { SenderPicker } from "../powerpack/port.js"
import { decodePageParams, pageMeta } from "../pagination.js"
import type { Handler, Route } from "../resource.js"
import * as Responses from "../responses.js"
import { notify, startWalk } from "./lifecycle.js"
import { decodeMessageQuery } from "./listQuery.js"
import type { MessageRecord } from "./model.js"
import { recordsForSend } from "./records.js"
import type { SendPlan } from "./sendRequest.js"
import { decodeSendBody, planSend } from "./sendRequest.js"
import type { MessageSlice } from "./slice.js"
import { testOutcome } from "./testNumbers.js"
import { messageJson, messageMediaJson } from "./wire.js"

const MMS_MAX_BYTES = 5 * 1024 * 1024

/**
 * A Powerpack send's sender for each destination, from its pool (`SenderPicker`). One
 * destination without a suitable sender refuses the whole send, so nothing is queued.
 * Without the powerpack resource every destination keeps `plan.from`.
 */
const pickSenders = (
  slice: MessageSlice,
  plan: SendPlan
): Either.Either<ReadonlyMap<string, string> | undefined, { readonly status: 400; readonly error: string }> => {
  const picker = slice.kernel.peer(SenderPicker)
  if (plan.powerpackId === "" || Option.isNone(picker) || plan.type === "whatsapp") return Either.right(undefined)
  const picked = picker.value.pick({ powerpackUuid: plan.powerpackId, destinations: plan.destinations, type: plan.type })
  return picked._tag === "Picked" ? Either.right(picked.senders) : Either.left(picked)
}

/** `POST Message/` */
const send = (slice: MessageSlice): Handler => (ctx) =>
  Effect.gen(function*() {
    const limit = slice.kernel.bodyLimits.json
    const raw = yield* Effect.either(readBody(ctx.request, limit))
    if (Either.isLeft(raw) && raw.left._tag === "TooLarge") return payloadTooLarge(ctx.apiId, limit)
    const parsed = Either.flatMap(raw, parseJsonBody)
    // Plivo's wording for any unreadable body (overview.md "Error bodies").
    if (Either.isLeft(parsed)) return Responses.error(400, ctx.apiId, "invalid json data sent in raw POST")
    // Without a media resource, no `media_ids` entry exists.
    const library = slice.kernel.peer(MediaLibrary)
    const media = (id: string) => Option.isSome(library) ? library.value.find(id) : undefined
    const planned = Either.flatMap(
      decodeSendBody(parsed.right),
      (body) => planSend(body, { media, barredPrefixes: slice.barredPrefixes })
    )
    if (Either.isLeft(planned)) return Responses.error(planned.left.status, ctx.apiId, planned.left.error)
    const plan = planned.right
    const senders = pickSenders(slice, plan)
    if (Either.isLeft(senders)) return Responses.error(senders.left.status, ctx.apiId, senders.left.error)
    const records = recordsForSend(plan, {
      nowMicros: ctx.nowMicros,
      nextSeq: slice.store.nextSeq,
      requesterIp: ctx.remoteIp,
      requestBody: parsed.right,
      senders: senders.right
    })
    const payloadBytes = new TextEncoder().encode(plan.text ?? "").byteLength +
      plan.media.reduce((n, m) => n + m.size, 0)
    for (const m of records) {
      slice.store.insertMessage(m)
      slice.store.recordSent(m)
      yield* notify(slice, m)
      yield* startWalk(slice, m, testOutcome(m.to), {
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
  slice: MessageSlice,
  f: (ctx: RequestContext, m: MessageRecord) => HttpServerResponse.HttpServerResponse
): Handler =>
(ctx) =>
  Effect.sync(() => {
    const m = slice.store.message(ctx.segments[1] ?? "")
    return m === undefined ? Responses.notFound(ctx.apiId) : f(ctx, m)
  })

/** `GET Message/{uuid}/` */
const get = (slice: MessageSlice): Handler =>
  withMessage(slice, (ctx, m) => Responses.json(200, ctx.apiId, messageJson(m, ctx.authId)))

/** `GET Message/` */
const list = (slice: MessageSlice): Handler => (ctx) =>
  Effect.sync(() => {
    const page = decodePageParams(ctx.query)
    if (Either.isLeft(page)) return Responses.error(400, ctx.apiId, page.left)
    const query = decodeMessageQuery(ctx.query, ctx.nowMicros)
    if (Either.isLeft(query)) return Responses.error(400, ctx.apiId, query.left)
    const result = slice.store.listMessages({ ...query.right, ...page.right })
    return Responses.json(200, ctx.apiId, {
      meta: pageMeta({
        path: `/v1/Account/${ctx.authId}/Message/`,
        query: ctx.query,
        page: page.right,
        hasMore: result.hasMore
      }),
      objects: result.items.map((m) => messageJson(m, ctx.authId))
    })
  })

/** `GET Message/{uuid}/Media/` */
const listMedia = (slice: MessageSlice): Handler =>
  withMessage(slice, (ctx, m) =>
    Responses.json(200, ctx.apiId, {
      objects: m.media.map((x) => messageMediaJson(x, m.uuid, ctx.authId))
    }))

/** `DELETE Message/{uuid}/Media/` — undocumented; answered 204 like other deletes. */
const deleteMedia = (slice: MessageSlice): Handler =>
  withMessage(slice, (_ctx, m) => {
    m.media = []
    return HttpServerResponse.empty({ status: 204 })
  })

/** Plivo's budget on `GET Message/`, besides the account's (overview.md "Rate limits"). */
const messageListBudget = { key: "message-list", limit: 20, windowMillis: 60_000 }

/** The routes of `Message/`. */
export const messageRoutes = (slice: MessageSlice): ReadonlyArray<Route> => [
  {
    pattern: ["Message"],
    methods: { POST: send(slice), GET: list(slice) },
    budgets: { GET: messageListBudget }
  },
  { pattern: ["Message", undefined], methods: { GET: get(slice) } },
  {
    pattern: ["Message", undefined, "Media"],
    methods: { GET: listMedia(slice), DELETE: deleteMedia(slice) }
  }
]
