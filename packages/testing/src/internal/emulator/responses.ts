/**
 * Response helpers: every JSON body carries `api_id`, errors are `{api_id, error}`.
 *
 * @internal
 */
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"

/** A JSON object as the emulator writes it. */
export type Json = Readonly<Record<string, unknown>>

/** @internal */
export const json = (status: number, apiId: string, body: Json): HttpServerResponse.HttpServerResponse =>
  HttpServerResponse.unsafeJson({ api_id: apiId, ...body }, { status })

/** @internal */
export const error = (status: number, apiId: string, message: string): HttpServerResponse.HttpServerResponse =>
  HttpServerResponse.unsafeJson({ api_id: apiId, error: message }, { status })

/** @internal */
export const notFound = (apiId: string): HttpServerResponse.HttpServerResponse => error(404, apiId, "not found")
