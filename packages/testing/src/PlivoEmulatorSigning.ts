/**
 * Plivo's V3 signature as the emulator computes it for its status callbacks, for tests
 * that check a verifier. It is written from webhooks.md, not taken from
 * `@plivo-effect/core`, so it is an independent check of the SDK's verifier.
 *
 * @since 0.1.0
 */
import * as Signing from "./internal/emulator/signing.js"

/**
 * What a V3 signature covers: the method, the URL as configured, the parameters sent
 * (`[key, value]` pairs in the order sent; a key may repeat) and the nonce.
 *
 * @since 0.1.0
 * @category models
 */
export interface SignedRequest {
  readonly method: "GET" | "POST"
  readonly url: string
  readonly params: Iterable<readonly [string, string]>
  readonly nonce: string
}

/**
 * `base64(HMAC-SHA256(authToken, stringToSignV3(input)))`, the value of
 * `X-Plivo-Signature-V3`.
 *
 * @example
 * ```ts
 * import { PlivoEmulatorSigning } from "@plivo-effect/testing"
 *
 * const signature = PlivoEmulatorSigning.signV3({
 *   method: "POST",
 *   url: "https://example.com/status",
 *   params: [["MessageUUID", "1c5c1d4e"], ["Status", "delivered"]],
 *   nonce: "12345678901234567890",
 *   authToken: "token"
 * })
 * ```
 *
 * @since 0.1.0
 * @category utils
 */
export const signV3: (input: SignedRequest & { readonly authToken: string }) => string = Signing.signV3

/**
 * The string the V3 signature covers (webhooks.md), for debugging a mismatch.
 *
 * @since 0.1.0
 * @category utils
 */
export const stringToSignV3: (input: SignedRequest) => string = Signing.stringToSignV3
