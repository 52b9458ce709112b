/**
 * Handlers for `Media/` (media.md).
 *
 * @internal
 */
import * as Multipart from "@effect/platform/Multipart"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Stream from "effect/Stream"
import { payloadTooLarge, readBody } from "../body.js"
import { decodePageParams, pageMeta } from "../pagination.js"
import type { Handler, Kernel, Route } from "../resource.js"
import * as Responses from "../responses.js"
import { formatIsoTime } from "../time.js"
import type { IncomingFile } from "./files.js"
import { MAX_FILES_PER_UPLOAD, storeFiles } from "./files.js"
import type { MediaStore } from "./store.js"
import { mediaJson } from "./wire.js"

/** The `boundary` parameter of a multipart `Content-Type`, if any. */
const boundaryOf = (contentType: string): string | undefined => {
  const match = /;\s*boundary=(?:"([^"]+)"|([^\s;]+))/i.exec(contentType)
  return match?.[1] ?? match?.[2]
}

// The body is already read (and capped); the parser works on it alone, the same way on
// a socket and in process.
const readFiles = (
  headers: Record<string, string>,
  body: Uint8Array
): Effect.Effect<ReadonlyArray<IncomingFile>, Multipart.MultipartError> =>
  Stream.succeed(body).pipe(
    Stream.pipeThroughChannel(Multipart.makeChannel(headers)),
    Stream.filter(Multipart.isFile),
    // Parts must be drained in order, so this stays sequential.
    Stream.mapEffect((part) =>
      Effect.map(part.contentEffect, (content) => ({ key: part.key, fileName: part.name, contentType: part.contentType, content }))
    ),
    Stream.filter((f) => f.key === "file"),
    Stream.runCollect,
    Effect.map(Chunk.toReadonlyArray)
  )

/** `POST Media/` — multipart, repeated field `file`. */
const upload = (kernel: Kernel, store: MediaStore): Handler => (ctx) =>
  Effect.gen(function*() {
    const contentType = ctx.request.headers["content-type"] ?? ""
    if (!contentType.toLowerCase().startsWith("multipart/form-data")) {
      return Responses.error(400, ctx.apiId, "media must be uploaded as multipart/form-data with field 'file'")
    }
    if (boundaryOf(contentType) === undefined) {
      return Responses.error(400, ctx.apiId, "malformed multipart body: the Content-Type has no boundary")
    }
    const body = yield* Effect.either(readBody(ctx.request, kernel.bodyLimits.upload))
    if (Either.isLeft(body)) {
      return body.left._tag === "TooLarge"
        ? payloadTooLarge(ctx.apiId, kernel.bodyLimits.upload)
        : Responses.error(400, ctx.apiId, "malformed multipart body")
    }
    // A parser defect on hostile input is still the client's malformed body, not a 500.
    const files = yield* Effect.either(Effect.catchAllDefect(readFiles(ctx.request.headers, body.right), (defect) =>
      Effect.fail(new Multipart.MultipartError({ reason: "Parse", cause: defect }))))
    if (Either.isLeft(files)) return Responses.error(400, ctx.apiId, "malformed multipart body")
    if (files.right.length === 0) return Responses.error(400, ctx.apiId, "no file found: use the form field 'file'")
    if (files.right.length > MAX_FILES_PER_UPLOAD) {
      return Responses.error(400, ctx.apiId, "at most 10 files can be uploaded per request")
    }
    const results = storeFiles(store, files.right, ctx.nowMicros)
    return Responses.json(200, ctx.apiId, {
      objects: results.map((r) =>
        r._tag === "Stored"
          ? { ...mediaJson(r.media, ctx.authId), status: "success", status_code: 201 }
          : {
            file_name: r.file.fileName,
            content_type: r.file.contentType,
            size: r.file.content.byteLength,
            upload_time: formatIsoTime(ctx.nowMicros),
            status: "error",
            status_code: 400,
            error_code: 400,
            error_message: r.reason
          }
      )
    })
  })

/** `GET Media/{media_id}/` */
const get = (store: MediaStore): Handler => (ctx) =>
  Effect.sync(() => {
    const m = store.get(ctx.segments[1] ?? "")
    return m === undefined ? Responses.notFound(ctx.apiId) : Responses.json(200, ctx.apiId, mediaJson(m, ctx.authId))
  })

/** `GET Media/` — newest first, with `total_count`. */
const list = (store: MediaStore): Handler => (ctx) =>
  Effect.sync(() => {
    const page = decodePageParams(ctx.query)
    if (Either.isLeft(page)) return Responses.error(400, ctx.apiId, page.left)
    const result = store.list(page.right.offset, page.right.limit)
    return Responses.json(200, ctx.apiId, {
      meta: pageMeta({
        path: `/v1/Account/${ctx.authId}/Media/`,
        query: ctx.query,
        page: page.right,
        hasMore: result.hasMore,
        totalCount: result.total
      }),
      objects: result.items.map((m) => mediaJson(m, ctx.authId))
    })
  })

/** The routes of `Media/`. */
export const mediaRoutes = (kernel: Kernel, store: MediaStore): ReadonlyArray<Route> => [
  { pattern: ["Media"], methods: { POST: upload(kernel, store), GET: list(store) } },
  { pattern: ["Media", undefined], methods: { GET: get(store) } }
]
