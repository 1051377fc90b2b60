/**
 * Limits on what loading and running may hold (R13.2, R13.3): the parsed
 * document's size and kinds, and the total size of the results one run keeps.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit } from "effect"
import * as Job from "../../src/Job.js"
import * as Run from "../../src/Run.js"
import * as Size from "../../src/Size.js"
import * as Limits from "../../src/Limits.js"
import * as Workflow from "../../src/Workflow.js"
import { registry } from "../support/blocks.js"

const loadError = (exit: Exit.Exit<unknown, Workflow.WorkflowLoadError>): string =>
  Exit.isFailure(exit) && exit.cause._tag === "Fail" ? exit.cause.error.message : "loaded"

describe("loading bounds (R3.3, R13.3)", () => {
  it.effect(
    "a document larger than maxSize once parsed is refused, counting a shared value each time it is used",
    () =>
      Effect.gen(function* () {
        const shared = Array(1_000).fill("x")
        const document = { variables: { a: Array(100).fill(shared) }, steps: [] }
        const exit = yield* Effect.exit(
          Workflow.decode(document, { ...Workflow.defaultLoadLimits, maxSize: 100_000 })
        )
        expect(loadError(exit)).toContain("larger than 100000 once parsed")
      })
  )

  it.effect("a parsed value that is not JSON data (a Date, a Map) is refused", () =>
    Effect.gen(function* () {
      const withDate = yield* Effect.exit(
        Workflow.decode({ steps: [{ action: "X", parameters: { when: new Date(0) } }] })
      )
      expect(loadError(withDate)).toContain("not JSON data (Date)")
      const withMap = yield* Effect.exit(Workflow.decode({ steps: [], variables: { m: new Map() } }))
      expect(loadError(withMap)).toContain("not JSON data (Map)")
    })
  )

  it.effect("YAML 1.1 binary, timestamps and sets are refused as not JSON data", () =>
    Effect.gen(function* () {
      const binary = yield* Effect.exit(
        Workflow.parse("%YAML 1.1\n---\nsteps: []\nvariables: {b: !!binary aGVsbG8=}\n")
      )
      expect(loadError(binary)).toContain("not JSON data")
      const set = yield* Effect.exit(
        Workflow.parse("%YAML 1.1\n---\nsteps: []\nvariables: {s: !!set {a, b}}\n")
      )
      expect(loadError(set)).toContain("not JSON data")
    })
  )

  it.effect("a YAML document with more nodes than maxYamlNodes is refused before it is parsed", () =>
    Effect.gen(function* () {
      const text = `steps: []\nvariables: {x: [${Array(500).fill("1").join(",")}]}\n`
      const exit = yield* Effect.exit(
        Workflow.parse(text, "yaml", { ...Workflow.defaultLoadLimits, maxYamlNodes: 100 })
      )
      expect(loadError(exit)).toContain("more than about 100 nodes")
    })
  )

  it.effect("a byte-order mark before JSON text is ignored", () =>
    Effect.gen(function* () {
      const workflow = yield* Workflow.parse('\ufeff{"steps": [{"action": "TEST.OK"}]}')
      expect(workflow.steps).toHaveLength(1)
    })
  )

  it.effect("R6.2 an integer id beyond 2^53 loads and becomes its decimal digits", () =>
    Effect.gen(function* () {
      const job = yield* Job.load({ steps: [{ action: "TEST.OK", id: 1e21 }] }, registry)
      expect(job.steps[0]!.id).toBe("1000000000000000000000")
    })
  )
})

describe("the retained size of a run (R13.2)", () => {
  it("Size.measure gives the size that check compares with maxTotalSize", () => {
    expect(Size.measure("abc", Limits.defaultSizeLimits)).toBe(5)
    // a list: 16 for the container and 1 per item, 8 for a number, a text's length plus 2
    expect(Size.measure([1, "ab"], Limits.defaultSizeLimits)).toBe(16 + 2 + 8 + 4)
    // a dictionary: 16, and per key its length plus 4
    expect(Size.measure({ a: {} }, Limits.defaultSizeLimits)).toBe(16 + 5 + 16)
    expect(Size.measure("x".repeat(11), { ...Limits.defaultSizeLimits, maxStringLength: 10 })).toEqual({
      limit: "maxStringLength",
      message: "a text is longer than 10 characters"
    })
  })

  it.effect("a step whose result would take the run past maxRetainedSize gets SIZE_LIMIT_EXCEED", () =>
    Effect.gen(function* () {
      const text = "x".repeat(98)
      const job = yield* Job.load(
        {
          steps: Array.from({ length: 4 }, () => ({
            action: "TEST.OK",
            parameters: { value: text },
            forced: true
          }))
        },
        registry,
        { sizeLimits: { maxRetainedSize: 250 } }
      )
      const result = yield* Run.run(job)
      expect(result.steps.map((step) => step.status.name)).toEqual([
        "DONE",
        "DONE",
        "SIZE_LIMIT_EXCEED",
        "SIZE_LIMIT_EXCEED"
      ])
      expect(result.steps[2]!.error).toContain("more than 250 of results and variables")
    })
  )

  it.effect("runs are independent: each run starts with nothing retained (R7.5)", () =>
    Effect.gen(function* () {
      const job = yield* Job.load(
        { steps: [{ action: "TEST.OK", parameters: { value: "x".repeat(98) } }] },
        registry,
        {
          sizeLimits: { maxRetainedSize: 150 }
        }
      )
      const first = yield* Run.run(job)
      const second = yield* Run.run(job)
      expect([first.success, second.success]).toEqual([true, true])
    })
  )
})
