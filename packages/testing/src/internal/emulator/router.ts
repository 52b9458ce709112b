/**
 * Dispatch over the resources' route tables. The trailing slash may be left out.
 *
 * @internal
 */
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import type { Handler, Route, RouteBudget } from "./resource.js"
import * as Responses from "./responses.js"

const matches = (route: Route, segments: ReadonlyArray<string>): boolean =>
  route.pattern.length === segments.length &&
  route.pattern.every((p, i) => p === undefined ? (segments[i] ?? "") !== "" : p === segments[i])

/** How a request will be answered once admitted, and the route's own budget if any. */
export interface Dispatch {
  readonly budget: RouteBudget | undefined
  readonly handler: Handler
}

/** Finds the handler of a request: its route's, or a 404 / 405 answer. */
export const makeRouter = (routes: ReadonlyArray<Route>) => (method: string, segments: ReadonlyArray<string>): Dispatch => {
  const route = routes.find((r) => matches(r, segments))
  if (route === undefined) return { budget: undefined, handler: (ctx) => Effect.succeed(Responses.notFound(ctx.apiId)) }
  const handler = route.methods[method]
  if (handler === undefined) {
    return {
      budget: undefined,
      handler: (ctx) =>
        Effect.succeed(
          HttpServerResponse.setHeader(
            Responses.error(405, ctx.apiId, `method ${method} not allowed`),
            "allow",
            Object.keys(route.methods).join(", ")
          )
        )
    }
  }
  return { budget: route.budgets?.[method], handler }
}
