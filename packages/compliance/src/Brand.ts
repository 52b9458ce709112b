/**
 * A 10DLC brand as Plivo returns it: a business registered with The Campaign Registry.
 *
 * @since 0.1.0
 */
import { PlivoDateTime } from "@plivo-effect/core/PlivoDateTime"
import { blankAsAbsent, ListPage, OpenEnum, optional } from "@plivo-effect/core/PlivoSchema"
import * as Schema from "effect/Schema"
import { BRAND_TYPES, REGISTRATION_STATUSES } from "./internal/enums.js"
import { Address, AuthorizedContact, EntityType, Vertical } from "./Profile.js"

/**
 * A brand's registration status: `PROCESSING`, then `COMPLETED` or `FAILED`. Unknown
 * values are kept.
 *
 * @since 0.1.0
 * @category schemas
 */
export const BrandStatus = OpenEnum(...REGISTRATION_STATUSES)

/**
 * One reason TCR gave for declining a brand.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DeclinedReason = Schema.Struct({
  code: blankAsAbsent(Schema.String),
  message: blankAsAbsent(Schema.String)
}).annotations({ identifier: "DeclinedReason" })

/**
 * @since 0.1.0
 * @category models
 */
export interface DeclinedReason extends Schema.Schema.Type<typeof DeclinedReason> {}

// TCR ids are strings; one hand-made answer shows a number, read as its digits.
const Id = Schema.Union(
  Schema.String,
  Schema.transform(Schema.Number, Schema.String, { strict: true, decode: String, encode: Number })
)

/**
 * A brand. Only `brand_id` is always present: Plivo omits empty fields (a STARTER brand
 * has no `company_name` or `ein`), sends `authorized_contact` as `{}` and address fields
 * as `""` (absent here).
 *
 * @since 0.1.0
 * @category schemas
 * @example
 * ```ts
 * import * as Schema from "effect/Schema"
 * import { Brand } from "@plivo-effect/compliance"
 *
 * const brand = Schema.decodeUnknownSync(Brand)({
 *   brand_id: "BRPXS6E",
 *   brand_type: "STARTER",
 *   registration_status: "COMPLETED",
 *   authorized_contact: {}
 * })
 * brand.registration_status // "COMPLETED"
 * ```
 */
export const Brand = Schema.Struct({
  brand_id: Schema.String,
  brand_alias: blankAsAbsent(Schema.String),
  brand_type: blankAsAbsent(OpenEnum(...BRAND_TYPES)),
  profile_uuid: blankAsAbsent(Schema.String),
  company_name: blankAsAbsent(Schema.String),
  ein: blankAsAbsent(Schema.String),
  ein_issuing_country: blankAsAbsent(Schema.String),
  entity_type: blankAsAbsent(EntityType),
  vertical: blankAsAbsent(Vertical),
  website: blankAsAbsent(Schema.String),
  registration_status: blankAsAbsent(BrandStatus),
  vetting_status: blankAsAbsent(Schema.String),
  vetting_score: optional(Schema.NullOr(Schema.Number)),
  address: optional(Schema.Union(Address, Schema.String)),
  authorized_contact: optional(AuthorizedContact),
  declined_reasons: optional(Schema.NullOr(Schema.Array(DeclinedReason))),
  stock_symbol: blankAsAbsent(Schema.String),
  stock_exchange: blankAsAbsent(Schema.String),
  alt_business_id: blankAsAbsent(Schema.String),
  alt_business_id_type: blankAsAbsent(Schema.String),
  created_at: blankAsAbsent(PlivoDateTime)
}).annotations({ identifier: "Brand" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Brand extends Schema.Schema.Type<typeof Brand> {}

/**
 * `GET 10dlc/Brand/{brand_id}/`: the brand under `brand`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const BrandResponse = Schema.Struct({
  api_id: optional(Schema.String),
  brand: Brand
}).annotations({ identifier: "BrandResponse" })

/**
 * The answer of `POST 10dlc/Brand/`: the brand's id; registration goes on without you.
 *
 * @since 0.1.0
 * @category schemas
 */
export const BrandCreated = Schema.Struct({
  api_id: optional(Schema.String),
  brand_id: Schema.String,
  message: optional(Schema.String)
}).annotations({ identifier: "BrandCreated" })

/**
 * @since 0.1.0
 * @category models
 */
export interface BrandCreated extends Schema.Schema.Type<typeof BrandCreated> {}

/**
 * One page of `GET 10dlc/Brand/` (items under `brands`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const BrandList = Schema.Struct({
  api_id: optional(Schema.String),
  ...ListPage(Brand, "brands").fields
}).annotations({ identifier: "BrandList" })

/**
 * @since 0.1.0
 * @category models
 */
export interface BrandList extends Schema.Schema.Type<typeof BrandList> {}

/**
 * A use case a brand may register campaigns for.
 *
 * @since 0.1.0
 * @category schemas
 */
export const BrandUsecase = Schema.Struct({
  code: Schema.String,
  name: optional(Schema.String),
  details: optional(Schema.String)
}).annotations({ identifier: "BrandUsecase" })

/**
 * @since 0.1.0
 * @category models
 */
export interface BrandUsecase extends Schema.Schema.Type<typeof BrandUsecase> {}

/**
 * `GET 10dlc/Brand/{brand_id}/usecases/`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const BrandUsecases = Schema.Struct({
  api_id: optional(Schema.String),
  brand_id: optional(Id),
  use_cases: Schema.Array(BrandUsecase)
}).annotations({ identifier: "BrandUsecases" })

/**
 * @since 0.1.0
 * @category models
 */
export interface BrandUsecases extends Schema.Schema.Type<typeof BrandUsecases> {}
