/**
 * `Message/`: sends, lists, the life cycle of every message with its status callbacks,
 * and the handle's message operations. Uploaded media is reached through `MediaLibrary`.
 *
 * @internal
 */
import * as Context from "effect/Context"
import type { PlivoEmulator } from "../../../PlivoEmulator.js"
import type { Resource } from "../resource.js"
import { messageOperations } from "./handle.js"
import { messageRoutes } from "./routes.js"
import { makeMessageSlice } from "./slice.js"

/** @internal */
export const MessageResource: Resource<PlivoEmulator.MessageOperations> = {
  make: (kernel) => {
    const slice = makeMessageSlice(kernel)
    return {
      routes: messageRoutes(slice),
      handle: messageOperations(slice),
      reset: slice.store.reset,
      provides: Context.empty()
    }
  }
}
