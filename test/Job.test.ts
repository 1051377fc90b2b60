/**
 * Jobs and their pre-flight checks (SPEC section 6): step ids, block and step
 * limits, limit overrides by pattern, tags, the order in which the checks
 * apply, and `check`, which reports every problem without running anything.
 */
import { describe, expect, it } from "@effect/vitest"
import { Duration, Effect, Schema } from "effect"
import * as Block from "../src/Block.js"
import type { JobResult } from "../src/Events.js"
import * as Job from "../src/Job.js"
import * as Limits from "../src/Limits.js"
import * as Pattern from "../src/Pattern.js"
import * as Registry from "../src/Registry.js"
import * as Run from "../src/Run.js"
import type * as Workflow from "../src/Workflow.js"
import { registry } from "./support/blocks.js"

const steps = (...actions: ReadonlyArray<string | Workflow.StepDocument>): Workflow.Workflow => ({
  steps: actions.map((action) => (typeof action === "string" ? { action } : action))
})

/** The pre-flight status names of a workflow's steps. */
const preflight = (workflow: Workflow.Workflow, options: Job.Options = {}, reg = registry) =>
  Job.check(Job.make(workflow, reg, options)).map((verdict) => verdict.status.name)

const statuses = (result: JobResult) => result.steps.map((step) => step.status.name)

const runWorkflow = (workflow: Workflow.Workflow, options: Job.Options = {}) =>
  Run.run(Job.make(workflow, registry, options))

/** A block that counts its runs, for "nothing ran" assertions. */
const counter = () => {
  const state = { calls: 0 }
  const block = Block.make({
    name: "count",
    parameters: Schema.Struct({}),
    run: () => Effect.sync(() => ++state.calls)
  })
  return { state, registry: Registry.add(registry, block) }
}

describe("R6.1 the order of pre-flight checks", () => {
  it("R6.1 a step with no problem is NONE", () => {
    expect(preflight(steps("TEST.OK"))).toEqual(["NONE"])
  })

  it("R6.1 BLOCK_NOT_FOUND wins over DUPLICATE_STEP_IDS", () => {
    expect(preflight(steps({ action: "TEST.OK", id: "a" }, { action: "NO.SUCH", id: "a" }))).toEqual([
      "NONE",
      "BLOCK_NOT_FOUND"
    ])
  })

  it("R6.1 DUPLICATE_STEP_IDS wins over FORBIDDEN_BLOCK", () => {
    expect(preflight(steps({ action: "TEST.OK", id: "a" }, { action: "TEST.SECRET", id: "a" }))).toEqual([
      "NONE",
      "DUPLICATE_STEP_IDS"
    ])
  })

  it("R6.1 FORBIDDEN_BLOCK wins over BLOCK_LIMIT_EXCEED", () => {
    const options = { blockLimits: { "TEST.SECRET": 1 } }

    expect(preflight(steps("TEST.SECRET", "TEST.SECRET"), options)).toEqual([
      "FORBIDDEN_BLOCK",
      "FORBIDDEN_BLOCK"
    ])
  })

  it("R6.1 BLOCK_LIMIT_EXCEED wins over STEP_LIMIT_EXCEED", () => {
    expect(preflight(steps("TEST.ONCE", "TEST.ONCE"), { stepLimit: 1 })).toEqual([
      "NONE",
      "BLOCK_LIMIT_EXCEED"
    ])
  })

  it("R6.1 BLOCK_NOT_FOUND wins over STEP_LIMIT_EXCEED", () => {
    expect(preflight(steps("NO.SUCH"), { stepLimit: 0 })).toEqual(["BLOCK_NOT_FOUND"])
  })

  it("R6.1 DUPLICATE_STEP_IDS wins over BLOCK_LIMIT_EXCEED and STEP_LIMIT_EXCEED", () => {
    const workflow = steps({ action: "TEST.ONCE", id: "a" }, { action: "TEST.ONCE", id: "a" })

    expect(preflight(workflow, { stepLimit: 1 })).toEqual(["NONE", "DUPLICATE_STEP_IDS"])
  })

  it("R6.1 FORBIDDEN_BLOCK wins over STEP_LIMIT_EXCEED", () => {
    expect(preflight(steps("TEST.SECRET"), { stepLimit: 0 })).toEqual(["FORBIDDEN_BLOCK"])
  })

  it("R6.1 STEP_LIMIT_EXCEED applies when nothing earlier does", () => {
    expect(preflight(steps("TEST.OK", "TEST.OK"), { stepLimit: 1 })).toEqual(["NONE", "STEP_LIMIT_EXCEED"])
  })
})

describe("R6.2 step ids", () => {
  const ids = (workflow: Workflow.Workflow) => Job.make(workflow, registry).steps.map((step) => step.id)

  it("R6.2 a step without id takes its 1-based position as a string", () => {
    expect(ids(steps("TEST.OK", "TEST.OK", "TEST.OK"))).toEqual(["1", "2", "3"])
  })

  it("R6.2 an integer id becomes its decimal string", () => {
    expect(ids(steps({ action: "TEST.OK", id: 42 }, { action: "TEST.OK", id: -7 }))).toEqual(["42", "-7"])
  })

  it("R6.2 a large integer id is written in decimal digits, not in exponent form", () => {
    expect(ids(steps({ action: "TEST.OK", id: 1e21 }))).toEqual(["1000000000000000000000"])
  })

  it("R6.2 a null id counts as absent", () => {
    expect(ids(steps({ action: "TEST.OK", id: null }))).toEqual(["1"])
  })

  it("R6.2 positions count every step, with or without an id", () => {
    expect(ids(steps({ action: "TEST.OK", id: "a" }, "TEST.OK"))).toEqual(["a", "2"])
  })

  it("R6.2 an explicit id equal to an earlier position id is a duplicate", () => {
    expect(preflight(steps("TEST.OK", { action: "TEST.OK", id: "1" }))).toEqual([
      "NONE",
      "DUPLICATE_STEP_IDS"
    ])
  })

  it("R6.2 an integer id equal to an earlier string id is a duplicate", () => {
    expect(preflight(steps({ action: "TEST.OK", id: "5" }, { action: "TEST.OK", id: 5 }))).toEqual([
      "NONE",
      "DUPLICATE_STEP_IDS"
    ])
  })

  it("R6.2 a position id equal to an earlier explicit id is a duplicate", () => {
    expect(preflight(steps({ action: "TEST.OK", id: "2" }, "TEST.OK"))).toEqual([
      "NONE",
      "DUPLICATE_STEP_IDS"
    ])
  })

  it("R6.2 every later step with a taken id is a duplicate", () => {
    const workflow = steps(...["a", "b", "a", "a"].map((id) => ({ action: "TEST.OK", id })))

    expect(preflight(workflow)).toEqual(["NONE", "NONE", "DUPLICATE_STEP_IDS", "DUPLICATE_STEP_IDS"])
  })

  it("R6.2 ids are compared exactly, so case matters", () => {
    expect(preflight(steps({ action: "TEST.OK", id: "a" }, { action: "TEST.OK", id: "A" }))).toEqual([
      "NONE",
      "NONE"
    ])
  })

  it.effect("R6.2 the first step keeps the id: references reach its result", () =>
    Effect.gen(function* () {
      const workflow = steps(
        { action: "TEST.OK", id: "a", parameters: { value: "first" } },
        { action: "TEST.OK", id: "a", parameters: { value: "second" }, forced: true },
        { action: "TEST.OK", parameters: { value: "{: a :}" }, forced: true }
      )

      const result = yield* runWorkflow(workflow)

      expect(statuses(result)).toEqual(["DONE", "DUPLICATE_STEP_IDS", "DONE"])
      expect(result.steps[2]!.result).toBe("first")
    })
  )

  it("R6.2 the duplicate's message names the id", () => {
    const verdicts = Job.check(
      Job.make(steps({ action: "TEST.OK", id: "x" }, { action: "TEST.OK", id: "x" }), registry)
    )

    expect(verdicts[1]!.error).toBe("an earlier step already has the id 'x'")
  })
})

describe("R6.3 block limits", () => {
  it("R6.3 a limit of 1 lets exactly the first use run", () => {
    expect(preflight(steps("TEST.ONCE", "TEST.ONCE", "TEST.ONCE"))).toEqual([
      "NONE",
      "BLOCK_LIMIT_EXCEED",
      "BLOCK_LIMIT_EXCEED"
    ])
  })

  it("R6.3 a maxUses of N lets exactly N uses run", () => {
    const thrice = Block.make({
      name: "thrice",
      maxUses: 3,
      parameters: Schema.Struct({}),
      run: () => Effect.void
    })

    const names = preflight(steps(...Array(5).fill("THRICE")), {}, Registry.make(thrice))

    expect(names).toEqual(["NONE", "NONE", "NONE", "BLOCK_LIMIT_EXCEED", "BLOCK_LIMIT_EXCEED"])
  })

  it("R6.3 a maxUses of 0 lets no use run", () => {
    const never = Block.make({
      name: "never",
      maxUses: 0,
      parameters: Schema.Struct({}),
      run: () => Effect.void
    })

    expect(preflight(steps("NEVER"), {}, Registry.make(never))).toEqual(["BLOCK_LIMIT_EXCEED"])
  })

  it("R6.3 a block without maxUses is unlimited", () => {
    expect(preflight(steps(...Array(50).fill("TEST.OK"))).every((name) => name === "NONE")).toBe(true)
  })

  it("R6.3 uses are counted per block, whatever the case of the action", () => {
    expect(preflight(steps("test.once", "TEST.OK", "Test.Once"))).toEqual([
      "NONE",
      "NONE",
      "BLOCK_LIMIT_EXCEED"
    ])
  })

  it("R6.3 every step that names the block counts, even one failing another check", () => {
    const workflow = steps({ action: "TEST.OK", id: "a" }, { action: "TEST.ONCE", id: "a" }, "TEST.ONCE")

    expect(preflight(workflow)).toEqual(["NONE", "DUPLICATE_STEP_IDS", "BLOCK_LIMIT_EXCEED"])
  })

  it("R6.3 an override raises a block's maxUses", () => {
    expect(
      preflight(steps("TEST.ONCE", "TEST.ONCE", "TEST.ONCE"), { blockLimits: { "TEST.ONCE": 2 } })
    ).toEqual(["NONE", "NONE", "BLOCK_LIMIT_EXCEED"])
  })

  it("R6.3 an override limits a block that has no maxUses", () => {
    expect(preflight(steps("TEST.OK", "TEST.OK"), { blockLimits: { "TEST.OK": 1 } })).toEqual([
      "NONE",
      "BLOCK_LIMIT_EXCEED"
    ])
  })

  it("R6.3 an override of 0 forbids every use", () => {
    expect(preflight(steps("TEST.OK"), { blockLimits: { "TEST.OK": 0 } })).toEqual(["BLOCK_LIMIT_EXCEED"])
  })

  it.effect("R6.3 when running, exactly the first use runs", () =>
    Effect.gen(function* () {
      const result = yield* runWorkflow(steps("TEST.ONCE", { action: "TEST.ONCE", forced: true }))

      expect(statuses(result)).toEqual(["DONE", "BLOCK_LIMIT_EXCEED"])
      expect(result.steps[1]!.error).toBe("TEST.ONCE may be used 1 time(s) in a job; this is use 2")
    })
  )
})

describe("R6.4 limit overrides by pattern", () => {
  const limitOf = (blockLimits: Job.Options["blockLimits"], action = "TEST.OK") => {
    const names = preflight(steps(...Array(6).fill(action)), { blockLimits })
    return names.filter((name) => name === "NONE").length
  }

  it("R6.4 * matches any run of characters", () => {
    expect(limitOf({ "TEST.*": 2 })).toBe(2)
  })

  it("R6.4 * matches an empty run", () => {
    expect(limitOf({ "TEST.OK*": 2 })).toBe(2)
  })

  it("R6.4 * matches across the dot", () => {
    expect(limitOf({ "*OK": 3 })).toBe(3)
  })

  it("R6.4 ? matches exactly one character", () => {
    expect(limitOf({ "TEST.O?": 1 })).toBe(1)
    expect(limitOf({ "TEST.?": 1 })).toBe(6)
    expect(limitOf({ "TEST.O??": 1 })).toBe(6)
  })

  it("R6.4 patterns match without regard to case", () => {
    expect(limitOf({ "test.o?": 4 })).toBe(4)
    expect(limitOf({ "Test.Ok": 4 })).toBe(4)
  })

  it("R6.4 a pattern gives each matching block its own count", () => {
    const names = preflight(steps("TEST.OK", "TEST.ADD", "TEST.OK"), { blockLimits: { "TEST.*": 1 } })

    expect(names).toEqual(["NONE", "NONE", "BLOCK_LIMIT_EXCEED"])
  })

  it("R6.4 an exact name beats a pattern listed before it", () => {
    expect(
      limitOf([
        ["TEST.*", 5],
        ["test.ok", 1]
      ])
    ).toBe(1)
  })

  it("R6.4 among patterns, the first listed wins", () => {
    expect(
      limitOf([
        ["TEST.*", 1],
        ["TEST.O*", 3]
      ])
    ).toBe(1)
    expect(
      limitOf([
        ["TEST.O*", 3],
        ["TEST.*", 1]
      ])
    ).toBe(3)
  })

  it("R6.4 null means unlimited, even over a block's maxUses", () => {
    expect(limitOf({ "TEST.*": null }, "TEST.ONCE")).toBe(6)
  })

  it("R6.4 a block no override matches keeps its maxUses", () => {
    expect(limitOf({ "OTHER.*": 5 }, "TEST.ONCE")).toBe(1)
  })

  it("R6.4 overrides may be given as a Map", () => {
    expect(limitOf(new Map([["TEST.OK", 2]]))).toBe(2)
  })
})

describe("R6.4 Pattern", () => {
  it("R6.4 a pattern without wildcards is exact", () => {
    expect(Pattern.make("TEXT.JOIN").exact).toBe(true)
    expect(Pattern.make("TEXT.*").exact).toBe(false)
  })

  it("R6.4 characters special to regular expressions are literal", () => {
    const pattern = Pattern.make("A+B(1)|[x]^$\\*")

    expect(pattern.matches("A+B(1)|[X]^$\\ANY")).toBe(true)
    expect(pattern.matches("AAB(1)|[X]^$\\")).toBe(false)
  })

  it("R6.4 R13.3 many stars match in time linear in the name, with no backtracking blowup", () => {
    const pattern = Pattern.make("*?*?*?*?*?*?*?*?*?*?*?*?*?Z")
    const name = "A".repeat(2_000)
    // A backtracking matcher would not finish this within the test's time-out.
    expect(pattern.matches(name)).toBe(false)
    expect(pattern.matches(name + "Z")).toBe(true)
    expect(Pattern.make("A*B*C").matches("AxxBxxC")).toBe(true)
    expect(Pattern.make("A*B*C").matches("AxxCxxB")).toBe(false)
    expect(Pattern.make("*AB").matches("AAB")).toBe(true)
    expect(Pattern.make("?").matches("")).toBe(false)
  })

  it("R6.4 a dot in a pattern is a literal dot", () => {
    expect(Pattern.make("TEXT.?").matches("TEXTXA")).toBe(false)
  })

  it("R6.4 a hyphen in a wildcard pattern is literal", () => {
    expect(Pattern.make("MY-BLOCK*").matches("my-block.run")).toBe(true)
  })

  it("R6.4 ? counts a character outside the BMP as one", () => {
    expect(Pattern.make("X.?").matches("X.😀")).toBe(true)
  })

  it("R6.4 * alone matches every name", () => {
    expect(["A", "B.C", ""].every(Pattern.make("*").matches)).toBe(true)
  })
})

describe("R6.5 step limit", () => {
  it("R6.5 a limit of 3 lets exactly three steps run", () => {
    expect(preflight(steps(...Array(5).fill("TEST.OK")), { stepLimit: 3 })).toEqual([
      "NONE",
      "NONE",
      "NONE",
      "STEP_LIMIT_EXCEED",
      "STEP_LIMIT_EXCEED"
    ])
  })

  it("R6.5 a limit of 0 lets no step run", () => {
    expect(preflight(steps("TEST.OK"), { stepLimit: 0 })).toEqual(["STEP_LIMIT_EXCEED"])
  })

  it("R6.5 the default step limit is Limits.defaultStepLimit", () => {
    expect(Job.make(steps(), registry).stepLimit).toBe(Limits.defaultStepLimit)
  })

  it.effect("R6.5 running, the first step beyond the limit fails and the rest are skipped", () =>
    Effect.gen(function* () {
      const result = yield* runWorkflow(steps(...Array(5).fill("TEST.OK")), { stepLimit: 3 })

      expect(statuses(result)).toEqual(["DONE", "DONE", "DONE", "STEP_LIMIT_EXCEED", "SKIPPED"])
      expect(result.steps[3]!.error).toBe("the job may run 3 step(s); this is step 4")
    })
  )
})

describe("FORBIDDEN_BLOCK and job tags", () => {
  it("R6.1 a block whose tags are missing from the job is forbidden", () => {
    expect(preflight(steps("TEST.SECRET"))).toEqual(["FORBIDDEN_BLOCK"])
  })

  it("R6.1 a block whose tags are all on the job is allowed", () => {
    expect(preflight(steps("TEST.SECRET"), { tags: ["admin"] })).toEqual(["NONE"])
  })

  it("R6.1 every one of a block's tags is needed, and the message names the missing ones", () => {
    const guarded = Block.make({
      name: "guarded",
      tags: ["read", "write"],
      parameters: Schema.Struct({}),
      run: () => Effect.void
    })

    const verdict = Job.check(
      Job.make(steps("GUARDED"), Registry.make(guarded), { tags: new Set(["read"]) })
    )[0]!

    expect(verdict.status.name).toBe("FORBIDDEN_BLOCK")
    expect(verdict.error).toBe("GUARDED needs the job tag(s) write")
  })
})

describe("R6.6 pre-flight statuses before and during the run", () => {
  it("R6.6 check reports every problem with its message", () => {
    const workflow = steps(
      "TEST.OK",
      "NO.SUCH",
      { action: "TEST.OK", id: "1" },
      "TEST.SECRET",
      "TEST.ONCE",
      "TEST.ONCE"
    )

    const verdicts = Job.check(Job.make(workflow, registry, { stepLimit: 5 }))

    expect(verdicts.map((v) => [v.id, v.position, v.action, v.status.name])).toEqual([
      ["1", 1, "TEST.OK", "NONE"],
      ["2", 2, "NO.SUCH", "BLOCK_NOT_FOUND"],
      ["1", 3, "TEST.OK", "DUPLICATE_STEP_IDS"],
      ["4", 4, "TEST.SECRET", "FORBIDDEN_BLOCK"],
      ["5", 5, "TEST.ONCE", "NONE"],
      ["6", 6, "TEST.ONCE", "BLOCK_LIMIT_EXCEED"]
    ])
    expect(verdicts[0]!.error).toBeUndefined()
    expect(verdicts[1]!.error).toBe("no block is named 'NO.SUCH'")
  })

  it("R6.6 check runs no block and calls no hook", () => {
    const { registry: counting, state } = counter()
    const seen: Array<unknown> = []
    const job = Job.make(steps("COUNT", "COUNT", "NO.SUCH"), counting, {
      onStepUpdate: (event) => void seen.push(event),
      onJobFinish: (event) => void seen.push(event)
    })

    Job.check(job)

    expect(state.calls).toBe(0)
    expect(seen).toEqual([])
  })

  it.effect("R6.6 earlier steps still run before a pre-flight failure", () =>
    Effect.gen(function* () {
      const { registry: counting, state } = counter()
      const job = Job.make(steps("COUNT", "COUNT", "NO.SUCH", "COUNT"), counting)

      const result = yield* Run.run(job)

      expect(statuses(result)).toEqual(["DONE", "DONE", "BLOCK_NOT_FOUND", "SKIPPED"])
      expect(state.calls).toBe(2)
    })
  )

  it.effect("R6.6 a pre-flight status is visible to earlier steps through the contexts", () =>
    Effect.gen(function* () {
      const workflow = steps(
        { action: "TEST.OK", parameters: { value: "{% steps.2.status.name %}" } },
        "NO.SUCH"
      )

      const result = yield* runWorkflow(workflow)

      expect(result.steps[0]!.result).toBe("BLOCK_NOT_FOUND")
    })
  )

  it.effect("R6.6 an unknown action keeps its written form in the result", () =>
    Effect.gen(function* () {
      const result = yield* runWorkflow(steps("no.Such"))

      expect(result.steps[0]!.action).toBe("no.Such")
      expect(result.steps[0]!.error).toBe("no block is named 'no.Such'")
    })
  )
})

describe("job options", () => {
  it("R13.1 time limits default to Limits.defaultStepTimeout and Limits.defaultDeadline", () => {
    const job = Job.make(steps(), registry)

    expect(Duration.toMillis(job.stepTimeout)).toBe(Duration.toMillis(Limits.defaultStepTimeout))
    expect(Duration.toMillis(job.deadline)).toBe(Duration.toMillis(Limits.defaultDeadline))
  })

  it("R13.1 time limits accept any duration input", () => {
    const job = Job.make(steps(), registry, { stepTimeout: "50 millis", deadline: 2000 })

    expect([Duration.toMillis(job.stepTimeout), Duration.toMillis(job.deadline)]).toEqual([50, 2000])
  })

  it("R7.5 building a job leaves the workflow unchanged", () => {
    const workflow = steps({ action: "test.ok", parameters: { value: [1] } }, "NO.SUCH")
    const before = structuredClone(workflow)

    Job.make(workflow, registry, { variables: { a: 1 } })

    expect(workflow).toEqual(before)
  })

  it("R11.2 withHooks gives a new job with the hooks given and keeps the others", () => {
    const first = () => {}
    const second = () => {}
    const finish = () => {}
    const job = Job.make(steps(), registry, { onStepUpdate: first, onJobFinish: finish })

    const hooked = Job.withHooks(job, { onStepUpdate: second })

    expect([hooked.onStepUpdate, hooked.onJobFinish]).toEqual([second, finish])
    expect(job.onStepUpdate).toBe(first)
  })
})
