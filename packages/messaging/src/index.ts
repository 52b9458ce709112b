/**
 * @plivo-effect/messaging: the Messages and Media services, webhook payloads and
 * Message XML.
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
export * from "./BulkOutcome.js"

/** @since 0.1.0 */
export * from "./BulkParams.js"

/** @since 0.1.0 */
export * from "./DeliveryReport.js"

/** @since 0.1.0 */
export * from "./InboundMessage.js"

/** @since 0.1.0 */
export * from "./Media.js"

/** @since 0.1.0 */
export * from "./MediaObject.js"

/** @since 0.1.0 */
export * from "./MediaUpload.js"

/** @since 0.1.0 */
export * from "./MessageFilters.js"

/** @since 0.1.0 */
export * from "./MessageRecord.js"

/** @since 0.1.0 */
export * as MessageXml from "./MessageXml.js"

/** @since 0.1.0 */
export * from "./Messages.js"

/** @since 0.1.0 */
export * as Messaging from "./Messaging.js"

/** @since 0.1.0 */
export * from "./MessagingWebhooks.js"

/** @since 0.1.0 */
export * from "./Segments.js"

/** @since 0.1.0 */
export * from "./SendParams.js"

/** @since 0.1.0 */
export * from "./SendResult.js"

/** @since 0.1.0 */
export * from "./WhatsApp.js"
