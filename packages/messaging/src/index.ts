/**
 * @plivo-effect/messaging: the Messages and Media services, webhook payloads and
 * Message XML.
 *
 * @since 0.1.0
 */
export * as MessageXml from "./MessageXml.js"
export { MessagingWebhooks } from "./MessagingWebhooks.js"
export { InboundMessage } from "./InboundMessage.js"
export { DeliveryReport, isFinalDeliveryReport as isFinalDeliveryReport } from "./DeliveryReport.js"
export { Messages } from "./Messages.js"
export { Media } from "./Media.js"
export * as Messaging from "./Messaging.js"
export { type Segments, segments } from "./Segments.js"
export type {
  CommonParams,
  Destinations,
  DltTemplateCategory,
  LogOption,
  MmsParams,
  Sender,
  SendParams,
  SmsParams,
  WhatsAppParams
} from "./SendParams.js"
export { SendResult } from "./SendResult.js"
export { ConversationOrigin, Message, MessageDirection, MessageList, MessageState, MessageType } from "./MessageRecord.js"
export type { MessageFilters, MessageListFilters, MessageStreamFilters, TimeFilter } from "./MessageFilters.js"
export { MediaList, MediaObject, MessageMediaList } from "./MediaObject.js"
export type { FailedUpload, MediaFile, UploadedMedia, UploadResponse, UploadResult } from "./MediaUpload.js"
export { Interactive, Location, Template, TemplateCard, TemplateComponent, TemplateParameter } from "./WhatsApp.js"
