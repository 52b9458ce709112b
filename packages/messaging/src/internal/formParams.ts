import * as Schema from "effect/Schema"

const isParams = (input: unknown): input is Readonly<Record<string, string>> =>
  typeof input === "object" && input !== null && !Array.isArray(input) &&
  Object.values(input).every((value) => typeof value === "string")

/**
 * Form or query parameters as Plivo sends them: every value a string. Checked and kept as
 * the same object rather than rebuilt as `Schema.Record` does: rebuilding assigns each
 * key, and assigning `__proto__` sets a prototype instead of keeping the parameter.
 */
export const Params = Schema.declare(isParams, { identifier: "Params" })

/** The parameters that hold a value: Plivo sends unused ones empty, and an empty one decodes as absent. */
export const present = (params: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(params).filter(([, value]) => value !== ""))
