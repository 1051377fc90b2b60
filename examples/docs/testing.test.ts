import { describe, expect, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { Block, Parameter, Registry, StandardBlocks } from "../../src/index.js"
import { arbitraryWorkflow, runWorkflow, statusNames } from "../../src/testing.js"

// The blocks under test: one of your own beside the standard ones.
const half = Block.make({
  category: "math_extra",
  name: "half",
  parameters: Schema.Struct({ value: Parameter.number }),
  run: ({ value }) => Effect.succeed(value / 2)
})
const registry = Registry.add(StandardBlocks.standard, half)

describe("MATH_EXTRA.HALF", () => {
  it.effect("halves the result of an earlier step", () =>
    Effect.gen(function* () {
      const result = yield* runWorkflow(
        {
          steps: [
            { id: "sum", action: "MATH.SUM", parameters: { value1: 3, value2: 5 } },
            { action: "MATH_EXTRA.HALF", parameters: { value: "{: sum :}" } }
          ]
        },
        registry
      )

      expect(statusNames(result)).toEqual(["DONE", "DONE"])
      expect(result.steps[1]?.result).toBe(4)
    }))

  it.effect("refuses a text with INVALID_TYPE", () =>
    Effect.gen(function* () {
      const document = { steps: [{ action: "math_extra.half", parameters: { value: "4" } }] }

      const result = yield* runWorkflow(document, registry)

      expect(statusNames(result)).toEqual(["INVALID_TYPE"])
    }))

  it.effect.prop(
    "whatever users write, every step of a run ends with a status",
    [arbitraryWorkflow(registry, { maxSteps: 5, referenceProbability: 0.3 })],
    ([workflow]) =>
      Effect.gen(function* () {
        const result = yield* runWorkflow(workflow, registry)

        expect(result.steps).toHaveLength(workflow.steps.length)
        expect(statusNames(result)).not.toContain("NONE")
      })
  )

  it.prop("HALF of an integer doubles back to it", [Schema.Int], ([value]) => {
    const document = { steps: [{ action: "MATH_EXTRA.HALF", parameters: { value } }] }

    const result = Effect.runSync(runWorkflow(document, registry))

    expect((result.steps[0]?.result as number) * 2).toBe(value)
  })
})
