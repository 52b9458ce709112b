/**
 * What Plivo answers to a request it accepts without returning a record: deletes, number
 * links and unlinks, toll-free updates, a starter brand's OTP.
 *
 * @since 0.1.0
 */
import { optional } from "@plivo-effect/core/PlivoSchema"
import * as Schema from "effect/Schema"

/**
 * An acknowledgement: Plivo's `message` and `api_id`, either of which some answers omit
 * (brand and campaign deletes come without `api_id`). Other fields (`brand_id`,
 * `campaign_id`, `brandId`) are kept. An answer that holds `error` is never an
 * acknowledgement: it fails with `BadRequestError` whatever its status.
 *
 * @since 0.1.0
 * @category schemas
 * @example
 * ```ts
 * import * as Schema from "effect/Schema"
 * import { Acknowledgement } from "@plivo-effect/compliance"
 *
 * Schema.decodeUnknownSync(Acknowledgement)({ message: "Brand Deactivated", brand_id: "BXXX" })
 * ```
 */
export const Acknowledgement = Schema.Struct(
  {
    api_id: optional(Schema.String),
    message: optional(Schema.String)
  },
  Schema.Record({ key: Schema.String, value: Schema.Unknown })
).annotations({ identifier: "Acknowledgement" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Acknowledgement extends Schema.Schema.Type<typeof Acknowledgement> {}
