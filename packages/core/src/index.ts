/**
 * @plivo-effect/core: configuration, the HTTP client, typed errors, retries, rate budgets, pagination,
 * webhook signatures and the schemas shared by every Plivo resource.
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
export * as HttpUrl from "./HttpUrl.js"

/** @since 0.1.0 */
export * as InvalidParams from "./InvalidParams.js"

/** @since 0.1.0 */
export * from "./ListMeta.js"

/** @since 0.1.0 */
export * from "./Money.js"

/** @since 0.1.0 */
export * from "./PhoneNumber.js"

/** @since 0.1.0 */
export * from "./PlivoBudget.js"

/** @since 0.1.0 */
export * as PlivoBudgetRedis from "./PlivoBudgetRedis.js"

/** @since 0.1.0 */
export * from "./PlivoClient.js"

/** @since 0.1.0 */
export * from "./PlivoConfig.js"

/** @since 0.1.0 */
export * from "./PlivoDateTime.js"

/** @since 0.1.0 */
export * from "./PlivoError.js"

/** @since 0.1.0 */
export * as PlivoHttpClient from "./PlivoHttpClient.js"

/** @since 0.1.0 */
export * as PlivoSignature from "./PlivoSignature.js"

/** @since 0.1.0 */
export * as PlivoWebhook from "./PlivoWebhook.js"

/** @since 0.1.0 */
export * as PlivoSchema from "./PlivoSchema.js"

/** @since 0.1.0 */
export * as PlivoSpan from "./PlivoSpan.js"

/** @since 0.1.0 */
export * as RetryPolicy from "./RetryPolicy.js"
