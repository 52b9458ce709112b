/**
 * The value sets compliance.md gives for 10DLC and toll-free requests.
 *
 * @internal
 */

/** @internal */
export const VERTICALS: ReadonlyArray<string> = [
  "PROFESSIONAL", "REAL_ESTATE", "HEALTHCARE", "HUMAN_RESOURCES", "ENERGY", "ENTERTAINMENT", "RETAIL",
  "TRANSPORTATION", "AGRICULTURE", "INSURANCE", "POSTAL", "EDUCATION", "HOSPITALITY", "FINANCIAL", "POLITICAL",
  "GAMBLING", "LEGAL", "CONSTRUCTION", "NGO", "MANUFACTURING", "GOVERNMENT", "TECHNOLOGY", "COMMUNICATION"
]

/** @internal */
export const ENTITY_TYPES: ReadonlyArray<string> = ["PRIVATE", "PUBLIC", "NON_PROFIT", "GOVERNMENT", "INDIVIDUAL"]

/** @internal */
export const CUSTOMER_TYPES: ReadonlyArray<string> = ["DIRECT", "RESELLER"]

/** @internal */
export const ALT_BUSINESS_ID_TYPES: ReadonlyArray<string> = ["DUNS", "LEI", "GIIN", "NONE"]

/** @internal */
export const STOCK_EXCHANGES: ReadonlyArray<string> = [
  "NASDAQ", "NYSE", "AMEX", "AMX", "ASX", "B3", "BME", "BSE", "FRA", "ICEX", "JPX", "JSE", "KRX", "LON", "NSE",
  "OMX", "SEHK", "SGX", "SSE", "STO", "SWX", "SZSE", "TSX", "TWSE", "VSE", "OTHER"
]

/** Use cases a campaign's `sub_usecases` (and a toll-free `usecase`) may name. */
export const SUB_USECASES: ReadonlyArray<string> = [
  "2FA", "ACCOUNT_NOTIFICATION", "CUSTOMER_CARE", "DELIVERY_NOTIFICATION", "FRAUD_ALERT", "HIGHER_EDUCATION",
  "MARKETING", "POLLING_VOTING", "PUBLIC_SERVICE_ANNOUNCEMENT", "SECURITY_ALERT"
]

/** A campaign's `usecase`. */
export const USECASES: ReadonlyArray<string> = [...SUB_USECASES, "LOW_VOLUME", "MIXED", "STARTER"]

/** Use cases whose campaigns must list 2–5 `sub_usecases`. */
export const COMPOSITE_USECASES: ReadonlyArray<string> = ["STARTER", "MIXED", "LOW_VOLUME"]

/** @internal */
export const OPTIN_TYPES: ReadonlyArray<string> = ["VERBAL", "WEB_FORM", "PAPER_FORM", "VIA_TEXT", "MOBILE_QR_CODE"]

/** Toll-free `volume` tiers, with their commas. */
export const VOLUMES: ReadonlyArray<string> = [
  "1,000", "10,000", "100,000", "250,000", "500,000", "750,000", "1,000,000", "5,000,000", "10,000,000+"
]

/** Display names for `GET 10dlc/Brand/{id}/usecases/`. */
export const USECASE_NAMES: Readonly<Record<string, string>> = {
  "2FA": "Two-Factor Authentication",
  ACCOUNT_NOTIFICATION: "Account Notification",
  CUSTOMER_CARE: "Customer Care",
  DELIVERY_NOTIFICATION: "Delivery Notification",
  FRAUD_ALERT: "Fraud Alert",
  HIGHER_EDUCATION: "Higher Education",
  LOW_VOLUME: "Low Volume",
  MARKETING: "Marketing",
  MIXED: "Mixed",
  POLLING_VOTING: "Polling Voting",
  PUBLIC_SERVICE_ANNOUNCEMENT: "Public Service Announcement",
  SECURITY_ALERT: "Security Alert",
  STARTER: "Starter"
}
