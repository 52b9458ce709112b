/**
 * The value sets the reference documents, one place for the schemas (open enums) and the
 * request checks (closed: a value outside the set is refused before sending).
 */

export const VERTICALS = [
  "PROFESSIONAL", "REAL_ESTATE", "HEALTHCARE", "HUMAN_RESOURCES", "ENERGY", "ENTERTAINMENT", "RETAIL",
  "TRANSPORTATION", "AGRICULTURE", "INSURANCE", "POSTAL", "EDUCATION", "HOSPITALITY", "FINANCIAL", "POLITICAL",
  "GAMBLING", "LEGAL", "CONSTRUCTION", "NGO", "MANUFACTURING", "GOVERNMENT", "TECHNOLOGY", "COMMUNICATION"
] as const

export const ENTITY_TYPES = ["PRIVATE", "PUBLIC", "NON_PROFIT", "GOVERNMENT", "INDIVIDUAL"] as const

export const CUSTOMER_TYPES = ["DIRECT", "RESELLER"] as const

export const PROFILE_TYPES = ["PRIMARY", "SECONDARY"] as const

export const ALT_BUSINESS_ID_TYPES = ["DUNS", "LEI", "GIIN", "NONE"] as const

export const STOCK_EXCHANGES = [
  "NASDAQ", "NYSE", "AMEX", "AMX", "ASX", "B3", "BME", "BSE", "FRA", "ICEX", "JPX", "JSE", "KRX", "LON", "NSE",
  "OMX", "SEHK", "SGX", "SSE", "STO", "SWX", "SZSE", "TSX", "TWSE", "VSE", "OTHER"
] as const

/** Use cases a campaign's `sub_usecases` and a toll-free verification's `usecase` draw from. */
export const SUB_USECASES = [
  "2FA", "ACCOUNT_NOTIFICATION", "CUSTOMER_CARE", "DELIVERY_NOTIFICATION", "FRAUD_ALERT", "HIGHER_EDUCATION",
  "MARKETING", "POLLING_VOTING", "PUBLIC_SERVICE_ANNOUNCEMENT", "SECURITY_ALERT"
] as const

export const USECASES = [...SUB_USECASES, "LOW_VOLUME", "MIXED", "STARTER"] as const

/** Use cases whose campaign must name 2 to 5 `sub_usecases`. */
export const COMBINED_USECASES: ReadonlyArray<string> = ["STARTER", "MIXED", "LOW_VOLUME"]

export const BRAND_TYPES = ["STANDARD", "STARTER"] as const

export const REGISTRATION_STATUSES = ["PROCESSING", "COMPLETED", "FAILED"] as const

export const CAMPAIGN_STATUSES = ["ACTIVE", "FAILED", "PROCESSING", "EXPIRED"] as const

export const CAMPAIGN_SOURCES = ["plivo", "shared"] as const

export const NUMBER_LINK_STATUSES = ["PROCESSING", "COMPLETED", "FAILED"] as const

export const OPTIN_TYPES = ["VERBAL", "WEB_FORM", "PAPER_FORM", "VIA_TEXT", "MOBILE_QR_CODE"] as const

export const VOLUMES = [
  "1,000", "10,000", "100,000", "250,000", "500,000", "750,000", "1,000,000", "5,000,000", "10,000,000+"
] as const

export const TOLLFREE_STATUSES = ["SUBMITTED", "PROCESSING", "APPROVED", "REJECTED", "UPDATE_REQUIRED"] as const

export const CALLBACK_METHODS = ["GET", "POST"] as const
