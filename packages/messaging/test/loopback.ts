import * as Effect from "effect/Effect"
import { createServer, request as httpRequest } from "node:http"
import type { AddressInfo } from "node:net"
import { Readable } from "node:stream"

/**
 * A real HTTP server on 127.0.0.1 (free port) in front of a web handler, as
 * `@effect/platform`'s adapters run apps: the body streams in as it arrives, and a client
 * hanging up before the answer aborts the request, which interrupts the app's fiber.
 */
export const serveWeb = (handler: (request: Request) => Promise<Response>) =>
  Effect.acquireRelease(
    Effect.async<{ readonly port: number; readonly close: () => Promise<void> }>((resume) => {
      const server = createServer((req, res) => {
        const abort = new AbortController()
        res.on("close", () => {
          if (!res.writableFinished) abort.abort()
        })
        const method = req.method ?? "GET"
        const headers = new Headers()
        for (const [name, value] of Object.entries(req.headers)) {
          for (const v of typeof value === "string" ? [value] : value ?? []) headers.append(name, v)
        }
        const body = method === "GET" || method === "HEAD" ? null : Readable.toWeb(req)
        const init: RequestInit & { duplex: "half" } = { method, headers, body, duplex: "half", signal: abort.signal }
        handler(new Request(`http://127.0.0.1${req.url ?? "/"}`, init)).then(
          async (response) => {
            const bytes = Buffer.from(await response.arrayBuffer())
            res.writeHead(response.status, Object.fromEntries(response.headers)).end(bytes)
          },
          () => res.destroy()
        )
      })
      server.listen(0, "127.0.0.1", () => {
        const { port } = server.address() as AddressInfo
        resume(Effect.succeed({
          port,
          close: () =>
            new Promise<void>((done) => {
              server.closeAllConnections()
              server.close(() => done())
            })
        }))
      })
    }),
    (server) => Effect.promise(server.close)
  )

export interface Answer {
  readonly status: number
  readonly headers: Record<string, string | Array<string> | undefined>
  readonly body: string
}

/**
 * One request over its own connection. `abort` destroys the socket, as Plivo does when
 * its callback times out.
 */
export const send = (options: {
  readonly port: number
  readonly method: "GET" | "POST"
  readonly path: string
  readonly headers: Record<string, string>
  readonly body?: string
}) => {
  let destroy = () => {}
  const answer = new Promise<Answer>((resolve, reject) => {
    const req = httpRequest({
      host: "127.0.0.1",
      port: options.port,
      method: options.method,
      path: options.path,
      agent: false,
      headers: {
        ...(options.body === undefined ? {} : { "content-type": "application/x-www-form-urlencoded" }),
        ...options.headers
      }
    }, (res) => {
      let body = ""
      res.setEncoding("utf8")
      res.on("data", (chunk: string) => (body += chunk))
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on("error", reject)
    destroy = () => req.destroy()
    req.end(options.body)
  })
  // An aborted request's rejection is expected; keep it from surfacing as unhandled.
  answer.catch(() => {})
  return { answer: Effect.promise(() => answer), abort: () => destroy() }
}
