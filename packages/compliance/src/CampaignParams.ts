/**
 * What `Campaigns` methods accept.
 *
 * @since 0.1.0
 */
import type { StatusCallbackParams } from "./BrandParams.js"
import type { VerticalParam } from "./ProfileParams.js"

/**
 * A use case a campaign's `sub_usecases` may name.
 *
 * @since 0.1.0
 * @category models
 */
export type SubUsecaseParam =
  | "2FA" | "ACCOUNT_NOTIFICATION" | "CUSTOMER_CARE" | "DELIVERY_NOTIFICATION" | "FRAUD_ALERT"
  | "HIGHER_EDUCATION" | "MARKETING" | "POLLING_VOTING" | "PUBLIC_SERVICE_ANNOUNCEMENT" | "SECURITY_ALERT"

/**
 * A campaign use case. `STARTER`, `MIXED` and `LOW_VOLUME` combine 2 to 5 `sub_usecases`;
 * a STARTER brand may only register `STARTER` campaigns.
 *
 * @since 0.1.0
 * @category models
 */
export type UsecaseParam = SubUsecaseParam | "LOW_VOLUME" | "MIXED" | "STARTER"

/**
 * The texts a campaign update may change (each update is re-vetted, and charged, by TCR).
 *
 * @since 0.1.0
 * @category models
 */
export interface UpdateCampaignParams {
  readonly campaign_alias?: string
  /** At least 40 characters. */
  readonly description?: string
  /** At least 20 characters. */
  readonly sample1?: string
  /** At least 20 characters. */
  readonly sample2?: string
  readonly sample3?: string
  readonly sample4?: string
  readonly sample5?: string
  /** How subscribers opt in. */
  readonly message_flow?: string
  /** The answer to HELP. */
  readonly help_message?: string
  /** The answer to STOP. */
  readonly optout_message?: string
  readonly optin_message?: string
  /** Comma-separated keywords, letters and digits only, e.g. `START,YES`. */
  readonly optin_keywords?: string
  readonly optout_keywords?: string
  readonly help_keywords?: string
  readonly terms_and_conditions_link?: string
  readonly privacy_policy_link?: string
  readonly reseller_id?: string
}

/**
 * `Campaigns.create`. Subscribers must be able to opt in, opt out and get help:
 * `subscriber_optin`, `subscriber_optout` and `subscriber_help` must be `true`.
 *
 * @since 0.1.0
 * @category models
 */
export interface CreateCampaignParams extends UpdateCampaignParams, StatusCallbackParams {
  readonly brand_id: string
  readonly campaign_alias: string
  readonly vertical: VerticalParam
  readonly usecase: UsecaseParam
  /** 2 to 5 items, required for `STARTER`, `MIXED` and `LOW_VOLUME`. */
  readonly sub_usecases?: ReadonlyArray<SubUsecaseParam>
  readonly description: string
  readonly sample1: string
  readonly sample2: string
  readonly message_flow: string
  readonly help_message: string
  readonly optout_message: string
  readonly subscriber_optin: true
  readonly subscriber_optout: true
  readonly subscriber_help: true
  readonly direct_lending: boolean
  /** Public URL shorteners are refused by carriers. */
  readonly embedded_link: boolean
  /** A phone number other than the HELP number. */
  readonly embedded_phone: boolean
  readonly age_gated: boolean
  readonly affiliate_marketing: boolean
}

/**
 * `Campaigns.importCampaign`: a campaign registered on TCR and shared with Plivo.
 *
 * @since 0.1.0
 * @category models
 */
export interface ImportCampaignParams extends StatusCallbackParams {
  /** The TCR campaign id. */
  readonly campaign_id: string
  readonly campaign_alias: string
}

/**
 * `Campaigns.linkNumbers`.
 *
 * @since 0.1.0
 * @category models
 */
export interface LinkNumbersParams extends StatusCallbackParams {
  /** Numbers of the account, E.164 with country code 1. */
  readonly numbers: ReadonlyArray<string>
}

/**
 * `Campaigns.list` and `Campaigns.stream` filters.
 *
 * @since 0.1.0
 * @category models
 */
export interface CampaignFilters {
  readonly usecase?: UsecaseParam
  readonly brand_id?: string
  readonly registration_status?: "ACTIVE" | "FAILED" | "PROCESSING" | "EXPIRED"
  readonly campaign_source?: "plivo" | "shared"
  readonly limit?: number
  readonly offset?: number
}
