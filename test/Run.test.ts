/**
 * Running a job (SPEC section 7): the fold over the steps, skipping after a
 * failure, forced steps, `if`, the step and job results, independent runs,
 * interruption, time limits, and the spans and log annotations of a run.
 */
import { describe, expect, it } from "@effect/vitest"
import {
  Deferred,
  Duration,
  Effect,
  Exit,
  Fiber,
  HashMap,
  Logger,
  Option,
  Schema,
  TestClock,
  Tracer
} from "effect"
import * as Block from "../src/Block.js"
import type { JobResult, StepResult } from "../src/Events.js"
import * as Job from "../src/Job.js"
import * as Registry from "../src/Registry.js"
import * as Run from "../src/Run.js"
import type * as Workflow from "../src/Workflow.js"
import { registry } from "./support/blocks.js"

const steps = (...actions: ReadonlyArray<string | Workflow.StepDocument>): Workflow.Workflow => ({
  steps: actions.map((action) => (typeof action === "string" ? { action } : action))
})

const statuses = (result: JobResult) => result.steps.map((step) => step.status.name)

const runWorkflow = (workflow: Workflow.Workflow, options: Job.Options<[]> = {}, reg = registry) =>
  Run.run(Job.make(workflow, reg, options))

/** A step result without its wall time, which differs from run to run. */
const timeless = ({ elapsedMillis: _, ...rest }: StepResult) => rest

const withoutTimes = (result: JobResult) => ({
  ...result,
  steps: result.steps.map(timeless),
  failedStep: result.failedStep === null ? null : timeless(result.failedStep)
})

/** Forks a run, lets `millis` of test time pass, and waits for the result. */
const runWithTestClock = (job: Job.Job, millis: number) =>
  Effect.gen(function* () {
    const fiber = yield* Effect.fork(Run.run(job))
    yield* TestClock.adjust(Duration.millis(millis))
    return yield* Fiber.join(fiber)
  })

describe("R7.1 the fold", () => {
  it.effect("R7.1 steps run in order, one at a time, never concurrently", () =>
    Effect.gen(function* () {
      const log: Array<string> = []
      let active = 0
      let mostActive = 0
      const traced = Block.make({
        name: "traced",
        parameters: Schema.Struct({ name: Schema.String }),
        run: ({ name }) =>
          Effect.gen(function* () {
            active++
            mostActive = Math.max(mostActive, active)
            log.push(`start ${name}`)
            yield* Effect.yieldNow()
            yield* Effect.yieldNow()
            log.push(`end ${name}`)
            active--
          })
      })
      const workflow = steps(...["a", "b", "c"].map((name) => ({ action: "TRACED", parameters: { name } })))

      yield* runWorkflow(workflow, {}, Registry.make(traced))

      expect(log).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"])
      expect(mostActive).toBe(1)
    })
  )

  it.effect("R7.1 after a failure, steps that are not forced are SKIPPED", () =>
    Effect.gen(function* () {
      const result = yield* runWorkflow(steps("TEST.OK", "TEST.INVALID", "TEST.OK", "TEST.ADD"))

      expect(statuses(result)).toEqual(["DONE", "INVALID_ARGUMENT", "SKIPPED", "SKIPPED"])
    })
  )

  it.effect("R7.1 a skipped step's block does not run", () =>
    Effect.gen(function* () {
      let calls = 0
      const counted = Block.make({
        name: "counted",
        parameters: "any",
        run: () => Effect.sync(() => calls++)
      })

      yield* runWorkflow(steps("TEST.ASSERT", "COUNTED"), {}, Registry.add(registry, counted))

      expect(calls).toBe(0)
    })
  )

  it.effect("R7.1 skipping wins over a pre-flight failure", () =>
    Effect.gen(function* () {
      const result = yield* runWorkflow(steps("TEST.INVALID", "NO.SUCH", "TEST.SECRET"))

      expect(statuses(result)).toEqual(["INVALID_ARGUMENT", "SKIPPED", "SKIPPED"])
    })
  )

  it.effect("R7.1 a forced step after a failure gets its pre-flight status", () =>
    Effect.gen(function* () {
      const result = yield* runWorkflow(steps("TEST.INVALID", { action: "NO.SUCH", forced: true }))

      expect(statuses(result)).toEqual(["INVALID_ARGUMENT", "BLOCK_NOT_FOUND"])
    })
  )

  it.effect("R7.1 skipping wins over an if", () =>
    Effect.gen(function* () {
      const result = yield* runWorkflow(steps("TEST.INVALID", { action: "TEST.OK", if: "" }))

      expect(statuses(result)).toEqual(["INVALID_ARGUMENT", "SKIPPED"])
    })
  )

  it.effect("R7.1 a pre-flight failure wins over an if", () =>
    Effect.gen(function* () {
      const result = yield* runWorkflow(steps({ action: "NO.SUCH", if: "" }))

      expect(statuses(result)).toEqual(["BLOCK_NOT_FOUND"])
    })
  )

  it.effect("R7.1 a falsy if gives IF_CONDITION_FAILED and the block does not run", () =>
    Effect.gen(function* () {
      const result = yield* runWorkflow(steps({ action: "TEST.INVALID", if: "" }))

      expect(statuses(result)).toEqual(["IF_CONDITION_FAILED"])
    })
  )

  it.effect("R7.1 a truthy if lets the step run", () =>
    Effect.gen(function* () {
      const result = yield* runWorkflow(steps({ action: "TEST.OK", if: "yes" }))

      expect(statuses(result)).toEqual(["DONE"])
    })
  )

  it.effect("R7.1 an if reading an earlier result decides at run time", () =>
    Effect.gen(function* () {
      const workflow = steps(
        { action: "TEST.OK", id: "flag", parameters: { value: false } },
        { action: "TEST.OK", if: "{: flag :}" },
        { action: "TEST.OK", if: "{% steps.flag.status.name %}" }
      )

      const result = yield* runWorkflow(workflow)

      expect(statuses(result)).toEqual(["DONE", "IF_CONDITION_FAILED", "DONE"])
      expect(result.steps[1]!.error).toContain("{: flag :}")
    })
  )

  it.effect("R7.1 with a list of conditions, any falsy one stops the step", () =>
    Effect.gen(function* () {
      const result = yield* runWorkflow(
        steps({ action: "TEST.OK", if: ["yes", "", "yes"] }, { action: "TEST.OK", if: ["a", "b"] })
      )

      expect(statuses(result)).toEqual(["IF_CONDITION_FAILED", "DONE"])
    })
  )

  it.effect("R7.1 a failed if is not a failure: the job succeeds and later steps run", () =>
    Effect.gen(function* () {
      const result = yield* runWorkflow(steps({ action: "TEST.OK", if: "" }, "TEST.OK"))

      expect(statuses(result)).toEqual(["IF_CONDITION_FAILED", "DONE"])
      expect(result.success).toBe(true)
      expect(result.failedStep).toBeNull()
    })
  )

  it.effect("R9.10 an if that references nothing fails the step with INVALID_ARGUMENT", () =>
    Effect.gen(function* () {
      const result = yield* runWorkflow(steps({ action: "TEST.OK", if: "{: missing :}" }))

      expect(statuses(result)).toEqual(["INVALID_ARGUMENT"])
      expect(result.success).toBe(false)
    })
  )

  it.effect("R7.1 a block's result is available to later steps", () =>
    Effect.gen(function* () {
      const workflow = steps(
        { action: "TEST.ADD", id: "x", parameters: { a: 2, b: 3 } },
        { action: "TEST.ADD", parameters: { a: "{: x :}", b: "{: x :}" } }
      )

      const result = yield* runWorkflow(workflow)

      expect(result.steps[1]!.result).toBe(10)
    })
  )
})

describe("R7.2 failures and forced steps", () => {
  it.effect("R7.2 a forced step runs after a failure", () =>
    Effect.gen(function* () {
      const result = yield* runWorkflow(steps("TEST.DIE", { action: "TEST.OK", forced: true }, "TEST.OK"))

      expect(statuses(result)).toEqual(["UNHANDLED_EXCEPTION", "DONE", "SKIPPED"])
    })
  )

  it.effect("R7.2 a forced step's own failure is recorded like any other", () =>
    Effect.gen(function* () {
      const result = yield* runWorkflow(steps("TEST.INVALID", { action: "TEST.ASSERT", forced: true }))

      expect(statuses(result)).toEqual(["INVALID_ARGUMENT", "ASSERTION_ERROR"])
    })
  )

  it.effect("R7.2 the first failed step is the job's failed step", () =>
    Effect.gen(function* () {
      const workflow = steps(
        "TEST.OK",
        { action: "TEST.INVALID", id: "first" },
        { action: "TEST.ASSERT", id: "second", forced: true }
      )

      const result = yield* runWorkflow(workflow)

      expect(result.success).toBe(false)
      expect(result.failedStep?.id).toBe("first")
      expect(result.failedStep).toBe(result.steps[1])
    })
  )

  it.effect("R7.2 a pre-flight failure marks the job failed like any other", () =>
    Effect.gen(function* () {
      const result = yield* runWorkflow(steps("TEST.OK", "NO.SUCH"))

      expect(result.success).toBe(false)
      expect(result.failedStep?.position).toBe(2)
    })
  )

  it.effect("R7.2 forced steps that fail do not replace the first failed step", () =>
    Effect.gen(function* () {
      const workflow = steps({ action: "TEST.OK", if: "" }, "TEST.OTHER", {
        action: "TEST.DIE",
        forced: true
      })

      const result = yield* runWorkflow(workflow)

      expect(result.failedStep?.position).toBe(2)
    })
  )
})

describe("R7.3 step results", () => {
  it.effect("R7.3 a DONE step carries id, position, action, status and result, and no error", () =>
    Effect.gen(function* () {
      const result = yield* runWorkflow(steps({ action: "test.add", id: "sum", parameters: { a: 1, b: 2 } }))

      expect(timeless(result.steps[0]!)).toEqual({
        id: "sum",
        position: 1,
        action: "TEST.ADD",
        status: { name: "DONE", value: 0 },
        result: 3
      })
    })
  )

  it.effect("R7.3 a failed step carries an error and no result", () =>
    Effect.gen(function* () {
      const result = yield* runWorkflow(steps("TEST.INVALID"))

      expect(timeless(result.steps[0]!)).toEqual({
        id: "1",
        position: 1,
        action: "TEST.INVALID",
        status: { name: "INVALID_ARGUMENT", value: 103 },
        error: "bad value"
      })
      expect("result" in result.steps[0]!).toBe(false)
    })
  )

  it.effect("R7.3 a skipped step's error names the failed step", () =>
    Effect.gen(function* () {
      const result = yield* runWorkflow(steps({ action: "TEST.INVALID", id: "fetch" }, "TEST.OK", "TEST.OK"))

      expect(result.steps.slice(1).map((step) => step.error)).toEqual([
        "skipped: step 'fetch' failed",
        "skipped: step 'fetch' failed"
      ])
      expect(result.steps[1]!.status).toEqual({ name: "SKIPPED", value: 100 })
    })
  )

  it.effect("R7.3 an IF_CONDITION_FAILED step carries an error that quotes the condition", () =>
    Effect.gen(function* () {
      const result = yield* runWorkflow(steps({ action: "TEST.OK", if: "{% job.success %}" }))

      expect(result.steps[0]!.status).toEqual({ name: "IF_CONDITION_FAILED", value: 110 })
      expect(result.steps[0]!.error).toBe("if condition '{% job.success %}' is falsy")
      expect("result" in result.steps[0]!).toBe(false)
    })
  )

  it.effect("R7.3 a block that returns nothing gives the result null", () =>
    Effect.gen(function* () {
      const nothing = Block.make({ name: "nothing", parameters: "any", run: () => Effect.void })

      const result = yield* runWorkflow(steps("NOTHING"), {}, Registry.make(nothing))

      expect(result.steps[0]!.result).toBeNull()
    })
  )

  it.effect("R7.3 every step result carries its wall time", () =>
    Effect.gen(function* () {
      const result = yield* runWorkflow(steps("TEST.OK", "NO.SUCH"))

      expect(result.steps.every((step) => step.elapsedMillis >= 0)).toBe(true)
    })
  )
})

describe("R7.4 the job result", () => {
  it.effect("R7.4 a job result carries name, id, success, failed step, steps and variables", () =>
    Effect.gen(function* () {
      const document = {
        name: "Collect",
        id: "job-1",
        variables: { list: [] },
        steps: [{ action: "TEST.PUSH", parameters: { list: "{# list #}", item: 1 } }]
      }
      const job = yield* Job.load(document, registry)

      const result = yield* Run.run(job)

      expect(withoutTimes(result)).toEqual({
        name: "Collect",
        id: "job-1",
        success: true,
        failedStep: null,
        steps: [
          { id: "1", position: 1, action: "TEST.PUSH", status: { name: "DONE", value: 0 }, result: [1] }
        ],
        variables: { list: [1] }
      })
    })
  )

  it.effect("R7.4 the steps are in workflow order", () =>
    Effect.gen(function* () {
      const result = yield* runWorkflow(steps(...["c", "a", "b"].map((id) => ({ action: "TEST.OK", id }))))

      expect(result.steps.map((step) => [step.id, step.position])).toEqual([
        ["c", 1],
        ["a", 2],
        ["b", 3]
      ])
    })
  )

  it.effect("R7.4 a job with no steps succeeds", () =>
    Effect.gen(function* () {
      const result = yield* runWorkflow(steps())

      expect([result.success, result.failedStep, result.steps]).toEqual([true, null, []])
    })
  )
})

describe("R7.5 independent runs", () => {
  const collecting = {
    variables: { list: [] },
    steps: [
      { action: "TEST.PUSH", parameters: { list: "{# list #}", item: "x" } },
      { action: "TEST.INVALID" },
      { action: "TEST.OK", forced: true, parameters: { value: "{# list #}" } }
    ]
  }

  it.effect("R7.5 running the same job twice gives equal results", () =>
    Effect.gen(function* () {
      const job = yield* Job.load(collecting, registry)

      const first = yield* Run.run(job)
      const second = yield* Run.run(job)

      expect(withoutTimes(second)).toEqual(withoutTimes(first))
      expect(second.variables).toEqual({ list: ["x"] })
    })
  )

  it.effect("R7.5 each run starts from the job's initial variables", () =>
    Effect.gen(function* () {
      const job = yield* Job.load(collecting, registry)

      yield* Run.run(job)
      yield* Run.run(job)

      expect(job.variables).toEqual({ list: [] })
    })
  )

  it.effect("R7.5 running a job does not mutate it", () =>
    Effect.gen(function* () {
      const job = yield* Job.load(collecting, registry)
      const snapshot = () =>
        JSON.stringify({
          variables: job.variables,
          steps: job.steps.map((step) => [
            step.id,
            step.action,
            step.parameters,
            step.preflight?._tag,
            step.forced
          ])
        })
      const before = snapshot()

      yield* Run.run(job)

      expect(snapshot()).toBe(before)
    })
  )

  it.effect("R7.5 two runs of one job at the same time do not interfere", () =>
    Effect.gen(function* () {
      const job = yield* Job.load(collecting, registry)

      const [a, b] = yield* Effect.all([Run.run(job), Run.run(job)], { concurrency: 2 })

      expect(withoutTimes(a)).toEqual(withoutTimes(b))
      expect(a.variables).not.toBe(b.variables)
    })
  )
})

describe("R7.6 a run is an Effect", () => {
  it.effect("R7.6 a run never fails in its error channel, whatever its steps do", () =>
    Effect.gen(function* () {
      const workflow = steps(
        "TEST.INVALID",
        ...["ASSERT", "OTHER", "DIE", "NOPE"].map((name) => ({
          action: `TEST.${name}`,
          forced: true
        }))
      )
      const run: Effect.Effect<JobResult, never, never> = runWorkflow(workflow)

      const exit = yield* Effect.exit(run)

      expect(Exit.isSuccess(exit)).toBe(true)
      expect(Exit.isSuccess(exit) && statuses(exit.value)).toEqual([
        "INVALID_ARGUMENT",
        "ASSERTION_ERROR",
        "UNHANDLED_EXCEPTION",
        "UNHANDLED_EXCEPTION",
        "BLOCK_NOT_FOUND"
      ])
    })
  )

  it.effect("R7.6 interrupting a run stops the running step and the steps after it", () =>
    Effect.gen(function* () {
      const started = yield* Deferred.make<void>()
      let stopped = false
      let later = 0
      const waits = Block.make({
        name: "waits",
        parameters: "any",
        run: () =>
          Deferred.succeed(started, undefined).pipe(
            Effect.zipRight(Effect.never),
            Effect.onInterrupt(() => Effect.sync(() => (stopped = true)))
          )
      })
      const after = Block.make({ name: "after", parameters: "any", run: () => Effect.sync(() => later++) })
      const job = Job.make(steps("WAITS", { action: "AFTER", forced: true }), Registry.make(waits, after))

      const fiber = yield* Effect.fork(Run.run(job))
      yield* Deferred.await(started)
      const exit = yield* Fiber.interrupt(fiber)

      expect(Exit.isInterrupted(exit)).toBe(true)
      expect(stopped).toBe(true)
      expect(later).toBe(0)
    })
  )

  it.effect("R7.6 interrupting a run of a sleeping step stops it", () =>
    Effect.gen(function* () {
      const job = Job.make(steps({ action: "TEST.SLEEP", parameters: { millis: 60_000 } }), registry)

      const fiber = yield* Effect.fork(Run.run(job))
      yield* TestClock.adjust(Duration.millis(10))
      const exit = yield* Fiber.interrupt(fiber)

      expect(Exit.isInterrupted(exit)).toBe(true)
    })
  )

  it.effect("R7.6 a run composes with other Effects", () =>
    Effect.gen(function* () {
      const job = Job.make(steps("TEST.OK"), registry)

      const outcome = yield* Run.run(job).pipe(
        Effect.map((result) => result.success),
        Effect.zip(Effect.succeed("next"))
      )

      expect(outcome).toEqual([true, "next"])
    })
  )
})

describe("time limits", () => {
  it.effect("R13.1 a step running longer than stepTimeout gets TIME_LIMIT_EXCEED", () =>
    Effect.gen(function* () {
      const job = Job.make(steps({ action: "TEST.SLEEP", parameters: { millis: 50 } }), registry, {
        stepTimeout: "20 millis"
      })

      const result = yield* runWithTestClock(job, 1000)

      expect(result.steps[0]!.status).toEqual({ name: "TIME_LIMIT_EXCEED", value: 111 })
      expect(result.steps[0]!.error).toBe("the step ran longer than 20ms")
    })
  )

  it.effect("R13.1 a step within its time limit is DONE", () =>
    Effect.gen(function* () {
      const job = Job.make(steps({ action: "TEST.SLEEP", parameters: { millis: 20 } }), registry, {
        stepTimeout: "50 millis"
      })

      const result = yield* runWithTestClock(job, 1000)

      expect(statuses(result)).toEqual(["DONE"])
    })
  )

  it.effect("R13.1 a step timeout is a failure: later steps are skipped, forced ones run", () =>
    Effect.gen(function* () {
      const workflow = steps({ action: "TEST.SLEEP", parameters: { millis: 50 } }, "TEST.OK", {
        action: "TEST.OK",
        forced: true
      })
      const job = Job.make(workflow, registry, { stepTimeout: "20 millis" })

      const result = yield* runWithTestClock(job, 1000)

      expect(statuses(result)).toEqual(["TIME_LIMIT_EXCEED", "SKIPPED", "DONE"])
    })
  )

  it.effect(
    "R13.1 when the deadline passes, the running step gets TIME_LIMIT_EXCEED and every later step is SKIPPED",
    () =>
      Effect.gen(function* () {
        const sleep = { action: "TEST.SLEEP", parameters: { millis: 20 } }
        const workflow = steps(sleep, sleep, { action: "TEST.OK", forced: true }, "TEST.OK")
        const job = Job.make(workflow, registry, { deadline: "30 millis" })

        const result = yield* runWithTestClock(job, 1000)

        expect(statuses(result)).toEqual(["DONE", "TIME_LIMIT_EXCEED", "SKIPPED", "SKIPPED"])
        expect(result.steps.slice(1).map((step) => step.error)).toEqual([
          "the job's deadline passed",
          "skipped: the job's deadline passed",
          "skipped: the job's deadline passed"
        ])
        expect(result.failedStep?.position).toBe(2)
      })
  )

  it.effect("R13.1 a step reached after the deadline gets TIME_LIMIT_EXCEED without running", () =>
    Effect.gen(function* () {
      let calls = 0
      const counted = Block.make({
        name: "counted",
        parameters: "any",
        run: () => Effect.sync(() => calls++)
      })
      const job = Job.make(steps("COUNTED", "COUNTED"), Registry.make(counted), { deadline: 0 })

      const result = yield* Run.run(job)

      expect(statuses(result)).toEqual(["TIME_LIMIT_EXCEED", "SKIPPED"])
      expect(calls).toBe(0)
    })
  )

  it.live("R13.1 time limits work with real time", () =>
    Effect.gen(function* () {
      const job = Job.make(
        steps({ action: "TEST.SLEEP", parameters: { millis: 5_000 } }, { action: "TEST.OK", forced: true }),
        registry,
        { stepTimeout: "20 millis" }
      )

      const result = yield* Run.run(job)

      expect(statuses(result)).toEqual(["TIME_LIMIT_EXCEED", "DONE"])
      expect(result.steps[0]!.elapsedMillis).toBeLessThan(2_000)
    })
  )

  it.live("R13.1 a deadline works with real time", () =>
    Effect.gen(function* () {
      const sleep = { action: "TEST.SLEEP", parameters: { millis: 5_000 } }
      const job = Job.make(steps(sleep, { action: "TEST.OK", forced: true }), registry, {
        deadline: "50 millis"
      })

      const result = yield* Run.run(job)

      expect(statuses(result)).toEqual(["TIME_LIMIT_EXCEED", "SKIPPED"])
    })
  )
})

describe("observability", () => {
  const spy = Block.make({
    category: "spy",
    name: "span",
    parameters: "any",
    run: () =>
      Effect.map(Effect.currentSpan, (span) => ({
        name: span.name,
        attributes: Object.fromEntries(span.attributes),
        parent: Option.match(span.parent, {
          onNone: () => null,
          onSome: (p) => (p._tag === "Span" ? p.name : null)
        })
      }))
  })

  it.effect("each step runs in a span named after its action with the job and step ids", () =>
    Effect.gen(function* () {
      const job = yield* Job.load(
        { id: "job-7", steps: [{ action: "spy.span", id: "s1" }] },
        Registry.make(spy)
      )

      const result = yield* Run.run(job).pipe(Effect.withSpan("host"))

      expect(result.steps[0]!.result).toEqual({
        name: "SPY.SPAN",
        attributes: { "conduit.job.id": "job-7", "conduit.step.id": "s1" },
        parent: "host"
      })
    })
  )

  it.effect("only steps that run get a span", () =>
    Effect.gen(function* () {
      const names: Array<string> = []
      const base = yield* Effect.tracer
      const recording = Tracer.make({
        span: (name, ...rest) => {
          names.push(name)
          return base.span(name, ...rest)
        },
        context: (f, fiber) => base.context(f, fiber)
      })
      const job = Job.make(
        steps("TEST.OK", "NO.SUCH", { action: "TEST.ADD", forced: true, parameters: { a: 1, b: 2 } }),
        registry
      )

      yield* Run.run(job).pipe(Effect.withTracer(recording))

      expect(names).toEqual(["TEST.OK", "TEST.ADD"])
    })
  )

  it.effect("logs from a block carry the job and step annotations", () =>
    Effect.gen(function* () {
      const lines: Array<Record<string, unknown>> = []
      const logger = Logger.make(({ annotations, message }) => {
        lines.push({ message, ...Object.fromEntries(HashMap.toEntries(annotations)) })
      })
      const talks = Block.make({ name: "talks", parameters: "any", run: () => Effect.logInfo("hello") })
      const job = yield* Job.load(
        { name: "Chatty", id: "c1", steps: [{ action: "TALKS", id: "t" }] },
        Registry.make(talks)
      )

      yield* Run.run(job).pipe(Effect.provide(Logger.replace(Logger.defaultLogger, logger)))

      expect(lines).toEqual([{ message: ["hello"], jobId: "c1", jobName: "Chatty", stepId: "t" }])
    })
  )
})
