/**
 * Plain `node:http` servers on 127.0.0.1 for the core tests that must see real sockets:
 * each counts what it received, so a test can tell how many times a send went out.
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { PlivoHttpClient } from "@plivo-effect/core"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"

/** A request as the server saw it. */
export interface Seen {
  readonly method: string
  readonly url: string
  readonly headers: IncomingMessage["headers"]
  readonly body: string
}

/** A running loopback server. */
export interface Server {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string
  readonly port: number
  /** Every request received, oldest first. */
  readonly seen: ReadonlyArray<Seen>
  readonly count: (method: string) => number
}

export type Handler = (seen: Seen, response: ServerResponse, request: IncomingMessage) => void

/** Serves `handler` on a free loopback port for the scope's lifetime. */
export const serve = (handler: Handler): Effect.Effect<Server, never, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.async<{ readonly server: ReturnType<typeof createServer>; readonly state: Server }>((resume) => {
      const seen: Array<Seen> = []
      const server = createServer((request, response) => {
        const chunks: Array<Buffer> = []
        request.on("data", (chunk: Buffer) => chunks.push(chunk))
        request.on("end", () => {
          const entry = {
            method: request.method ?? "",
            url: request.url ?? "",
            headers: request.headers,
            body: Buffer.concat(chunks).toString("utf8")
          }
          seen.push(entry)
          handler(entry, response, request)
        })
      })
      server.listen(0, "127.0.0.1", () => {
        const { port } = server.address() as AddressInfo
        resume(Effect.succeed({
          server,
          state: {
            origin: `http://127.0.0.1:${port}`,
            port,
            seen,
            count: (method) => seen.filter((s) => s.method === method).length
          }
        }))
      })
    }),
    ({ server }) =>
      Effect.async<void>((resume) => {
        server.closeAllConnections()
        server.close(() => resume(Effect.void))
      })
  ).pipe(Effect.map(({ state }) => state))

/** A loopback port that refuses connections: a server was bound there, then closed. */
export const refusedPort: Effect.Effect<number> = Effect.async<number>((resume) => {
  const server = createServer()
  server.listen(0, "127.0.0.1", () => {
    const { port } = server.address() as AddressInfo
    server.close(() => resume(Effect.succeed(port)))
  })
})

/** Writes a JSON answer. */
export const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  response.writeHead(status, { "content-type": "application/json", ...headers })
  response.end(JSON.stringify(body))
}

/** Every `HttpClient` a user may plug in, by name. */
export const clients: ReadonlyArray<readonly [string, Layer.Layer<HttpClient.HttpClient>]> = [
  ["FetchHttpClient", FetchHttpClient.layer],
  ["PlivoHttpClient (the default)", PlivoHttpClient.layer],
  ["NodeHttpClient (no keep-alive)", NodeHttpClient.layer],
  [
    "NodeHttpClient (keep-alive)",
    NodeHttpClient.layerWithoutAgent.pipe(Layer.provide(NodeHttpClient.makeAgentLayer({ keepAlive: true })))
  ],
  ["NodeHttpClient.layerUndici", NodeHttpClient.layerUndici]
]
