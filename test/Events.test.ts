/**
 * Events and hooks (SPEC section 11): a run publishes one `StepUpdated` per
 * step and then one `JobFinished`; a run can be watched as a `Stream`, and
 * hooks subscribe to the same events without being able to change anything.
 */
import { describe, expect, it } from "@effect/vitest"
import { Chunk, Effect, HashMap, Logger, LogLevel, Stream } from "effect"
import * as Block from "../src/Block.js"
import type { JobFinished, JobResult, RunEvent, StepResult, StepUpdated } from "../src/Events.js"
import * as Job from "../src/Job.js"
import * as Registry from "../src/Registry.js"
import * as Run from "../src/Run.js"
import { registry } from "./support/blocks.js"

const document = {
  name: "Events",
  id: "ev",
  steps: [
    { action: "TEST.OK", id: "a" },
    { action: "TEST.INVALID", id: "b" },
    { action: "TEST.OK", id: "c" },
    { action: "TEST.OK", id: "d", forced: true }
  ]
}

const timeless = ({ elapsedMillis: _, ...rest }: StepResult) => rest

const withoutTimes = (result: JobResult) => ({
  ...result,
  steps: result.steps.map(timeless),
  failedStep: result.failedStep === null ? null : timeless(result.failedStep)
})

const describeEvent = (event: RunEvent) =>
  event._tag === "StepUpdated" ? `${event.step.id}:${event.step.status.name}` : "finished"

/** Runs with a logger that keeps warnings and errors, returning the result and the log lines. */
const runLogged = <R>(job: Job.Job<R>) =>
  Effect.gen(function* () {
    const lines: Array<{ level: string; message: string; annotations: Record<string, unknown> }> = []
    const logger = Logger.make(({ annotations, logLevel, message }) => {
      if (LogLevel.greaterThanEqual(logLevel, LogLevel.Warning)) {
        lines.push({
          level: logLevel.label,
          message: String(Array.isArray(message) ? message[0] : message),
          annotations: Object.fromEntries(HashMap.toEntries(annotations))
        })
      }
    })
    const result = yield* Run.run(job).pipe(Effect.provide(Logger.replace(Logger.defaultLogger, logger)))
    return { result, lines }
  })

describe("R11.1 the event stream", () => {
  it.effect("R11.1 Run.events yields one StepUpdated per step, in order, then JobFinished", () =>
    Effect.gen(function* () {
      const job = yield* Job.load(document, registry)

      const events = Chunk.toReadonlyArray(yield* Stream.runCollect(Run.events(job)))

      expect(events.map(describeEvent)).toEqual([
        "a:DONE",
        "b:INVALID_ARGUMENT",
        "c:SKIPPED",
        "d:DONE",
        "finished"
      ])
    })
  )

  it.effect("R11.1 a StepUpdated carries the job's name and id and the step's final result", () =>
    Effect.gen(function* () {
      const job = yield* Job.load(document, registry)

      const events = Chunk.toReadonlyArray(yield* Stream.runCollect(Run.events(job)))
      const first = events[0] as StepUpdated

      expect(first._tag).toBe("StepUpdated")
      expect([first.jobName, first.jobId]).toEqual(["Events", "ev"])
      expect(timeless(first.step)).toEqual({
        id: "a",
        position: 1,
        action: "TEST.OK",
        status: { name: "DONE", value: 0 },
        result: "ok"
      })
    })
  )

  it.effect("R11.1 JobFinished carries the job result and the failed step", () =>
    Effect.gen(function* () {
      const job = yield* Job.load(document, registry)

      const events = Chunk.toReadonlyArray(yield* Stream.runCollect(Run.events(job)))
      const finished = events[events.length - 1] as JobFinished
      const direct = yield* Run.run(job)

      expect(withoutTimes(finished.result)).toEqual(withoutTimes(direct))
      expect(finished.failedStep?.id).toBe("b")
      expect(finished.failedStep).toBe(finished.result.failedStep)
    })
  )

  it.effect("R11.1 a job with no steps yields only JobFinished", () =>
    Effect.gen(function* () {
      const job = yield* Job.load({ steps: [] }, registry)

      const events = Chunk.toReadonlyArray(yield* Stream.runCollect(Run.events(job)))

      expect(events.map(describeEvent)).toEqual(["finished"])
    })
  )

  it.effect("R11.1 stopping the stream early stops the run", () =>
    Effect.gen(function* () {
      let after = 0
      const waits = Block.make({ name: "waits", parameters: "any", run: () => Effect.never })
      const counted = Block.make({ name: "after", parameters: "any", run: () => Effect.sync(() => after++) })
      const job = Job.make(
        { steps: [{ action: "TEST.OK" }, { action: "WAITS" }, { action: "AFTER" }] },
        Registry.add(registry, waits, counted)
      )

      const events = yield* Stream.runCollect(Stream.take(Run.events(job), 1))

      expect(Chunk.size(events)).toBe(1)
      expect(after).toBe(0)
    })
  )
})

describe("R11.2 hooks", () => {
  it.effect("R11.2 plain-function hooks see every event in order", () =>
    Effect.gen(function* () {
      const seen: Array<string> = []
      const job = yield* Job.load(document, registry, {
        onStepUpdate: (event) => void seen.push(describeEvent(event)),
        onJobFinish: (event) => void seen.push(describeEvent(event))
      })

      yield* Run.run(job)

      expect(seen).toEqual(["a:DONE", "b:INVALID_ARGUMENT", "c:SKIPPED", "d:DONE", "finished"])
    })
  )

  it.effect("R11.2 onJobFinish receives the same result the run returns", () =>
    Effect.gen(function* () {
      const finished: Array<JobFinished> = []
      const job = yield* Job.load(document, registry, { onJobFinish: (event) => void finished.push(event) })

      const result = yield* Run.run(job)

      expect(finished).toHaveLength(1)
      expect(finished[0]!.result).toBe(result)
      expect(finished[0]!.failedStep).toBe(result.failedStep)
    })
  )

  it.effect("R11.2 hooks may return Effects, which are run", () =>
    Effect.gen(function* () {
      const seen: Array<string> = []
      const job = yield* Job.load(document, registry, {
        onStepUpdate: (event) => Effect.sync(() => seen.push(event.step.id)),
        onJobFinish: () => Effect.sync(() => seen.push("finished"))
      })

      yield* Run.run(job)

      expect(seen).toEqual(["a", "b", "c", "d", "finished"])
    })
  )

  it.live("R11.2 the run completes only after slow hooks have seen every event", () =>
    Effect.gen(function* () {
      const seen: Array<string> = []
      const job = yield* Job.load(document, registry, {
        onStepUpdate: (event) =>
          Effect.delay(
            Effect.sync(() => seen.push(event.step.id)),
            "10 millis"
          ),
        onJobFinish: () =>
          Effect.delay(
            Effect.sync(() => seen.push("finished")),
            "10 millis"
          )
      })

      yield* Run.run(job)

      expect(seen).toEqual(["a", "b", "c", "d", "finished"])
    })
  )

  it.effect("R11.2 Job.withHooks sets the hooks a run calls", () =>
    Effect.gen(function* () {
      const seen: Array<string> = []
      const job = yield* Job.load(document, registry)

      yield* Run.run(Job.withHooks(job, { onJobFinish: () => void seen.push("finished") }))
      yield* Run.run(job)

      expect(seen).toEqual(["finished"])
    })
  )

  it.effect("R11.2 Run.events calls the job's hooks too", () =>
    Effect.gen(function* () {
      const seen: Array<string> = []
      const job = yield* Job.load(document, registry, {
        onStepUpdate: (event) => void seen.push(event.step.id),
        onJobFinish: () => void seen.push("finished")
      })

      yield* Stream.runDrain(Run.events(job))

      expect(seen).toEqual(["a", "b", "c", "d", "finished"])
    })
  )

  it.effect("R11.2 a hook that fails is logged and changes nothing", () =>
    Effect.gen(function* () {
      const plain = yield* Run.run(yield* Job.load(document, registry))
      const job = yield* Job.load(document, registry, {
        onStepUpdate: () => Effect.fail("hook trouble"),
        onJobFinish: () => Effect.fail("hook trouble")
      })

      const { result, lines } = yield* runLogged(job)

      expect(withoutTimes(result)).toEqual(withoutTimes(plain))
      expect(lines.map((line) => line.message)).toEqual([
        ...Array(4).fill("the onStepUpdate hook failed"),
        "the onJobFinish hook failed"
      ])
      expect(lines.every((line) => line.level === "WARN")).toBe(true)
    })
  )

  it.effect("R11.2 a hook that throws is logged and changes nothing", () =>
    Effect.gen(function* () {
      const plain = yield* Run.run(yield* Job.load(document, registry))
      const job = yield* Job.load(document, registry, {
        onStepUpdate: () => {
          throw new Error("hook threw")
        },
        onJobFinish: () => {
          throw new Error("hook threw")
        }
      })

      const { result, lines } = yield* runLogged(job)

      expect(withoutTimes(result)).toEqual(withoutTimes(plain))
      expect(lines).toHaveLength(5)
    })
  )

  it.effect("R11.2 a hook that dies inside its Effect is logged and changes nothing", () =>
    Effect.gen(function* () {
      const job = yield* Job.load(document, registry, {
        onJobFinish: () => Effect.die(new Error("dead hook"))
      })

      const { result, lines } = yield* runLogged(job)

      expect(result.steps.map((step) => step.status.name)).toEqual([
        "DONE",
        "INVALID_ARGUMENT",
        "SKIPPED",
        "DONE"
      ])
      expect(lines.map((line) => line.message)).toEqual(["the onJobFinish hook failed"])
    })
  )

  it.effect("R11.2 a hook that fails once still sees the later events", () =>
    Effect.gen(function* () {
      const seen: Array<string> = []
      const job = yield* Job.load(document, registry, {
        onStepUpdate: (event) => {
          seen.push(event.step.id)
          if (event.step.id === "a") throw new Error("only the first")
        }
      })

      yield* runLogged(job)

      expect(seen).toEqual(["a", "b", "c", "d"])
    })
  )

  it.effect("R11.2 a hook cannot change a status: events and results are frozen", () =>
    Effect.gen(function* () {
      const job = yield* Job.load({ steps: [{ action: "TEST.INVALID" }] }, registry, {
        onStepUpdate: (event) => {
          ;(event.step as { status: unknown }).status = { name: "DONE", value: 0 }
        },
        onJobFinish: (event) => {
          ;(event.result as { success: boolean }).success = true
        }
      })

      const { result, lines } = yield* runLogged(job)

      expect(result.steps[0]!.status.name).toBe("INVALID_ARGUMENT")
      expect(result.success).toBe(false)
      expect(lines).toHaveLength(2)
    })
  )

  it.effect("R11.2 a hook failure is logged with the job's annotations", () =>
    Effect.gen(function* () {
      const job = yield* Job.load(document, registry, { onJobFinish: () => Effect.fail("x") })

      const { lines } = yield* runLogged(job)

      expect(lines[0]!.annotations).toMatchObject({ jobId: "ev", jobName: "Events" })
    })
  )

  it.effect("R11.2 an async hook written in plain JavaScript that rejects is logged", () =>
    Effect.gen(function* () {
      const rejecting = (async () => {
        throw new Error("rejected")
      }) as unknown as Job.Hook<JobFinished>
      const job = yield* Job.load(document, registry, { onJobFinish: rejecting })

      const { result, lines } = yield* runLogged(job)

      expect(result.success).toBe(false)
      expect(lines.map((line) => line.message)).toEqual(["the onJobFinish hook failed"])
    })
  )
})
