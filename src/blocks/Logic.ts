/**
 * The LOGIC category: truth values, comparisons, conditions, bitwise
 * operations and assertions (SPEC section 12).
 *
 * Truthiness is the runtime's (R9.9): false, null, 0, NaN, the empty text,
 * an empty list and an empty dictionary are falsy. Equality (`=`, `!=`) is
 * deep and structural; `is` and `is not` are same-value identity; ordering
 * (`>`, `>=`, `<`, `<=`) compares two numbers or two texts only. Assertion
 * blocks fail with ASSERTION_ERROR.
 *
 * @since 0.1.0
 */
import { Effect, Either, Schema } from "effect"
import * as Block from "../Block.js"
import * as Parameter from "../Parameter.js"
import * as StepError from "../StepError.js"
import * as Value from "../Value.js"
import { compare } from "./internal/order.js"

// ---- parameters ----

const oneValue = Schema.Struct({ value: Parameter.any.pipe(Parameter.describe("Any value.")) })

const twoValues = Schema.Struct({
  value1: Parameter.any.pipe(Parameter.describe("The first value.")),
  value2: Parameter.any.pipe(Parameter.describe("The second value."))
})

const operators = ["=", "!=", ">", ">=", "<", "<=", "is", "is not"] as const

const comparison = Schema.Struct({
  value1: Parameter.any.pipe(Parameter.describe("The left side of the comparison.")),
  value2: Parameter.any.pipe(Parameter.describe("The right side of the comparison.")),
  operator: Parameter.text.pipe(Parameter.describe(`One of ${operators.map((o) => `"${o}"`).join(", ")}.`))
})

const twoIntegers = Schema.Struct({
  value1: Parameter.integer.pipe(Parameter.describe("The first integer.")),
  value2: Parameter.integer.pipe(Parameter.describe("The second integer."))
})

// ---- comparisons ----

/**
 * Evaluates `value1 operator value2`. Fails with INVALID_ARGUMENT for an
 * unknown operator, or for an ordering of values that cannot be ordered.
 */
const evaluate = (
  value1: unknown,
  value2: unknown,
  operator: string
): Either.Either<boolean, StepError.InvalidArgument> => {
  switch (operator) {
    case "=":
      return Either.right(Value.equals(value1, value2))
    case "!=":
      return Either.right(!Value.equals(value1, value2))
    case "is":
      return Either.right(Object.is(value1, value2))
    case "is not":
      return Either.right(!Object.is(value1, value2))
    case ">":
      return Either.map(compare(value1, value2), (c) => c > 0)
    case ">=":
      return Either.map(compare(value1, value2), (c) => c >= 0)
    case "<":
      return Either.map(compare(value1, value2), (c) => c < 0)
    case "<=":
      return Either.map(compare(value1, value2), (c) => c <= 0)
    default:
      return Either.left(
        new StepError.InvalidArgument({
          message: `unknown operator ${Value.preview(operator)}: expected one of ${operators.join(", ")}`
        })
      )
  }
}

const ifBlock = Block.make({
  name: "IF",
  description:
    "Compares two values with an operator: = and != compare deeply, is and is not by identity, and " +
    "> >= < <= order two numbers or two texts.",
  parameters: comparison,
  run: ({ value1, value2, operator }) => evaluate(value1, value2, operator)
})

// ---- truth ----

const bool = Block.make({
  name: "BOOL",
  description: "The truth value of any value: true when it is truthy.",
  parameters: oneValue,
  run: ({ value }) => Effect.succeed(Value.isTruthy(value))
})

const isTruth = Block.make({
  name: "IS_TRUTH",
  description: 'Whether a value is truthy: anything but false, null, 0, NaN, "", [] and {}.',
  parameters: oneValue,
  run: ({ value }) => Effect.succeed(Value.isTruthy(value))
})

const isNone = Block.make({
  name: "IS_NONE",
  description: "Whether a value is null.",
  parameters: oneValue,
  run: ({ value }) => Effect.succeed(value === null)
})

const trueBlock = Block.make({
  name: "TRUE",
  description: "Always true.",
  parameters: Parameter.none,
  run: () => Effect.succeed(true)
})

const falseBlock = Block.make({
  name: "FALSE",
  description: "Always false.",
  parameters: Parameter.none,
  run: () => Effect.succeed(false)
})

const none = Block.make({
  name: "NONE",
  description: "Always null.",
  parameters: Parameter.none,
  run: () => Effect.succeed(null)
})

const ifThenElse = Block.make({
  name: "IF_THEN_ELSE",
  description: "`then` when the value is truthy, `otherwise` when it is not.",
  parameters: Schema.Struct({
    value: Parameter.any.pipe(Parameter.describe("The condition.")),
    then: Parameter.any.pipe(Parameter.describe("The result when the condition is truthy.")),
    otherwise: Parameter.any.pipe(Parameter.describe("The result when the condition is falsy."))
  }),
  run: ({ value, then, otherwise }) => Effect.succeed(Value.isTruthy(value) ? then : otherwise)
})

const logicalNot = Block.make({
  name: "LOGICAL_NOT",
  description: "True when the value is falsy, false when it is truthy.",
  parameters: oneValue,
  run: ({ value }) => Effect.succeed(!Value.isTruthy(value))
})

const logicalOr = Block.make({
  name: "LOGICAL_OR",
  description: "As Python's `or`: the first value when it is truthy, otherwise the second.",
  parameters: twoValues,
  run: ({ value1, value2 }) => Effect.succeed(Value.isTruthy(value1) ? value1 : value2)
})

const logicalAnd = Block.make({
  name: "LOGICAL_AND",
  description: "As Python's `and`: the first value when it is falsy, otherwise the second.",
  parameters: twoValues,
  run: ({ value1, value2 }) => Effect.succeed(Value.isTruthy(value1) ? value2 : value1)
})

// ---- bitwise ----

/**
 * A bitwise result as a number. Every integer a number holds converts to a
 * BigInt exactly, so the operation itself is exact at any size, as Python's
 * is; a result that no number holds exactly (`2 ** 60 | 1`) fails rather
 * than come back rounded.
 */
// Limitation: Python's integers are unbounded; a result no double holds exactly fails here instead.
const exactInteger = (result: bigint) => {
  const value = Number(result)
  return BigInt(value) === result
    ? Effect.succeed(value)
    : Effect.fail(
        new StepError.InvalidArgument({
          message: `the result ${result} cannot be held exactly by a number (at most 2^53 is exact)`
        })
      )
}

const bitwiseAnd = Block.make({
  name: "BITWISE_AND",
  description: "The bitwise AND of two integers, exact beyond 32 bits.",
  parameters: twoIntegers,
  run: ({ value1, value2 }) => exactInteger(BigInt(value1) & BigInt(value2))
})

const bitwiseOr = Block.make({
  name: "BITWISE_OR",
  description: "The bitwise OR of two integers, exact beyond 32 bits.",
  parameters: twoIntegers,
  run: ({ value1, value2 }) => exactInteger(BigInt(value1) | BigInt(value2))
})

const bitwiseNot = Block.make({
  name: "BITWISE_NOT",
  description: "The bitwise NOT of an integer, as Python's ~: -(value + 1).",
  parameters: Schema.Struct({ value: Parameter.integer.pipe(Parameter.describe("An integer.")) }),
  run: ({ value }) => exactInteger(~BigInt(value))
})

// ---- assertions ----

const assertionFailed = (message: string) => Effect.fail(new StepError.AssertionFailed({ message }))

const assert = Block.make({
  name: "ASSERT",
  description: "Fails with ASSERTION_ERROR unless the value is truthy; gives null otherwise.",
  parameters: oneValue,
  run: ({ value }) =>
    Value.isTruthy(value)
      ? Effect.succeed(null)
      : assertionFailed(`expected a truthy value, got ${Value.preview(value)}`)
})

const notAssert = Block.make({
  name: "NOT_ASSERT",
  description: "Fails with ASSERTION_ERROR unless the value is falsy; gives null otherwise.",
  parameters: oneValue,
  run: ({ value }) =>
    Value.isTruthy(value)
      ? assertionFailed(`expected a falsy value, got ${Value.preview(value)}`)
      : Effect.succeed(null)
})

const ifAssert = Block.make({
  name: "IF_ASSERT",
  description:
    "Fails with ASSERTION_ERROR unless the comparison holds (see IF); gives null otherwise. An unknown " +
    "operator or values that cannot be ordered give INVALID_ARGUMENT.",
  parameters: comparison,
  run: ({ value1, value2, operator }) =>
    Effect.flatMap(evaluate(value1, value2, operator), (holds) =>
      holds
        ? Effect.succeed(null)
        : assertionFailed(`expected ${Value.preview(value1, 40)} ${operator} ${Value.preview(value2, 40)}`)
    )
})

/**
 * The LOGIC category (SPEC section 12): BOOL, IF, IS_TRUTH, IS_NONE, TRUE,
 * FALSE, NONE, IF_THEN_ELSE, LOGICAL_NOT, LOGICAL_OR, LOGICAL_AND,
 * BITWISE_AND, BITWISE_OR, BITWISE_NOT, ASSERT, NOT_ASSERT and IF_ASSERT.
 *
 * Wrong parameter kinds give INVALID_TYPE; an unknown operator, ordering
 * values of different kinds and a bitwise result that no number holds
 * exactly give INVALID_ARGUMENT; failed assertions give ASSERTION_ERROR.
 *
 * @example
 * ```json
 * { "action": "LOGIC.IF", "parameters": { "value1": "b", "value2": "a", "operator": ">" } }
 * ```
 * gives `true`.
 *
 * @since 0.1.0
 * @category categories
 */
export const Logic = Block.category("LOGIC", [
  bool,
  ifBlock,
  isTruth,
  isNone,
  trueBlock,
  falseBlock,
  none,
  ifThenElse,
  logicalNot,
  logicalOr,
  logicalAnd,
  bitwiseAnd,
  bitwiseOr,
  bitwiseNot,
  assert,
  notAssert,
  ifAssert
])
