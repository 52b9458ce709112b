/**
 * What `TollfreeVerifications` methods accept.
 *
 * @since 0.1.0
 */

/**
 * How subscribers opt in.
 *
 * @since 0.1.0
 * @category models
 */
export type OptinTypeParam = "VERBAL" | "WEB_FORM" | "PAPER_FORM" | "VIA_TEXT" | "MOBILE_QR_CODE"

/**
 * Expected monthly volume, as Plivo's exact tier strings.
 *
 * @since 0.1.0
 * @category models
 */
export type VolumeParam =
  | "1,000" | "10,000" | "100,000" | "250,000" | "500,000" | "750,000" | "1,000,000" | "5,000,000" | "10,000,000+"

/**
 * The fields of a verification an update may change (only while `SUBMITTED` or
 * `UPDATE_REQUIRED`).
 *
 * @since 0.1.0
 * @category models
 */
export interface UpdateTollfreeVerificationParams {
  readonly profile_uuid?: string
  /** One or more use cases, comma-separated, e.g. `"2FA,CUSTOMER_CARE"`. */
  readonly usecase?: string
  /** At most 500 characters. */
  readonly usecase_summary?: string
  /** At most 1000 characters. */
  readonly message_sample?: string
  /** URL(s) showing the opt-in flow, comma-separated. */
  readonly optin_image_url?: string
  readonly optin_type?: OptinTypeParam
  readonly volume?: VolumeParam
  /** At most 500 characters. */
  readonly additional_information?: string
  /** Your reference, at most 100 characters. */
  readonly extra_data?: string
  /** Where Plivo posts the decision. */
  readonly callback_url?: string
  readonly callback_method?: "GET" | "POST"
  readonly terms_and_conditions_link?: string
  readonly privacy_policy_link?: string
  readonly optin_message?: string
  readonly help_message?: string
}

/**
 * `TollfreeVerifications.create`: one US/CA toll-free number of the account, for an
 * existing profile.
 *
 * @since 0.1.0
 * @category models
 */
export interface CreateTollfreeVerificationParams extends UpdateTollfreeVerificationParams {
  readonly profile_uuid: string
  /** E.164 with country code 1, e.g. `18005550100`. */
  readonly number: string
  readonly usecase: string
  readonly usecase_summary: string
  readonly message_sample: string
  readonly optin_image_url: string
  readonly optin_type: OptinTypeParam
  readonly volume: VolumeParam
}

/**
 * `TollfreeVerifications.list` and `stream` filters. `created` filters are `YYYY-MM-DD`
 * (Plivo's window is 7 days by default, 30 at most).
 *
 * @since 0.1.0
 * @category models
 */
export interface TollfreeVerificationFilters {
  readonly number?: string
  readonly status?: "SUBMITTED" | "PROCESSING" | "APPROVED" | "REJECTED" | "UPDATE_REQUIRED"
  readonly profile_uuid?: string
  /** Matches the exact combination, comma-separated. */
  readonly usecase?: string
  readonly created?: string
  readonly created__gt?: string
  readonly created__gte?: string
  readonly created__lt?: string
  readonly created__lte?: string
  readonly limit?: number
  readonly offset?: number
}
