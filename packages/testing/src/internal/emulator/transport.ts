/**
 * How "the connection dropped" is staged: on a socket the socket is destroyed; in
 * process the response carries a marker and the in-process `fetch` rejects the way
 * undici does ("fetch failed").
 *
 * @internal
 */
import type * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { IncomingMessage } from "node:http"

const DROP_HEADER = "x-plivo-emulator-drop"

/** Drops the connection of `request`; the returned response is never delivered. */
export const dropConnection = (request: HttpServerRequest.HttpServerRequest): HttpServerResponse.HttpServerResponse => {
  if (request.source instanceof IncomingMessage) request.source.socket.destroy()
  return HttpServerResponse.empty({ status: 599, headers: { [DROP_HEADER]: "1" } })
}

/** A `fetch` that hands every request, whatever its host, to the emulator's web handler. */
export const inProcessFetch = (handler: (request: Request) => Promise<Response>): typeof globalThis.fetch =>
async (input, init) => {
  const response = await handler(new Request(input, init))
  if (response.headers.has(DROP_HEADER)) {
    await response.body?.cancel()
    throw new TypeError("fetch failed", { cause: new Error("other side closed (PlivoEmulator Disconnect fault)") })
  }
  return response
}
