/**
 * Parameter schemas for blocks. A block describes its parameters with an
 * `effect/Schema` struct; the schemas here cover the JSON kinds users write,
 * give decode errors in the words users see ("expected a number, got \"x\""),
 * and hand containers to the block by reference, so that in-place blocks can
 * change a variable they were given (R10.2).
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import type { ParseResult } from "effect"
import * as Value from "./Value.js"

const got = (issue: ParseResult.ParseIssue): string => `got ${Value.preview(issue.actual)}`

/**
 * A decode message in the words users see: `expected a number, got "x"`.
 * Use it as the `message` annotation of a schema of your own.
 *
 * @example
 * ```ts
 * const word = Schema.String.pipe(Schema.pattern(/^[a-z]+$/))
 * word.annotations({ message: Parameter.expecting("a lower-case word") })
 * ```
 *
 * @since 0.1.0
 * @category messages
 */
export const expecting = (what: string) => (issue: ParseResult.ParseIssue) =>
  `expected ${what}, ${got(issue)}`

/**
 * Any number, finite or not.
 *
 * @since 0.1.0
 * @category schemas
 */
export const number = Schema.Number.annotations({ message: expecting("a number") })

/**
 * A whole number, of any size a number can hold: `2 ** 60` is an integer
 * (Python's are unbounded), so a block decides what a huge one means (an
 * index out of range, a count that means "all").
 *
 * @since 0.1.0
 * @category schemas
 */
export const integer = Schema.declare((u): u is number => Number.isInteger(u), {
  message: expecting("an integer"),
  jsonSchema: { type: "integer" },
  arbitrary: () => (fc) => fc.integer()
})

/**
 * Any text.
 *
 * @since 0.1.0
 * @category schemas
 */
export const text = Schema.String.annotations({ message: expecting("a text") })

/**
 * `true` or `false`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const boolean = Schema.Boolean.annotations({ message: expecting("a boolean") })

/**
 * Any value at all (JSON data, usually), passed to the block as it is. It
 * must be given: a parameter that may be left out is `optional(any)` or
 * `withDefault(any, ...)`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const any = Schema.declare((u): u is unknown => u !== undefined, {
  message: () => "is missing",
  // `anyOf: [{}]` is "any value": a declaration's JSON Schema may not be `{}` alone.
  jsonSchema: { anyOf: [{}] },
  arbitrary: () => (fc) => fc.jsonValue()
})

/**
 * The parameters of a block that takes none: any parameter given is
 * unexpected (INVALID_TYPE). A bare `Schema.Struct({})` would accept anything.
 *
 * @since 0.1.0
 * @category schemas
 */
export const none = Schema.Struct({})
  .annotations({ jsonSchema: { type: "object", properties: {}, additionalProperties: false } })
  .pipe(
    Schema.filter((parameters) => {
      const names = Object.keys(parameters)
      return (
        names.length === 0 ||
        names.map((name) => ({ path: [name], message: "unknown parameter: this block takes none" }))
      )
    })
  )

/**
 * An array, passed by reference: a block that changes it changes the
 * variable it came from.
 *
 * @since 0.1.0
 * @category schemas
 */
export const list = Schema.declare((u): u is Array<unknown> => Array.isArray(u), {
  message: expecting("a list"),
  jsonSchema: { type: "array" },
  arbitrary: () => (fc) => fc.array(fc.jsonValue(), { maxLength: 5 })
})

/**
 * A plain object, passed by reference (see `list`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const dictionary = Schema.declare((u): u is Record<string, unknown> => Value.isPlainObject(u), {
  message: expecting("a dictionary"),
  jsonSchema: { type: "object" },
  arbitrary: () => (fc) => fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 5 })
})

/**
 * A parameter that may be left out, taking `value` when it is. The default
 * appears in `conduit blocks` and in the JSON Schema.
 *
 * @example
 * ```ts
 * Schema.Struct({ join_with: Parameter.withDefault(Parameter.text, " ") })
 * ```
 *
 * @since 0.1.0
 * @category combinators
 */
export const withDefault = <S extends Schema.Schema<any, any, never>>(
  schema: S,
  value: Schema.Schema.Type<S>
) =>
  // `exact`: a parameter left out takes the default; one given must decode, with no second
  // "or undefined" alternative in the message.
  Schema.optionalWith(schema.annotations({ default: value }) as S, {
    default: () => Value.copy(value) as Schema.Schema.Type<S>,
    exact: true
  })

/**
 * A parameter that may be left out, with no default.
 *
 * @since 0.1.0
 * @category combinators
 */
export const optional = <S extends Schema.Schema<any, any, never>>(schema: S) =>
  Schema.optionalWith(schema, { exact: true })

/**
 * Adds a description, shown by `conduit blocks` and in the JSON Schema.
 *
 * @since 0.1.0
 * @category combinators
 */
export const describe =
  (description: string) =>
  <S extends Schema.Schema<any, any, never>>(schema: S): S =>
    schema.annotations({ description }) as S
