/**
 * The MATH category (SPEC R12). Expected values were computed with python3
 * (3.11); the Python expression sits beside each one.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, FastCheck as fc } from "effect"
import { MathBlocks } from "../../src/blocks/Math.js"
import { invokeBlock } from "../support/invoke.js"

const block = (name: string) => {
  const found = MathBlocks.blocks.find((b) => b.name === name)
  if (found === undefined) throw new Error(`no block MATH.${name}`)
  return found
}

const run = (name: string, parameters: Record<string, unknown>) => invokeBlock(block(name), parameters)

const done = (result: unknown) => ({ status: "DONE", result })

const statusOf = (name: string, parameters: Record<string, unknown>) =>
  Effect.map(run(name, parameters), (out) => out.status)

describe("MATH", () => {
  it("R12 has every MATH block of SPEC section 12", () => {
    expect(MathBlocks.blocks.map((b) => b.displayName).sort()).toEqual(
      [
        "CREATE_INTEGER",
        "CREATE_FLOAT",
        "SUM",
        "SUM_LIST",
        "SUB",
        "DIV",
        "MUL",
        "EXP",
        "MOD",
        "FLOOR",
        "CEILING",
        "MAX",
        "MIN",
        "MAX_LIST",
        "MIN_LIST",
        "SQRT",
        "ABS"
      ]
        .map((n) => `MATH.${n}`)
        .sort()
    )
  })

  it("R4.1 every MATH block has a description", () => {
    for (const b of MathBlocks.blocks) expect(b.description, b.name).not.toBe("")
  })

  describe("CREATE_INTEGER", () => {
    it.effect("R12 truncates numbers toward zero", () =>
      Effect.gen(function* () {
        // int(3.7), int(-3.7), int(-0.5)
        expect(yield* run("CREATE_INTEGER", { value: 3.7 })).toEqual(done(3))
        expect(yield* run("CREATE_INTEGER", { value: -3.7 })).toEqual(done(-3))
        expect(yield* run("CREATE_INTEGER", { value: -0.5 })).toEqual(done(0))
      })
    )

    it.effect("R12 reads text with surrounding Python whitespace, a sign, underscores and any digits", () =>
      Effect.gen(function* () {
        // int(" 42 "), int("\u3000-1_000\x85"), int("٤٢")
        expect(yield* run("CREATE_INTEGER", { value: " 42 " })).toEqual(done(42))
        expect(yield* run("CREATE_INTEGER", { value: "\u3000-1_000\x85" })).toEqual(done(-1000))
        expect(yield* run("CREATE_INTEGER", { value: "٤٢" })).toEqual(done(42))
      })
    )

    it.effect("converts booleans as Python does", () =>
      Effect.gen(function* () {
        // int(True), int(False)
        expect(yield* run("CREATE_INTEGER", { value: true })).toEqual(done(1))
        expect(yield* run("CREATE_INTEGER", { value: false })).toEqual(done(0))
      })
    )

    it.effect("R12 text that is not an integer is INVALID_ARGUMENT", () =>
      Effect.gen(function* () {
        // int("4.5"), int("1__0"), int("\x1c5") and int("") raise ValueError
        for (const value of ["4.5", "1__0", "\x1c5", "", "0x10", "½"]) {
          expect(yield* statusOf("CREATE_INTEGER", { value }), JSON.stringify(value)).toBe("INVALID_ARGUMENT")
        }
      })
    )

    it.effect("NaN and infinities are INVALID_ARGUMENT", () =>
      Effect.gen(function* () {
        // int(float("nan")) raises ValueError, int(float("inf")) OverflowError
        expect(yield* statusOf("CREATE_INTEGER", { value: NaN })).toBe("INVALID_ARGUMENT")
        expect(yield* statusOf("CREATE_INTEGER", { value: -Infinity })).toBe("INVALID_ARGUMENT")
      })
    )

    it.effect("a value that is not a number, text or boolean is INVALID_TYPE", () =>
      Effect.gen(function* () {
        expect(yield* run("CREATE_INTEGER", { value: null })).toEqual({
          status: "INVALID_TYPE",
          error: "value: expected a number, a text or a boolean, got null"
        })
      })
    )
  })

  describe("CREATE_FLOAT", () => {
    it.effect("R12 reads text as float() does", () =>
      Effect.gen(function* () {
        // float(" 1_000.5 "), float("1e1_0"), float("١.٥"), float(".5"), float("1.")
        expect(yield* run("CREATE_FLOAT", { value: " 1_000.5 " })).toEqual(done(1000.5))
        expect(yield* run("CREATE_FLOAT", { value: "1e1_0" })).toEqual(done(10000000000))
        expect(yield* run("CREATE_FLOAT", { value: "١.٥" })).toEqual(done(1.5))
        expect(yield* run("CREATE_FLOAT", { value: ".5" })).toEqual(done(0.5))
        expect(yield* run("CREATE_FLOAT", { value: "1." })).toEqual(done(1))
      })
    )

    it.effect("reads inf, infinity and nan in any case, and overflows to infinity", () =>
      Effect.gen(function* () {
        // float("-inf"), float("Infinity"), float("nAn"), float("1e400")
        expect(yield* run("CREATE_FLOAT", { value: "-inf" })).toEqual(done(-Infinity))
        expect(yield* run("CREATE_FLOAT", { value: "Infinity" })).toEqual(done(Infinity))
        expect(yield* run("CREATE_FLOAT", { value: "nAn" })).toEqual(done(NaN))
        expect(yield* run("CREATE_FLOAT", { value: "1e400" })).toEqual(done(Infinity))
      })
    )

    it.effect("keeps numbers and converts booleans", () =>
      Effect.gen(function* () {
        // float(3), float(False)
        expect(yield* run("CREATE_FLOAT", { value: 3 })).toEqual(done(3))
        expect(yield* run("CREATE_FLOAT", { value: false })).toEqual(done(0))
      })
    )

    it.effect("R12 text that is not a number is INVALID_ARGUMENT, even where Number() accepts it", () =>
      Effect.gen(function* () {
        // float("0x10"), float(""), float("  "), float("1_"), float("e5") raise ValueError
        for (const value of ["0x10", "", "  ", "1_", "e5", "inf_", "abc"]) {
          expect(yield* statusOf("CREATE_FLOAT", { value }), JSON.stringify(value)).toBe("INVALID_ARGUMENT")
        }
      })
    )

    it.effect("a list is INVALID_TYPE", () =>
      Effect.gen(function* () {
        expect(yield* statusOf("CREATE_FLOAT", { value: [] })).toBe("INVALID_TYPE")
      })
    )
  })

  describe("SUM, SUB, SUM_LIST", () => {
    it.effect("add and subtract numbers", () =>
      Effect.gen(function* () {
        // 1 + 2, 0.1 + 0.2, 7 - 10
        expect(yield* run("SUM", { value1: 1, value2: 2 })).toEqual(done(3))
        expect(yield* run("SUM", { value1: 0.1, value2: 0.2 })).toEqual(done(0.30000000000000004))
        expect(yield* run("SUB", { value1: 7, value2: 10 })).toEqual(done(-3))
      })
    )

    it.effect("R5.2 a text for a number is INVALID_TYPE naming the parameter", () =>
      Effect.gen(function* () {
        expect(yield* run("SUM", { value1: 1, value2: "x" })).toEqual({
          status: "INVALID_TYPE",
          error: 'value2: expected a number, got "x"'
        })
      })
    )

    it.effect("SUM_LIST adds the numbers of a list to start, left to right", () =>
      Effect.gen(function* () {
        // sum([1, 2, 3.5]), sum([1, 2], 10), sum([]), sum([0.1] * 10)
        expect(yield* run("SUM_LIST", { list: [1, 2, 3.5] })).toEqual(done(6.5))
        expect(yield* run("SUM_LIST", { list: [1, 2], start: 10 })).toEqual(done(13))
        expect(yield* run("SUM_LIST", { list: [] })).toEqual(done(0))
        expect(yield* run("SUM_LIST", { list: Array(10).fill(0.1) })).toEqual(done(0.9999999999999999))
      })
    )

    it.effect("SUM_LIST with an item that is not a number is INVALID_TYPE naming its index", () =>
      Effect.gen(function* () {
        expect(yield* run("SUM_LIST", { list: [1, "a"] })).toEqual({
          status: "INVALID_TYPE",
          error: 'list[1]: expected a number, got "a"'
        })
      })
    )
  })

  describe("DIV and MUL", () => {
    it.effect("R12 DIV is true division", () =>
      Effect.gen(function* () {
        // 7 / 2, -7 / 2
        expect(yield* run("DIV", { value1: 7, value2: 2 })).toEqual(done(3.5))
        expect(yield* run("DIV", { value1: -7, value2: 2 })).toEqual(done(-3.5))
      })
    )

    it.effect("R12 division by zero is INVALID_ARGUMENT", () =>
      Effect.gen(function* () {
        // 1 / 0 raises ZeroDivisionError
        expect(yield* run("DIV", { value1: 1, value2: 0 })).toEqual({
          status: "INVALID_ARGUMENT",
          error: "division by zero"
        })
      })
    )

    it.effect("R12 MUL multiplies numbers of at most 1000 in absolute value", () =>
      Effect.gen(function* () {
        // 1000 * -1000, 0.1 * 3
        expect(yield* run("MUL", { value1: 1000, value2: -1000 })).toEqual(done(-1000000))
        expect(yield* run("MUL", { value1: 0.1, value2: 3 })).toEqual(done(0.30000000000000004))
      })
    )

    it.effect("R12 MUL with a value above 1000 in absolute value is INVALID_ARGUMENT", () =>
      Effect.gen(function* () {
        expect(yield* statusOf("MUL", { value1: 1000.5, value2: 1 })).toBe("INVALID_ARGUMENT")
        expect(yield* statusOf("MUL", { value1: 1, value2: -1001 })).toBe("INVALID_ARGUMENT")
        expect(yield* statusOf("MUL", { value1: NaN, value2: 1 })).toBe("INVALID_ARGUMENT")
      })
    )
  })

  describe("EXP", () => {
    it.effect("raises to a power, negative and fractional exponents included", () =>
      Effect.gen(function* () {
        // 2 ** 10, 2 ** -1, (-2) ** 3, (-2) ** -3, 0 ** 0, 10 ** 10
        expect(yield* run("EXP", { value1: 2, value2: 10 })).toEqual(done(1024))
        expect(yield* run("EXP", { value1: 2, value2: -1 })).toEqual(done(0.5))
        expect(yield* run("EXP", { value1: -2, value2: 3 })).toEqual(done(-8))
        expect(yield* run("EXP", { value1: -2, value2: -3 })).toEqual(done(-0.125))
        expect(yield* run("EXP", { value1: 0, value2: 0 })).toEqual(done(1))
        expect(yield* run("EXP", { value1: 10, value2: 10 })).toEqual(done(10000000000))
      })
    )

    it.effect("rounds powers as Python does where the engine's ** is off by one unit", () =>
      Effect.gen(function* () {
        // 4.161799 ** 8, 9.364 ** 0.154345010226322, 2 ** 0.5
        expect(yield* run("EXP", { value1: 4.161799, value2: 8 })).toEqual(done(90001.30612678452))
        expect(yield* run("EXP", { value1: 9.364, value2: 0.154345010226322 })).toEqual(
          done(1.4123431258808694)
        )
        expect(yield* run("EXP", { value1: 2, value2: 0.5 })).toEqual(done(1.4142135623730951))
      })
    )

    it.effect("R12 EXP with a value above 10 in absolute value is INVALID_ARGUMENT", () =>
      Effect.gen(function* () {
        expect(yield* statusOf("EXP", { value1: 11, value2: 2 })).toBe("INVALID_ARGUMENT")
        expect(yield* statusOf("EXP", { value1: 2, value2: -10.5 })).toBe("INVALID_ARGUMENT")
      })
    )

    it.effect(
      "zero to a negative power and a negative number to a fractional power are INVALID_ARGUMENT",
      () =>
        Effect.gen(function* () {
          // 0 ** -1 raises ZeroDivisionError; (-8) ** (1/3) is a complex number
          expect(yield* statusOf("EXP", { value1: 0, value2: -1 })).toBe("INVALID_ARGUMENT")
          expect(yield* statusOf("EXP", { value1: -8, value2: 1 / 3 })).toBe("INVALID_ARGUMENT")
        })
    )
  })

  describe("MOD", () => {
    it.effect("R12 takes the sign of the divisor", () =>
      Effect.gen(function* () {
        // -7 % 3, 7 % -3, -7.5 % 2, 6 % -3
        expect(yield* run("MOD", { value1: -7, value2: 3 })).toEqual(done(2))
        expect(yield* run("MOD", { value1: 7, value2: -3 })).toEqual(done(-2))
        expect(yield* run("MOD", { value1: -7.5, value2: 2 })).toEqual(done(0.5))
        expect(yield* run("MOD", { value1: 6, value2: -3 })).toEqual(done(0))
      })
    )

    it.effect("R12 modulo by zero is INVALID_ARGUMENT", () =>
      Effect.gen(function* () {
        // 5 % 0 raises ZeroDivisionError
        expect(yield* statusOf("MOD", { value1: 5, value2: 0 })).toBe("INVALID_ARGUMENT")
      })
    )

    it.effect.prop(
      "R12 MOD has the divisor's sign or is 0, and value1 = value2 * floor(value1 / value2) + MOD",
      {
        value1: fc.integer({ min: -1_000_000, max: 1_000_000 }),
        value2: fc.integer({ min: -1_000, max: 1_000 }).filter((n) => n !== 0)
      },
      ({ value1, value2 }) =>
        Effect.gen(function* () {
          const out = yield* run("MOD", { value1, value2 })
          expect(out.status).toBe("DONE")
          const remainder = out.result as number
          expect(remainder === 0 || Math.sign(remainder) === Math.sign(value2)).toBe(true)
          expect(Math.abs(remainder)).toBeLessThan(Math.abs(value2))
          expect(value2 * Math.floor(value1 / value2) + remainder).toBe(value1)
        })
    )
  })

  describe("FLOOR, CEILING, SQRT, ABS", () => {
    it.effect("round to integers", () =>
      Effect.gen(function* () {
        // math.floor(-2.5), math.ceil(-2.5), math.floor(2), math.ceil(-0.5)
        expect(yield* run("FLOOR", { value: -2.5 })).toEqual(done(-3))
        expect(yield* run("CEILING", { value: -2.5 })).toEqual(done(-2))
        expect(yield* run("FLOOR", { value: 2 })).toEqual(done(2))
        expect(yield* run("CEILING", { value: -0.5 })).toEqual(done(0))
      })
    )

    it.effect("NaN and infinities cannot be rounded to integers: INVALID_ARGUMENT", () =>
      Effect.gen(function* () {
        // math.floor(float("nan")) raises ValueError, math.ceil(float("inf")) OverflowError
        expect(yield* statusOf("FLOOR", { value: NaN })).toBe("INVALID_ARGUMENT")
        expect(yield* statusOf("CEILING", { value: Infinity })).toBe("INVALID_ARGUMENT")
      })
    )

    it.effect("SQRT and ABS", () =>
      Effect.gen(function* () {
        // math.sqrt(16), math.sqrt(2), abs(-3.5)
        expect(yield* run("SQRT", { value: 16 })).toEqual(done(4))
        expect(yield* run("SQRT", { value: 2 })).toEqual(done(1.4142135623730951))
        expect(yield* run("ABS", { value: -3.5 })).toEqual(done(3.5))
      })
    )

    it.effect("R12 the square root of a negative number is INVALID_ARGUMENT", () =>
      Effect.gen(function* () {
        // math.sqrt(-1) raises ValueError: math domain error
        expect(yield* statusOf("SQRT", { value: -1 })).toBe("INVALID_ARGUMENT")
      })
    )

    it.effect("a text for a number is INVALID_TYPE", () =>
      Effect.gen(function* () {
        expect(yield* statusOf("ABS", { value: "-3" })).toBe("INVALID_TYPE")
      })
    )
  })

  describe("MAX, MIN, MAX_LIST, MIN_LIST", () => {
    it.effect("pick the larger or smaller of two numbers or two texts", () =>
      Effect.gen(function* () {
        // max(1, 2), min(3, 1), max("b", "a"), max(1, 1.0)
        expect(yield* run("MAX", { value1: 1, value2: 2 })).toEqual(done(2))
        expect(yield* run("MIN", { value1: 3, value2: 1 })).toEqual(done(1))
        expect(yield* run("MAX", { value1: "b", value2: "a" })).toEqual(done("b"))
      })
    )

    it.effect("R12 order texts by code point, not by UTF-16 unit", () =>
      Effect.gen(function* () {
        // max("\uffff", "😀"), min("\uffff", "😀")
        expect(yield* run("MAX", { value1: "\uffff", value2: "😀" })).toEqual(done("😀"))
        expect(yield* run("MIN", { value1: "\uffff", value2: "😀" })).toEqual(done("\uffff"))
      })
    )

    it.effect("keep the first value when neither beats the other, NaN included", () =>
      Effect.gen(function* () {
        // max(float("nan"), 1) is nan, max(1, float("nan")) is 1
        expect(yield* run("MAX", { value1: NaN, value2: 1 })).toEqual(done(NaN))
        expect(yield* run("MAX", { value1: 1, value2: NaN })).toEqual(done(1))
      })
    )

    it.effect("R12 ordering a number against a text is INVALID_ARGUMENT", () =>
      Effect.gen(function* () {
        // max(1, "a") raises TypeError
        const out = yield* run("MAX", { value1: 1, value2: "a" })
        expect(out.status).toBe("INVALID_ARGUMENT")
        expect(out.error).toContain("cannot order")
        expect(yield* statusOf("MIN", { value1: [1], value2: [2] })).toBe("INVALID_ARGUMENT")
      })
    )

    it.effect("MAX_LIST and MIN_LIST pick from a list", () =>
      Effect.gen(function* () {
        // max([3, 1, 2]), min([3, 1, 2]), max(["b", "a", "😀", "\uffff"]), min(["b", "a", "😀", "\uffff"])
        expect(yield* run("MAX_LIST", { list: [3, 1, 2] })).toEqual(done(3))
        expect(yield* run("MIN_LIST", { list: [3, 1, 2] })).toEqual(done(1))
        expect(yield* run("MAX_LIST", { list: ["b", "a", "😀", "\uffff"] })).toEqual(done("😀"))
        expect(yield* run("MIN_LIST", { list: ["b", "a", "😀", "\uffff"] })).toEqual(done("a"))
      })
    )

    it.effect("MAX_LIST of a single item compares nothing and gives it, as Python", () =>
      Effect.gen(function* () {
        // max([{}])
        expect(yield* run("MAX_LIST", { list: [{}] })).toEqual(done({}))
      })
    )

    it.effect("MAX_LIST of an empty list or of mixed kinds is INVALID_ARGUMENT", () =>
      Effect.gen(function* () {
        // max([]) raises ValueError, max([1, "a"]) TypeError
        expect(yield* statusOf("MAX_LIST", { list: [] })).toBe("INVALID_ARGUMENT")
        expect(yield* statusOf("MIN_LIST", { list: [] })).toBe("INVALID_ARGUMENT")
        expect(yield* statusOf("MAX_LIST", { list: [1, "a"] })).toBe("INVALID_ARGUMENT")
      })
    )

    it.effect("MAX_LIST of something that is not a list is INVALID_TYPE", () =>
      Effect.gen(function* () {
        expect(yield* statusOf("MAX_LIST", { list: "abc" })).toBe("INVALID_TYPE")
      })
    )
  })
})
