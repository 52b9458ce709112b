/**
 * The route table under `/v1/Account/{auth_id}/`. Matching is by segment so that a
 * known path with the wrong method is told apart (405) from an unknown path (404),
 * and the trailing slash may be left out.
 *
 * @internal
 */
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import type { RequestContext } from "./context.js"
import * as MediaRoutes from "./mediaRoutes.js"
import * as MessageRoutes from "./messageRoutes.js"
import * as Responses from "./responses.js"
import type { EmulatorState } from "./state.js"

type Handler = (ctx: RequestContext) => Effect.Effect<HttpServerResponse.HttpServerResponse>

interface Route {
  /** Literal segments, or `undefined` for an id. */
  readonly pattern: ReadonlyArray<string | undefined>
  readonly methods: Readonly<Record<string, Handler>>
}

const makeRoutes = (state: EmulatorState): ReadonlyArray<Route> => [
  { pattern: ["Message"], methods: { POST: MessageRoutes.send(state), GET: MessageRoutes.list(state) } },
  { pattern: ["Message", undefined], methods: { GET: MessageRoutes.get(state) } },
  {
    pattern: ["Message", undefined, "Media"],
    methods: { GET: MessageRoutes.listMedia(state), DELETE: MessageRoutes.deleteMedia(state) }
  },
  { pattern: ["Media"], methods: { POST: MediaRoutes.upload(state), GET: MediaRoutes.list(state) } },
  { pattern: ["Media", undefined], methods: { GET: MediaRoutes.get(state) } }
]

const matches = (route: Route, segments: ReadonlyArray<string>): boolean =>
  route.pattern.length === segments.length &&
  route.pattern.every((p, i) => p === undefined ? (segments[i] ?? "") !== "" : p === segments[i])

/** Whether a path names a `GET Message/` list, which has its own rate budget. */
export const isMessageList = (method: string, segments: ReadonlyArray<string>): boolean =>
  method === "GET" && segments.length === 1 && segments[0] === "Message"

/** Dispatches an authenticated request. */
export const makeRouter = (state: EmulatorState): Handler => {
  const routes = makeRoutes(state)
  return (ctx) => {
    const route = routes.find((r) => matches(r, ctx.segments))
    if (route === undefined) return Effect.succeed(Responses.notFound(ctx.apiId))
    const handler = route.methods[ctx.request.method]
    if (handler === undefined) {
      return Effect.succeed(
        HttpServerResponse.setHeader(
          Responses.error(405, ctx.apiId, `method ${ctx.request.method} not allowed`),
          "allow",
          Object.keys(route.methods).join(", ")
        )
      )
    }
    return handler(ctx)
  }
}
