/**
 * A property test of the whole fold against a reference model: for random
 * workflows over the test blocks (success, each typed failure, a defect, and
 * every pre-flight problem) with random `forced` flags and `if` conditions,
 * every status, the failed step and the job's success are what a plain loop
 * written straight from R6.1–R6.5 and R7.1–R7.2 says.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, FastCheck as fc } from "effect"
import * as Job from "../src/Job.js"
import * as Run from "../src/Run.js"
import type { StatusName } from "../src/Status.js"
import type * as Workflow from "../src/Workflow.js"
import { registry } from "./support/blocks.js"

// ---- the generated input ----

type Kind = "ok" | "invalid" | "assert" | "other" | "die" | "badType" | "unknown" | "secret" | "once"

interface StepSpec {
  readonly kind: Kind
  /** An explicit id, or undefined for the position. */
  readonly id: string | number | undefined
  readonly forced: boolean
  readonly condition: "none" | "truthy" | "falsy"
}

interface OptionSpec {
  readonly stepLimit: number | undefined
  readonly admin: boolean
  /** An override for TEST.ONCE: absent, a number, or null for unlimited. */
  readonly onceLimit: number | null | undefined
}

const kinds: ReadonlyArray<Kind> = [
  "ok",
  "invalid",
  "assert",
  "other",
  "die",
  "badType",
  "unknown",
  "secret",
  "once"
]

const stepSpec: fc.Arbitrary<StepSpec> = fc.record({
  kind: fc.constantFrom(...kinds),
  // Ids that collide with each other and with position ids ("1", 2, ...).
  id: fc.option(fc.constantFrom<string | number>("a", "b", "1", "2", "3", 1, 2), { nil: undefined }),
  forced: fc.boolean(),
  condition: fc.constantFrom("none", "truthy", "falsy")
})

const optionSpec: fc.Arbitrary<OptionSpec> = fc.record({
  stepLimit: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
  admin: fc.boolean(),
  onceLimit: fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer({ min: 0, max: 3 }))
})

const actionOf: Record<Kind, string> = {
  ok: "TEST.OK",
  invalid: "test.invalid",
  assert: "TEST.ASSERT",
  other: "Test.Other",
  die: "TEST.DIE",
  badType: "TEST.ADD",
  unknown: "TEST.MISSING",
  secret: "TEST.SECRET",
  once: "test.once"
}

const toWorkflow = (specs: ReadonlyArray<StepSpec>): Workflow.Workflow => ({
  steps: specs.map((spec) => ({
    action: actionOf[spec.kind],
    ...(spec.id === undefined ? {} : { id: spec.id }),
    ...(spec.kind === "badType" ? { parameters: { a: "x", b: 1 } } : {}),
    ...(spec.forced ? { forced: true } : {}),
    ...(spec.condition === "none" ? {} : { if: spec.condition === "truthy" ? "yes" : "" })
  }))
})

const toOptions = (spec: OptionSpec): Job.Options<[]> => ({
  ...(spec.stepLimit === undefined ? {} : { stepLimit: spec.stepLimit }),
  tags: spec.admin ? ["admin"] : [],
  ...(spec.onceLimit === undefined ? {} : { blockLimits: { "TEST.ONCE": spec.onceLimit } })
})

// ---- the reference model ----

const outcomeOf: Record<Exclude<Kind, "unknown">, StatusName> = {
  ok: "DONE",
  invalid: "INVALID_ARGUMENT",
  assert: "ASSERTION_ERROR",
  other: "UNHANDLED_EXCEPTION",
  die: "UNHANDLED_EXCEPTION",
  badType: "INVALID_TYPE",
  secret: "DONE",
  once: "DONE"
}

const isFailure = (status: StatusName) =>
  status !== "NONE" && status !== "DONE" && status !== "IF_CONDITION_FAILED"

interface ModelResult {
  readonly preflight: ReadonlyArray<StatusName>
  readonly statuses: ReadonlyArray<StatusName>
  readonly failedPosition: number | null
}

/** R6.1–R6.5 and R7.1–R7.2, written as directly as possible. */
const model = (specs: ReadonlyArray<StepSpec>, options: OptionSpec): ModelResult => {
  const stepLimit = options.stepLimit ?? Infinity
  const onceLimit = options.onceLimit === undefined ? 1 : (options.onceLimit ?? Infinity)
  const seenIds = new Set<string>()
  let onceUses = 0
  const preflight: Array<StatusName> = []

  specs.forEach((spec, index) => {
    const position = index + 1
    const id = spec.id === undefined ? String(position) : String(spec.id)
    if (spec.kind === "once") onceUses++
    let status: StatusName = "NONE"
    if (spec.kind === "unknown") status = "BLOCK_NOT_FOUND"
    else if (seenIds.has(id)) status = "DUPLICATE_STEP_IDS"
    else if (spec.kind === "secret" && !options.admin) status = "FORBIDDEN_BLOCK"
    else if (spec.kind === "once" && onceUses > onceLimit) status = "BLOCK_LIMIT_EXCEED"
    else if (position > stepLimit) status = "STEP_LIMIT_EXCEED"
    seenIds.add(id)
    preflight.push(status)
  })

  let failedPosition: number | null = null
  const statuses = specs.map((spec, index): StatusName => {
    let status: StatusName
    if (failedPosition !== null && !spec.forced) status = "SKIPPED"
    else if (preflight[index] !== "NONE") status = preflight[index]!
    else if (spec.condition === "falsy") status = "IF_CONDITION_FAILED"
    else status = outcomeOf[spec.kind as Exclude<Kind, "unknown">]
    if (failedPosition === null && isFailure(status)) failedPosition = index + 1
    return status
  })

  return { preflight, statuses, failedPosition }
}

// ---- the property ----

describe("the fold against a reference model", () => {
  it.effect.prop(
    "R6.1 R7.1 R7.2 every pre-flight status, every run status and the failed step match the model",
    { specs: fc.array(stepSpec, { maxLength: 12 }), options: optionSpec },
    ({ options, specs }) =>
      Effect.gen(function* () {
        const expected = model(specs, options)
        const job = Job.make(toWorkflow(specs), registry, toOptions(options))

        const verdicts = Job.check(job)
        const result = yield* Run.run(job)

        expect(verdicts.map((verdict) => verdict.status.name)).toEqual(expected.preflight)
        expect(result.steps.map((step) => step.status.name)).toEqual(expected.statuses)
        expect(result.failedStep?.position ?? null).toBe(expected.failedPosition)
        expect(result.success).toBe(expected.failedPosition === null)
      }),
    { fastCheck: { numRuns: 400 } }
  )

  it("the model itself follows the worked example of R6.3: a limit of 1 lets exactly the first use run", () => {
    const once: StepSpec = { kind: "once", id: undefined, forced: true, condition: "none" }

    const { statuses } = model([once, once], { stepLimit: undefined, admin: false, onceLimit: undefined })

    expect(statuses).toEqual(["DONE", "BLOCK_LIMIT_EXCEED"])
  })
})
