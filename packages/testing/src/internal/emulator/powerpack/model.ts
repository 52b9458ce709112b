/**
 * Powerpacks and their number pools as the emulator holds them (powerpack.md).
 *
 * @internal
 */

/** A sender kind, as `number_priority` names them. */
export type SenderKind = "shortcode" | "longcode" | "tollfree"

/** One `number_priority` item: the order of sender kinds for a country and service. */
export interface NumberPriority {
  readonly countryIso: string
  readonly serviceType: "SMS" | "MMS"
  readonly priority: ReadonlyArray<SenderKind | null>
}

/** A long code or toll-free number added to a pool. */
export interface PoolNumber {
  readonly number: string
  readonly kind: "longcode" | "tollfree"
  /** The account number's type: `fixed`, `mobile` or `tollfree`. */
  readonly type: string
  readonly service: "sms" | "mms"
  readonly countryIso2: string
  /** Without the country code: what `starts_with` and area codes look at. */
  readonly national: string
  readonly addedMicros: number
}

/** A short code linked to a pool (through Plivo support; here the handle). */
export interface PoolShortcode {
  readonly shortcode: string
  readonly countryIso2: string
  readonly addedMicros: number
}

/** @internal */
export interface Powerpack {
  readonly uuid: string
  readonly poolUuid: string
  name: string
  stickySender: boolean
  localConnect: boolean
  /** `"xml"`, `"phlo"` or `""`. */
  applicationType: string
  applicationId: string
  numberPriority: ReadonlyArray<NumberPriority>
  readonly createdMicros: number
  /** Pool members by number, in the order added. */
  readonly numbers: Map<string, PoolNumber>
  readonly shortcodes: Map<string, PoolShortcode>
  /** Sticky Sender: the sender each destination got last. */
  readonly sticky: Map<string, string>
}
