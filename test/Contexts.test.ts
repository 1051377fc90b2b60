/**
 * The contexts tree that `{% ... %}` tags read (SPEC R8.1, R8.2), observed
 * through whole runs: every field of `job` and `steps.<id>`, and the rule
 * that a step sees the state just before it runs.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import * as Block from "../src/Block.js"
import * as Job from "../src/Job.js"
import * as Run from "../src/Run.js"
import type { JobResult } from "../src/Events.js"
import { registry } from "./support/blocks.js"

/** A block without a category: PLAIN() returns "plain". */
const plain = Block.make({ name: "plain", parameters: Schema.Struct({}), run: () => Effect.succeed("plain") })

/** Loads and runs a workflow against the test registry. */
const run = (document: unknown, options: Job.Options = {}) =>
  Effect.flatMap(Job.load(document, registry, { blocks: [plain], ...options }), Run.run)

/** What TEST.ECHO returned in the step with the given id. */
const echoed = (result: JobResult, id: string): unknown => result.steps.find((step) => step.id === id)?.result

/** A workflow whose last step echoes `parameters` after the given steps. */
const echoAfter = (steps: ReadonlyArray<unknown>, parameters: Record<string, unknown>) => ({
  steps: [...steps, { id: "echo", action: "test.echo", parameters, forced: true }]
})

describe("Contexts", () => {
  describe("job (R8.1)", () => {
    it.effect("R8.1 job.name and job.id are the workflow's name and id", () =>
      Effect.gen(function* () {
        const result = yield* run({
          name: "Report",
          id: "r-1",
          steps: [
            { id: "echo", action: "test.echo", parameters: { name: "{% job.name %}", id: "{% job.id %}" } }
          ]
        })
        expect(echoed(result, "echo")).toEqual({ name: "Report", id: "r-1" })
      })
    )

    it.effect("R8.1 job.name and job.id are null when the workflow has none", () =>
      Effect.gen(function* () {
        const result = yield* run(echoAfter([], { name: "{% job.name %}", id: "{% job.id %}" }))
        expect(echoed(result, "echo")).toEqual({ name: null, id: null })
      })
    )

    it.effect("R8.1 job.success is null before any step failed", () =>
      Effect.gen(function* () {
        const result = yield* run(echoAfter([{ action: "test.ok" }], { success: "{% job.success %}" }))
        expect(echoed(result, "echo")).toEqual({ success: null })
      })
    )

    it.effect("R8.1 job.success is false once a step failed", () =>
      Effect.gen(function* () {
        const result = yield* run(echoAfter([{ action: "test.invalid" }], { success: "{% job.success %}" }))
        expect(echoed(result, "echo")).toEqual({ success: false })
      })
    )

    it.effect("R8.1 job.parameters are the locals", () =>
      Effect.gen(function* () {
        const locals = { region: "eu", limits: { max: 3 } }
        const result = yield* run(
          echoAfter([], { all: "{% job.parameters %}", max: "{% job.parameters.limits.max %}" }),
          {
            locals
          }
        )
        expect(echoed(result, "echo")).toEqual({ all: locals, max: 3 })
      })
    )

    it.effect("R8.1 job.variables are the current variables, changes included", () =>
      Effect.gen(function* () {
        const result = yield* run(
          {
            variables: { list: [1] },
            steps: [
              { action: "test.push", parameters: { list: "{# list #}", item: 2 } },
              { id: "echo", action: "test.echo", parameters: { variables: "{% job.variables %}" } }
            ]
          },
          { variables: { owner: "dev" } }
        )
        expect(echoed(result, "echo")).toEqual({ variables: { owner: "dev", list: [1, 2] } })
      })
    )
  })

  describe("steps (R8.1)", () => {
    const earlier = {
      id: "first",
      action: "Test.Add",
      parameters: { a: 1, b: "{# two #}" }
    }
    const read = (field: string) => `{% steps.first.${field} %}`

    it.effect("R8.1 a step's id, position and action", () =>
      Effect.gen(function* () {
        const result = yield* run({
          variables: { two: 2 },
          steps: [
            { action: "test.ok" },
            earlier,
            {
              id: "echo",
              action: "test.echo",
              parameters: { id: read("id"), position: read("position"), action: read("action") }
            }
          ]
        })
        expect(echoed(result, "echo")).toEqual({ id: "first", position: 2, action: "TEST.ADD" })
      })
    )

    it.effect("R8.1 a step's block category and name", () =>
      Effect.gen(function* () {
        const result = yield* run({
          variables: { two: 2 },
          steps: [earlier, { id: "echo", action: "test.echo", parameters: { block: read("block") } }]
        })
        expect(echoed(result, "echo")).toEqual({ block: { category: "TEST", name: "ADD" } })
      })
    )

    it.effect("R8.1 a block without a category has a null category", () =>
      Effect.gen(function* () {
        const result = yield* run({
          steps: [
            { id: "p", action: "plain" },
            { id: "echo", action: "test.echo", parameters: { block: "{% steps.p.block %}" } }
          ]
        })
        expect(echoed(result, "echo")).toEqual({ block: { category: null, name: "PLAIN" } })
      })
    )

    it.effect("R8.1 a done step's status, result and error", () =>
      Effect.gen(function* () {
        const result = yield* run({
          variables: { two: 2 },
          steps: [
            earlier,
            {
              id: "echo",
              action: "test.echo",
              parameters: {
                name: read("status.name"),
                value: read("status.value"),
                result: read("result"),
                error: read("error")
              }
            }
          ]
        })
        expect(echoed(result, "echo")).toEqual({ name: "DONE", value: 0, result: 3, error: null })
      })
    )

    it.effect("R8.1 a failed step's status and error, and a null result", () =>
      Effect.gen(function* () {
        const result = yield* run(
          echoAfter([{ id: "bad", action: "test.invalid" }], {
            status: "{% steps.bad.status %}",
            result: "{% steps.bad.result %}",
            error: "{% steps.bad.error %}"
          })
        )
        expect(echoed(result, "echo")).toEqual({
          status: { name: "INVALID_ARGUMENT", value: 103 },
          result: null,
          error: "bad value"
        })
      })
    )

    it.effect("R8.1 a skipped step's status and message", () =>
      Effect.gen(function* () {
        const result = yield* run(
          echoAfter(
            [
              { id: "bad", action: "test.invalid" },
              { id: "skipped", action: "test.ok" }
            ],
            {
              status: "{% steps.skipped.status.name %}",
              error: "{% steps.skipped.error %}"
            }
          )
        )
        expect(echoed(result, "echo")).toEqual({ status: "SKIPPED", error: "skipped: step 'bad' failed" })
      })
    )

    it.effect("R8.1 a step stopped by its if is not a failure, so its error is null", () =>
      Effect.gen(function* () {
        const result = yield* run(
          echoAfter([{ id: "cond", action: "test.ok", if: "{% job.success %}" }], {
            status: "{% steps.cond.status.name %}",
            error: "{% steps.cond.error %}"
          })
        )
        expect(echoed(result, "echo")).toEqual({ status: "IF_CONDITION_FAILED", error: null })
        expect(result.steps[0]!.error).toContain("falsy")
      })
    )

    it.effect("R8.1 a step's parameters are shown as written, tags unresolved", () =>
      Effect.gen(function* () {
        const result = yield* run({
          variables: { two: 2 },
          steps: [earlier, { id: "echo", action: "test.echo", parameters: { written: read("parameters") } }]
        })
        expect(echoed(result, "echo")).toEqual({ written: { a: 1, b: "{# two #}" } })
      })
    )

    it.effect("R8.1 a step without parameters shows an empty object", () =>
      Effect.gen(function* () {
        const result = yield* run(
          echoAfter([{ id: "bare", action: "test.ok" }], { written: "{% steps.bare.parameters %}" })
        )
        expect(echoed(result, "echo")).toEqual({ written: {} })
      })
    )

    it.effect("R8.1 a step without an id is found under its position", () =>
      Effect.gen(function* () {
        const result = yield* run({
          steps: [
            { action: "test.ok", parameters: { value: "one" } },
            { id: "echo", action: "test.echo", parameters: { id: "{% steps.1.id %}", result: "{: 1 :}" } }
          ]
        })
        expect(echoed(result, "echo")).toEqual({ id: "1", result: "one" })
      })
    )

    it.effect("R8.1 an integer id is found under its decimal text", () =>
      Effect.gen(function* () {
        const result = yield* run({
          steps: [
            { id: 7, action: "test.ok", parameters: { value: "seven" } },
            { id: "echo", action: "test.echo", parameters: { result: "{: 7 :}" } }
          ]
        })
        expect(echoed(result, "echo")).toEqual({ result: "seven" })
      })
    )

    it.effect("R8.1 a duplicated id refers to the first step that holds it", () =>
      Effect.gen(function* () {
        const result = yield* run({
          steps: [
            { id: "a", action: "test.ok", parameters: { value: "first" } },
            { id: "a", action: "test.ok", parameters: { value: "second" }, forced: true },
            {
              id: "echo",
              action: "test.echo",
              parameters: { result: "{: a :}", position: "{% steps.a.position %}" },
              forced: true
            }
          ]
        })
        expect(echoed(result, "echo")).toEqual({ result: "first", position: 1 })
      })
    )

    it.effect("R8.1 the parameters shown are not read again as tags", () =>
      Effect.gen(function* () {
        const result = yield* run({
          steps: [
            { id: "a", action: "test.ok", parameters: { value: "{# missing #}" }, if: "" },
            { id: "echo", action: "test.echo", parameters: { text: "v={% steps.a.parameters.value %}" } }
          ]
        })
        expect(echoed(result, "echo")).toEqual({ text: "v={# missing #}" })
      })
    )

    it.effect("R8.1 a step not found shows the action as written and a null category", () =>
      Effect.gen(function* () {
        const result = yield* run({
          steps: [
            {
              id: "echo",
              action: "test.echo",
              parameters: { action: "{% steps.nf.action %}", block: "{% steps.nf.block %}" }
            },
            { id: "nf", action: "no.such" }
          ]
        })
        expect(echoed(result, "echo")).toEqual({
          action: "no.such",
          block: { category: null, name: "no.such" }
        })
      })
    )
  })

  describe("the state just before the current step (R8.2)", () => {
    it.effect("R8.2 a later step's status is NONE and its result and error null", () =>
      Effect.gen(function* () {
        const result = yield* run({
          steps: [
            {
              id: "echo",
              action: "test.echo",
              parameters: {
                later: "{% steps.later.status %}",
                result: "{% steps.later.result %}",
                error: "{% steps.later.error %}"
              }
            },
            { id: "later", action: "test.ok" }
          ]
        })
        expect(echoed(result, "echo")).toEqual({
          later: { name: "NONE", value: -1 },
          result: null,
          error: null
        })
      })
    )

    it.effect("R8.2 a later step shows its pre-flight status", () =>
      Effect.gen(function* () {
        const result = yield* run({
          steps: [
            { id: "once", action: "test.once" },
            {
              id: "echo",
              action: "test.echo",
              parameters: { limit: "{% steps.again.status.name %}", missing: "{% steps.nf.status.value %}" }
            },
            { id: "again", action: "test.once" },
            { id: "nf", action: "no.such" }
          ]
        })
        expect(echoed(result, "echo")).toEqual({ limit: "BLOCK_LIMIT_EXCEED", missing: 102 })
      })
    )

    it.effect("R8.1 R6.6 a later step with a pre-flight failure shows its message as its error", () =>
      Effect.gen(function* () {
        const result = yield* run({
          steps: [
            { id: "echo", action: "test.echo", parameters: { error: "{% steps.nf.error %}" } },
            { id: "nf", action: "no.such" }
          ]
        })
        expect(echoed(result, "echo")).toEqual({ error: result.steps[1]!.error })
        expect(result.steps[1]!.error).toContain("no.such")
      })
    )

    it.effect("R8.2 the current step sees itself as NONE", () =>
      Effect.gen(function* () {
        const result = yield* run({
          steps: [{ id: "echo", action: "test.echo", parameters: { me: "{% steps.echo.status.name %}" } }]
        })
        expect(echoed(result, "echo")).toEqual({ me: "NONE" })
      })
    )

    it.effect("R8.2 an earlier step shows its final status", () =>
      Effect.gen(function* () {
        const result = yield* run({
          steps: [
            { id: "a", action: "test.ok" },
            { id: "echo", action: "test.echo", parameters: { a: "{% steps.a.status.name %}" } }
          ]
        })
        expect(echoed(result, "echo")).toEqual({ a: "DONE" })
      })
    )

    it.effect("R8.2 reading a later step's result gives null, not a dead reference", () =>
      Effect.gen(function* () {
        const result = yield* run({
          steps: [
            { id: "echo", action: "test.echo", parameters: { later: "{: later :}" } },
            { id: "later", action: "test.ok" }
          ]
        })
        expect(echoed(result, "echo")).toEqual({ later: null })
      })
    )

    it.effect("R8.2 each step sees the results of every step before it", () =>
      Effect.gen(function* () {
        const result = yield* run({
          steps: [
            { id: "one", action: "test.add", parameters: { a: 0, b: 1 } },
            { id: "two", action: "test.add", parameters: { a: "{: one :}", b: 1 } },
            { id: "three", action: "test.add", parameters: { a: "{: two :}", b: "{: one :}" } }
          ]
        })
        expect(result.steps.map((step) => step.result)).toEqual([1, 2, 3])
      })
    )
  })

  describe("limits of the tree", () => {
    it.effect("a step id containing a dot cannot be reached with {: :}", () =>
      Effect.gen(function* () {
        const result = yield* run({
          steps: [
            { id: "a.b", action: "test.ok" },
            { id: "echo", action: "test.echo", parameters: { x: "{: a.b :}" } }
          ]
        })
        expect(result.steps[1]!.status.name).toBe("INVALID_ARGUMENT")
        expect(result.steps[1]!.error).toContain("segment 'a'")
      })
    )

    it.effect("R9.5 a step id starting with _ cannot be referenced", () =>
      Effect.gen(function* () {
        const result = yield* run({
          steps: [
            { id: "_hidden", action: "test.ok" },
            { id: "echo", action: "test.echo", parameters: { x: "{: _hidden :}" } }
          ]
        })
        expect(result.steps[1]!.status.name).toBe("INVALID_ARGUMENT")
      })
    )

    it.effect("R8.1 the contexts cannot be changed through a tag", () =>
      Effect.gen(function* () {
        const result = yield* run({
          steps: [
            { id: "a", action: "test.ok", parameters: { value: [1] } },
            { action: "test.push", parameters: { list: "{% steps.a.result %}", item: 2 } },
            { id: "echo", action: "test.echo", parameters: { a: "{: a :}" } }
          ]
        })
        expect(echoed(result, "echo")).toEqual({ a: [1] })
      })
    )
  })
})
