/**
 * Sender selection for a Powerpack send (powerpack.md): Sticky Sender first (a
 * destination keeps the sender it had), then Local Connect (a sender of the
 * destination's area code, for US/CA, else of its country), then `number_priority` for
 * the destination's country and service. Ties go to the member added first.
 *
 * @internal
 */
import { countryOf } from "../numbers.js"
import type { NumberPriority, Powerpack, SenderKind } from "./model.js"
import type { PickedSenders } from "./port.js"

interface Candidate {
  readonly sender: string
  readonly kind: SenderKind
  readonly countryIso2: string
  /** The NANP area code of a long code; `""` for others. */
  readonly areaCode: string
}

const isNanp = (iso2: string): boolean => iso2 === "US" || iso2 === "CA"

/** Plivo's default order when a Powerpack names none for the country and service. */
const DEFAULT_PRIORITY: ReadonlyArray<SenderKind> = ["shortcode", "tollfree", "longcode"]

/**
 * Who can send `type` to a destination of `dstCountry`: US/CA destinations need a US/CA
 * long code, toll-free or short code; other countries take any long code, or a short
 * code of their own. An MMS needs a number added with `service=mms` (short codes: SMS).
 */
const candidates = (p: Powerpack, dstCountry: string, type: "sms" | "mms"): ReadonlyArray<Candidate> => {
  const out: Array<Candidate> = []
  for (const n of p.numbers.values()) {
    if (type === "mms" && n.service !== "mms") continue
    if (isNanp(dstCountry) && !isNanp(n.countryIso2)) continue
    if (n.kind === "tollfree" && !isNanp(dstCountry)) continue
    out.push({
      sender: n.number,
      kind: n.kind,
      countryIso2: n.countryIso2,
      areaCode: n.kind === "longcode" && isNanp(n.countryIso2) ? n.national.slice(0, 3) : ""
    })
  }
  if (type === "sms") {
    for (const s of p.shortcodes.values()) {
      if (s.countryIso2 === dstCountry) out.push({ sender: s.shortcode, kind: "shortcode", countryIso2: s.countryIso2, areaCode: "" })
    }
  }
  return out
}

const priorityOrder = (
  priorities: ReadonlyArray<NumberPriority>,
  country: string,
  type: "sms" | "mms"
): ReadonlyArray<SenderKind> => {
  const entry = priorities.find((x) => x.countryIso === country && x.serviceType === type.toUpperCase())
  if (entry === undefined) return DEFAULT_PRIORITY
  const named = entry.priority.filter((k): k is SenderKind => k !== null)
  return [...named, ...DEFAULT_PRIORITY.filter((k) => !named.includes(k))]
}

type One = { readonly _tag: "Picked"; readonly from: string } | Extract<PickedSenders, { _tag: "Refused" }>

/** The sender of `p` for `dst`. */
const pickOne = (p: Powerpack, dst: string, type: "sms" | "mms"): One => {
  const country = countryOf(dst).iso2
  const all = candidates(p, country, type)
  if (all.length === 0) {
    return {
      _tag: "Refused",
      status: 400,
      error: `no number in Powerpack ${p.uuid} can send ${type.toUpperCase()} to ${dst}`
    }
  }
  const sticky = p.stickySender ? p.sticky.get(dst) : undefined
  let chosen = sticky === undefined ? undefined : all.find((c) => c.sender === sticky)
  if (chosen === undefined) {
    let pool = all
    if (p.localConnect) {
      const area = isNanp(country) ? dst.slice(1, 4) : ""
      const sameArea = area === "" ? [] : all.filter((c) => c.areaCode === area)
      const sameCountry = all.filter((c) => c.countryIso2 === country)
      pool = sameArea.length > 0 ? sameArea : sameCountry.length > 0 ? sameCountry : all
    }
    const order = priorityOrder(p.numberPriority, country, type)
    // Array.prototype.sort is stable: within a kind, the member added first wins.
    chosen = [...pool].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))[0]
  }
  if (chosen === undefined) return { _tag: "Refused", status: 400, error: `no sender for ${dst}` }
  return { _tag: "Picked", from: chosen.sender }
}

/** The senders of `p` for every destination, remembered when Sticky Sender is on; one refusal refuses all. */
export const pickSenders = (p: Powerpack, destinations: ReadonlyArray<string>, type: "sms" | "mms"): PickedSenders => {
  const senders = new Map<string, string>()
  for (const dst of destinations) {
    const one = pickOne(p, dst, type)
    if (one._tag === "Refused") return one
    senders.set(dst, one.from)
  }
  if (p.stickySender) for (const [dst, from] of senders) p.sticky.set(dst, from)
  return { _tag: "Picked", senders }
}
