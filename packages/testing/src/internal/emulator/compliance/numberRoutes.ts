/**
 * `10dlc/Campaign/{id}/Number/`: link, list, status and unlink (compliance.md "Number
 * linking"). A number links only when it is a long code rented in the account, to an
 * ACTIVE campaign, and in no other campaign.
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import { AccountNumbers } from "../number/port.js"
import { sanitizeDestination } from "../numbers.js"
import type { Handler, Route } from "../resource.js"
import * as Responses from "../responses.js"
import { numberParams } from "./callbackParams.js"
import { callback, phoneNumber } from "./checks.js"
import { badRequest, orBadRequest, withFields, withRecord } from "./http.js"
import { decideLinkLater, notify } from "./lifecycle.js"
import type { Campaign, LinkedNumber } from "./model.js"
import { linkOutcome } from "./reserved.js"
import type { ComplianceSlice } from "./slice.js"
import { linkedNumbersJson } from "./wire.js"

const numbersOf = (v: unknown): Either.Either<ReadonlyArray<string>, string> => {
  if (!Array.isArray(v) || v.length === 0) return Either.left("numbers must be a non-empty list of numbers")
  return Either.all(v.map((n) => typeof n === "string" ? phoneNumber(n, "The number") : Either.left("numbers must be strings")))
}

/** Why `number` cannot be linked to `c`, if it cannot. */
const refusal = (slice: ComplianceSlice, c: Campaign, number: string): string | undefined => {
  const account = slice.kernel.peer(AccountNumbers)
  const owned = Option.isSome(account) ? account.value.find(number) : undefined
  if (owned === undefined) return `The number ${number} is not in your account`
  if (owned.type === "tollfree") return `The number ${number} is toll-free: verify it through TollfreeVerification/`
  const holder = slice.store.campaigns.all().find((other) => other.numbers.has(number))
  if (holder !== undefined) return `The number ${number} is already requested for linking`
  return c.status === "ACTIVE" ? undefined : `Campaign ${c.campaignId} is ${c.status}: numbers link only to ACTIVE campaigns`
}

/** `POST .../Number/`: every number PROCESSING, decided after `numberLinkAfter`; one refusal refuses all. */
const link = (slice: ComplianceSlice): Handler =>
  withCampaign(slice, (c, ctx) =>
    withFields(slice, ctx, (fields) =>
      orBadRequest(ctx, Either.all({ numbers: numbersOf(fields["numbers"]), target: callback(fields, "url", "method") }), ({ numbers, target }) =>
        Effect.gen(function*() {
          const unique = [...new Set(numbers)]
          for (const number of unique) {
            const why = refusal(slice, c, number)
            if (why !== undefined) return badRequest(ctx, why)
          }
          for (const number of unique) {
            const n: LinkedNumber = { number, status: "PROCESSING", callback: target, generation: 0 }
            c.numbers.set(number, n)
            yield* decideLinkLater(slice, c, n, ctx.nowMicros, linkOutcome(number))
          }
          return Responses.json(200, ctx.apiId, {
            message: `Request to link ${unique.join(",")} to campaign ${c.campaignId} was received and is being processed`
          })
        }))))

const withCampaign = (slice: ComplianceSlice, f: Parameters<typeof withRecord<Campaign>>[3]): Handler =>
  withRecord(slice.store.campaigns.get, 2, "Campaign not found.", f)

const withNumber = (
  slice: ComplianceSlice,
  f: (c: Campaign, n: LinkedNumber, ctx: Parameters<Handler>[0]) => ReturnType<Handler>
): Handler =>
  withCampaign(slice, (c, ctx) => {
    const number = sanitizeDestination(ctx.segments[4] ?? "")
    const n = c.numbers.get(number)
    return n === undefined
      ? Effect.succeed(Responses.error(404, ctx.apiId, `The number ${number} is not linked to this campaign`))
      : f(c, n, ctx)
  })

/**
 * `DELETE .../Number/{number}/` (body `url`, `method`): gone at once, then an `unlinked`
 * callback. A number still PROCESSING cannot be unlinked yet.
 */
const unlink = (slice: ComplianceSlice): Handler =>
  withNumber(slice, (c, n, ctx) =>
    withFields(slice, ctx, (fields) =>
      orBadRequest(ctx, callback(fields, "url", "method"), (target) =>
        Effect.gen(function*() {
          if (n.status === "PROCESSING") return badRequest(ctx, `The number ${n.number} is still being linked`)
          c.numbers.delete(n.number)
          n.generation += 1
          yield* notify(slice, "number", `${c.campaignId}/${n.number}`, target ?? n.callback, numberParams(c, n, true))
          return Responses.json(200, ctx.apiId, {
            message: `Request to unlink ${n.number} from campaign ${c.campaignId} was received and is being processed`
          })
        }))))

/** The routes of a campaign's numbers. */
export const numberRoutes = (slice: ComplianceSlice): ReadonlyArray<Route> => [
  {
    pattern: ["10dlc", "Campaign", undefined, "Number"],
    methods: {
      POST: link(slice),
      GET: withCampaign(slice, (c, ctx) => Effect.succeed(Responses.json(200, ctx.apiId, linkedNumbersJson(c, [...c.numbers.values()]))))
    }
  },
  {
    pattern: ["10dlc", "Campaign", undefined, "Number", undefined],
    methods: {
      GET: withNumber(slice, (c, n, ctx) => Effect.succeed(Responses.json(200, ctx.apiId, linkedNumbersJson(c, [n])))),
      DELETE: unlink(slice)
    }
  }
]
