/**
 * What a route handler gets about its request, resolved once by the app.
 *
 * @internal
 */
import type * as HttpServerRequest from "@effect/platform/HttpServerRequest"

/** @internal */
export interface RequestContext {
  readonly apiId: string
  readonly authId: string
  readonly request: HttpServerRequest.HttpServerRequest
  /** Path segments after `/v1/Account/{auth_id}/`, without empty trailing ones. */
  readonly segments: ReadonlyArray<string>
  readonly query: URLSearchParams
  /** The request's time, from the emulator's `Clock`. */
  readonly nowMicros: number
  readonly remoteIp: string
}
