import { describe, expect, it } from "@effect/vitest"
import { Effect, Either } from "effect"
import { Variable } from "../../src/blocks/Variable.js"
import * as CurrentRun from "../../src/CurrentRun.js"
import * as Invocation from "../../src/Invocation.js"
import * as Limits from "../../src/Limits.js"
import * as StepError from "../../src/StepError.js"
import { invokeBlock } from "../support/invoke.js"

const block = (name: string) => {
  const found = Variable.blocks.find((b) => b.name === name)
  if (found === undefined) throw new Error(`no block VARIABLE.${name}`)
  return found
}

const run = (name: string, parameters: Record<string, unknown>, variables?: Record<string, unknown>) =>
  invokeBlock(block(name), parameters, variables)

const forbiddenNames = ["_x", "x_", "__proto__", "constructor", "prototype"]

describe("VARIABLE", () => {
  it("has every block of SPEC section 12", () => {
    expect(Variable.blocks.map((b) => b.displayName).sort()).toEqual(
      ["SET", "CREATE", "GET", "DELETE", "LIST_NAMES", "LIST_VALUES", "IS_EXISTS", "COUNT"]
        .map((n) => `VARIABLE.${n}`)
        .sort()
    )
  })

  describe("SET", () => {
    it.effect("R10.1 sets a variable, creating or replacing it, and returns the value", () =>
      Effect.gen(function* () {
        const variables: Record<string, unknown> = { x: 1 }
        expect(yield* run("SET", { name: "x", value: [2] }, variables)).toEqual({
          status: "DONE",
          result: [2]
        })
        yield* run("SET", { name: "y", value: "a" }, variables)
        expect(variables).toEqual({ x: [2], y: "a" })
      })
    )

    it.effect("R12 stores null when no value is given", () =>
      Effect.gen(function* () {
        const variables: Record<string, unknown> = {}
        expect(yield* run("SET", { name: "x" }, variables)).toEqual({ status: "DONE", result: null })
        expect(variables).toEqual({ x: null })
      })
    )

    it.effect("stores a copy, so two variables never share a list", () =>
      Effect.gen(function* () {
        const xs = [1]
        const variables: Record<string, unknown> = { xs }
        yield* run("SET", { name: "ys", value: xs }, variables)
        xs.push(2)
        expect(variables["ys"]).toEqual([1])
      })
    )

    it.effect("R9.5 a refused name is INVALID_ARGUMENT and sets nothing", () =>
      Effect.gen(function* () {
        const variables: Record<string, unknown> = {}
        for (const name of forbiddenNames) {
          expect((yield* run("SET", { name, value: { polluted: true } }, variables)).status).toBe(
            "INVALID_ARGUMENT"
          )
        }
        expect(Object.keys(variables)).toEqual([])
        expect(Object.getPrototypeOf(variables)).toBe(Object.prototype)
        expect(({} as any).polluted).toBeUndefined()
      })
    )

    it.effect("a name that is not a text is INVALID_TYPE", () =>
      Effect.gen(function* () {
        expect((yield* run("SET", { name: 1, value: 2 })).status).toBe("INVALID_TYPE")
      })
    )

    it.effect("R13.3 a value the run has no room left to keep is SIZE_LIMIT_EXCEED, and is not stored", () =>
      Effect.gen(function* () {
        const variables: Record<string, unknown> = {}
        const status = yield* Invocation.invoke(block("SET"), { name: "b", value: [1, 2, 3] }).pipe(
          Effect.provideService(CurrentRun.CurrentRun, {
            variables,
            locals: {},
            jobName: null,
            jobId: null,
            sizeLimits: Limits.defaultSizeLimits,
            reserve: () => false
          }),
          Effect.either,
          Effect.map(Either.match({ onLeft: (e) => StepError.statusOf(e).name, onRight: () => "DONE" }))
        )
        expect(status).toBe("SIZE_LIMIT_EXCEED")
        expect(variables).toEqual({})
      })
    )

    it.effect("R13.2 a new variable past the key limit is SIZE_LIMIT_EXCEED", () =>
      Effect.gen(function* () {
        const variables: Record<string, unknown> = { a: 1 }
        const status = yield* Invocation.invoke(block("SET"), { name: "b", value: 2 }).pipe(
          Effect.provideService(CurrentRun.CurrentRun, {
            variables,
            locals: {},
            jobName: null,
            jobId: null,
            sizeLimits: { ...Limits.defaultSizeLimits, maxObjectKeys: 1 },
            reserve: () => true
          }),
          Effect.either,
          Effect.map(Either.match({ onLeft: (e) => StepError.statusOf(e).name, onRight: () => "DONE" }))
        )
        expect(status).toBe("SIZE_LIMIT_EXCEED")
        expect(variables).toEqual({ a: 1 })
      })
    )
  })

  describe("CREATE", () => {
    it.effect("R14.9 creates a variable that does not exist, null by default", () =>
      Effect.gen(function* () {
        const variables: Record<string, unknown> = {}
        expect(yield* run("CREATE", { name: "x" }, variables)).toEqual({ status: "DONE", result: null })
        expect(yield* run("CREATE", { name: "y", value: 3 }, variables)).toEqual({
          status: "DONE",
          result: 3
        })
        expect(variables).toEqual({ x: null, y: 3 })
      })
    )

    it.effect("R14.9 creating a variable that exists is INVALID_ARGUMENT and leaves it as it was", () =>
      Effect.gen(function* () {
        const variables: Record<string, unknown> = { x: 1 }
        expect((yield* run("CREATE", { name: "x", value: 2 }, variables)).status).toBe("INVALID_ARGUMENT")
        expect(variables).toEqual({ x: 1 })
      })
    )

    it.effect("R9.5 a refused name is INVALID_ARGUMENT", () =>
      Effect.gen(function* () {
        for (const name of forbiddenNames) {
          expect((yield* run("CREATE", { name })).status).toBe("INVALID_ARGUMENT")
        }
      })
    )
  })

  describe("GET", () => {
    it.effect("gives the value of a variable", () =>
      Effect.gen(function* () {
        expect(yield* run("GET", { name: "x" }, { x: [1] })).toEqual({ status: "DONE", result: [1] })
      })
    )

    it.effect("gives the default for a missing variable, even a null default", () =>
      Effect.gen(function* () {
        expect(yield* run("GET", { name: "x", default: 0 })).toEqual({ status: "DONE", result: 0 })
        expect(yield* run("GET", { name: "x", default: null })).toEqual({ status: "DONE", result: null })
      })
    )

    it.effect("R12 a missing variable without a default is INVALID_ARGUMENT", () =>
      Effect.gen(function* () {
        expect((yield* run("GET", { name: "x" }, { y: 1 })).status).toBe("INVALID_ARGUMENT")
        // An inherited member is not a variable.
        expect((yield* run("GET", { name: "toString" })).status).toBe("INVALID_ARGUMENT")
      })
    )

    it.effect("R9.5 a refused name is INVALID_ARGUMENT even with a default", () =>
      Effect.gen(function* () {
        for (const name of forbiddenNames) {
          expect((yield* run("GET", { name, default: 1 })).status).toBe("INVALID_ARGUMENT")
        }
      })
    )
  })

  describe("DELETE", () => {
    it.effect("deletes a variable and returns null", () =>
      Effect.gen(function* () {
        const variables: Record<string, unknown> = { x: 1, y: 2 }
        expect(yield* run("DELETE", { name: "x" }, variables)).toEqual({ status: "DONE", result: null })
        expect(variables).toEqual({ y: 2 })
      })
    )

    it.effect("R12 ignores a missing variable by default; fails INVALID_ARGUMENT when silent is false", () =>
      Effect.gen(function* () {
        expect(yield* run("DELETE", { name: "x" })).toEqual({ status: "DONE", result: null })
        expect((yield* run("DELETE", { name: "x", silent: false })).status).toBe("INVALID_ARGUMENT")
      })
    )

    it.effect("R9.5 a refused name is INVALID_ARGUMENT", () =>
      Effect.gen(function* () {
        for (const name of forbiddenNames) {
          expect((yield* run("DELETE", { name })).status).toBe("INVALID_ARGUMENT")
        }
      })
    )

    it.effect("a silent that is not a boolean is INVALID_TYPE", () =>
      Effect.gen(function* () {
        expect((yield* run("DELETE", { name: "x", silent: "no" })).status).toBe("INVALID_TYPE")
      })
    )
  })

  describe("IS_EXISTS", () => {
    it.effect("tells whether a variable exists, inherited members not counting", () =>
      Effect.gen(function* () {
        const variables = { x: null }
        expect((yield* run("IS_EXISTS", { name: "x" }, variables)).result).toBe(true)
        expect((yield* run("IS_EXISTS", { name: "y" }, variables)).result).toBe(false)
        expect((yield* run("IS_EXISTS", { name: "toString" }, variables)).result).toBe(false)
      })
    )

    it.effect("R9.5 a refused name is INVALID_ARGUMENT", () =>
      Effect.gen(function* () {
        expect((yield* run("IS_EXISTS", { name: "__proto__" })).status).toBe("INVALID_ARGUMENT")
      })
    )
  })

  describe("LIST_NAMES, LIST_VALUES and COUNT", () => {
    it.effect("list the names and values of the variables and count them", () =>
      Effect.gen(function* () {
        const variables = { a: 1, b: [2] }
        expect(yield* run("LIST_NAMES", {}, variables)).toEqual({ status: "DONE", result: ["a", "b"] })
        expect(yield* run("LIST_VALUES", {}, variables)).toEqual({ status: "DONE", result: [1, [2]] })
        expect(yield* run("COUNT", {}, variables)).toEqual({ status: "DONE", result: 2 })
        expect(yield* run("COUNT", {})).toEqual({ status: "DONE", result: 0 })
      })
    )

    it.effect("an unexpected parameter is INVALID_TYPE", () =>
      Effect.gen(function* () {
        expect((yield* run("COUNT", { name: "x" })).status).toBe("INVALID_TYPE")
      })
    )
  })
})
