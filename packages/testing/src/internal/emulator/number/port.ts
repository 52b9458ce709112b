/**
 * What `number/` offers other resources: the account's phone numbers, to look up, rent
 * (buy-and-add) and release (unrent). The only module of `number/` another folder may
 * import.
 *
 * @internal
 */
import * as Context from "effect/Context"
import type { PlivoEmulator } from "../../../PlivoEmulator.js"

/** A number of the account as other resources see it, with its national part (without the country code). */
export interface OwnedNumber extends PlivoEmulator.AccountNumber {
  readonly national: string
}

/** The account's numbers, as other resources may use them. */
export class AccountNumbers extends Context.Tag("@plivo-effect/testing/emulator/AccountNumbers")<
  AccountNumbers,
  {
    /** A number rented in the account. */
    readonly find: (number: string) => OwnedNumber | undefined
    /** A number offered to rent, left offered. */
    readonly offered: (number: string) => OwnedNumber | undefined
    /** Rents an offered number into the account; `undefined` when it is not offered. */
    readonly rent: (number: string) => OwnedNumber | undefined
    /** Releases a number from the account. */
    readonly unrent: (number: string) => void
  }
>() {}
