/**
 * The WhatsApp payload objects of a send: `template`, `interactive` and `location`
 * (messages.md §9). Field names are Plivo's.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { optional } from "@plivo-effect/core/PlivoSchema"

const NonEmpty = Schema.String.pipe(Schema.minLength(1))

/**
 * A location pin. Plivo wants the coordinates as strings, and every field is required.
 *
 * @example
 * ```ts
 * import type { Location } from "@plivo-effect/messaging"
 *
 * const office: Location = { latitude: "37.7749", longitude: "-122.4194", name: "HQ", address: "1 Market St" }
 * ```
 *
 * @since 0.1.0
 * @category schemas
 */
export const Location = Schema.Struct({
  latitude: NonEmpty,
  longitude: NonEmpty,
  name: Schema.String,
  address: Schema.String
}).annotations({ identifier: "Location" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Location extends Schema.Schema.Type<typeof Location> {}

/**
 * One template parameter: `type` says which of the other fields carries the value
 * (`text`, `media`, `payload`, `currency`, `date_time`, `location`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const TemplateParameter = Schema.Struct({
  type: NonEmpty,
  text: optional(Schema.String),
  media: optional(Schema.String),
  payload: optional(Schema.String),
  currency: optional(Schema.Struct({
    fallback_value: Schema.String,
    currency_code: Schema.String,
    amount_1000: Schema.Int
  })),
  date_time: optional(Schema.Struct({ fallback_value: Schema.String })),
  location: optional(Location),
  parameter_name: optional(Schema.String)
}).annotations({ identifier: "TemplateParameter" })

/**
 * @since 0.1.0
 * @category models
 */
export interface TemplateParameter extends Schema.Schema.Type<typeof TemplateParameter> {}

/**
 * A template component (`header`, `body`, `button`, ...). Carousel templates nest
 * components inside `cards`.
 *
 * @since 0.1.0
 * @category models
 */
export interface TemplateComponent {
  readonly type: string
  readonly sub_type?: string
  /** A string on the wire, e.g. `"0"`. */
  readonly index?: string
  readonly parameters?: ReadonlyArray<TemplateParameter>
  readonly cards?: ReadonlyArray<TemplateCard>
}

/**
 * One card of a carousel template.
 *
 * @since 0.1.0
 * @category models
 */
export interface TemplateCard {
  readonly card_index: number
  readonly components: ReadonlyArray<TemplateComponent>
}

/**
 * @since 0.1.0
 * @category schemas
 */
export const TemplateComponent: Schema.Schema<TemplateComponent> = Schema.Struct({
  type: NonEmpty,
  sub_type: optional(Schema.String),
  index: optional(Schema.String),
  parameters: optional(Schema.Array(TemplateParameter)),
  cards: optional(Schema.Array(Schema.suspend((): Schema.Schema<TemplateCard> => TemplateCard)))
}).annotations({ identifier: "TemplateComponent" })

/**
 * @since 0.1.0
 * @category schemas
 */
export const TemplateCard: Schema.Schema<TemplateCard> = Schema.Struct({
  card_index: Schema.Int,
  components: Schema.Array(Schema.suspend(() => TemplateComponent))
}).annotations({ identifier: "TemplateCard" })

/**
 * A pre-approved WhatsApp template, needed to open a business-initiated conversation.
 *
 * @example
 * ```ts
 * import type { Template } from "@plivo-effect/messaging"
 *
 * const template: Template = {
 *   name: "order_update",
 *   language: "en_US",
 *   components: [{ type: "body", parameters: [{ type: "text", text: "#1234" }] }]
 * }
 * ```
 *
 * @since 0.1.0
 * @category schemas
 */
export const Template = Schema.Struct({
  name: NonEmpty,
  language: NonEmpty,
  components: optional(Schema.Array(TemplateComponent))
}).annotations({ identifier: "Template" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Template extends Schema.Schema.Type<typeof Template> {}

const Text = Schema.Struct({ text: Schema.String })

/**
 * An interactive message: a `list`, reply `button`s or a `cta_url` button.
 *
 * @example
 * ```ts
 * import type { Interactive } from "@plivo-effect/messaging"
 *
 * const interactive: Interactive = {
 *   type: "button",
 *   body: { text: "Confirm your slot?" },
 *   action: { buttons: [{ id: "yes", title: "Yes" }, { id: "no", title: "No" }] }
 * }
 * ```
 *
 * @since 0.1.0
 * @category schemas
 */
export const Interactive = Schema.Struct({
  type: Schema.Literal("list", "button", "cta_url"),
  header: optional(Schema.Struct({
    type: Schema.Literal("text", "media"),
    text: optional(Schema.String),
    media: optional(Schema.String)
  })),
  body: optional(Text),
  footer: optional(Text),
  action: optional(Schema.Struct({
    buttons: optional(Schema.Array(Schema.Struct({
      id: optional(Schema.String),
      title: optional(Schema.String),
      cta_url: optional(Schema.String)
    }))),
    sections: optional(Schema.Array(Schema.Struct({
      title: optional(Schema.String),
      rows: Schema.Array(Schema.Struct({
        id: Schema.String,
        title: Schema.String,
        description: optional(Schema.String)
      }))
    })))
  }))
}).annotations({ identifier: "Interactive" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Interactive extends Schema.Schema.Type<typeof Interactive> {}
