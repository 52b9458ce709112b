/**
 * What a resource family (`message/`, `media/`…) gives the kernel, and what the kernel
 * gives it. A resource is one folder exporting one `Resource`; `resources.ts` lists them.
 * The kernel knows resources only through this interface.
 *
 * @internal
 */
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type * as FiberSet from "effect/FiberSet"
import type * as Option from "effect/Option"
import type { PlivoEmulator } from "../../PlivoEmulator.js"
import type { BodyLimits } from "./body.js"
import type { Callbacks } from "./callbacks.js"
import type { RequestContext } from "./context.js"
import type { Budget } from "./rateLimits.js"

/** Answers one authenticated request. */
export type Handler = (ctx: RequestContext) => Effect.Effect<HttpServerResponse.HttpServerResponse>

/** A rate budget of its own for one method of a route, on top of the account's. */
export interface RouteBudget extends Budget {
  /** Requests sharing a key share the budget. */
  readonly key: string
}

/**
 * One path under `/v1/Account/{auth_id}/`, matched by segment so that a known path with
 * another method is told apart (405) from an unknown path (404).
 */
export interface Route {
  /** Literal segments, or `undefined` for an id. */
  readonly pattern: ReadonlyArray<string | undefined>
  readonly methods: Readonly<Record<string, Handler>>
  readonly budgets?: Readonly<Record<string, RouteBudget>> | undefined
}

/** What the kernel lends every resource. */
export interface Kernel {
  readonly authId: string
  /** The options the emulator was made with; a resource reads its own. */
  readonly options: PlivoEmulator.Options
  readonly bodyLimits: BodyLimits
  /** Where resources fork their background work: stopped by `reset` and when the layer closes. */
  readonly background: FiberSet.FiberSet<unknown, unknown>
  /** Signed status callbacks, delivered in order per chain. */
  readonly callbacks: Callbacks
  /** How many callback records a resource keeps for the handle (`callbackLogSize`, resolved). */
  readonly callbackLogSize: number
  /**
   * The narrow interface another resource offers under `tag` (its `port.ts`), or none
   * when that resource is not registered. Ask at request time, not while being made.
   */
  readonly peer: <I, S>(tag: Context.Tag<I, S>) => Option.Option<S>
}

/** A resource made for one emulator. */
export interface Instance<Handle extends object> {
  readonly routes: ReadonlyArray<Route>
  /** Its operations on the test handle. */
  readonly handle: Handle
  /** Forgets its records; the kernel has already stopped the background work. */
  readonly reset: () => void
  /** The narrow interfaces it offers other resources, by tag. */
  readonly provides: Context.Context<never>
}

/** One resource family. */
export interface Resource<Handle extends object> {
  readonly make: (kernel: Kernel) => Instance<Handle>
}

/** The resources of an emulator, with the handle operations they add up to. */
export interface Resources<Handle extends object> extends Resource<Handle> {
  readonly add: <H extends object>(resource: Resource<H>) => Resources<Handle & H>
}

const combine = <A extends object, B extends object>(a: Instance<A>, b: Instance<B>): Instance<A & B> => ({
  routes: [...a.routes, ...b.routes],
  handle: { ...a.handle, ...b.handle },
  reset: () => {
    a.reset()
    b.reset()
  },
  provides: Context.merge(a.provides, b.provides)
})

const resources = <Handle extends object>(make: (kernel: Kernel) => Instance<Handle>): Resources<Handle> => ({
  make,
  add: (resource) => resources((kernel) => combine(make(kernel), resource.make(kernel)))
})

/** No resources yet: start of the list in `resources.ts`. */
export const none: Resources<object> = resources(() => ({
  routes: [],
  handle: {},
  reset: () => {},
  provides: Context.empty()
}))
