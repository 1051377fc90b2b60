import { describe, expect, it } from "@effect/vitest"
import { Effect, Either, FastCheck } from "effect"
import * as Workflow from "../src/Workflow.js"
import type * as Block from "../src/Block.js"
import { standard } from "../src/blocks/Standard.js"
import { arbitraryWorkflow, runWorkflow, statusNames } from "../src/testing.js"
import { registry } from "./support/blocks.js"

/** TEST.SLEEP would wait as long as a generated number says; leave it out. */
const notSleep = (block: Block.Any) => block.displayName !== "TEST.SLEEP"

const testWorkflows = arbitraryWorkflow(registry, {
  include: notSleep,
  maxSteps: 6,
  referenceProbability: 0.3
})
const standardWorkflows = arbitraryWorkflow(standard, { maxSteps: 6, referenceProbability: 0.3 })

const references = /^\{: (\S+) :\}$/

describe("arbitraryWorkflow", () => {
  it.effect.prop("every generated workflow loads", [testWorkflows], ([workflow]) =>
    Effect.gen(function* () {
      const decoded = yield* Effect.either(Workflow.decode(workflow))

      expect(Either.isRight(decoded)).toBe(true)
    })
  )

  it.prop("generated workflows are JSON data", [testWorkflows], ([workflow]) => {
    expect(JSON.parse(JSON.stringify(workflow))).toEqual(workflow)
  })

  it.prop("step ids are unique", [testWorkflows], ([workflow]) => {
    const ids = workflow.steps.map((step, index) => step.id ?? String(index + 1))

    expect(new Set(ids).size).toBe(ids.length)
  })

  it.prop("references point to earlier steps only", [testWorkflows], ([workflow]) => {
    const seen = new Set<string>()
    workflow.steps.forEach((step, index) => {
      for (const value of Object.values(step.parameters)) {
        const match = typeof value === "string" ? references.exec(value) : null
        if (match !== null) expect(seen.has(match[1]!)).toBe(true)
      }
      seen.add(step.id ?? String(index + 1))
    })
  })

  it.prop(
    "the step count stays within the bounds",
    [arbitraryWorkflow(registry, { minSteps: 2, maxSteps: 3 })],
    ([workflow]) => {
      expect(workflow.steps.length).toBeGreaterThanOrEqual(2)
      expect(workflow.steps.length).toBeLessThanOrEqual(3)
    }
  )

  it("a reference probability of 1 makes every later parameter a reference", () => {
    const add = (block: Block.Any) => block.displayName === "TEST.ADD"
    const workflows = arbitraryWorkflow(registry, { include: add, minSteps: 3, referenceProbability: 1 })

    const [workflow] = FastCheck.sample(workflows, 1)

    for (const step of workflow!.steps.slice(1)) {
      expect(Object.values(step.parameters).every((value) => references.test(String(value)))).toBe(true)
    }
  })

  it("generates parameters the block's schema accepts", () => {
    const add = (block: Block.Any) => block.displayName === "TEST.ADD"
    const workflows = arbitraryWorkflow(registry, { include: add, referenceProbability: 0 })

    const samples = FastCheck.sample(workflows, 20)

    for (const workflow of samples) {
      for (const step of workflow.steps) {
        expect(typeof step.parameters.a).toBe("number")
        expect(typeof step.parameters.b).toBe("number")
      }
    }
  })

  it.effect.prop(
    "every run of a generated workflow gives every step a final status",
    [testWorkflows],
    ([workflow]) =>
      Effect.gen(function* () {
        const result = yield* runWorkflow(workflow, registry)

        expect(result.steps).toHaveLength(workflow.steps.length)
        expect(statusNames(result)).not.toContain("NONE")
      })
  )

  it.effect.prop(
    "every run of a generated workflow over the standard blocks gives every step a final status",
    [standardWorkflows],
    ([workflow]) =>
      Effect.gen(function* () {
        const result = yield* runWorkflow(workflow, standard)

        expect(result.steps).toHaveLength(workflow.steps.length)
        expect(statusNames(result)).not.toContain("NONE")
      }),
    { fastCheck: { numRuns: 200 } }
  )
})

describe("runWorkflow", () => {
  it.effect("runs a document with the job options given", () =>
    Effect.gen(function* () {
      const document = {
        steps: [
          { action: "test.add", id: "sum", parameters: { a: 1, b: 2 } },
          { action: "test.ok", parameters: { value: "{: sum :}" } },
          { action: "test.ok" }
        ]
      }

      const result = yield* runWorkflow(document, registry, { stepLimit: 2 })

      expect(statusNames(result)).toEqual(["DONE", "DONE", "STEP_LIMIT_EXCEED"])
      expect(result.steps[1]!.result).toBe(3)
    })
  )

  it.effect("reads YAML text", () =>
    Effect.gen(function* () {
      const result = yield* runWorkflow("steps:\n  - action: TEST.OK\n", registry)

      expect(statusNames(result)).toEqual(["DONE"])
    })
  )

  it.effect("fails with WorkflowLoadError for a malformed document", () =>
    Effect.gen(function* () {
      const document = { steps: [{ action: "TEST.OK", paramters: {} }] }

      const error = yield* Effect.flip(runWorkflow(document, registry))

      expect(error._tag).toBe("WorkflowLoadError")
      expect(error.message).toContain("steps[0].paramters")
    })
  )
})
