/**
 * What `powerpack/` offers other resources: the sender a Powerpack send gets for one
 * destination. The only module of `powerpack/` another folder may import.
 *
 * @internal
 */
import * as Context from "effect/Context"

/** The sender chosen for each destination, or why there is none (an HTTP status and Plivo-style text). */
export type PickedSenders =
  | { readonly _tag: "Picked"; readonly senders: ReadonlyMap<string, string> }
  | { readonly _tag: "Refused"; readonly status: 400; readonly error: string }

/** Picks senders from Powerpack pools (Sticky Sender, Local Connect, `number_priority`). */
export class SenderPicker extends Context.Tag("@plivo-effect/testing/emulator/SenderPicker")<
  SenderPicker,
  {
    /**
     * `destinations` are sanitised digits. All or nothing: one destination without a
     * sender refuses the send, and only a full pick is remembered for Sticky Sender.
     */
    readonly pick: (input: {
      readonly powerpackUuid: string
      readonly destinations: ReadonlyArray<string>
      readonly type: "sms" | "mms"
    }) => PickedSenders
  }
>() {}
