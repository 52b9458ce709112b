/**
 * Which Plivo the examples talk to, decided in one place.
 *
 * - With `PLIVO_AUTH_ID` and `PLIVO_AUTH_TOKEN` set AND `--live` on the command line: the
 *   real API (real texts, real charges).
 * - Otherwise: the in-process Plivo emulator from `@plivo-effect/testing`. Nothing leaves
 *   the machine except the emulator's status callbacks to URLs you give it.
 */
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { PlivoClient, PlivoConfig, PlivoHttpClient } from "@plivo-effect/core"
import { PlivoEmulator } from "@plivo-effect/testing"
import { Config, type ConfigError, Context, Effect, Layer, Option } from "effect"

export class Backend extends Context.Tag("examples/Backend")<Backend, {
  /** The emulator's handle, when the examples run against it. */
  readonly emulator: Option.Option<PlivoEmulator.Service>
  /** One line saying where requests go. */
  readonly description: string
}>() {}

const live = PlivoClient.layer.pipe(
  Layer.provideMerge(PlivoConfig.layerConfig()),
  // Keeps connections to Plivo alive; NodeHttpClient.layer's default agent does not.
  Layer.provide(PlivoHttpClient.layer),
  Layer.merge(Layer.succeed(Backend, { emulator: Option.none(), description: "the live Plivo API (--live)" }))
)

const emulated = (why: string, options: PlivoEmulator.Options) =>
  Layer.unwrapEffect(
    Effect.map(PlivoEmulator, (emulator) =>
      PlivoClient.layer.pipe(
        Layer.provideMerge(
          PlivoConfig.layer({
            authId: emulator.authId,
            authToken: emulator.authToken,
            baseUrl: emulator.baseUrl,
            // The SDK keeps the budgets the emulator enforces: none unless `rateLimits` asks.
            budget: options.rateLimits === undefined || options.rateLimits === false ? false : {}
          })
        ),
        Layer.merge(
          Layer.succeed(Backend, { emulator: Option.some(emulator), description: `the in-process Plivo emulator (${why})` })
        )
      ))
  ).pipe(
    // The emulator answers the SDK in process; its status callbacks go out over real HTTP.
    Layer.provideMerge(PlivoEmulator.layer(options).pipe(Layer.provide(NodeHttpClient.layer)))
  )

/**
 * `PlivoClient`, its `PlivoConfig` and the `Backend` description, from the rules above.
 */
export const layer = (
  options: PlivoEmulator.Options = {}
): Layer.Layer<PlivoClient | PlivoConfig | Backend, ConfigError.ConfigError> =>
  Layer.unwrapEffect(
    Effect.map(Config.option(Config.string("PLIVO_AUTH_ID")), (authId) => {
      if (Option.isNone(authId)) return emulated("no PLIVO_AUTH_ID set", options)
      if (process.argv.includes("--live")) return live
      return emulated("PLIVO_AUTH_ID is set, but --live was not given", options)
    })
  )
