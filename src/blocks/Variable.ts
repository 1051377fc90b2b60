/**
 * The VARIABLE category: blocks that read and change the run's variables
 * through the current-run service (R4.3, R10.1).
 *
 * Variable names obey the same rule as tag paths (R9.5): a name that starts
 * or ends with `_`, or is `constructor`, `prototype` or `__proto__`, fails
 * with INVALID_ARGUMENT. Values are stored as copies, so two variables never
 * share a list or dictionary that an in-place block could change through one.
 *
 * @since 0.1.0
 */
import { Effect, Schema } from "effect"
import * as Block from "../Block.js"
import * as CurrentRun from "../CurrentRun.js"
import * as Parameter from "../Parameter.js"
import * as Path from "../Path.js"
import * as Size from "../Size.js"
import * as StepError from "../StepError.js"
import * as Value from "../Value.js"
import { ensureKeyCount } from "./internal/size.js"

const theName = Parameter.text.pipe(Parameter.describe("The name of the variable."))

const invalid = StepError.invalidArgument

/** The run's variables, once the name is known to be allowed (R9.5). */
const variablesFor = (name: string) =>
  Path.isForbiddenSegment(name)
    ? invalid(
        `variable name ${Value.preview(name)} is not allowed: names must not start or end with "_" ` +
          `nor be constructor, prototype or __proto__`
      )
    : Effect.map(CurrentRun.CurrentRun, (run) => run.variables)

const missing = (name: string) => invalid(`variable ${Value.preview(name)} does not exist`)

/**
 * Stores a copy of the value, once the run has room to keep it: stored
 * values count against `maxRetainedSize` like step results, so no run of
 * VARIABLE.SET steps can fill the heap (R13.3).
 */
const store = (variables: Record<string, unknown>, name: string, value: unknown) => {
  const count = Object.hasOwn(variables, name) ? 0 : Object.keys(variables).length + 1
  return ensureKeyCount(count).pipe(
    Effect.zipRight(CurrentRun.CurrentRun),
    Effect.flatMap((run) => {
      const size = Size.measure(value, run.sizeLimits)
      if (Size.isViolation(size)) return Effect.fail(StepError.sizeViolation(size, "value"))
      if (!run.reserve(size)) {
        return Effect.fail(StepError.retainedSizeExceeded(run.sizeLimits.maxRetainedSize, "value"))
      }
      const stored = Value.copy(value)
      Value.setKey(variables, name, stored)
      return Effect.succeed(stored)
    })
  )
}

const set = Block.make({
  name: "SET",
  description: "Gives a variable a value, creating it when it does not exist; returns the value.",
  parameters: Schema.Struct({
    name: theName,
    value: Parameter.withDefault(Parameter.any.pipe(Parameter.describe("The value to store.")), null)
  }),
  run: ({ name, value }) => Effect.flatMap(variablesFor(name), (variables) => store(variables, name, value))
})

const create = Block.make({
  name: "CREATE",
  description: "Creates a variable with a value (null by default); returns the value. Fails when it exists.",
  parameters: Schema.Struct({
    name: theName,
    value: Parameter.withDefault(Parameter.any.pipe(Parameter.describe("The value to start with.")), null)
  }),
  run: ({ name, value }) =>
    Effect.gen(function* () {
      const variables = yield* variablesFor(name)
      if (Object.hasOwn(variables, name)) {
        return yield* invalid(`variable ${Value.preview(name)} already exists`)
      }
      return yield* store(variables, name, value)
    })
})

const get = Block.make({
  name: "GET",
  description: "The value of a variable; the default when it does not exist, or a failure without one.",
  parameters: Schema.Struct({
    name: theName,
    default: Parameter.optional(
      Parameter.any.pipe(Parameter.describe("The value to give when the variable does not exist."))
    )
  }),
  run: (p) =>
    Effect.flatMap(variablesFor(p.name), (variables) => {
      if (Object.hasOwn(variables, p.name)) return Effect.succeed(variables[p.name])
      return p.default !== undefined ? Effect.succeed(p.default) : missing(p.name)
    })
})

const del = Block.make({
  name: "DELETE",
  description: "Deletes a variable; returns null. A missing one is ignored, or fails when silent is false.",
  parameters: Schema.Struct({
    name: theName,
    silent: Parameter.withDefault(
      Parameter.boolean.pipe(Parameter.describe("Ignore a missing variable instead of failing.")),
      true
    )
  }),
  run: ({ name, silent }) =>
    Effect.flatMap(variablesFor(name), (variables) => {
      if (Object.hasOwn(variables, name)) delete variables[name]
      else if (!silent) return missing(name)
      return Effect.succeed(null)
    })
})

const isExists = Block.make({
  name: "IS_EXISTS",
  description: "Whether a variable exists.",
  parameters: Schema.Struct({ name: theName }),
  run: ({ name }) => Effect.map(variablesFor(name), (variables) => Object.hasOwn(variables, name))
})

const listNames = Block.make({
  name: "LIST_NAMES",
  description: "A list of the names of the variables.",
  parameters: Parameter.none,
  run: () => Effect.map(CurrentRun.CurrentRun, (run) => Object.keys(run.variables))
})

const listValues = Block.make({
  name: "LIST_VALUES",
  description: "A list of the values of the variables, in the order of their names.",
  parameters: Parameter.none,
  run: () => Effect.map(CurrentRun.CurrentRun, (run) => Object.values(run.variables))
})

const count = Block.make({
  name: "COUNT",
  description: "The number of variables.",
  parameters: Parameter.none,
  run: () => Effect.map(CurrentRun.CurrentRun, (run) => Object.keys(run.variables).length)
})

/**
 * The VARIABLE category: SET, CREATE, GET, DELETE, LIST_NAMES, LIST_VALUES,
 * IS_EXISTS and COUNT.
 *
 * Fails with INVALID_ARGUMENT for a name refused by R9.5, for CREATE of a
 * variable that exists (the original library had this check inverted, R14.9),
 * for GET of a missing variable without a default, and for DELETE of a missing
 * one when not silent; with SIZE_LIMIT_EXCEED when SET or CREATE would make
 * more variables than the run allows keys in a dictionary.
 *
 * @since 0.1.0
 * @category categories
 */
export const Variable = Block.category("VARIABLE", [
  set,
  create,
  get,
  del,
  listNames,
  listValues,
  isExists,
  count
])
