import * as Effect from "effect/Effect"

/** The part of a Node `Readable` (an `IncomingMessage` under `@effect/platform-node`) read here. */
export interface NodeBody {
  on(event: string, listener: (chunk?: unknown) => void): unknown
  off(event: string, listener: (chunk?: unknown) => void): unknown
  resume(): unknown
}

/**
 * Whether a request's `source` is a Node readable stream. Checked by shape, not by
 * `instanceof IncomingMessage`: importing `node:http` would tie the module to Node, and
 * webhooks also run on web handlers.
 */
export const isNodeBody = (source: unknown): source is NodeBody =>
  typeof source === "object" && source !== null &&
  "on" in source && typeof source.on === "function" &&
  "off" in source && typeof source.off === "function" &&
  "resume" in source && typeof source.resume === "function"

/** Why a Node body was not read whole. */
export type NodeBodyFailure = "TooLarge" | "Unreadable"

/**
 * Reads a Node request body from the stream itself, up to `maxBytes`. The platform's
 * `request.stream` destroys the socket when reading stops early (a cap passed, a timeout),
 * so the 413 or 408 meant for the sender would never be written. Here, stopping early
 * (failing, or being interrupted by a timeout) only detaches and lets the rest flow
 * unread into the void: the socket stays up for the answer, which closes it.
 */
export const readNodeBody = (source: NodeBody, maxBytes: number): Effect.Effect<Uint8Array, NodeBodyFailure> =>
  Effect.async<Uint8Array, NodeBodyFailure>((resume) => {
    const parts: Array<Uint8Array> = []
    let size = 0
    const detach = () => {
      source.off("data", onData)
      source.off("end", onEnd)
      source.off("error", onError)
      source.off("aborted", onError)
      source.off("close", onError)
      source.resume()
    }
    function onData(chunk?: unknown) {
      const bytes = chunk instanceof Uint8Array ? chunk : typeof chunk === "string" ? new TextEncoder().encode(chunk) : undefined
      if (bytes === undefined) {
        detach()
        return resume(Effect.fail("Unreadable"))
      }
      size += bytes.byteLength
      if (size > maxBytes) {
        detach()
        return resume(Effect.fail("TooLarge"))
      }
      parts.push(bytes)
    }
    function onEnd() {
      detach()
      const out = new Uint8Array(size)
      let at = 0
      for (const part of parts) {
        out.set(part, at)
        at += part.byteLength
      }
      resume(Effect.succeed(out))
    }
    function onError() {
      detach()
      resume(Effect.fail("Unreadable"))
    }
    source.on("data", onData)
    source.on("end", onEnd)
    source.on("error", onError)
    source.on("aborted", onError)
    // A sender that hangs up mid-body: "close" without "end".
    source.on("close", onError)
    return Effect.sync(detach)
  })
