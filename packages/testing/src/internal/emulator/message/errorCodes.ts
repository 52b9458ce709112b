/**
 * Reasons for `error_code` values (messages.md §6), used for `error_message`.
 *
 * @internal
 */
const REASONS: Readonly<Record<string, string>> = {
  "000": "",
  "10": "Invalid message",
  "20": "Network error",
  "30": "Spam detected",
  "40": "Invalid source number",
  "50": "Invalid destination number",
  "60": "Loop detected",
  "70": "Destination permanently unavailable",
  "80": "Destination temporarily unavailable",
  "90": "No route available",
  "100": "Prohibited by carrier",
  "110": "Message too long",
  "120": "MMS message payload too large",
  "200": "Sender blocked by recipient (opt-out)",
  "201": "Toll-free sender to Canadian destination blocked",
  "420": "Message expired",
  "450": "Destination country barred",
  "900": "Insufficient credit",
  "1000": "Unknown error"
}

/** @internal */
export const errorMessageFor = (code: string | null): string =>
  code === null ? "" : (REASONS[code] ?? "Unknown error")

/** `error_code` a state gets when none is given: "000" on success, "1000" (unknown) on failure. */
export const defaultErrorCode = (state: string): string | null =>
  state === "delivered" || state === "read"
    ? "000"
    : state === "failed" || state === "undelivered" || state === "rejected"
    ? "1000"
    : null
