/**
 * @plivo-effect/testing: stub `HttpClient` layers and the in-memory Plivo emulator.
 *
 * One line per public module, no renames. A module that defines a class, schema or type
 * named after itself (and beside it only names that stand on their own) is re-exported
 * flat (`export * from`); a module of operations named relative to the module
 * (`make`, `layer`, `verifyV3`) is re-exported as a namespace (`export * as Module`), as
 * Effect does. Either way a name imported from the barrel is the name it has in its
 * module, which can also be imported alone by subpath (`@plivo-effect/<package>/<Module>`).
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * from "./PlivoEmulator.js"

/** @since 0.1.0 */
export * from "./StubHttpClient.js"

/** @since 0.1.0 */
export * as TestTracer from "./TestTracer.js"

/** @since 0.1.0 */
export * as PlivoEmulatorSigning from "./PlivoEmulatorSigning.js"

/** @since 0.1.0 */
export * as RateWindow from "./RateWindow.js"
