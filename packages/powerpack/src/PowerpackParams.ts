/**
 * What `Powerpacks.create` and `Powerpacks.update` accept.
 *
 * @since 0.1.0
 */

/**
 * A number type in a priority order.
 *
 * @since 0.1.0
 * @category models
 */
export type NumberTypeParam = "shortcode" | "longcode" | "tollfree"

/**
 * One `number_priority` entry: the order in which a send to `country_iso` over
 * `service_type` tries number types. A type appears at most once; unranked types come last.
 *
 * @since 0.1.0
 * @category models
 */
export interface NumberPriorityParam {
  /** ISO 3166-1 alpha-2, e.g. `US`. */
  readonly country_iso: string
  readonly service_type: "SMS" | "MMS"
  readonly priority: {
    readonly priority1: NumberTypeParam
    readonly priority2?: NumberTypeParam
    readonly priority3?: NumberTypeParam
  }
}

/**
 * The settable fields of a Powerpack. `application_type` is required whenever
 * `application_id` names an application (anything but `"none"`).
 *
 * @since 0.1.0
 * @category models
 */
export interface PowerpackFields {
  readonly name?: string
  /** Default true: a destination keeps getting the same sender. */
  readonly sticky_sender?: boolean
  /** Default true: prefer a sender local to the destination. */
  readonly local_connect?: boolean
  readonly application_type?: "xml" | "phlo"
  /** An XML application id or PHLO id; `"none"` detaches the application. */
  readonly application_id?: string
  /** Sent as the full array: it replaces the Powerpack's priorities. */
  readonly number_priority?: ReadonlyArray<NumberPriorityParam>
}

/**
 * `Powerpacks.create`: `name` (unique in the account) is required.
 *
 * @since 0.1.0
 * @category models
 */
export interface CreatePowerpackParams extends PowerpackFields {
  readonly name: string
}

/**
 * `Powerpacks.update`: every field optional; only the given ones are sent.
 *
 * @since 0.1.0
 * @category models
 */
export interface UpdatePowerpackParams extends PowerpackFields {}

/**
 * `Powerpacks.delete`.
 *
 * @since 0.1.0
 * @category models
 */
export interface DeletePowerpackParams {
  /** Also releases every number of the pool from the account. Irreversible. Default false. */
  readonly unrent_numbers?: boolean
}
