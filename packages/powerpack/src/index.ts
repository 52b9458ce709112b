/**
 * @plivo-effect/powerpack: Powerpacks (sender pools) and their number pools.
 *
 * One line per public module, no renames, as in the other packages' barrels.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * from "./NumberPool.js"

/** @since 0.1.0 */
export * from "./PoolNumber.js"

/** @since 0.1.0 */
export * from "./PoolShortcode.js"

/** @since 0.1.0 */
export * from "./Powerpack.js"

/** @since 0.1.0 */
export * from "./PowerpackParams.js"

/** @since 0.1.0 */
export * from "./Powerpacks.js"
