import { describe, expect, it } from "@effect/vitest"
import { Effect, FastCheck as fc } from "effect"
import { Lists } from "../../src/blocks/Lists.js"
import { invokeBlock } from "../support/invoke.js"

const block = (name: string) => {
  const found = Lists.blocks.find((b) => b.name === name)
  if (found === undefined) throw new Error(`no block LISTS.${name}`)
  return found
}

const run = (name: string, parameters: Record<string, unknown>, variables?: Record<string, unknown>) =>
  invokeBlock(block(name), parameters, variables)

/** Texts of any code points, lone surrogates included (JSON text can hold them, and Python orders them). */
const anyText = fc.string({
  unit: fc.oneof(
    fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
    fc.constantFrom("\ud83d", "\ude00", "\ud800", "\udfff", "\ue000", "\uffff", "a")
  )
})

/** Runs a block under tighter size limits and gives the status name, or DONE. */
const statusWithLimits = (name: string, parameters: Record<string, unknown>, maxArrayLength: number) =>
  Effect.map(invokeBlock(block(name), parameters, {}, {}, { maxArrayLength }), (outcome) => outcome.status)

describe("LISTS", () => {
  it("has every block of SPEC section 12", () => {
    expect(Lists.blocks.map((b) => b.displayName).sort()).toEqual(
      [
        "CREATE",
        "COUNT",
        "APPEND",
        "CLEAR",
        "EXTEND",
        "SORT",
        "INSERT",
        "COPY",
        "REMOVE",
        "POP",
        "REVERSE",
        "COUNT_ITEM",
        "MERGE",
        "FLATTEN",
        "GET",
        "INDEX"
      ]
        .map((n) => `LISTS.${n}`)
        .sort()
    )
  })

  describe("CREATE", () => {
    it.effect("makes a list of the two values given", () =>
      Effect.gen(function* () {
        expect(yield* run("CREATE", { value1: "a", value2: [1] })).toEqual({
          status: "DONE",
          result: ["a", [1]]
        })
      })
    )

    it.effect("leaves out values not given, and keeps a null that is given", () =>
      Effect.gen(function* () {
        expect(yield* run("CREATE", {})).toEqual({ status: "DONE", result: [] })
        expect(yield* run("CREATE", { value2: null })).toEqual({ status: "DONE", result: [null] })
      })
    )
  })

  describe("COUNT", () => {
    it.effect("counts the items", () =>
      Effect.gen(function* () {
        // len([1, [2, 3], None]) == 3
        expect(yield* run("COUNT", { list: [1, [2, 3], null] })).toEqual({ status: "DONE", result: 3 })
      })
    )

    it.effect("R12 a list parameter that is not a list is INVALID_TYPE", () =>
      Effect.gen(function* () {
        const out = yield* run("COUNT", { list: "abc" })
        expect(out.status).toBe("INVALID_TYPE")
        expect(out.error).toContain("list: expected a list")
      })
    )
  })

  describe("GET", () => {
    it.effect("gives the item at an index, negative counting from the end", () =>
      Effect.gen(function* () {
        const list = ["a", "b", "c"]
        // ["a","b","c"][1] == "b"
        expect(yield* run("GET", { list, index: 1 })).toEqual({ status: "DONE", result: "b" })
        // ["a","b","c"][-1] == "c"
        expect(yield* run("GET", { list, index: -1 })).toEqual({ status: "DONE", result: "c" })
        expect(list).toEqual(["a", "b", "c"])
      })
    )

    it.effect("R14.6 an index out of range is INVALID_ARGUMENT, never the whole list", () =>
      Effect.gen(function* () {
        // ["a","b","c"][3] raises IndexError
        expect((yield* run("GET", { list: ["a", "b", "c"], index: 3 })).status).toBe("INVALID_ARGUMENT")
        expect((yield* run("GET", { list: ["a", "b", "c"], index: -4 })).status).toBe("INVALID_ARGUMENT")
      })
    )

    it.effect("an index that is not an integer is INVALID_TYPE", () =>
      Effect.gen(function* () {
        expect((yield* run("GET", { list: [1], index: 0.5 })).status).toBe("INVALID_TYPE")
      })
    )
  })

  describe("INDEX", () => {
    it.effect("R12 gives the index of the first structurally equal item", () =>
      Effect.gen(function* () {
        // [0, 1, [2]].index([2]) == 2
        expect(yield* run("INDEX", { list: [0, 1, [2], [2]], item: [2] })).toEqual({
          status: "DONE",
          result: 2
        })
      })
    )

    it.effect("R12 gives -1 when the item is absent", () =>
      Effect.gen(function* () {
        expect(yield* run("INDEX", { list: [1, 2], item: "1" })).toEqual({ status: "DONE", result: -1 })
      })
    )
  })

  describe("COUNT_ITEM", () => {
    it.effect("R12 counts items equal by deep structural equality", () =>
      Effect.gen(function* () {
        // [1, {"a": [1]}, {"a": [1]}].count({"a": [1]}) == 2
        const out = yield* run("COUNT_ITEM", { item: { a: [1] }, list: [1, { a: [1] }, { a: [1] }] })
        expect(out).toEqual({ status: "DONE", result: 2 })
      })
    )
  })

  describe("COPY", () => {
    it.effect("gives a deep copy that shares nothing with the list", () =>
      Effect.gen(function* () {
        const list = [1, { a: [2] }]
        const out = yield* run("COPY", { list })
        expect(out.result).toEqual(list)
        expect(out.result).not.toBe(list)
        expect((out.result as Array<any>)[1]).not.toBe(list[1])
      })
    )
  })

  describe("MERGE", () => {
    it.effect("gives a new list of both lists' items and changes neither", () =>
      Effect.gen(function* () {
        const list1 = [1, 2]
        const list2 = [3]
        // [*[1, 2], *[3]] == [1, 2, 3]
        expect(yield* run("MERGE", { list1, list2 })).toEqual({ status: "DONE", result: [1, 2, 3] })
        expect(list1).toEqual([1, 2])
        expect(list2).toEqual([3])
      })
    )

    it.effect("R13.2 a merged list longer than the limit is SIZE_LIMIT_EXCEED", () =>
      Effect.gen(function* () {
        expect(yield* statusWithLimits("MERGE", { list1: [1, 2], list2: [3] }, 2)).toBe("SIZE_LIMIT_EXCEED")
        expect(yield* statusWithLimits("MERGE", { list1: [1], list2: [3] }, 2)).toBe("DONE")
      })
    )
  })

  describe("FLATTEN", () => {
    it.effect("R12 flattens one level and keeps other items as they are", () =>
      Effect.gen(function* () {
        const list = [1, [2, 3], [[4]], "ab", []]
        // items = []; for it in x: items.extend(it) if isinstance(it, list) else items.append(it)
        // == [1, 2, 3, [4], "ab"]
        expect(yield* run("FLATTEN", { list })).toEqual({
          status: "DONE",
          result: [1, 2, 3, [4], "ab"]
        })
        expect(list).toEqual([1, [2, 3], [[4]], "ab", []])
      })
    )

    it.effect("R13.2 a flattened list longer than the limit is SIZE_LIMIT_EXCEED", () =>
      Effect.gen(function* () {
        expect(yield* statusWithLimits("FLATTEN", { list: [[1, 2], [3]] }, 2)).toBe("SIZE_LIMIT_EXCEED")
      })
    )
  })

  describe("APPEND", () => {
    it.effect("R10.2 LISTS.APPEND changes the list it is given and returns it", () =>
      Effect.gen(function* () {
        const list = [1]
        const out = yield* run("APPEND", { item: 2, list })
        expect(out.result).toBe(list)
        expect(list).toEqual([1, 2])
      })
    )

    it.effect("appending a list to itself stores a copy, not a cycle", () =>
      Effect.gen(function* () {
        const list: Array<unknown> = [1]
        yield* run("APPEND", { item: list, list })
        // l = [1]; l.append(l[:]) -> [1, [1]]
        expect(list).toEqual([1, [1]])
        expect(list[1]).not.toBe(list)
      })
    )

    it.effect("R13.2 appending past the list length limit is SIZE_LIMIT_EXCEED", () =>
      Effect.gen(function* () {
        expect(yield* statusWithLimits("APPEND", { item: 3, list: [1, 2] }, 2)).toBe("SIZE_LIMIT_EXCEED")
      })
    )
  })

  describe("EXTEND", () => {
    it.effect("R10.2 LISTS.EXTEND changes the first list, returns it, and leaves the second", () =>
      Effect.gen(function* () {
        const list1 = [1]
        const list2 = [2, [3]]
        const out = yield* run("EXTEND", { list1, list2 })
        expect(out.result).toBe(list1)
        expect(list1).toEqual([1, 2, [3]])
        expect(list2).toEqual([2, [3]])
        expect(list1[2]).not.toBe(list2[1])
      })
    )

    it.effect("extending a list with itself doubles it, as Python does", () =>
      Effect.gen(function* () {
        const list = [1, 2]
        yield* run("EXTEND", { list1: list, list2: list })
        // l = [1, 2]; l.extend(l); l == [1, 2, 1, 2]
        expect(list).toEqual([1, 2, 1, 2])
      })
    )

    it.effect("R13.2 extending past the limit is SIZE_LIMIT_EXCEED and leaves the list as it was", () =>
      Effect.gen(function* () {
        const list1 = [1, 2]
        expect(yield* statusWithLimits("EXTEND", { list1, list2: [3] }, 2)).toBe("SIZE_LIMIT_EXCEED")
        expect(list1).toEqual([1, 2])
      })
    )
  })

  describe("INSERT", () => {
    it.effect("R10.2 LISTS.INSERT inserts before the index in the list it is given and returns it", () =>
      Effect.gen(function* () {
        const list = [1, 2, 3]
        const out = yield* run("INSERT", { list, index: 1, item: "x" })
        expect(out.result).toBe(list)
        // l = [1, 2, 3]; l.insert(1, "x") -> [1, "x", 2, 3]
        expect(list).toEqual([1, "x", 2, 3])
      })
    )

    it.effect("a negative index counts from the end, and an index past either end clamps, as Python", () =>
      Effect.gen(function* () {
        const insert = (index: number) =>
          run("INSERT", { list: [1, 2, 3], index, item: "x" }).pipe(Effect.map((o) => o.result))
        // l.insert(-1, "x") -> [1, 2, "x", 3]
        expect(yield* insert(-1)).toEqual([1, 2, "x", 3])
        // l.insert(100, "x") -> [1, 2, 3, "x"]
        expect(yield* insert(100)).toEqual([1, 2, 3, "x"])
        // l.insert(-100, "x") -> ["x", 1, 2, 3]
        expect(yield* insert(-100)).toEqual(["x", 1, 2, 3])
        // l.insert(2**60, "x"), l.insert(-2**60, "x"): indexes beyond 2^53 clamp too
        expect(yield* insert(2 ** 60)).toEqual([1, 2, 3, "x"])
        expect(yield* insert(-(2 ** 60))).toEqual(["x", 1, 2, 3])
      })
    )

    it.effect("a missing item is INVALID_TYPE", () =>
      Effect.gen(function* () {
        expect((yield* run("INSERT", { list: [], index: 0 })).status).toBe("INVALID_TYPE")
      })
    )
  })

  describe("REMOVE", () => {
    it.effect("R10.2 LISTS.REMOVE removes the first equal item from the list it is given, returning it", () =>
      Effect.gen(function* () {
        const list = [1, { a: [1] }, 2, { a: [1] }]
        const out = yield* run("REMOVE", { item: { a: [1] }, list })
        expect(out.result).toBe(list)
        // l.remove({"a": [1]}) -> [1, 2, {"a": [1]}]
        expect(list).toEqual([1, 2, { a: [1] }])
      })
    )

    it.effect("R12 an item not in the list is INVALID_ARGUMENT", () =>
      Effect.gen(function* () {
        const list = [1, 2]
        // [1, 2].remove(3) raises ValueError
        expect((yield* run("REMOVE", { item: 3, list })).status).toBe("INVALID_ARGUMENT")
        expect(list).toEqual([1, 2])
      })
    )
  })

  describe("POP", () => {
    it.effect("R12 removes the last item by default and returns that item", () =>
      Effect.gen(function* () {
        const list = [1, 2, 3]
        // l.pop() == 3, l == [1, 2]
        expect(yield* run("POP", { list })).toEqual({ status: "DONE", result: 3 })
        expect(list).toEqual([1, 2])
      })
    )

    it.effect("removes the item at an index, negative counting from the end", () =>
      Effect.gen(function* () {
        const list = [1, 2, 3]
        // l.pop(-3) == 1, l == [2, 3]
        expect(yield* run("POP", { list, index: -3 })).toEqual({ status: "DONE", result: 1 })
        expect(list).toEqual([2, 3])
      })
    )

    it.effect("R12 an index out of range, or an empty list, is INVALID_ARGUMENT", () =>
      Effect.gen(function* () {
        const list = [1, 2, 3]
        // [1, 2, 3].pop(3) raises IndexError: pop index out of range
        expect((yield* run("POP", { list, index: 3 })).status).toBe("INVALID_ARGUMENT")
        expect((yield* run("POP", { list, index: -4 })).status).toBe("INVALID_ARGUMENT")
        // [1, 2, 3].pop(2**60) raises IndexError
        expect((yield* run("POP", { list, index: 2 ** 60 })).status).toBe("INVALID_ARGUMENT")
        expect((yield* run("POP", { list, index: "0" })).error).toBe('index: expected an integer, got "0"')
        // [].pop() raises IndexError: pop from empty list
        expect((yield* run("POP", { list: [] })).status).toBe("INVALID_ARGUMENT")
        expect(list).toEqual([1, 2, 3])
      })
    )
  })

  describe("CLEAR and REVERSE", () => {
    it.effect("R10.2 LISTS.CLEAR empties the list it is given and returns it", () =>
      Effect.gen(function* () {
        const list = [1, 2]
        const out = yield* run("CLEAR", { list })
        expect(out.result).toBe(list)
        expect(list).toEqual([])
      })
    )

    it.effect("R10.2 LISTS.REVERSE reverses the list it is given and returns it", () =>
      Effect.gen(function* () {
        const list = [1, 2, 3]
        const out = yield* run("REVERSE", { list })
        expect(out.result).toBe(list)
        // l.reverse() -> [3, 2, 1]
        expect(list).toEqual([3, 2, 1])
      })
    )
  })

  describe("SORT", () => {
    it.effect("R10.2 LISTS.SORT sorts the list it is given, ascending by default, and returns it", () =>
      Effect.gen(function* () {
        const list = [2, 1.5, -3, 10]
        const out = yield* run("SORT", { list })
        expect(out.result).toBe(list)
        // sorted([2, 1.5, -3, 10]) == [-3, 1.5, 2, 10]
        expect(list).toEqual([-3, 1.5, 2, 10])
      })
    )

    it.effect("R12 sorts from largest to smallest with reverse", () =>
      Effect.gen(function* () {
        // sorted(["b", "a", "B", "ab"], reverse=True) == ["b", "ab", "a", "B"]
        expect(yield* run("SORT", { list: ["b", "a", "B", "ab"], reverse: true })).toEqual({
          status: "DONE",
          result: ["b", "ab", "a", "B"]
        })
      })
    )

    it.effect("R12 orders texts by code point, not by UTF-16 unit", () =>
      Effect.gen(function* () {
        // sorted(["b", "a", "\U0001F600", "\uff21", "é"]) == ["a", "b", "é", "Ａ", "😀"]
        expect(yield* run("SORT", { list: ["b", "a", "😀", "Ａ", "é"] })).toEqual({
          status: "DONE",
          result: ["a", "b", "é", "Ａ", "😀"]
        })
      })
    )

    it.effect("R12 mixing numbers and texts, or sorting lists, is INVALID_ARGUMENT and changes nothing", () =>
      Effect.gen(function* () {
        const list = [1, "a"]
        // sorted([1, "a"]) raises TypeError
        expect((yield* run("SORT", { list })).status).toBe("INVALID_ARGUMENT")
        expect(list).toEqual([1, "a"])
        expect((yield* run("SORT", { list: [[2], [1]] })).status).toBe("INVALID_ARGUMENT")
        expect((yield* run("SORT", { list: [null, 1] })).status).toBe("INVALID_ARGUMENT")
      })
    )

    it.effect("a list of fewer than two items is never compared, as in Python", () =>
      Effect.gen(function* () {
        // sorted([{"a": 1}]) == [{"a": 1}]
        expect(yield* run("SORT", { list: [{ a: 1 }] })).toEqual({ status: "DONE", result: [{ a: 1 }] })
      })
    )

    it.effect("a reverse that is not a boolean is INVALID_TYPE", () =>
      Effect.gen(function* () {
        expect((yield* run("SORT", { list: [1], reverse: "yes" })).status).toBe("INVALID_TYPE")
      })
    )

    it.effect.prop(
      "SORT gives an ordered permutation of a list of numbers",
      [fc.array(fc.double({ noNaN: true })), fc.boolean()],
      ([numbers, reverse]) =>
        Effect.gen(function* () {
          const list = [...numbers]
          const out = yield* run("SORT", { list, reverse })
          const sorted = out.result as Array<number>
          expect(sorted).toHaveLength(numbers.length)
          // `+ 0` makes -0 and 0 alike: the sort keeps them in input order, as equal items.
          const multiset = (xs: Array<number>) => xs.map((x) => x + 0).sort((a, b) => a - b)
          expect(multiset(sorted)).toEqual(multiset(numbers))
          for (let i = 1; i < sorted.length; i++) {
            expect(reverse ? sorted[i - 1]! >= sorted[i]! : sorted[i - 1]! <= sorted[i]!).toBe(true)
          }
        })
    )

    it.effect.prop(
      "SORT gives a permutation of a list of texts ordered by code point",
      [fc.array(anyText)],
      ([texts]) =>
        Effect.gen(function* () {
          const out = yield* run("SORT", { list: [...texts] })
          const sorted = out.result as Array<string>
          expect([...sorted].sort()).toEqual([...texts].sort())
          const codePoints = (s: string) => Array.from(s, (c) => c.codePointAt(0)!)
          for (let i = 1; i < sorted.length; i++) {
            const [a, b] = [codePoints(sorted[i - 1]!), codePoints(sorted[i]!)]
            const first = a.findIndex((x, j) => x !== b[j])
            const inOrder = first === -1 ? a.length <= b.length : first < b.length && a[first]! < b[first]!
            expect(inOrder).toBe(true)
          }
        })
    )
  })
})
