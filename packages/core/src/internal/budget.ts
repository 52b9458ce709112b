import * as RateLimiter from "@effect/experimental/RateLimiter"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Predicate from "effect/Predicate"
import type { PlivoBudget } from "../PlivoBudget.js"
import * as AdaptivePace from "./adaptivePace.js"
import * as Permits from "./permits.js"

/** The span attribute holding the time a call waited for budget, summed over its attempts. */
export const WAITED_ATTRIBUTE = "plivo.budget.waited_ms"

/** The span event added each time an attempt waited, with the budgets it waited for. */
export const WAIT_EVENT = "plivo.budget.wait"

type Kind = "account" | "messageList"

const keyNames: Record<Kind, string> = { account: "account", messageList: "message-list" }

/** Plivo's own budget on `GET Message/` (the list; `GET Message/{uuid}/` is not in it). */
const isMessageList = (request: PlivoBudget.Request): boolean => request.method === "GET" && request.path === "Message/"

interface Account {
  readonly permits: Permits.Permits | undefined
  readonly paces: Record<Kind, AdaptivePace.Pace>
}

/**
 * The budgets over a shared limiter (memory or Redis) for the request budgets, and this
 * process's own state for the rest: the in-flight permits, and the adaptive pace, applied
 * through a second, always in-memory limiter only while a 429 holds it below the full pace.
 */
export const make = (settings: PlivoBudget.Settings): Effect.Effect<PlivoBudget.Service, never, RateLimiter.RateLimiterStore> =>
  Effect.gen(function*() {
    const shared = yield* RateLimiter.make
    const local = yield* Effect.provide(RateLimiter.make, RateLimiter.layerStoreMemory)
    const accounts = new Map<string, Account>()
    let storeFailing = false

    const accountOf = (authId: string): Account => {
      let account = accounts.get(authId)
      if (account === undefined) {
        account = {
          permits: settings.inFlight === undefined ? undefined : Permits.make(settings.inFlight),
          paces: {
            account: AdaptivePace.make(Duration.toMillis(settings.account?.window ?? Duration.seconds(5))),
            messageList: AdaptivePace.make(Duration.toMillis(settings.messageList?.window ?? Duration.minutes(1)))
          }
        }
        accounts.set(authId, account)
      }
      return account
    }

    // A store that cannot answer (Redis down) must not stop every Plivo call: the call goes
    // ahead unbudgeted, and a 429 it may meet is still retried by the policy.
    const consume = (limiter: RateLimiter.RateLimiter, options: Parameters<RateLimiter.RateLimiter["consume"]>[0]) =>
      limiter.consume(options).pipe(
        Effect.flatMap((result) => {
          storeFailing = false
          // Whole milliseconds, rounded up: a budget may only make a request later, and a
          // fractional sleep would leave the clock between milliseconds.
          return Duration.isZero(result.delay) ? Effect.void : Effect.sleep(Math.ceil(Duration.toMillis(result.delay)))
        }),
        Effect.catchAll((error) => {
          if (storeFailing) return Effect.void
          storeFailing = true
          return Effect.logWarning("plivo-effect: the rate budget store failed; calls go ahead unbudgeted until it answers", error)
        })
      )

    // Built once per budget, not per attempt.
    const windows: Record<Kind, Duration.Duration | undefined> = {
      account: settings.account === undefined ? undefined : Duration.times(settings.account.period, settings.account.burst),
      messageList: settings.messageList === undefined
        ? undefined
        : Duration.times(settings.messageList.period, settings.messageList.burst)
    }

    /** Waits for one budget: this process's slowed pace first, then the shared one. */
    const take = (authId: string, kind: Kind, rate: PlivoBudget.Rate, pace: AdaptivePace.Pace) =>
      Effect.clockWith((clock) => {
        const key = `${authId}:${keyNames[kind]}`
        const fromShared = consume(shared, {
          key,
          algorithm: "token-bucket",
          onExceeded: "delay",
          limit: rate.burst,
          window: windows[kind] ?? Duration.times(rate.period, rate.burst)
        })
        const fraction = settings.adaptive ? pace.at(clock.unsafeCurrentTimeMillis()) : 1
        if (fraction >= 1) return fromShared
        const slowed = consume(local, {
          key,
          algorithm: "token-bucket",
          onExceeded: "delay",
          limit: 1,
          window: Duration.millis(Duration.toMillis(rate.period) / fraction)
        })
        return Effect.zipRight(slowed, fromShared)
      })

    const recordWait = (waited: number, kinds: string) =>
      Effect.flatMap(Effect.option(Effect.currentSpan), (span) =>
        // From whole milliseconds: a TestClock moved by a jittered backoff sits between two,
        // and `currentTimeNanos` cannot turn that into a bigint.
        Option.isNone(span) ? Effect.void : Effect.flatMap(Clock.currentTimeMillis, (millis) =>
          Effect.sync(() => {
            const nanos = BigInt(Math.round(millis)) * 1_000_000n
            const before = span.value.attributes.get(WAITED_ATTRIBUTE)
            span.value.attribute(WAITED_ATTRIBUTE, (typeof before === "number" ? before : 0) + waited)
            span.value.event(WAIT_EVENT, nanos, { "plivo.budget": kinds, [WAITED_ATTRIBUTE]: waited })
          })))

    const run: PlivoBudget.Service["run"] = (request, attempt) => {
      const list = settings.messageList !== undefined && isMessageList(request)
      if (settings.account === undefined && !list && settings.inFlight === undefined) return attempt
      const account = accountOf(request.authId)
      const { messageList } = settings
      const kind: Kind = list ? "messageList" : "account"
      // The list budget is waited for first: the account's token is taken last, just before
      // the request leaves, so a long list wait cannot bunch account-budgeted requests.
      // Plain combinators, the clock read in place: a generator here cost steps on every attempt.
      const admit = Effect.clockWith((clock) => {
        const start = clock.unsafeCurrentTimeMillis()
        const ofAccount = settings.account === undefined
          ? Effect.void
          : take(request.authId, "account", settings.account, account.paces.account)
        const waits = list && messageList !== undefined
          ? Effect.zipRight(take(request.authId, "messageList", messageList, account.paces.messageList), ofAccount)
          : ofAccount
        return Effect.flatMap(waits, () => {
          const admitted = clock.unsafeCurrentTimeMillis()
          return admitted > start
            ? Effect.as(recordWait(admitted - start, list ? "messageList,account" : "account"), admitted)
            : Effect.succeed(admitted)
        })
      })
      const attempted = Effect.flatMap(admit, (admittedAt) =>
        settings.adaptive
          ? Effect.tapError(attempt, (error) =>
            Predicate.isTagged(error, "RateLimitError")
              ? Effect.flatMap(Clock.currentTimeMillis, (now) =>
                Effect.sync(() => account.paces[kind].throttled(now, admittedAt)))
              : Effect.void)
          : attempt)
      // The permit is taken before the budget, so a request holding its token leaves at once
      // rather than queueing for a slot and then leaving together with others.
      return account.permits === undefined ? attempted : account.permits.withPermit(attempted)
    }

    const pace: PlivoBudget.Service["pace"] = (authId) =>
      Effect.map(Clock.currentTimeMillis, (now) => {
        const account = accountOf(authId)
        return { account: account.paces.account.at(now), messageList: account.paces.messageList.at(now) }
      })

    return { settings, run, pace }
  })
