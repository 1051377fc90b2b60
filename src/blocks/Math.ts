/**
 * The MATH category: arithmetic on numbers, as Python does it (SPEC section
 * 12). Division and modulo by zero, the square root of a negative number and
 * text that spells no number are domain errors (INVALID_ARGUMENT); modulo
 * takes the sign of the divisor; integer conversion truncates toward zero.
 * MUL and EXP refuse large operands so that a workflow cannot build huge
 * numbers.
 *
 * Numbers are JavaScript numbers: integers beyond 2^53 are not exact, where
 * Python's would be.
 *
 * @since 0.1.0
 */
import { Effect, Either, Schema } from "effect"
import * as Block from "../Block.js"
import * as Parameter from "../Parameter.js"
import * as StepError from "../StepError.js"
import * as Value from "../Value.js"
import { compare } from "./internal/order.js"
import { positivePower } from "./internal/pow.js"
import { parseFloat, parseInteger } from "./internal/pythonNumber.js"

// ---- parameters ----

const { expecting } = Parameter

/** What Python's `int()` and `float()` convert: a number, a text or a boolean. */
const convertible = Schema.declare(
  (u): u is number | string | boolean =>
    typeof u === "number" || typeof u === "string" || typeof u === "boolean",
  {
    identifier: "convertible",
    message: expecting("a number, a text or a boolean"),
    jsonSchema: { type: ["number", "string", "boolean"] }
  }
)

const convertibleValue = convertible.pipe(Parameter.describe("A number, a text or a boolean."))

const listOfNumbers = Schema.Array(Parameter.number).annotations({ message: expecting("a list of numbers") })

const twoNumbers = Schema.Struct({
  value1: Parameter.number.pipe(Parameter.describe("The left operand.")),
  value2: Parameter.number.pipe(Parameter.describe("The right operand."))
})

const oneNumber = Schema.Struct({ value: Parameter.number.pipe(Parameter.describe("A number.")) })

// ---- helpers ----

const invalid = StepError.invalidArgument

/** Turns `-0` into `0`: Python's integers have no negative zero. */
const integral = (value: number): number => value + 0

/** The first value that no later one beats, as Python's `max` and `min` pick it. */
const best = (
  values: ReadonlyArray<unknown>,
  beats: (comparison: number) => boolean
): Either.Either<unknown, StepError.InvalidArgument> => {
  let chosen = values[0]
  for (let i = 1; i < values.length; i++) {
    const comparison = compare(chosen, values[i])
    if (Either.isLeft(comparison)) return comparison
    if (beats(-comparison.right)) chosen = values[i]
  }
  return Either.right(chosen)
}

const greater = (comparison: number) => comparison > 0
const less = (comparison: number) => comparison < 0

/** Python's `x ** y` for operands within the EXP bounds. */
const power = (x: number, y: number): Either.Either<number, StepError.InvalidArgument> => {
  const fail = (message: string) => Either.left(new StepError.InvalidArgument({ message }))
  if (y === 0) return Either.right(1)
  if (x === 0) return y < 0 ? fail("zero cannot be raised to a negative power") : Either.right(x ** y)
  if (x < 0 && !Number.isInteger(y)) {
    return fail("a negative number raised to a fractional power is not a real number")
  }

  const magnitude = positivePower(Math.abs(x), y)
  if (!Number.isFinite(magnitude)) return fail("the result is too large")
  return Either.right(x < 0 && y % 2 !== 0 ? -magnitude : magnitude)
}

// ---- conversions ----

const createInteger = Block.make({
  name: "CREATE_INTEGER",
  description:
    "Converts a value to an integer, as Python's int(): numbers are truncated toward zero, texts may " +
    "have surrounding whitespace, a sign and underscores between digits; true is 1 and false is 0.",
  parameters: Schema.Struct({ value: convertibleValue }),
  run: ({ value }) => {
    if (typeof value === "boolean") return Effect.succeed(value ? 1 : 0)
    if (typeof value === "number") {
      if (Number.isNaN(value)) return invalid("cannot convert NaN to an integer")
      if (!Number.isFinite(value)) return invalid("cannot convert infinity to an integer")
      return Effect.succeed(integral(Math.trunc(value)))
    }
    // Limitation: a text spelling an integer beyond 2^53 gives the nearest double; Python's int is exact.
    const parsed = parseInteger(value)
    if (parsed === undefined) return invalid(`invalid literal for an integer: ${Value.preview(value)}`)
    if (!Number.isFinite(parsed)) return invalid(`the integer is too large: ${Value.preview(value)}`)
    return Effect.succeed(parsed)
  }
})

const createFloat = Block.make({
  name: "CREATE_FLOAT",
  description:
    "Converts a value to a number, as Python's float(): texts may have surrounding whitespace, an " +
    "exponent, underscores between digits, or spell inf, infinity or nan; true is 1 and false is 0.",
  parameters: Schema.Struct({ value: convertibleValue }),
  run: ({ value }) => {
    if (typeof value === "boolean") return Effect.succeed(value ? 1 : 0)
    if (typeof value === "number") return Effect.succeed(value)
    const parsed = parseFloat(value)
    return parsed === undefined
      ? invalid(`could not convert text to a number: ${Value.preview(value)}`)
      : Effect.succeed(parsed)
  }
})

// ---- arithmetic ----

const sum = Block.make({
  name: "SUM",
  description: "The sum of two numbers.",
  parameters: twoNumbers,
  run: ({ value1, value2 }) => Effect.succeed(value1 + value2)
})

const sumList = Block.make({
  name: "SUM_LIST",
  description:
    "The start value plus every number of a list, added left to right; the start value for an empty list.",
  parameters: Schema.Struct({
    list: listOfNumbers.pipe(Parameter.describe("A list of numbers.")),
    start: Parameter.withDefault(
      Parameter.number.pipe(Parameter.describe("The value the sum starts from.")),
      0
    )
  }),
  run: ({ list, start }) => Effect.succeed(list.reduce((total, item) => total + item, start))
})

const sub = Block.make({
  name: "SUB",
  description: "The first number minus the second.",
  parameters: twoNumbers,
  run: ({ value1, value2 }) => Effect.succeed(value1 - value2)
})

const div = Block.make({
  name: "DIV",
  description: "The first number divided by the second (7 / 2 is 3.5). Fails when dividing by zero.",
  parameters: twoNumbers,
  run: ({ value1, value2 }) => (value2 === 0 ? invalid("division by zero") : Effect.succeed(value1 / value2))
})

const mul = Block.make({
  name: "MUL",
  description: "The product of two numbers, each at most 1000 in absolute value.",
  parameters: twoNumbers,
  run: ({ value1, value2 }) =>
    Math.abs(value1) <= 1000 && Math.abs(value2) <= 1000
      ? Effect.succeed(value1 * value2)
      : invalid("MUL takes numbers of at most 1000 in absolute value")
})

const exp = Block.make({
  name: "EXP",
  description:
    "The first number raised to the power of the second, each at most 10 in absolute value. Fails for " +
    "zero to a negative power and for a negative number to a fractional power.",
  parameters: twoNumbers,
  run: ({ value1, value2 }) => {
    if (!(Math.abs(value1) <= 10 && Math.abs(value2) <= 10)) {
      return invalid("EXP takes numbers of at most 10 in absolute value")
    }
    return power(value1, value2)
  }
})

const mod = Block.make({
  name: "MOD",
  description:
    "The remainder of dividing the first number by the second, with the sign of the divisor, as Python's % " +
    "(-7 mod 3 is 2). Fails when dividing by zero.",
  parameters: twoNumbers,
  run: ({ value1, value2 }) => {
    if (value2 === 0) return invalid("modulo by zero")
    const remainder = value1 % value2
    if (remainder === 0) return Effect.succeed(0)
    return Effect.succeed(remainder < 0 !== value2 < 0 ? remainder + value2 : remainder)
  }
})

// ---- rounding and other functions ----

const toIntegerWith = (round: (value: number) => number) => (value: number) => {
  if (Number.isNaN(value)) return invalid("cannot convert NaN to an integer")
  if (!Number.isFinite(value)) return invalid("cannot convert infinity to an integer")
  return Effect.succeed(integral(round(value)))
}

const floor = Block.make({
  name: "FLOOR",
  description: "The greatest integer less than or equal to the number.",
  parameters: oneNumber,
  run: ({ value }) => toIntegerWith(Math.floor)(value)
})

const ceiling = Block.make({
  name: "CEILING",
  description: "The least integer greater than or equal to the number.",
  parameters: oneNumber,
  run: ({ value }) => toIntegerWith(Math.ceil)(value)
})

const sqrt = Block.make({
  name: "SQRT",
  description: "The square root of a number. Fails for a negative number.",
  parameters: oneNumber,
  run: ({ value }) =>
    value < 0 ? invalid("cannot take the square root of a negative number") : Effect.succeed(Math.sqrt(value))
})

const abs = Block.make({
  name: "ABS",
  description: "The absolute value of a number.",
  parameters: oneNumber,
  run: ({ value }) => Effect.succeed(Math.abs(value))
})

// ---- largest and smallest ----

const twoComparable = Schema.Struct({
  value1: Parameter.any.pipe(Parameter.describe("A number or a text.")),
  value2: Parameter.any.pipe(Parameter.describe("A number or a text, of the same kind."))
})

const aList = Schema.Struct({
  list: Parameter.list.pipe(Parameter.describe("A list of numbers, or a list of texts."))
})

const max = Block.make({
  name: "MAX",
  description: "The larger of two numbers or two texts (texts order by code point); the first when equal.",
  parameters: twoComparable,
  run: ({ value1, value2 }) => best([value1, value2], greater)
})

const min = Block.make({
  name: "MIN",
  description: "The smaller of two numbers or two texts (texts order by code point); the first when equal.",
  parameters: twoComparable,
  run: ({ value1, value2 }) => best([value1, value2], less)
})

const maxList = Block.make({
  name: "MAX_LIST",
  description:
    "The largest item of a list of numbers or of texts; the first of equal ones. Fails for an empty list.",
  parameters: aList,
  run: ({ list }) => (list.length === 0 ? invalid("MAX_LIST of an empty list") : best(list, greater))
})

const minList = Block.make({
  name: "MIN_LIST",
  description:
    "The smallest item of a list of numbers or of texts; the first of equal ones. Fails for an empty list.",
  parameters: aList,
  run: ({ list }) => (list.length === 0 ? invalid("MIN_LIST of an empty list") : best(list, less))
})

/**
 * The MATH category (SPEC section 12): CREATE_INTEGER, CREATE_FLOAT, SUM,
 * SUM_LIST, SUB, DIV, MUL, EXP, MOD, FLOOR, CEILING, MAX, MIN, MAX_LIST,
 * MIN_LIST, SQRT and ABS.
 *
 * Wrong parameter kinds give INVALID_TYPE; domain errors (division by zero,
 * a text that is not a number, operands beyond the MUL and EXP bounds,
 * ordering a number against a text) give INVALID_ARGUMENT.
 *
 * @example
 * ```json
 * { "action": "MATH.MOD", "parameters": { "value1": -7, "value2": 3 } }
 * ```
 * gives `2`.
 *
 * @since 0.1.0
 * @category categories
 */
export const MathBlocks = Block.category("MATH", [
  createInteger,
  createFloat,
  sum,
  sumList,
  sub,
  div,
  mul,
  exp,
  mod,
  floor,
  ceiling,
  max,
  min,
  maxList,
  minList,
  sqrt,
  abs
])
