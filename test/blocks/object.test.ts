import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { ObjectBlocks } from "../../src/blocks/Object.js"
import { invokeBlock } from "../support/invoke.js"

const block = (name: string) => {
  const found = ObjectBlocks.blocks.find((b) => b.name === name)
  if (found === undefined) throw new Error(`no block OBJECT.${name}`)
  return found
}

const run = (name: string, parameters: Record<string, unknown>, variables?: Record<string, unknown>) =>
  invokeBlock(block(name), parameters, variables)

describe("OBJECT", () => {
  it("has every block of SPEC section 12", () => {
    expect(ObjectBlocks.blocks.map((b) => b.displayName).sort()).toEqual(
      ["CREATE_SLICE", "APPLY_SLICE", "SLICE_VALUE", "COPY", "LENGTH"].map((n) => `OBJECT.${n}`).sort()
    )
  })

  describe("CREATE_SLICE", () => {
    it.effect("describes a slice as plain data", () =>
      Effect.gen(function* () {
        expect(yield* run("CREATE_SLICE", { start: 1, stop: -1, step: 2 })).toEqual({
          status: "DONE",
          result: { start: 1, stop: -1, step: 2 }
        })
      })
    )

    it.effect("gives null for each part left out, or given as null", () =>
      Effect.gen(function* () {
        // s = slice(None, 2); (s.start, s.stop, s.step) == (None, 2, None)
        expect(yield* run("CREATE_SLICE", { stop: 2 })).toEqual({
          status: "DONE",
          result: { start: null, stop: 2, step: null }
        })
        expect(yield* run("CREATE_SLICE", { start: null })).toEqual({
          status: "DONE",
          result: { start: null, stop: null, step: null }
        })
      })
    )

    it.effect("a part that is not an integer or null is INVALID_TYPE", () =>
      Effect.gen(function* () {
        const out = yield* run("CREATE_SLICE", { start: "1" })
        expect(out.status).toBe("INVALID_TYPE")
        expect(out.error).toBe('start: expected an integer or null, got "1"')
        expect((yield* run("CREATE_SLICE", { step: 0.5 })).status).toBe("INVALID_TYPE")
      })
    )
  })

  describe("APPLY_SLICE", () => {
    it.effect("R9.4 slices a list with Python's semantics and leaves the list as it was", () =>
      Effect.gen(function* () {
        const value = [1, 2, 3, 4, 5]
        // [1, 2, 3, 4, 5][1:4:2] == [2, 4]
        expect(yield* run("APPLY_SLICE", { value, slice: { start: 1, stop: 4, step: 2 } })).toEqual({
          status: "DONE",
          result: [2, 4]
        })
        // [1, 2, 3, 4, 5][::-2] == [5, 3, 1]
        expect(yield* run("APPLY_SLICE", { value, slice: { start: null, stop: null, step: -2 } })).toEqual({
          status: "DONE",
          result: [5, 3, 1]
        })
        expect(value).toEqual([1, 2, 3, 4, 5])
      })
    )

    it.effect("R12 slices text by code point", () =>
      Effect.gen(function* () {
        // "héllo😀"[-2:] == "o😀"
        expect(yield* run("APPLY_SLICE", { value: "héllo😀", slice: { start: -2 } })).toEqual({
          status: "DONE",
          result: "o😀"
        })
      })
    )

    it.effect("accepts the slice that CREATE_SLICE gives", () =>
      Effect.gen(function* () {
        const slice = (yield* run("CREATE_SLICE", { stop: 2 })).result
        // [1, 2, 3][slice(None, 2, None)] == [1, 2]
        expect(yield* run("APPLY_SLICE", { value: [1, 2, 3], slice })).toEqual({
          status: "DONE",
          result: [1, 2]
        })
      })
    )

    it.effect("R9.6 a step of 0 is INVALID_ARGUMENT", () =>
      Effect.gen(function* () {
        // [1, 2][::0] raises ValueError: slice step cannot be zero
        const out = yield* run("APPLY_SLICE", { value: [1, 2], slice: { step: 0 } })
        expect(out).toEqual({ status: "INVALID_ARGUMENT", error: "slice step cannot be zero" })
      })
    )

    it.effect("a value that is not a text or list, or a malformed slice, is INVALID_TYPE", () =>
      Effect.gen(function* () {
        expect((yield* run("APPLY_SLICE", { value: { a: 1 }, slice: {} })).status).toBe("INVALID_TYPE")
        expect((yield* run("APPLY_SLICE", { value: [1], slice: [0, 1] })).status).toBe("INVALID_TYPE")
        expect((yield* run("APPLY_SLICE", { value: [1], slice: { begin: 0 } })).status).toBe("INVALID_TYPE")
        expect((yield* run("APPLY_SLICE", { value: [1], slice: { stop: "2" } })).status).toBe("INVALID_TYPE")
      })
    )
  })

  describe("SLICE_VALUE", () => {
    it.effect("R9.4 slices with start, stop and step, negative counting from the end", () =>
      Effect.gen(function* () {
        // "héllo😀"[1:3] == "él"
        expect(yield* run("SLICE_VALUE", { value: "héllo😀", start: 1, stop: 3 })).toEqual({
          status: "DONE",
          result: "él"
        })
        // "héllo😀"[::-1] == "😀olléh"
        expect(yield* run("SLICE_VALUE", { value: "héllo😀", step: -1 })).toEqual({
          status: "DONE",
          result: "😀olléh"
        })
      })
    )

    it.effect("R9.4 clamps positions out of range, as Python", () =>
      Effect.gen(function* () {
        // [1, 2, 3, 4, 5][-100:100] == [1, 2, 3, 4, 5]
        expect(yield* run("SLICE_VALUE", { value: [1, 2, 3, 4, 5], start: -100, stop: 100 })).toEqual({
          status: "DONE",
          result: [1, 2, 3, 4, 5]
        })
        // [1, 2, 3, 4, 5][4:1] == []
        expect(yield* run("SLICE_VALUE", { value: [1, 2, 3, 4, 5], start: 4, stop: 1 })).toEqual({
          status: "DONE",
          result: []
        })
      })
    )

    it.effect("with no parts gives a copy of the whole value, leaving the value as it was", () =>
      Effect.gen(function* () {
        const value = [1, 2]
        const out = yield* run("SLICE_VALUE", { value })
        expect(out).toEqual({ status: "DONE", result: [1, 2] })
        expect(out.result).not.toBe(value)
      })
    )

    it.effect("R9.6 a step of 0 is INVALID_ARGUMENT", () =>
      Effect.gen(function* () {
        expect((yield* run("SLICE_VALUE", { value: "ab", step: 0 })).status).toBe("INVALID_ARGUMENT")
      })
    )

    it.effect("a number to slice is INVALID_TYPE", () =>
      Effect.gen(function* () {
        const out = yield* run("SLICE_VALUE", { value: 12, stop: 1 })
        expect(out).toEqual({ status: "INVALID_TYPE", error: "value: expected a text or a list, got 12" })
      })
    )
  })

  describe("COPY", () => {
    it.effect("gives a deep copy that shares nothing with the value", () =>
      Effect.gen(function* () {
        const value = { a: [1, { b: 2 }] }
        const out = yield* run("COPY", { value })
        const copied = out.result as typeof value
        expect(copied).toEqual(value)
        expect(copied).not.toBe(value)
        expect(copied.a).not.toBe(value.a)
        expect(copied.a[1]).not.toBe(value.a[1])
      })
    )

    it.effect("copies scalars and keeps an own __proto__ key", () =>
      Effect.gen(function* () {
        expect(yield* run("COPY", { value: "x" })).toEqual({ status: "DONE", result: "x" })
        const out = yield* run("COPY", { value: JSON.parse('{"__proto__": {"polluted": 1}}') })
        expect(Object.keys(out.result as object)).toEqual(["__proto__"])
        expect(({} as any).polluted).toBeUndefined()
      })
    )

    it.effect("a missing value is INVALID_TYPE", () =>
      Effect.gen(function* () {
        expect((yield* run("COPY", {})).status).toBe("INVALID_TYPE")
      })
    )
  })

  describe("LENGTH", () => {
    it.effect("R12 counts characters of a text as code points, items of a list, keys of a dictionary", () =>
      Effect.gen(function* () {
        // len("héllo😀") == 6
        expect(yield* run("LENGTH", { value: "héllo😀" })).toEqual({ status: "DONE", result: 6 })
        // len([1, [2, 3]]) == 2
        expect(yield* run("LENGTH", { value: [1, [2, 3]] })).toEqual({ status: "DONE", result: 2 })
        // len({"a": 1, "b": 2}) == 2
        expect(yield* run("LENGTH", { value: { a: 1, b: 2 } })).toEqual({ status: "DONE", result: 2 })
      })
    )

    it.effect("a value without a length is INVALID_TYPE", () =>
      Effect.gen(function* () {
        // len(5) raises TypeError
        for (const value of [5, null, true]) {
          expect((yield* run("LENGTH", { value })).status).toBe("INVALID_TYPE")
        }
      })
    )
  })
})
