/**
 * A node:http server on 127.0.0.1 for the client tests: it records every request, body
 * included, and counts the connections it accepts and sees closed.
 */
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import * as Http from "node:http"
import type { AddressInfo } from "node:net"

/** A request as the server saw it, body included. */
export interface Seen {
  readonly method: string
  readonly url: string
  readonly headers: Http.IncomingHttpHeaders
  readonly body: Buffer
}

export interface Server {
  readonly url: string
  readonly port: number
  readonly seen: Array<Seen>
  /** Connections accepted, and the number of them closed since. */
  readonly connections: { opened: number; closed: number }
  /** Completes when every accepted connection has closed. */
  readonly allClosed: Effect.Effect<void>
}

export type Handler = (request: Http.IncomingMessage, body: Buffer, response: Http.ServerResponse) => void

/** A node:http server on 127.0.0.1, port 0, closed (connections and all) with the scope. */
export const serve = (handler: Handler): Effect.Effect<Server, never, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.async<{ server: Http.Server; info: Server }>((resume) => {
      const seen: Array<Seen> = []
      const connections = { opened: 0, closed: 0 }
      const waiting = new Set<() => void>()
      const server = Http.createServer((request, response) => {
        const chunks: Array<Buffer> = []
        request.on("data", (chunk: Buffer) => chunks.push(chunk))
        request.on("end", () => {
          const body = Buffer.concat(chunks)
          seen.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers, body })
          handler(request, body, response)
        })
      })
      // Node's 5 s default, announced in `Keep-Alive: timeout=5`, would have the agent drop
      // idle sockets after 4 s: only what a test does closes them here.
      server.keepAliveTimeout = 60_000
      server.on("connection", (socket) => {
        connections.opened++
        socket.on("close", () => {
          connections.closed++
          if (connections.closed === connections.opened) for (const wake of waiting) wake()
        })
      })
      server.listen(0, "127.0.0.1", () => {
        const { port } = server.address() as AddressInfo
        const allClosed = Effect.async<void>((done) => {
          if (connections.closed === connections.opened) return done(Effect.void)
          const wake = () => done(Effect.void)
          waiting.add(wake)
          return Effect.sync(() => waiting.delete(wake))
        })
        resume(Effect.succeed({ server, info: { url: `http://127.0.0.1:${port}`, port, seen, connections, allClosed } }))
      })
    }),
    ({ server }) =>
      Effect.async<void>((resume) => {
        server.closeAllConnections()
        server.close(() => resume(Effect.void))
      })
  ).pipe(Effect.map(({ info }) => info))

/** Answers with a JSON body and a header of its own. */
export const json = (response: Http.ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { "content-type": "application/json", "x-trace": "t-1" })
  response.end(JSON.stringify(body))
}

/** A port nothing listens on: one the system just gave a server that is closed again. */
export const freePort = Effect.async<number>((resume) => {
  const server = Http.createServer()
  server.listen(0, "127.0.0.1", () => {
    const { port } = server.address() as AddressInfo
    server.close(() => resume(Effect.succeed(port)))
  })
})

