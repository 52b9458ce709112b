/**
 * What `Profiles.create`, `Profiles.update` and `Profiles.list` accept.
 *
 * @since 0.1.0
 */

/**
 * A vertical a request may name.
 *
 * @since 0.1.0
 * @category models
 */
export type VerticalParam =
  | "PROFESSIONAL" | "REAL_ESTATE" | "HEALTHCARE" | "HUMAN_RESOURCES" | "ENERGY" | "ENTERTAINMENT" | "RETAIL"
  | "TRANSPORTATION" | "AGRICULTURE" | "INSURANCE" | "POSTAL" | "EDUCATION" | "HOSPITALITY" | "FINANCIAL"
  | "POLITICAL" | "GAMBLING" | "LEGAL" | "CONSTRUCTION" | "NGO" | "MANUFACTURING" | "GOVERNMENT" | "TECHNOLOGY"
  | "COMMUNICATION"

/**
 * An entity type a request may name.
 *
 * @since 0.1.0
 * @category models
 */
export type EntityTypeParam = "PRIVATE" | "PUBLIC" | "NON_PROFIT" | "GOVERNMENT" | "INDIVIDUAL"

/**
 * A stock exchange a PUBLIC profile may name.
 *
 * @since 0.1.0
 * @category models
 */
export type StockExchangeParam =
  | "NASDAQ" | "NYSE" | "AMEX" | "AMX" | "ASX" | "B3" | "BME" | "BSE" | "FRA" | "ICEX" | "JPX" | "JSE" | "KRX"
  | "LON" | "NSE" | "OMX" | "SEHK" | "SGX" | "SSE" | "STO" | "SWX" | "SZSE" | "TSX" | "TWSE" | "VSE" | "OTHER"

/**
 * @since 0.1.0
 * @category models
 */
export interface AddressParam {
  readonly street: string
  readonly city: string
  /** A state code such as `TX`. */
  readonly state: string
  readonly postal_code: string
  /** ISO alpha-2, e.g. `US`. */
  readonly country: string
}

/**
 * @since 0.1.0
 * @category models
 */
export interface AuthorizedContactParam {
  readonly first_name?: string
  readonly last_name?: string
  readonly email?: string
  /** E.164. */
  readonly phone?: string
  readonly title?: string
  /** `DIRECTOR`, `GM`, `VP`, `CEO`, `CFO`, `GENERAL_COUNSEL` or `OTHER`. */
  readonly seniority?: string
}

/**
 * The fields a profile update may change.
 *
 * @since 0.1.0
 * @category models
 */
export interface UpdateProfileParams {
  readonly entity_type?: EntityTypeParam
  readonly company_name?: string
  readonly vertical?: VerticalParam
  readonly address?: AddressParam
  readonly authorized_contact?: AuthorizedContactParam
  readonly website?: string
  readonly plivo_subaccount?: string
  readonly business_contact_email?: string
  readonly ein?: string
  readonly ein_issuing_country?: string
  readonly alt_business_id?: string
  readonly alt_business_id_type?: "DUNS" | "LEI" | "GIIN" | "NONE"
  readonly doing_business_as?: string
}

/**
 * `Profiles.create`. A `PUBLIC` entity needs `stock_symbol` and `stock_exchange`; an EIN
 * is needed for STANDARD brands later.
 *
 * @since 0.1.0
 * @category models
 */
export interface CreateProfileParams extends UpdateProfileParams {
  readonly profile_alias: string
  readonly customer_type: "DIRECT" | "RESELLER"
  readonly entity_type: EntityTypeParam
  readonly company_name: string
  readonly vertical: VerticalParam
  readonly address: AddressParam
  readonly authorized_contact: AuthorizedContactParam
  readonly stock_symbol?: string
  readonly stock_exchange?: StockExchangeParam
}

/**
 * `Profiles.list` and `Profiles.stream` filters (`limit` and `offset` for `list` only).
 *
 * @since 0.1.0
 * @category models
 */
export interface ProfileFilters {
  readonly entity_type?: EntityTypeParam
  readonly type?: "PRIMARY" | "SECONDARY"
  readonly vertical?: VerticalParam
  readonly limit?: number
  readonly offset?: number
}
