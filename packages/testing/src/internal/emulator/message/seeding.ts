/**
 * Records for seeded history, with the defaults documented on `SeedMessage`.
 *
 * @internal
 */
import { defaultErrorCode } from "./errorCodes.js"
import type { PlivoEmulator } from "../../../PlivoEmulator.js"
import type { MessageRecord } from "./model.js"
import { sanitizeDestination, sanitizeSender } from "../numbers.js"
import { makeRecord } from "./records.js"
import type { MessageSlice } from "./slice.js"

const OUR_NUMBER = "14155550100"
const THEIR_NUMBER = "14155550123"

/** A record for `seedMessage(s)`: historical, so it never moves on its own. */
export const seededRecord = (
  slice: MessageSlice,
  input: PlivoEmulator.SeedMessage,
  timeMicros: number,
  to: string | undefined
): MessageRecord => {
  const direction = input.direction ?? "outbound"
  const messageState = input.state ?? "delivered"
  const outbound = direction === "outbound"
  return makeRecord({
    uuid: input.messageUuid,
    seq: slice.store.nextSeq(),
    timeMicros,
    direction,
    type: input.type ?? "sms",
    state: messageState,
    errorCode: input.errorCode === undefined ? defaultErrorCode(messageState) : input.errorCode,
    from: sanitizeSender(input.from ?? (outbound ? OUR_NUMBER : THEIR_NUMBER)),
    to: sanitizeDestination(to ?? (outbound ? THEIR_NUMBER : OUR_NUMBER)),
    text: input.text ?? "Hello from the Plivo emulator",
    powerpackId: input.powerpackId,
    // TEST-NET-3: clearly not a real client.
    requesterIp: "203.0.113.10",
    log: input.log
  })
}
