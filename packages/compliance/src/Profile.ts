/**
 * A 10DLC business profile as Plivo returns it, and the records every compliance resource
 * shares (address, authorized contact, vertical and entity type).
 *
 * @since 0.1.0
 */
import { PlivoDateTime } from "@plivo-effect/core/PlivoDateTime"
import { blankAsAbsent, ListPage, OpenEnum, optional } from "@plivo-effect/core/PlivoSchema"
import * as Schema from "effect/Schema"
import {
  ALT_BUSINESS_ID_TYPES,
  CUSTOMER_TYPES,
  ENTITY_TYPES,
  PROFILE_TYPES,
  STOCK_EXCHANGES,
  VERTICALS
} from "./internal/enums.js"

/**
 * A business vertical. Known values typed, unknown ones kept.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Vertical = OpenEnum(...VERTICALS)

/**
 * A legal entity type. Responses also carry TCR's values (`PRIVATE_PROFIT`,
 * `PUBLIC_PROFIT`, `SOLE_PROPRIETOR`), kept as strings.
 *
 * @since 0.1.0
 * @category schemas
 */
export const EntityType = OpenEnum(...ENTITY_TYPES)

/**
 * A postal address. Every field is optional: Plivo sends `""` for each of a brand with no
 * address, and those decode as absent.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Address = Schema.Struct({
  street: blankAsAbsent(Schema.String),
  city: blankAsAbsent(Schema.String),
  state: blankAsAbsent(Schema.String),
  postal_code: blankAsAbsent(Schema.String),
  country: blankAsAbsent(Schema.String)
}).annotations({ identifier: "Address" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Address extends Schema.Schema.Type<typeof Address> {}

/**
 * The person authorized for the business. Plivo sends `{}` when none is recorded, and
 * older records a single `name`; `seniority` is an open string (responses say `admin`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const AuthorizedContact = Schema.Struct({
  first_name: blankAsAbsent(Schema.String),
  last_name: blankAsAbsent(Schema.String),
  name: blankAsAbsent(Schema.String),
  email: blankAsAbsent(Schema.String),
  phone: blankAsAbsent(Schema.String),
  title: blankAsAbsent(Schema.String),
  seniority: blankAsAbsent(Schema.String)
}).annotations({ identifier: "AuthorizedContact" })

/**
 * @since 0.1.0
 * @category models
 */
export interface AuthorizedContact extends Schema.Schema.Type<typeof AuthorizedContact> {}

/**
 * A business profile: the company record brands and toll-free verifications are filed
 * for. Only `profile_uuid` is always present; `address` is the object, or the single line
 * of text some responses hold instead.
 *
 * @since 0.1.0
 * @category schemas
 * @example
 * ```ts
 * import * as Schema from "effect/Schema"
 * import { Profile } from "@plivo-effect/compliance"
 *
 * const profile = Schema.decodeUnknownSync(Profile)({
 *   profile_uuid: "201faedc-7df9-4840-9ab1-3997ce3f7cf4",
 *   entity_type: "PUBLIC_PROFIT",
 *   authorized_contact: {}
 * })
 * profile.entity_type // "PUBLIC_PROFIT"
 * ```
 */
export const Profile = Schema.Struct({
  profile_uuid: Schema.String,
  profile_alias: blankAsAbsent(Schema.String),
  profile_type: blankAsAbsent(OpenEnum(...PROFILE_TYPES)),
  primary_profile: blankAsAbsent(Schema.String),
  customer_type: blankAsAbsent(OpenEnum(...CUSTOMER_TYPES)),
  entity_type: blankAsAbsent(EntityType),
  company_name: blankAsAbsent(Schema.String),
  ein: blankAsAbsent(Schema.String),
  ein_issuing_country: blankAsAbsent(Schema.String),
  address: optional(Schema.Union(Address, Schema.String)),
  authorized_contact: optional(AuthorizedContact),
  stock_symbol: blankAsAbsent(Schema.String),
  stock_exchange: blankAsAbsent(OpenEnum(...STOCK_EXCHANGES)),
  alt_business_id: blankAsAbsent(Schema.String),
  alt_business_id_type: blankAsAbsent(OpenEnum(...ALT_BUSINESS_ID_TYPES)),
  website: blankAsAbsent(Schema.String),
  vertical: blankAsAbsent(Vertical),
  plivo_subaccount: blankAsAbsent(Schema.String),
  business_contact_email: blankAsAbsent(Schema.String),
  doing_business_as: blankAsAbsent(Schema.String),
  created_at: blankAsAbsent(PlivoDateTime)
}).annotations({ identifier: "Profile" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Profile extends Schema.Schema.Type<typeof Profile> {}

/**
 * `GET Profile/{profile_uuid}/` and the answer of an update: the profile under `profile`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ProfileResponse = Schema.Struct({
  api_id: optional(Schema.String),
  profile: Profile
}).annotations({ identifier: "ProfileResponse" })

/**
 * The answer of `POST Profile/`: the new profile's uuid (`message` is missing from some
 * answers).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ProfileCreated = Schema.Struct({
  api_id: optional(Schema.String),
  profile_uuid: Schema.String,
  message: optional(Schema.String)
}).annotations({ identifier: "ProfileCreated" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ProfileCreated extends Schema.Schema.Type<typeof ProfileCreated> {}

/**
 * One page of `GET Profile/` (items under `profiles`). `meta` may lack `total_count`, or be
 * missing altogether.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ProfileList = Schema.Struct({
  api_id: optional(Schema.String),
  ...ListPage(Profile, "profiles").fields
}).annotations({ identifier: "ProfileList" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ProfileList extends Schema.Schema.Type<typeof ProfileList> {}
