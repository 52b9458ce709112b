import * as Effect from "effect/Effect"

/**
 * A counting semaphore of one permit per call, for the in-flight budget: at most `max`
 * effects run through `withPermit` at once, the others wait in arrival order.
 *
 * Not `Effect.Semaphore`: its `withPermits` is about thirty steps per call (an
 * interruptible take, `ensuring`, a release effect) even when a permit is free, which is
 * almost always; here a free permit is taken and given back by plain code around one
 * `matchCauseEffect`. Only a call that must wait suspends.
 *
 * A released permit is handed straight to the first waiter, so a new call cannot overtake
 * the queue. A waiter interrupted before it was handed one leaves the queue; one interrupted
 * after passes its permit on.
 */
export interface Permits {
  readonly withPermit: <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  /** Permits in use, for tests. */
  readonly taken: () => number
  /** Calls waiting, for tests. */
  readonly waiting: () => number
}

interface Waiter {
  granted: boolean
  wake: (() => void) | undefined
}

export const make = (max: number): Permits => {
  let taken = 0
  const queue: Array<Waiter> = []

  const release = () => {
    const next = queue.shift()
    if (next === undefined) {
      taken--
      return
    }
    // The permit passes to the waiter as it is: `taken` stays.
    next.granted = true
    next.wake?.()
  }

  // One parameter: `Effect.async` makes an `AbortController` for a second one. No canceler:
  // an interrupted wait is settled where its failure is met, below.
  const wait = (waiter: Waiter) =>
    Effect.async<void>((resume) => {
      if (waiter.granted) return resume(Effect.void)
      waiter.wake = () => resume(Effect.void)
    })

  const withPermit = <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    Effect.uninterruptibleMask((restore) => {
      const run = Effect.matchCauseEffect(restore(self), {
        onFailure: (cause) => {
          release()
          return Effect.failCause(cause)
        },
        onSuccess: (value) => {
          release()
          return Effect.succeed(value)
        }
      })
      return Effect.suspend(() => {
        // A released permit goes to a waiter if there is one, so a free permit means an empty queue.
        if (taken < max) {
          taken++
          return run
        }
        const waiter: Waiter = { granted: false, wake: undefined }
        queue.push(waiter)
        return Effect.matchCauseEffect(restore(wait(waiter)), {
          // Interrupted while waiting: a permit handed over meanwhile is passed on.
          onFailure: (cause) => {
            if (waiter.granted) release()
            else queue.splice(queue.indexOf(waiter), 1)
            return Effect.failCause(cause)
          },
          onSuccess: () => run
        })
      })
    })

  return { withPermit, taken: () => taken, waiting: () => queue.length }
}
