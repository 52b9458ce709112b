/**
 * @plivo-effect/testing: stub `HttpClient` layers and the in-memory Plivo emulator.
 *
 * @since 0.1.0
 */
export * as StubHttpClient from "./StubHttpClient.js"
export * as TestTracer from "./TestTracer.js"
export * from "./PlivoEmulator.js"
export * as PlivoEmulatorSigning from "./PlivoEmulatorSigning.js"
