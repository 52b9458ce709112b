/**
 * Request bodies of `Powerpack/` and `NumberPool/`: reading the JSON (or query) and
 * checking it the way powerpack.md describes. A refusal is the text of a 400.
 *
 * @internal
 */
import * as Either from "effect/Either"
import type { Fields } from "../fields.js"
import { booleanField, isRecord, stringField } from "../fields.js"
import type { NumberPriority, SenderKind } from "./model.js"

export type { Fields } from "../fields.js"
export { booleanField, readFields, stringField } from "../fields.js"

/** `service`: `sms` (default) or `mms`. */
export const serviceField = (fields: Fields): Either.Either<"sms" | "mms", string> =>
  Either.flatMap(stringField(fields, "service"), (s) => {
    const service = (s ?? "sms").toLowerCase()
    return service === "sms" || service === "mms" ? Either.right(service) : Either.left("service must be sms or mms")
  })

const KINDS: ReadonlyArray<SenderKind> = ["shortcode", "longcode", "tollfree"]

const priorityItem = (u: unknown): Either.Either<NumberPriority, string> => {
  const bad = Either.left(
    "number_priority items need country_iso, service_type (SMS or MMS) and priority {priority1, priority2, priority3} of shortcode, longcode, tollfree"
  )
  if (!isRecord(u) || typeof u["country_iso"] !== "string" || !isRecord(u["priority"])) return bad
  const service = String(u["service_type"] ?? "").toUpperCase()
  if (service !== "SMS" && service !== "MMS") return bad
  const order: Array<SenderKind | null> = []
  for (const key of ["priority1", "priority2", "priority3"]) {
    const v = u["priority"][key]
    if (v === undefined || v === null || v === "") {
      order.push(null)
      continue
    }
    const kind = KINDS.find((k) => k === v)
    if (kind === undefined || order.includes(kind)) return bad
    order.push(kind)
  }
  return Either.right({ countryIso: u["country_iso"].toUpperCase(), serviceType: service, priority: order })
}

/** `number_priority`: the full array, as SDKs send it. */
export const priorityField = (fields: Fields): Either.Either<ReadonlyArray<NumberPriority> | undefined, string> => {
  const v = fields["number_priority"]
  if (v === undefined || v === null) return Either.right(undefined)
  if (!Array.isArray(v)) return Either.left("number_priority must be an array")
  return Either.all(v.map(priorityItem))
}

/** The settable fields of a Powerpack (create and update). */
export interface PowerpackParams {
  readonly name: string | undefined
  readonly stickySender: boolean | undefined
  readonly localConnect: boolean | undefined
  /** `""` for none. */
  readonly application: { readonly type: string; readonly id: string } | undefined
  readonly numberPriority: ReadonlyArray<NumberPriority> | undefined
}

/** Reads the Powerpack fields; `application_type` must accompany an `application_id` other than `none`. */
export const powerpackParams = (fields: Fields): Either.Either<PowerpackParams, string> =>
  Either.gen(function*() {
    const name = yield* stringField(fields, "name")
    if (name !== undefined && name.trim() === "") return yield* Either.left("name cannot be empty")
    const stickySender = yield* booleanField(fields, "sticky_sender")
    const localConnect = yield* booleanField(fields, "local_connect")
    const appId = yield* stringField(fields, "application_id")
    const appType = (yield* stringField(fields, "application_type"))?.toLowerCase()
    if (appType !== undefined && appType !== "" && appType !== "xml" && appType !== "phlo") {
      return yield* Either.left("application_type must be xml or phlo")
    }
    let application: PowerpackParams["application"] = undefined
    if (appId !== undefined) {
      if (appId === "" || appId.toLowerCase() === "none") {
        application = { type: "", id: "" }
      } else {
        if (appType === undefined || appType === "") {
          return yield* Either.left("application_type is required when application_id is given")
        }
        application = { type: appType, id: appId }
      }
    }
    const numberPriority = yield* priorityField(fields)
    return { name, stickySender, localConnect, application, numberPriority }
  })
