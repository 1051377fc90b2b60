/**
 * Fuzzing with fast-check (R3.3, R13.3): whatever the document, loading either
 * succeeds or fails with a typed error, and a loaded job's run ends with a
 * status for every step, throws nothing, and leaves `Object.prototype` as it
 * was. Runs with a fixed seed and a bounded number of runs; set
 * CONDUIT_FUZZ_RUNS (and optionally CONDUIT_FUZZ_SEED) for a longer run.
 */
import { describe, expect, it } from "@effect/vitest"
import { Cause, Effect, Exit, FastCheck as fc } from "effect"
import { standard } from "../../src/blocks/Standard.js"
import * as Catalog from "../../src/Catalog.js"
import * as Job from "../../src/Job.js"
import * as Run from "../../src/Run.js"
import * as Value from "../../src/Value.js"
import * as Workflow from "../../src/Workflow.js"

const numRuns = Number(process.env.CONDUIT_FUZZ_RUNS ?? 150)
const seed = Number(process.env.CONDUIT_FUZZ_SEED ?? 20261203)
const fastCheck = { fastCheck: { numRuns, seed } }
const timeout = Math.max(60_000, numRuns * 400)

const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype).sort()
const untouched = prototypeNames()

/** A load either succeeds or fails with WorkflowLoadError: never a defect. */
const expectTypedOutcome = <A>(exit: Exit.Exit<A, Workflow.WorkflowLoadError>) => {
  if (Exit.isFailure(exit)) {
    expect(Cause.isFailType(exit.cause), Cause.pretty(exit.cause)).toBe(true)
    const failure = Cause.failureOption(exit.cause)
    expect(failure._tag === "Some" && failure.value instanceof Workflow.WorkflowLoadError).toBe(true)
  }
}

// ---- generators ----

const hostileKeys = ["__proto__", "constructor", "prototype", "toString", "_x", "x_", "a.b", ""]

const tagFragments = [
  "{: 1 :}",
  "{: 2 :}",
  "{: a :}",
  "{: 1.0 :}",
  "{: 1.-1 :}",
  "{: 1.::-1 :}",
  "{: 1.__proto__ :}",
  "{# x #}",
  "{# x.0 #}",
  "{# x.0:2 #}",
  "{# list #}",
  "{# nope #}",
  "{# constructor #}",
  "{% job.name %}",
  "{% job.variables %}",
  "{% steps %}",
  "{% steps.1.status.name %}",
  "{% steps.1.parameters %}",
  "{% job.variables.{% job.name %} %}",
  "{% job.variables.{# key #} %}",
  "{< a >}",
  "{< a.b.0 >}",
  "{< nope >}",
  "{%x%}",
  "{% x :}",
  "{: ",
  " :}",
  "{# {# x #} #}",
  "{% job.parameters %}"
]

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...tagFragments) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.constantFrom(...tagFragments, " ", "text", "."), { maxLength: 5 })
      .map((parts) => parts.join(""))
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom(...hostileKeys) }
)

const key = fc.oneof(
  fc.constantFrom(...hostileKeys, "value", "value1", "value2", "text", "list", "name", "item"),
  text
)

const objectOf = (entries: ReadonlyArray<readonly [string, unknown]>) => {
  const object: Record<string, unknown> = {}
  for (const [name, value] of entries) Value.setKey(object, name, value)
  return object
}

const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    text,
    fc.integer({ min: -5, max: 5 }),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.array(fc.tuple(key, tie("value")), { maxLength: 4 }).map(objectOf)
  )
}))

const blocks = Catalog.ofRegistry(standard)

/** A step: a real block (any case) or a made-up action, parameters named after the block's, some junk. */
const step = fc
  .record({
    block: fc.constantFrom(...blocks),
    unknownAction: fc.option(fc.constantFrom("NOPE", "TEXT.", "text.join.x", "__proto__", "constructor"), {
      freq: 8
    }),
    lower: fc.boolean(),
    values: fc.array(value, { minLength: 4, maxLength: 4 }),
    extra: fc.option(fc.tuple(key, value), { freq: 4 }),
    id: fc.option(
      fc.oneof(fc.constantFrom("a", "1", "2", "__proto__", "constructor"), fc.integer({ min: 0, max: 4 })),
      { freq: 2 }
    ),
    forced: fc.boolean(),
    condition: fc.option(fc.oneof(text, fc.array(text, { maxLength: 3 })), { freq: 4 })
  })
  .map(({ block, unknownAction, lower, values, extra, id, forced, condition }) => {
    const names = block.parameters.map((parameter) => parameter.name)
    const parameters = objectOf([
      ...names.map((name, index) => [name, values[index % values.length]] as const),
      ...(extra ? [extra] : [])
    ])
    const action = unknownAction ?? (lower ? block.name.toLowerCase() : block.name)
    return {
      action,
      parameters,
      forced,
      ...(id === null ? {} : { id }),
      ...(condition === null ? {} : { if: condition })
    }
  })

const workflow = fc.record({
  name: fc.option(fc.constantFrom("x", "list", "__proto__", "job"), { nil: undefined }),
  variables: fc
    .array(fc.tuple(fc.constantFrom("x", "list", "key", "__proto__", "constructor"), value), { maxLength: 4 })
    .map(objectOf),
  steps: fc.array(step, { maxLength: 8 })
})

const locals = fc
  .array(fc.tuple(fc.constantFrom("a", "b", "__proto__"), value), { maxLength: 3 })
  .map(objectOf)

// ---- properties ----

describe("fuzzing (R3.3, R13.3)", () => {
  it.live.prop(
    "any JSON value as a document loads or fails with a typed error",
    [
      fc.oneof(
        fc.jsonValue(),
        fc.record({ steps: fc.array(fc.jsonValue(), { maxLength: 4 }) }, { requiredKeys: [] })
      )
    ],
    ([document]) =>
      Effect.gen(function* () {
        expectTypedOutcome(yield* Effect.exit(Workflow.decode(document)))
      }),
    { timeout, ...fastCheck }
  )

  it.live.prop(
    "any byte string as YAML loads or fails with a typed error",
    [fc.uint8Array({ maxLength: 200 })],
    ([bytes]) =>
      Effect.gen(function* () {
        const text = Buffer.from(bytes).toString("utf8")
        expectTypedOutcome(yield* Effect.exit(Workflow.parse(text, "yaml")))
        expectTypedOutcome(yield* Effect.exit(Workflow.parse(text)))
      }),
    { timeout, ...fastCheck }
  )

  it.live.prop(
    "any well-formed workflow with random tags runs to a status for every step and leaves Object.prototype alone",
    [workflow, locals],
    ([document, developerLocals]) =>
      Effect.gen(function* () {
        const job = yield* Job.load(document, standard, {
          locals: developerLocals,
          variables: { list: [1, 2, 3] },
          stepTimeout: "2 seconds",
          deadline: "10 seconds"
        })
        const exit = yield* Effect.exit(Run.run(job))
        expect(Exit.isSuccess(exit), Exit.isFailure(exit) ? Cause.pretty(exit.cause) : "").toBe(true)
        if (Exit.isFailure(exit)) return
        const result = exit.value
        expect(result.steps).toHaveLength(document.steps.length)
        for (const stepResult of result.steps) expect(stepResult.status.name).not.toBe("NONE")
        expect(result.success).toBe(result.failedStep === null)
        expect(prototypeNames()).toEqual(untouched)
        expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      }),
    { timeout, ...fastCheck }
  )
})
