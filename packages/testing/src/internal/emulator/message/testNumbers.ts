/**
 * The reserved test destinations, whose messages end as their digits say.
 *
 * @internal
 */

/** How a reserved test destination ends its life. */
export type TestOutcome =
  | { readonly _tag: "Delivered" }
  | { readonly _tag: "StaysSent" }
  | { readonly _tag: "StaysQueued" }
  | { readonly _tag: "Undelivered"; readonly errorCode: string }
  | { readonly _tag: "Failed"; readonly errorCode: string }

/** Reserved destinations: `1 555 D CCCC XX` (area code 555 is not a real NANP area). */
const RESERVED = /^1555(\d)(\d{4})\d{2}$/

/**
 * The outcome encoded in a reserved test destination, or `Delivered` for any other
 * number. Digit D: 2 stays sent, 3 undelivered, 4 failed, 5 stays queued; CCCC is the
 * error code with leading zeros dropped (`0030` → `"30"`).
 */
export const testOutcome = (digits: string): TestOutcome => {
  const m = RESERVED.exec(digits)
  if (m === null) return { _tag: "Delivered" }
  const [, d, c] = m
  const errorCode = String(Number(c))
  switch (d) {
    case "2":
      return { _tag: "StaysSent" }
    case "3":
      return { _tag: "Undelivered", errorCode }
    case "4":
      return { _tag: "Failed", errorCode }
    case "5":
      return { _tag: "StaysQueued" }
    default:
      return { _tag: "Delivered" }
  }
}

/** Builds a reserved test destination for an outcome (the inverse of `testOutcome`). */
export const testNumber = (
  outcome: "delivered" | "sent" | "queued" | "undelivered" | "failed",
  errorCode = "1000"
): string => {
  const code = errorCode.replace(/\D/g, "").slice(-4).padStart(4, "0")
  const digit = { delivered: "1", sent: "2", undelivered: "3", failed: "4", queued: "5" }[outcome]
  return `1555${digit}${outcome === "undelivered" || outcome === "failed" ? code : "0000"}00`
}
