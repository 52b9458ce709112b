import { describe, expect, it } from "@effect/vitest"
import * as Schema from "effect/Schema"
import { readFileSync } from "node:fs"
import * as PlivoEmulatorSigning from "../src/PlivoEmulatorSigning.js"

// The vectors the SDK's verifier is checked against too (packages/core); only the data is
// shared, the emulator's signer stays an independent implementation.
const SharedVectors = Schema.Struct({
  v3: Schema.Array(Schema.Struct({
    name: Schema.String,
    method: Schema.Literal("GET", "POST"),
    url: Schema.String,
    params: Schema.Array(Schema.Tuple(Schema.String, Schema.String)),
    nonce: Schema.String,
    authToken: Schema.String,
    stringToSign: Schema.String,
    signature: Schema.String
  }))
})
const shared = Schema.decodeUnknownSync(Schema.parseJson(SharedVectors))(
  readFileSync(new URL("../../../test/fixtures/vectors/signatures.json", import.meta.url), "utf8")
)

describe("the emulator's signer on the shared vectors (test/fixtures/vectors/signatures.json)", () => {
  for (const v of shared.v3) {
    it(`V3 ${v.method}: ${v.name}`, () => {
      const input = { method: v.method, url: v.url, params: v.params, nonce: v.nonce }
      expect(PlivoEmulatorSigning.stringToSignV3(input)).toBe(v.stringToSign)
      expect(PlivoEmulatorSigning.signV3({ ...input, authToken: v.authToken })).toBe(v.signature)
    })
  }
})
