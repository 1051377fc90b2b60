/**
 * Variables, locals and conditions in whole runs (SPEC R10.1 to R10.3,
 * R9.9, R9.10, R7.5): where variables start, which values blocks may change
 * in place, and how `if` conditions decide whether a step runs.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import * as Job from "../src/Job.js"
import * as Run from "../src/Run.js"
import type { JobResult } from "../src/Events.js"
import * as Standard from "../src/blocks/Standard.js"
import { registry } from "./support/blocks.js"

const run = (document: unknown, options: Job.Options = {}) =>
  Effect.flatMap(Job.load(document, registry, options), Run.run)

const statuses = (result: JobResult): Array<string> => result.steps.map((step) => step.status.name)

const push = (list: unknown, item: unknown, extra: Record<string, unknown> = {}) => ({
  action: "test.push",
  parameters: { list, item },
  ...extra
})

describe("Variables", () => {
  describe("where variables start (R10.1)", () => {
    it.effect("R10.1 a run starts from the developer's variables", () =>
      Effect.gen(function* () {
        const result = yield* run({ steps: [] }, { variables: { a: 1 } })
        expect(result.variables).toEqual({ a: 1 })
      })
    )

    it.effect("R10.1 the document's variables go over the developer's", () =>
      Effect.gen(function* () {
        const result = yield* run(
          {
            variables: { b: "user", c: [3] },
            steps: [{ id: "echo", action: "test.echo", parameters: { b: "{# b #}" } }]
          },
          { variables: { a: 1, b: "developer", c: { nested: true } } }
        )
        expect(result.variables).toEqual({ a: 1, b: "user", c: [3] })
        expect(result.steps[0]!.result).toEqual({ b: "user" })
      })
    )

    it.effect("R10.1 a block that changes a collection in place changes the variable", () =>
      Effect.gen(function* () {
        const result = yield* run({ variables: { list: [1] }, steps: [push("{# list #}", 2)] })
        expect(result.variables).toEqual({ list: [1, 2] })
      })
    )

    it.effect("R10.1 the developer's variables object is never changed by a run", () =>
      Effect.gen(function* () {
        const developer = { list: [1] }
        yield* run({ steps: [push("{# list #}", 2)] }, { variables: developer })
        expect(developer).toEqual({ list: [1] })
      })
    )
  })

  describe("live containers (R10.2)", () => {
    it.effect("R10.2 a whole tag reading a variable's list hands the live list to the block", () =>
      Effect.gen(function* () {
        const result = yield* run({
          variables: { list: [] },
          steps: [
            push("{# list #}", "a"),
            push("{# list #}", "b"),
            { id: "echo", action: "test.echo", parameters: { list: "{# list #}" } }
          ]
        })
        expect(result.variables["list"]).toEqual(["a", "b"])
        expect(result.steps[2]!.result).toEqual({ list: ["a", "b"] })
      })
    )

    it.effect("R10.2 a whole tag reading part of a variable hands over that live part", () =>
      Effect.gen(function* () {
        const result = yield* run({
          variables: { data: { items: [[1]] } },
          steps: [push("{# data.items.0 #}", 2)]
        })
        expect(result.variables).toEqual({ data: { items: [[1, 2]] } })
      })
    )

    it.effect("R10.2 a {% job.variables %} tag is as live as a {# #} tag", () =>
      Effect.gen(function* () {
        const result = yield* run({ variables: { list: [1] }, steps: [push("{% job.variables.list %}", 2)] })
        expect(result.variables).toEqual({ list: [1, 2] })
      })
    )

    it.effect("R10.2 surrounding whitespace keeps a tag whole, and so live", () =>
      Effect.gen(function* () {
        const result = yield* run({ variables: { list: [1] }, steps: [push(" {# list #} ", 2)] })
        expect(result.variables).toEqual({ list: [1, 2] })
      })
    )

    it.effect("R10.2 a slice of a variable's list is a new list; the variable is unchanged", () =>
      Effect.gen(function* () {
        const result = yield* run({ variables: { list: [1, 2, 3] }, steps: [push("{# list.0:2 #}", 9)] })
        expect(result.variables).toEqual({ list: [1, 2, 3] })
        expect(result.steps[0]!.result).toEqual([1, 2, 9])
      })
    )

    it.effect("R10.2 a list of locals given to an in-place block leaves the local unchanged", () =>
      Effect.gen(function* () {
        const locals = { list: [1] }
        const result = yield* run(
          {
            steps: [
              push("{< list >}", 2),
              push("{% job.parameters.list %}", 3),
              { id: "echo", action: "test.echo", parameters: { list: "{< list >}" } }
            ]
          },
          { locals }
        )
        expect(statuses(result)).toEqual(["DONE", "DONE", "DONE"])
        expect(result.steps[2]!.result).toEqual({ list: [1] })
        expect(locals).toEqual({ list: [1] })
      })
    )

    it.effect(
      "R10.2 a step result given to an in-place block leaves that step's recorded result unchanged",
      () =>
        Effect.gen(function* () {
          const result = yield* run({
            steps: [
              { id: "made", action: "test.ok", parameters: { value: [1] } },
              push("{: made :}", 2),
              { id: "echo", action: "test.echo", parameters: { made: "{: made :}" } }
            ]
          })
          expect(result.steps[0]!.result).toEqual([1])
          expect(result.steps[1]!.result).toEqual([1, 2])
          expect(result.steps[2]!.result).toEqual({ made: [1] })
        })
    )

    it.effect("R10.2 a result that was a live variable is recorded as it was then", () =>
      Effect.gen(function* () {
        const result = yield* run({
          variables: { list: [] },
          steps: [{ id: "first", ...push("{# list #}", 1) }, push("{# list #}", 2)]
        })
        expect(result.steps[0]!.result).toEqual([1])
        expect(result.variables).toEqual({ list: [1, 2] })
      })
    )

    it.effect(
      "R13.2 growing a part of a variable past the depth limit fails and leaves the variable as it was",
      () =>
        Effect.gen(function* () {
          // `deep` is nested 3 deep; appending a list nested 2 deep to its innermost list makes it 5 deep.
          const deep = [[[1]]]
          const result = yield* run(
            {
              variables: { deep },
              steps: [
                push("{# deep.0.0 #}", [[2]]),
                { id: "after", action: "test.echo", parameters: { d: "{# deep #}" } }
              ]
            },
            { sizeLimits: { maxDepth: 4 } }
          )
          expect(statuses(result)).toEqual(["SIZE_LIMIT_EXCEED", "SKIPPED"])
          expect(result.steps[0]!.error).toBe(
            'variable "deep" would pass the size limits: a value is nested deeper than 4 levels'
          )
          expect(result.variables).toEqual({ deep: [[[1]]] })
        })
    )

    it.effect(
      "R13.2 growing a part of a variable past the total size limit fails, within the limit it is DONE",
      () =>
        Effect.gen(function* () {
          const document = {
            variables: { v: { big: "x".repeat(900), small: [] } },
            steps: [
              push("{# v.small #}", "y".repeat(50), { forced: true }),
              push("{# v.small #}", "y".repeat(50), { forced: true })
            ]
          }
          const result = yield* run(document, { sizeLimits: { maxTotalSize: 1_030 } })
          expect(statuses(result)).toEqual(["DONE", "SIZE_LIMIT_EXCEED"])
          expect(result.variables).toEqual({ v: { big: "x".repeat(900), small: ["y".repeat(50)] } })
        })
    )

    it.effect(
      "R13.3 a failed step leaves the variables it was handed as they were, so forced steps cannot grow them",
      () =>
        Effect.gen(function* () {
          const item = "x".repeat(50)
          const result = yield* run(
            {
              variables: { list: [] },
              steps: [1, 2, 3].map(() => push("{# list #}", item, { forced: true }))
            },
            { sizeLimits: { maxRetainedSize: 100 } }
          )
          expect(statuses(result)).toEqual(["DONE", "SIZE_LIMIT_EXCEED", "SIZE_LIMIT_EXCEED"])
          expect(result.variables).toEqual({ list: [item] })
        })
    )

    it.effect(
      "R13.3 a parameter name built from a long variable is clipped in the error, not copied whole",
      () =>
        Effect.gen(function* () {
          const job = yield* Job.load(
            {
              variables: { k: "a".repeat(100_000) },
              steps: [{ action: "LOGIC.TRUE", parameters: { "x{# k #}": 1 } }]
            },
            Standard.standard
          )
          const result = yield* Run.run(job)
          expect(statuses(result)).toEqual(["INVALID_TYPE"])
          expect(result.steps[0]!.error).toBe(
            `x${"a".repeat(36)}...: unknown parameter: this block takes none`
          )
        })
    )

    it.effect(
      "R13.3 values stored with VARIABLE.SET count against maxRetainedSize before they are stored",
      () =>
        Effect.gen(function* () {
          const set = (name: string) => ({
            action: "VARIABLE.SET",
            forced: true,
            parameters: { name, value: "x".repeat(40) }
          })
          const job = yield* Job.load({ steps: [set("a"), set("b"), set("c")] }, Standard.standard, {
            sizeLimits: { maxRetainedSize: 200 }
          })
          const result = yield* Run.run(job)
          // each SET keeps 42 in the variable and 42 in its step result
          expect(statuses(result)).toEqual(["DONE", "DONE", "SIZE_LIMIT_EXCEED"])
          expect(Object.keys(result.variables)).toEqual(["a", "b"])
        })
    )

    it.effect(
      "R10.2 R9.5 {% job.variables %} as a whole is a copy: no block adds or clears variables with it",
      () =>
        Effect.gen(function* () {
          const result = yield* run({
            variables: { a: 1 },
            steps: [
              {
                action: "test.put",
                parameters: { dictionary: "{% job.variables %}", key: "_hidden", value: 2 }
              }
            ]
          })
          expect(statuses(result)).toEqual(["DONE"])
          expect(result.steps[0]!.result).toEqual({ a: 1, _hidden: 2 })
          expect(result.variables).toEqual({ a: 1 })
        })
    )

    it.effect("R10.2 a literal list given to an in-place block is fresh in every step and every run", () =>
      Effect.gen(function* () {
        const job = yield* Job.load({ steps: [push([1], 2), push([1], 3)] }, registry)
        const first = yield* Run.run(job)
        const second = yield* Run.run(job)
        expect(first.steps.map((step) => step.result)).toEqual([
          [1, 2],
          [1, 3]
        ])
        expect(second.steps.map((step) => step.result)).toEqual([
          [1, 2],
          [1, 3]
        ])
      })
    )

    it.effect("R10.2 a variable inserted into a mixed string is text, so the variable is safe", () =>
      Effect.gen(function* () {
        const result = yield* run({
          variables: { list: [1] },
          steps: [{ id: "echo", action: "test.echo", parameters: { text: "list: {# list #}" } }]
        })
        expect(result.steps[0]!.result).toEqual({ text: "list: [1]" })
      })
    )
  })

  describe("locals are read-only (R10.3)", () => {
    it.effect("R10.3 locals are readable with {< >}", () =>
      Effect.gen(function* () {
        const result = yield* run(
          {
            steps: [
              { action: "test.echo", parameters: { who: "{< user.name >}", text: "hello {< user.name >}" } }
            ]
          },
          { locals: { user: { name: "Ada" } } }
        )
        expect(result.steps[0]!.result).toEqual({ who: "Ada", text: "hello Ada" })
      })
    )

    it.effect("R10.3 locals are not variables", () =>
      Effect.gen(function* () {
        const result = yield* run(
          { steps: [{ action: "test.echo", parameters: { x: "{# secret #}" } }] },
          { locals: { secret: 1 } }
        )
        expect(statuses(result)).toEqual(["INVALID_ARGUMENT"])
        expect(result.variables).toEqual({})
      })
    )

    it.effect("R10.3 the document's variables cannot shadow a local", () =>
      Effect.gen(function* () {
        const result = yield* run(
          {
            variables: { region: "us" },
            steps: [{ action: "test.echo", parameters: { region: "{< region >}" } }]
          },
          { locals: { region: "eu" } }
        )
        expect(result.steps[0]!.result).toEqual({ region: "eu" })
      })
    )
  })

  describe("conditions (R9.9)", () => {
    const when = (condition: string | ReadonlyArray<string>, variables: Record<string, unknown> = {}) =>
      run({ steps: [{ action: "test.ok", if: condition }] }, { variables })

    it.effect.each([
      ["false", false],
      ["null", null],
      ["0", 0],
      ["NaN", Number.NaN],
      ["the empty string", ""],
      ["an empty list", []],
      ["an empty object", {}]
    ] as const)("R9.9 a condition that resolves to %s is falsy", ([_name, flag]) =>
      Effect.gen(function* () {
        const result = yield* when("{# flag #}", { flag })
        expect(statuses(result)).toEqual(["IF_CONDITION_FAILED"])
      })
    )

    it.effect.each([
      ["true", true],
      ["1", 1],
      ["-1", -1],
      ["a non-empty string", "no"],
      ["the string 0", "0"],
      ["the string false", "false"],
      ["a list", [0]],
      ["an object", { a: null }]
    ] as const)("R9.9 a condition that resolves to %s is truthy", ([_name, flag]) =>
      Effect.gen(function* () {
        const result = yield* when("{# flag #}", { flag })
        expect(statuses(result)).toEqual(["DONE"])
      })
    )

    it.effect("R9.9 a condition string without tags is truthy when not empty", () =>
      Effect.gen(function* () {
        expect(statuses(yield* when("false"))).toEqual(["DONE"])
        expect(statuses(yield* when("0"))).toEqual(["DONE"])
        expect(statuses(yield* when(" "))).toEqual(["DONE"])
      })
    )

    it.effect("R9.9 an empty condition string is falsy", () =>
      Effect.gen(function* () {
        expect(statuses(yield* when(""))).toEqual(["IF_CONDITION_FAILED"])
      })
    )

    it.effect("R9.9 a condition mixing text and a tag is a string, truthy when not empty", () =>
      Effect.gen(function* () {
        expect(statuses(yield* when("flag={# flag #}", { flag: false }))).toEqual(["DONE"])
      })
    )

    it.effect("R9.9 a condition that is a literal-looking broken tag is a non-empty string", () =>
      Effect.gen(function* () {
        expect(statuses(yield* when("{#flag#}", { flag: false }))).toEqual(["DONE"])
      })
    )

    it.effect("R9.9 every condition of a list must be truthy", () =>
      Effect.gen(function* () {
        expect(statuses(yield* when(["{# a #}", "{# b #}"], { a: 1, b: 1 }))).toEqual(["DONE"])
        expect(statuses(yield* when(["{# a #}", "{# b #}"], { a: 1, b: 0 }))).toEqual(["IF_CONDITION_FAILED"])
        expect(statuses(yield* when(["{# a #}", "{# b #}"], { a: 0, b: 1 }))).toEqual(["IF_CONDITION_FAILED"])
      })
    )

    it.effect("R9.9 an empty list of conditions lets the step run", () =>
      Effect.gen(function* () {
        expect(statuses(yield* when([]))).toEqual(["DONE"])
      })
    )

    it.effect("R9.9 conditions read step results and contexts", () =>
      Effect.gen(function* () {
        const result = yield* run({
          steps: [
            { id: "zero", action: "test.add", parameters: { a: 0, b: 0 } },
            { id: "skipped", action: "test.ok", if: "{: zero :}" },
            { id: "ran", action: "test.ok", if: "{% steps.skipped.status.value %}" }
          ]
        })
        expect(statuses(result)).toEqual(["DONE", "IF_CONDITION_FAILED", "DONE"])
      })
    )

    it.effect("R9.9 a falsy condition is not a failure", () =>
      Effect.gen(function* () {
        const result = yield* run({ steps: [{ action: "test.ok", if: "" }, { action: "test.ok" }] })
        expect(statuses(result)).toEqual(["IF_CONDITION_FAILED", "DONE"])
        expect(result.success).toBe(true)
      })
    )
  })

  describe("resolution errors (R9.6, R9.10)", () => {
    it.effect("R9.10 a dead reference in an if fails the step with INVALID_ARGUMENT", () =>
      Effect.gen(function* () {
        const result = yield* run({
          steps: [{ action: "test.ok", if: "{# missing #}" }, { action: "test.ok" }]
        })
        expect(statuses(result)).toEqual(["INVALID_ARGUMENT", "SKIPPED"])
        expect(result.steps[0]!.error).toContain("job.variables.missing")
        expect(result.success).toBe(false)
      })
    )

    it.effect("R9.10 a dead reference in a later condition of a list fails the step", () =>
      Effect.gen(function* () {
        const result = yield* run({
          variables: { on: true },
          steps: [{ action: "test.ok", if: ["{# on #}", "{# off #}"] }]
        })
        expect(statuses(result)).toEqual(["INVALID_ARGUMENT"])
      })
    )

    it.effect("R9.10 tags nested too deep in an if fail the step with SIZE_LIMIT_EXCEED", () =>
      Effect.gen(function* () {
        const result = yield* run(
          { variables: { a: "a" }, steps: [{ action: "test.ok", if: "{# {# {# a #} #} #}" }] },
          { sizeLimits: { maxTagDepth: 2 } }
        )
        expect(statuses(result)).toEqual(["SIZE_LIMIT_EXCEED"])
      })
    )

    it.effect(
      "R9.6 a dead reference in the parameters fails the step with INVALID_ARGUMENT and the job",
      () =>
        Effect.gen(function* () {
          const result = yield* run({
            steps: [{ action: "test.ok", parameters: { value: "{: nowhere :}" } }]
          })
          expect(statuses(result)).toEqual(["INVALID_ARGUMENT"])
          expect(result.steps[0]!.error).toContain("steps.nowhere.result")
          expect(result.failedStep?.position).toBe(1)
        })
    )

    it.effect("R9.6 a forced step with a dead reference fails like any other", () =>
      Effect.gen(function* () {
        const result = yield* run({
          steps: [
            { action: "test.invalid" },
            { action: "test.ok", forced: true, parameters: { value: "{# gone #}" } }
          ]
        })
        expect(statuses(result)).toEqual(["INVALID_ARGUMENT", "INVALID_ARGUMENT"])
      })
    )
  })

  describe("runs are independent (R7.5)", () => {
    it.effect("R7.5 two runs of the same job give equal results and variables", () =>
      Effect.gen(function* () {
        const job = yield* Job.load(
          {
            variables: { list: [] },
            steps: [
              push("{# list #}", "{< l >}"),
              push("{# list #}", "x"),
              { id: "echo", action: "test.echo", parameters: { list: "{# list #}", text: "{# list.-1 #}" } }
            ]
          },
          registry,
          { variables: { dev: { n: 1 } }, locals: { l: [1] } }
        )
        const first = yield* Run.run(job)
        const second = yield* Run.run(job)
        const view = (result: JobResult) => ({
          steps: result.steps.map(({ elapsedMillis: _, ...step }) => step),
          variables: result.variables
        })
        expect(view(second)).toEqual(view(first))
        expect(first.variables).toEqual({ dev: { n: 1 }, list: [[1], "x"] })
      })
    )

    it.effect("R7.5 changing one run's final variables does not reach the next run", () =>
      Effect.gen(function* () {
        const job = yield* Job.load({ variables: { list: [1] }, steps: [] }, registry)
        const first = yield* Run.run(job)
        ;(first.variables["list"] as Array<number>).push(2)
        const second = yield* Run.run(job)
        expect(second.variables).toEqual({ list: [1] })
      })
    )
  })
})
