/**
 * Schema building blocks every Plivo resource needs: fields that are absent rather than
 * `undefined`, enums that stay open to values Plivo adds later, blank values read as
 * absent, and the shape of a list page. Resource packages build their records from these
 * instead of writing their own.
 *
 * @since 0.1.0
 */
import * as Option from "effect/Option"
import * as Record from "effect/Record"
import * as Schema from "effect/Schema"
import { ListMeta } from "./ListMeta.js"

/**
 * An optional key that is absent rather than `undefined`, as `exactOptionalPropertyTypes`
 * expects.
 *
 * @since 0.1.0
 * @category fields
 * @example
 * ```ts
 * import * as Schema from "effect/Schema"
 * import { PlivoSchema } from "@plivo-effect/core"
 *
 * const Brand = Schema.Struct({ brand_id: Schema.String, vertical: PlivoSchema.optional(Schema.String) })
 * Schema.decodeUnknownSync(Brand)({ brand_id: "B1" }) // { brand_id: "B1" }
 * ```
 */
export const optional = <S extends Schema.Schema.All>(schema: S) => Schema.optionalWith(schema, { exact: true })

/**
 * A wire enum that decodes unknown values as plain strings: Plivo adds states and origins
 * over time, and one new value must not fail a whole page. The known values stay in the
 * type (and in `literals`), so editors still complete them.
 *
 * @since 0.1.0
 * @category constructors
 * @example
 * ```ts
 * import * as Schema from "effect/Schema"
 * import { PlivoSchema } from "@plivo-effect/core"
 *
 * const Direction = PlivoSchema.OpenEnum("inbound", "outbound")
 * Schema.decodeUnknownSync(Direction)("sideways") // "sideways"
 * Direction.members[0].literals // ["inbound", "outbound"]
 * ```
 */
export const OpenEnum = <const Literals extends readonly [string, ...Array<string>]>(...literals: Literals) =>
  Schema.Union(Schema.Literal(...literals), Schema.String)

/**
 * An optional field whose value Plivo sometimes sends as `""` or `null` to mean "none":
 * all three decode to an absent key, anything else through `schema`.
 *
 * @since 0.1.0
 * @category fields
 * @example
 * ```ts
 * import * as Schema from "effect/Schema"
 * import { PlivoDateTime, PlivoSchema } from "@plivo-effect/core"
 *
 * const Media = Schema.Struct({ upload_time: PlivoSchema.blankAsAbsent(PlivoDateTime) })
 * Schema.decodeUnknownSync(Media)({ upload_time: "" }) // {}
 * ```
 */
export const blankAsAbsent = <A, I extends string | number>(schema: Schema.Schema<A, I>) =>
  Schema.optionalToOptional(Schema.NullOr(Schema.encodedSchema(schema)), schema, {
    decode: Option.filter((value): value is I => value !== null && value !== ""),
    encode: (value) => value
  })

/**
 * The `meta` field of a list page: missing or `null` decodes as `{}`, since endpoints
 * disagree on whether they send it.
 *
 * @since 0.1.0
 * @category fields
 * @example
 * ```ts
 * import * as Schema from "effect/Schema"
 * import { PlivoSchema } from "@plivo-effect/core"
 *
 * Schema.decodeUnknownSync(Schema.Struct({ meta: PlivoSchema.listMeta }))({ meta: null }) // { meta: {} }
 * ```
 */
export const listMeta = Schema.optionalWith(ListMeta, { default: () => ({}), nullable: true })

/**
 * One page of an offset-paginated list: `meta` (see `listMeta`) and the items under
 * `key` (`objects` on most endpoints; `brands`, `campaigns`, `profiles`
 * on others). Add the endpoint's other fields (such as `api_id`) by spreading `fields`.
 *
 * @since 0.1.0
 * @category constructors
 * @example
 * ```ts
 * import * as Schema from "effect/Schema"
 * import { PlivoSchema } from "@plivo-effect/core"
 *
 * const Brand = Schema.Struct({ brand_id: Schema.String })
 * const BrandList = Schema.Struct({
 *   api_id: Schema.String,
 *   ...PlivoSchema.ListPage(Brand, "brands").fields
 * })
 * Schema.decodeUnknownSync(BrandList)({ api_id: "a", meta: null, brands: [{ brand_id: "B1" }] })
 * ```
 */
export const ListPage = <S extends Schema.Schema.Any, const Key extends string>(item: S, key: Key) =>
  Schema.Struct({
    meta: listMeta,
    ...Record.singleton(key, Schema.Array(item))
  })
