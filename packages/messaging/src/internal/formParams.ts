import * as Schema from "effect/Schema"

/** Form or query parameters as Plivo sends them: every value a string. */
export const Params = Schema.Record({ key: Schema.String, value: Schema.String })

/** An optional parameter; `present` drops empty values first, as Plivo sends unused ones empty. */
export const optionalParam = <A, I, R>(schema: Schema.Schema<A, I, R>) => Schema.optionalWith(schema, { exact: true })

/** The parameters that hold a value. */
export const present = (params: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(params).filter(([, value]) => value !== ""))
