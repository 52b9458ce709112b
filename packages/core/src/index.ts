/**
 * @plivo-effect/core: configuration, the HTTP client, typed errors, retries, pagination,
 * webhook signatures and the schemas shared by every Plivo resource.
 *
 * @since 0.1.0
 */
export * from "./PlivoError.js"
export { PlivoConfig } from "./PlivoConfig.js"
export { PlivoClient } from "./PlivoClient.js"
export * as RetryPolicy from "./RetryPolicy.js"
export * as PlivoSignature from "./PlivoSignature.js"
export { isPhoneNumber, normalizePhoneNumber as normalizePhoneNumber, PhoneNumber } from "./PhoneNumber.js"
export { DateTimeInput, FilterDateTime, formatFilter, PlivoDateTime } from "./PlivoDateTime.js"
export { formatMoney as formatMoney, Money } from "./Money.js"
export { hasNext, ListMeta } from "./ListMeta.js"
