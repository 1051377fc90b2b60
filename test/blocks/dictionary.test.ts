import { describe, expect, it } from "@effect/vitest"
import { Effect, FastCheck as fc } from "effect"
import { Dictionary } from "../../src/blocks/Dictionary.js"
import { invokeBlock } from "../support/invoke.js"

const block = (name: string) => {
  const found = Dictionary.blocks.find((b) => b.name === name)
  if (found === undefined) throw new Error(`no block DICTIONARY.${name}`)
  return found
}

const run = (name: string, parameters: Record<string, unknown>, variables?: Record<string, unknown>) =>
  invokeBlock(block(name), parameters, variables)

/** Runs a block under a tighter key limit and gives the status name, or DONE. */
const statusWithKeyLimit = (name: string, parameters: Record<string, unknown>, maxObjectKeys: number) =>
  Effect.map(invokeBlock(block(name), parameters, {}, {}, { maxObjectKeys }), (outcome) => outcome.status)

/** A dictionary parsed from JSON, as users write it: `__proto__` is an own key there. */
const hostile = () => JSON.parse('{"__proto__": {"polluted": true}, "constructor": 2, "a": 1}')

const prototypeUntouched = () => {
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain("polluted")
  expect(({} as any).polluted).toBeUndefined()
}

describe("DICTIONARY", () => {
  it("has every block of SPEC section 12", () => {
    expect(Dictionary.blocks.map((b) => b.displayName).sort()).toEqual(
      [
        "CREATE",
        "CREATE_FROM_PAIRS",
        "CREATE_FROM_LIST",
        "GET",
        "SET",
        "DELETE",
        "MERGE",
        "POP",
        "UPDATE",
        "CLEAR",
        "COUNT",
        "LIST_KEYS",
        "LIST_VALUES",
        "LIST_ITEMS",
        "IS_DICTIONARY",
        "IS_KEY_EXISTS",
        "IS_VALUE_EXISTS"
      ]
        .map((n) => `DICTIONARY.${n}`)
        .sort()
    )
  })

  describe("CREATE", () => {
    it.effect("R12 makes a dictionary of the parameters given to the step", () =>
      Effect.gen(function* () {
        const parameters = { a: 1, b: [2] }
        const out = yield* run("CREATE", parameters)
        expect(out).toEqual({ status: "DONE", result: { a: 1, b: [2] } })
        expect(out.result).not.toBe(parameters)
      })
    )

    it.effect("R13.3 a __proto__ parameter becomes an own key, and no prototype changes", () =>
      Effect.gen(function* () {
        const out = yield* run("CREATE", hostile())
        const made = out.result as Record<string, unknown>
        expect(Object.keys(made)).toEqual(["__proto__", "constructor", "a"])
        expect(Object.getPrototypeOf(made)).toBe(Object.prototype)
        expect(Object.getOwnPropertyDescriptor(made, "__proto__")?.value).toEqual({ polluted: true })
        prototypeUntouched()
      })
    )
  })

  describe("CREATE_FROM_PAIRS", () => {
    it.effect("makes a dictionary of one key and value", () =>
      Effect.gen(function* () {
        expect(yield* run("CREATE_FROM_PAIRS", { key: "k", value: [1] })).toEqual({
          status: "DONE",
          result: { k: [1] }
        })
      })
    )

    it.effect("R13.3 the key __proto__ becomes an own key", () =>
      Effect.gen(function* () {
        const out = yield* run("CREATE_FROM_PAIRS", { key: "__proto__", value: { polluted: true } })
        expect(Object.keys(out.result as object)).toEqual(["__proto__"])
        expect(Object.getPrototypeOf(out.result)).toBe(Object.prototype)
        prototypeUntouched()
      })
    )

    it.effect("a key that is not a text is INVALID_TYPE", () =>
      Effect.gen(function* () {
        expect((yield* run("CREATE_FROM_PAIRS", { key: 1, value: 2 })).status).toBe("INVALID_TYPE")
      })
    )

    it.effect("a missing value is INVALID_TYPE", () =>
      Effect.gen(function* () {
        const out = yield* run("CREATE_FROM_PAIRS", { key: "k" })
        expect(out.status).toBe("INVALID_TYPE")
        expect(out.error).toContain("value")
      })
    )
  })

  describe("CREATE_FROM_LIST", () => {
    it.effect("makes a dictionary from [key, value] pairs, a later key winning", () =>
      Effect.gen(function* () {
        // {a[0]: a[1] for a in [["a", 1], ["b", 2], ["a", 3]]} == {"a": 3, "b": 2}
        expect(
          yield* run("CREATE_FROM_LIST", {
            pairs: [
              ["a", 1],
              ["b", 2],
              ["a", 3]
            ]
          })
        ).toEqual({
          status: "DONE",
          result: { a: 3, b: 2 }
        })
      })
    )

    it.effect("takes a single [text, value] list as one pair, and an empty list as no pairs", () =>
      Effect.gen(function* () {
        // pairs = ["k", 1] -> {"k": 1}
        expect(yield* run("CREATE_FROM_LIST", { pairs: ["k", 1] })).toEqual({
          status: "DONE",
          result: { k: 1 }
        })
        expect(yield* run("CREATE_FROM_LIST", { pairs: [] })).toEqual({ status: "DONE", result: {} })
      })
    )

    it.effect("R12 malformed pairs are INVALID_ARGUMENT", () =>
      Effect.gen(function* () {
        for (const pairs of [[["a"]], [["a", 1, 2]], [[1, 2]], ["ab", "cd", "ef"], [null]]) {
          expect((yield* run("CREATE_FROM_LIST", { pairs })).status).toBe("INVALID_ARGUMENT")
        }
      })
    )

    it.effect("R13.3 a __proto__ key becomes an own key", () =>
      Effect.gen(function* () {
        const out = yield* run("CREATE_FROM_LIST", { pairs: [["__proto__", { polluted: true }]] })
        expect(Object.keys(out.result as object)).toEqual(["__proto__"])
        prototypeUntouched()
      })
    )
  })

  describe("GET", () => {
    it.effect("gives the value of a key", () =>
      Effect.gen(function* () {
        expect(yield* run("GET", { key: "a", dictionary: { a: [1] } })).toEqual({
          status: "DONE",
          result: [1]
        })
      })
    )

    it.effect("gives the default for a missing key, even a null default", () =>
      Effect.gen(function* () {
        // {"a": 1}.get("b", "dflt") == "dflt"
        expect(yield* run("GET", { key: "b", dictionary: { a: 1 }, default: "dflt" })).toEqual({
          status: "DONE",
          result: "dflt"
        })
        expect(yield* run("GET", { key: "b", dictionary: {}, default: null })).toEqual({
          status: "DONE",
          result: null
        })
      })
    )

    it.effect("R12 a missing key without a default is INVALID_ARGUMENT", () =>
      Effect.gen(function* () {
        // {"a": 1}["b"] raises KeyError
        expect((yield* run("GET", { key: "b", dictionary: { a: 1 } })).status).toBe("INVALID_ARGUMENT")
      })
    )

    it.effect("R9.5 inherited members such as constructor are never found", () =>
      Effect.gen(function* () {
        // {"a": 1}.get("constructor", "dflt") == "dflt"
        expect(yield* run("GET", { key: "constructor", dictionary: { a: 1 }, default: "dflt" })).toEqual({
          status: "DONE",
          result: "dflt"
        })
        for (const key of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
          expect((yield* run("GET", { key, dictionary: { a: 1 } })).status).toBe("INVALID_ARGUMENT")
        }
      })
    )

    it.effect("R13.3 own keys named __proto__ and constructor are found", () =>
      Effect.gen(function* () {
        const dictionary = hostile()
        expect(yield* run("GET", { key: "__proto__", dictionary })).toEqual({
          status: "DONE",
          result: { polluted: true }
        })
        expect(yield* run("GET", { key: "constructor", dictionary })).toEqual({
          status: "DONE",
          result: 2
        })
      })
    )

    it.effect("a dictionary that is a list is INVALID_TYPE", () =>
      Effect.gen(function* () {
        const out = yield* run("GET", { key: "a", dictionary: [1] })
        expect(out.status).toBe("INVALID_TYPE")
        expect(out.error).toContain("dictionary: expected a dictionary")
      })
    )
  })

  describe("SET", () => {
    it.effect("R10.2 DICTIONARY.SET changes the dictionary it is given and returns it", () =>
      Effect.gen(function* () {
        const dictionary: Record<string, unknown> = { a: 1 }
        const out = yield* run("SET", { key: "b", value: [2], dictionary })
        expect(out.result).toBe(dictionary)
        expect(dictionary).toEqual({ a: 1, b: [2] })
      })
    )

    it.effect("R13.3 setting __proto__ adds an own key and changes no prototype", () =>
      Effect.gen(function* () {
        const dictionary: Record<string, unknown> = {}
        yield* run("SET", { key: "__proto__", value: { polluted: true }, dictionary })
        expect(Object.keys(dictionary)).toEqual(["__proto__"])
        expect(Object.getPrototypeOf(dictionary)).toBe(Object.prototype)
        expect((dictionary as any).polluted).toBeUndefined()
        prototypeUntouched()
      })
    )

    it.effect("setting a dictionary into itself stores a copy, not a cycle", () =>
      Effect.gen(function* () {
        const dictionary: Record<string, unknown> = { a: 1 }
        yield* run("SET", { key: "self", value: dictionary, dictionary })
        expect(dictionary).toEqual({ a: 1, self: { a: 1 } })
        expect(dictionary["self"]).not.toBe(dictionary)
      })
    )

    it.effect("R13.2 a new key past the key limit is SIZE_LIMIT_EXCEED; changing a key is not", () =>
      Effect.gen(function* () {
        const dictionary = { a: 1 }
        const status = yield* statusWithKeyLimit("SET", { key: "b", value: 2, dictionary }, 1)
        expect(status).toBe("SIZE_LIMIT_EXCEED")
        expect(dictionary).toEqual({ a: 1 })
        expect(yield* statusWithKeyLimit("SET", { key: "a", value: 2, dictionary }, 1)).toBe("DONE")
      })
    )
  })

  describe("DELETE", () => {
    it.effect("R10.2 DICTIONARY.DELETE removes the key from the dictionary it is given and returns it", () =>
      Effect.gen(function* () {
        const dictionary = { a: 1, b: 2 }
        const out = yield* run("DELETE", { key: "a", dictionary })
        expect(out.result).toBe(dictionary)
        expect(dictionary).toEqual({ b: 2 })
      })
    )

    it.effect("R12 ignores a missing key by default, and fails INVALID_ARGUMENT when silent is false", () =>
      Effect.gen(function* () {
        const dictionary = { a: 1 }
        expect(yield* run("DELETE", { key: "constructor", dictionary })).toEqual({
          status: "DONE",
          result: { a: 1 }
        })
        // del {"a": 1}["b"] raises KeyError
        expect((yield* run("DELETE", { key: "b", dictionary, silent: false })).status).toBe(
          "INVALID_ARGUMENT"
        )
      })
    )

    it.effect("R13.3 deleting an own __proto__ key removes only that key", () =>
      Effect.gen(function* () {
        const dictionary = hostile()
        yield* run("DELETE", { key: "__proto__", dictionary, silent: false })
        expect(Object.keys(dictionary)).toEqual(["constructor", "a"])
        expect(Object.getPrototypeOf(dictionary)).toBe(Object.prototype)
        prototypeUntouched()
      })
    )

    it.effect("a silent that is not a boolean is INVALID_TYPE", () =>
      Effect.gen(function* () {
        expect((yield* run("DELETE", { key: "a", dictionary: {}, silent: 0 })).status).toBe("INVALID_TYPE")
      })
    )
  })

  describe("POP", () => {
    it.effect("R12 removes a key from the dictionary it is given and returns its value", () =>
      Effect.gen(function* () {
        const dictionary = { a: 1, b: 2 }
        // d = {"a": 1, "b": 2}; d.pop("a") == 1; d == {"b": 2}
        expect(yield* run("POP", { key: "a", dictionary })).toEqual({ status: "DONE", result: 1 })
        expect(dictionary).toEqual({ b: 2 })
      })
    )

    it.effect("gives the default for a missing key, or fails INVALID_ARGUMENT without one", () =>
      Effect.gen(function* () {
        const dictionary = { a: 1 }
        expect(yield* run("POP", { key: "constructor", dictionary, default: 0 })).toEqual({
          status: "DONE",
          result: 0
        })
        // {"a": 1}.pop("b") raises KeyError
        expect((yield* run("POP", { key: "b", dictionary })).status).toBe("INVALID_ARGUMENT")
        expect(dictionary).toEqual({ a: 1 })
      })
    )
  })

  describe("MERGE", () => {
    it.effect("gives a new dictionary where the second one wins, and changes neither", () =>
      Effect.gen(function* () {
        const dict1 = { a: 1, b: 2 }
        const dict2 = { b: 3, c: 4 }
        // {**{"a": 1, "b": 2}, **{"b": 3, "c": 4}} == {"a": 1, "b": 3, "c": 4}
        expect(yield* run("MERGE", { dict1, dict2 })).toEqual({
          status: "DONE",
          result: { a: 1, b: 3, c: 4 }
        })
        expect(dict1).toEqual({ a: 1, b: 2 })
        expect(dict2).toEqual({ b: 3, c: 4 })
      })
    )

    it.effect("R13.3 keeps __proto__ keys as own keys", () =>
      Effect.gen(function* () {
        const out = yield* run("MERGE", { dict1: hostile(), dict2: { b: 1 } })
        expect(Object.keys(out.result as object)).toEqual(["__proto__", "constructor", "a", "b"])
        expect(Object.getPrototypeOf(out.result)).toBe(Object.prototype)
        prototypeUntouched()
      })
    )

    it.effect("R13.2 a merged dictionary with more keys than the limit is SIZE_LIMIT_EXCEED", () =>
      Effect.gen(function* () {
        const status = yield* statusWithKeyLimit("MERGE", { dict1: { a: 1 }, dict2: { b: 2 } }, 1)
        expect(status).toBe("SIZE_LIMIT_EXCEED")
        expect(yield* statusWithKeyLimit("MERGE", { dict1: { a: 1 }, dict2: { a: 2 } }, 1)).toBe("DONE")
      })
    )

    const key = fc.constantFrom("a", "b", "c", "__proto__", "constructor", "toString", "0", "1")
    const dictionary = fc.dictionary(key, fc.integer()).map((d) => JSON.parse(JSON.stringify(d)))

    it.effect.prop(
      "MERGE keeps every key of both dictionaries, the second one's value winning",
      [dictionary, dictionary],
      ([dict1, dict2]) =>
        Effect.gen(function* () {
          const out = yield* run("MERGE", { dict1, dict2 })
          const merged = out.result as Record<string, unknown>
          const keys = new Set([...Object.keys(dict1), ...Object.keys(dict2)])
          expect(new Set(Object.keys(merged))).toEqual(keys)
          for (const k of keys) {
            expect(merged[k]).toBe(Object.hasOwn(dict2, k) ? dict2[k] : dict1[k])
          }
          prototypeUntouched()
        })
    )
  })

  describe("UPDATE", () => {
    it.effect("R10.2 DICTIONARY.UPDATE changes the first dictionary, returns it, and leaves the second", () =>
      Effect.gen(function* () {
        const dict1: Record<string, unknown> = { a: 1 }
        const dict2 = { a: 2, b: [1] }
        const out = yield* run("UPDATE", { dict1, dict2 })
        expect(out.result).toBe(dict1)
        // d = {"a": 1}; d.update({"a": 2, "b": [1]}); d == {"a": 2, "b": [1]}
        expect(dict1).toEqual({ a: 2, b: [1] })
        expect(dict2).toEqual({ a: 2, b: [1] })
        expect(dict1["b"]).not.toBe(dict2.b)
      })
    )

    it.effect("R13.3 updating with a __proto__ key adds an own key", () =>
      Effect.gen(function* () {
        const dict1 = {}
        yield* run("UPDATE", { dict1, dict2: hostile() })
        expect(Object.keys(dict1)).toEqual(["__proto__", "constructor", "a"])
        expect(Object.getPrototypeOf(dict1)).toBe(Object.prototype)
        prototypeUntouched()
      })
    )

    it.effect("R13.2 updating past the key limit is SIZE_LIMIT_EXCEED and changes nothing", () =>
      Effect.gen(function* () {
        const dict1 = { a: 1 }
        expect(yield* statusWithKeyLimit("UPDATE", { dict1, dict2: { b: 2 } }, 1)).toBe("SIZE_LIMIT_EXCEED")
        expect(dict1).toEqual({ a: 1 })
      })
    )
  })

  describe("CLEAR", () => {
    it.effect("R10.2 DICTIONARY.CLEAR empties the dictionary it is given and returns it", () =>
      Effect.gen(function* () {
        const dictionary = hostile()
        const out = yield* run("CLEAR", { dictionary })
        expect(out.result).toBe(dictionary)
        expect(Object.keys(dictionary)).toEqual([])
        prototypeUntouched()
      })
    )
  })

  describe("COUNT and LIST_*", () => {
    it.effect("COUNT counts the keys", () =>
      Effect.gen(function* () {
        expect(yield* run("COUNT", { dictionary: hostile() })).toEqual({ status: "DONE", result: 3 })
      })
    )

    it.effect("LIST_KEYS, LIST_VALUES and LIST_ITEMS list keys, values and [key, value] pairs", () =>
      Effect.gen(function* () {
        const dictionary = { a: 1, b: [2] }
        // list({"a": 1, "b": [2]}.keys()) == ["a", "b"]
        expect(yield* run("LIST_KEYS", { dictionary })).toEqual({ status: "DONE", result: ["a", "b"] })
        expect(yield* run("LIST_VALUES", { dictionary })).toEqual({ status: "DONE", result: [1, [2]] })
        // [[x, y] for x, y in {"a": 1, "b": [2]}.items()] == [["a", 1], ["b", [2]]]
        expect(yield* run("LIST_ITEMS", { dictionary })).toEqual({
          status: "DONE",
          result: [
            ["a", 1],
            ["b", [2]]
          ]
        })
        expect(dictionary).toEqual({ a: 1, b: [2] })
      })
    )

    it.effect("R13.3 LIST_KEYS lists an own __proto__ key", () =>
      Effect.gen(function* () {
        expect(yield* run("LIST_KEYS", { dictionary: hostile() })).toEqual({
          status: "DONE",
          result: ["__proto__", "constructor", "a"]
        })
      })
    )
  })

  describe("IS_*", () => {
    it.effect("IS_DICTIONARY is true for dictionaries only", () =>
      Effect.gen(function* () {
        expect((yield* run("IS_DICTIONARY", { value: {} })).result).toBe(true)
        for (const value of [[], null, "{}", 1]) {
          expect((yield* run("IS_DICTIONARY", { value })).result).toBe(false)
        }
      })
    )

    it.effect("IS_KEY_EXISTS sees own keys only", () =>
      Effect.gen(function* () {
        expect((yield* run("IS_KEY_EXISTS", { key: "a", dictionary: { a: 1 } })).result).toBe(true)
        // "constructor" in {"a": 1} == False
        expect((yield* run("IS_KEY_EXISTS", { key: "constructor", dictionary: { a: 1 } })).result).toBe(false)
        expect((yield* run("IS_KEY_EXISTS", { key: "__proto__", dictionary: hostile() })).result).toBe(true)
      })
    )

    it.effect("R12 IS_VALUE_EXISTS uses deep structural equality", () =>
      Effect.gen(function* () {
        const dictionary = { a: { x: [1] }, b: 2 }
        // {"x": [1]} in {"a": {"x": [1]}, "b": 2}.values() == True
        expect((yield* run("IS_VALUE_EXISTS", { value: { x: [1] }, dictionary })).result).toBe(true)
        expect((yield* run("IS_VALUE_EXISTS", { value: "2", dictionary })).result).toBe(false)
      })
    )
  })
})
