/**
 * What `Brands.create` and `Brands.list` accept.
 *
 * @since 0.1.0
 */

/**
 * Where and how Plivo reports status changes of a request.
 *
 * @since 0.1.0
 * @category models
 */
export interface StatusCallbackParams {
  /** An absolute http(s) URL. */
  readonly url?: string
  /** Default `POST`. */
  readonly method?: "GET" | "POST"
}

/**
 * `Brands.create`. `brand_type` defaults to `STARTER` at Plivo, and a STARTER brand needs
 * `mobile_phone` (a US/CA mobile that receives TCR's OTP); a STANDARD brand needs a
 * profile with an EIN.
 *
 * @since 0.1.0
 * @category models
 */
export interface CreateBrandParams extends StatusCallbackParams {
  readonly profile_uuid: string
  readonly brand_alias: string
  readonly brand_type?: "STANDARD" | "STARTER"
  /** STANDARD brands only. */
  readonly secondary_vetting?: boolean
  /** STARTER brands: E.164 with country code 1. */
  readonly mobile_phone?: string
}

/**
 * `Brands.list` and `Brands.stream` filters.
 *
 * @since 0.1.0
 * @category models
 */
export interface BrandFilters {
  readonly registration_status?: "PROCESSING" | "COMPLETED" | "FAILED"
  readonly type?: "STANDARD" | "STARTER"
  readonly limit?: number
  readonly offset?: number
}
