export * as MessageXml from "./MessageXml.js"
export { MessagingWebhooks } from "./MessagingWebhooks.js"
export { InboundMessage } from "./InboundMessage.js"
export { DeliveryReport, isFinal as isFinalDeliveryReport } from "./DeliveryReport.js"
