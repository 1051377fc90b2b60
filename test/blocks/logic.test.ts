/**
 * The LOGIC category (SPEC R12). Expected values were computed with python3
 * (3.11); the Python expression sits beside each one.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { Logic } from "../../src/blocks/Logic.js"
import { invokeBlock } from "../support/invoke.js"

const block = (name: string) => {
  const found = Logic.blocks.find((b) => b.name === name)
  if (found === undefined) throw new Error(`no block LOGIC.${name}`)
  return found
}

const run = (name: string, parameters: Record<string, unknown>) => invokeBlock(block(name), parameters)

const done = (result: unknown) => ({ status: "DONE", result })

const statusOf = (name: string, parameters: Record<string, unknown>) =>
  Effect.map(run(name, parameters), (out) => out.status)

const compare = (value1: unknown, operator: string, value2: unknown) =>
  run("IF", { value1, value2, operator })

describe("LOGIC", () => {
  it("R12 has every LOGIC block of SPEC section 12", () => {
    expect(Logic.blocks.map((b) => b.displayName).sort()).toEqual(
      [
        "BOOL",
        "IF",
        "IS_TRUTH",
        "IS_NONE",
        "TRUE",
        "FALSE",
        "NONE",
        "IF_THEN_ELSE",
        "LOGICAL_NOT",
        "LOGICAL_OR",
        "LOGICAL_AND",
        "BITWISE_AND",
        "BITWISE_OR",
        "BITWISE_NOT",
        "ASSERT",
        "NOT_ASSERT",
        "IF_ASSERT"
      ]
        .map((n) => `LOGIC.${n}`)
        .sort()
    )
  })

  it("R4.1 every LOGIC block has a description", () => {
    for (const b of Logic.blocks) expect(b.description, b.name).not.toBe("")
  })

  describe("TRUE, FALSE, NONE", () => {
    it.effect("give their constant", () =>
      Effect.gen(function* () {
        expect(yield* run("TRUE", {})).toEqual(done(true))
        expect(yield* run("FALSE", {})).toEqual(done(false))
        expect(yield* run("NONE", {})).toEqual(done(null))
      })
    )

    it.effect("a parameter they do not take is INVALID_TYPE naming it", () =>
      Effect.gen(function* () {
        const out = yield* run("TRUE", { value: 1 })
        expect(out.status).toBe("INVALID_TYPE")
        expect(out.error).toMatch(/^value: unknown parameter/)
      })
    )
  })

  describe("BOOL, IS_TRUTH, LOGICAL_NOT, IS_NONE", () => {
    it.effect('R9.9 follow the runtime\'s truthiness: empty containers, 0, NaN and "" are falsy', () =>
      Effect.gen(function* () {
        // bool([]), bool({}), bool(0), bool(""), bool("a"), bool("0")
        for (const value of [[], {}, 0, "", null, false, NaN]) {
          expect(yield* run("BOOL", { value }), JSON.stringify(value)).toEqual(done(false))
          expect(yield* run("IS_TRUTH", { value }), JSON.stringify(value)).toEqual(done(false))
          expect(yield* run("LOGICAL_NOT", { value }), JSON.stringify(value)).toEqual(done(true))
        }
        for (const value of ["a", "0", [0], { a: null }, -1, true]) {
          expect(yield* run("BOOL", { value }), JSON.stringify(value)).toEqual(done(true))
          expect(yield* run("LOGICAL_NOT", { value }), JSON.stringify(value)).toEqual(done(false))
        }
      })
    )

    it.effect("IS_NONE is true for null only", () =>
      Effect.gen(function* () {
        expect(yield* run("IS_NONE", { value: null })).toEqual(done(true))
        expect(yield* run("IS_NONE", { value: 0 })).toEqual(done(false))
        expect(yield* run("IS_NONE", { value: "" })).toEqual(done(false))
      })
    )

    it.effect("a missing value is INVALID_TYPE", () =>
      Effect.gen(function* () {
        expect(yield* run("IS_NONE", {})).toEqual({ status: "INVALID_TYPE", error: "value: is required" })
      })
    )
  })

  describe("IF", () => {
    it.effect("R12 = and != are deep structural equality", () =>
      Effect.gen(function* () {
        // [1, {"a": 2}] == [1, {"a": 2}], {"a": 1, "b": 2} == {"b": 2, "a": 1}, [1, {"a": 2}] != [1, {"a": 3}]
        expect(yield* compare([1, { a: 2 }], "=", [1, { a: 2 }])).toEqual(done(true))
        expect(yield* compare({ a: 1, b: 2 }, "=", { b: 2, a: 1 })).toEqual(done(true))
        expect(yield* compare([1, { a: 2 }], "!=", [1, { a: 3 }])).toEqual(done(true))
        expect(yield* compare(1, "=", "1")).toEqual(done(false))
      })
    )

    it.effect("R12 is and is not are same-value identity", () =>
      Effect.gen(function* () {
        const list = [1]
        expect(yield* compare(list, "is", list)).toEqual(done(true))
        expect(yield* compare([1], "is", [1])).toEqual(done(false))
        expect(yield* compare([1], "is not", [1])).toEqual(done(true))
        expect(yield* compare(null, "is", null)).toEqual(done(true))
        expect(yield* compare(NaN, "is", NaN)).toEqual(done(true))
      })
    )

    it.effect("R12 ordering compares two numbers or two texts, texts by code point", () =>
      Effect.gen(function* () {
        // 2 > 1, 2 >= 2, 1 < 2, 3 <= 2, "b" >= "a", "\uffff" < "😀"
        expect(yield* compare(2, ">", 1)).toEqual(done(true))
        expect(yield* compare(2, ">=", 2)).toEqual(done(true))
        expect(yield* compare(1, "<", 2)).toEqual(done(true))
        expect(yield* compare(3, "<=", 2)).toEqual(done(false))
        expect(yield* compare("b", ">=", "a")).toEqual(done(true))
        expect(yield* compare("\uffff", "<", "😀")).toEqual(done(true))
      })
    )

    it.effect("every ordering with NaN is false, as in Python", () =>
      Effect.gen(function* () {
        // float("nan") > 1, float("nan") <= 1, float("nan") == float("nan")
        expect(yield* compare(NaN, ">", 1)).toEqual(done(false))
        expect(yield* compare(NaN, "<=", 1)).toEqual(done(false))
        expect(yield* compare(NaN, "=", NaN)).toEqual(done(false))
      })
    )

    it.effect("R12 ordering values of different kinds is INVALID_ARGUMENT", () =>
      Effect.gen(function* () {
        // 1 < "a" raises TypeError
        const out = yield* compare(1, "<", "a")
        expect(out.status).toBe("INVALID_ARGUMENT")
        expect(out.error).toContain('cannot order number 1 and text "a"')
        expect(yield* statusOf("IF", { value1: [1], value2: [2], operator: ">" })).toBe("INVALID_ARGUMENT")
        expect(yield* statusOf("IF", { value1: true, value2: 0, operator: ">=" })).toBe("INVALID_ARGUMENT")
      })
    )

    it.effect("an unknown operator is INVALID_ARGUMENT", () =>
      Effect.gen(function* () {
        const out = yield* compare(1, "==", 1)
        expect(out.status).toBe("INVALID_ARGUMENT")
        expect(out.error).toContain('unknown operator "=="')
      })
    )

    it.effect("an operator that is not a text is INVALID_TYPE", () =>
      Effect.gen(function* () {
        expect(yield* statusOf("IF", { value1: 1, value2: 1, operator: 1 })).toBe("INVALID_TYPE")
      })
    )
  })

  describe("IF_THEN_ELSE, LOGICAL_OR, LOGICAL_AND", () => {
    it.effect("IF_THEN_ELSE gives then for a truthy value and otherwise for a falsy one", () =>
      Effect.gen(function* () {
        expect(yield* run("IF_THEN_ELSE", { value: [0], then: "yes", otherwise: "no" })).toEqual(done("yes"))
        expect(yield* run("IF_THEN_ELSE", { value: "", then: "yes", otherwise: null })).toEqual(done(null))
      })
    )

    it.effect("IF_THEN_ELSE without otherwise is INVALID_TYPE", () =>
      Effect.gen(function* () {
        expect(yield* run("IF_THEN_ELSE", { value: 1, then: 2 })).toEqual({
          status: "INVALID_TYPE",
          error: "otherwise: is required"
        })
      })
    )

    it.effect("LOGICAL_OR and LOGICAL_AND give the value Python's or and and give", () =>
      Effect.gen(function* () {
        // 0 or "x", "a" or "b", [] and 5, 3 and 5
        expect(yield* run("LOGICAL_OR", { value1: 0, value2: "x" })).toEqual(done("x"))
        expect(yield* run("LOGICAL_OR", { value1: "a", value2: "b" })).toEqual(done("a"))
        expect(yield* run("LOGICAL_AND", { value1: [], value2: 5 })).toEqual(done([]))
        expect(yield* run("LOGICAL_AND", { value1: 3, value2: 5 })).toEqual(done(5))
      })
    )
  })

  describe("BITWISE_AND, BITWISE_OR, BITWISE_NOT", () => {
    it.effect("R12 are exact for integers beyond 32 bits", () =>
      Effect.gen(function* () {
        // 2**40 | 1, (2**40 + 3) & 7, ~(2**40), 2**52 | (2**52 - 1), -(2**53-1) & (2**53-1)
        expect(yield* run("BITWISE_OR", { value1: 2 ** 40, value2: 1 })).toEqual(done(1099511627777))
        expect(yield* run("BITWISE_AND", { value1: 2 ** 40 + 3, value2: 7 })).toEqual(done(3))
        expect(yield* run("BITWISE_NOT", { value: 2 ** 40 })).toEqual(done(-1099511627777))
        expect(yield* run("BITWISE_OR", { value1: 2 ** 52, value2: 2 ** 52 - 1 })).toEqual(
          done(9007199254740991)
        )
        expect(yield* run("BITWISE_AND", { value1: -(2 ** 53 - 1), value2: 2 ** 53 - 1 })).toEqual(done(1))
      })
    )

    it.effect("treat negative integers as Python's infinite two's complement", () =>
      Effect.gen(function* () {
        // ~5, -5 & 3, -5 | 3
        expect(yield* run("BITWISE_NOT", { value: 5 })).toEqual(done(-6))
        expect(yield* run("BITWISE_AND", { value1: -5, value2: 3 })).toEqual(done(3))
        expect(yield* run("BITWISE_OR", { value1: -5, value2: 3 })).toEqual(done(-5))
      })
    )

    it.effect("R12 take any integer a number holds, beyond 2^53 too, and give Python's exact result", () =>
      Effect.gen(function* () {
        // ~(2**53 - 1), 2**60 | 2**53, 2**63 | 0, 2**60 & (2**60 + 2**59)
        expect(yield* run("BITWISE_NOT", { value: 2 ** 53 - 1 })).toEqual(done(-9007199254740992))
        expect(yield* run("BITWISE_OR", { value1: 2 ** 60, value2: 2 ** 53 })).toEqual(
          done(1152921504606846976 + 9007199254740992)
        )
        expect(yield* run("BITWISE_OR", { value1: 2 ** 63, value2: 0 })).toEqual(done(2 ** 63))
        expect(yield* run("BITWISE_AND", { value1: 2 ** 60, value2: 2 ** 60 + 2 ** 59 })).toEqual(
          done(2 ** 60)
        )
      })
    )

    it.effect("a result that no number holds exactly is INVALID_ARGUMENT, not a rounded number", () =>
      Effect.gen(function* () {
        // 2**60 | 1 is 1152921504606846977 and ~(2**53) is -9007199254740993: both lie between two doubles
        const out = yield* run("BITWISE_OR", { value1: 2 ** 60, value2: 1 })
        expect(out.status).toBe("INVALID_ARGUMENT")
        expect(out.error).toContain("1152921504606846977")
        expect(yield* statusOf("BITWISE_NOT", { value: 2 ** 53 })).toBe("INVALID_ARGUMENT")
      })
    )

    it.effect("a value that is not an integer is INVALID_TYPE", () =>
      Effect.gen(function* () {
        expect(yield* statusOf("BITWISE_AND", { value1: 1.5, value2: 1 })).toBe("INVALID_TYPE")
        expect(yield* statusOf("BITWISE_OR", { value1: 1, value2: Infinity })).toBe("INVALID_TYPE")
        expect(yield* statusOf("BITWISE_NOT", { value: "1" })).toBe("INVALID_TYPE")
        expect(yield* statusOf("BITWISE_NOT", { value: true })).toBe("INVALID_TYPE")
      })
    )
  })

  describe("ASSERT, NOT_ASSERT, IF_ASSERT", () => {
    it.effect("pass with null when the condition holds", () =>
      Effect.gen(function* () {
        expect(yield* run("ASSERT", { value: 1 })).toEqual(done(null))
        expect(yield* run("NOT_ASSERT", { value: [] })).toEqual(done(null))
        expect(yield* run("IF_ASSERT", { value1: [1], value2: [1], operator: "=" })).toEqual(done(null))
      })
    )

    it.effect("R5 fail with ASSERTION_ERROR when it does not", () =>
      Effect.gen(function* () {
        expect(yield* run("ASSERT", { value: 0 })).toEqual({
          status: "ASSERTION_ERROR",
          error: "expected a truthy value, got 0"
        })
        expect(yield* run("NOT_ASSERT", { value: "x" })).toEqual({
          status: "ASSERTION_ERROR",
          error: 'expected a falsy value, got "x"'
        })
        expect(yield* run("IF_ASSERT", { value1: 1, value2: 2, operator: ">" })).toEqual({
          status: "ASSERTION_ERROR",
          error: "expected 1 > 2"
        })
      })
    )

    it.effect("IF_ASSERT with values that cannot be ordered or an unknown operator is INVALID_ARGUMENT", () =>
      Effect.gen(function* () {
        expect(yield* statusOf("IF_ASSERT", { value1: 1, value2: "1", operator: "<" })).toBe(
          "INVALID_ARGUMENT"
        )
        expect(yield* statusOf("IF_ASSERT", { value1: 1, value2: 1, operator: "<>" })).toBe(
          "INVALID_ARGUMENT"
        )
      })
    )

    it.effect("ASSERT without a value is INVALID_TYPE", () =>
      Effect.gen(function* () {
        expect(yield* statusOf("ASSERT", {})).toBe("INVALID_TYPE")
      })
    )
  })
})
