/**
 * Runs log through Effect's logger, annotated with the job and step ids, at
 * levels users filter; the library itself prints nothing.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, HashMap, Logger, LogLevel } from "effect"
import * as Job from "../src/Job.js"
import * as Run from "../src/Run.js"
import { registry } from "./support/blocks.js"

interface Line {
  readonly level: string
  readonly message: unknown
  readonly annotations: Record<string, unknown>
}

/** Runs a job with a logger that collects every line at or above `level`. */
const collect = (level: LogLevel.LogLevel) =>
  Effect.gen(function* () {
    const lines: Array<Line> = []
    const logger = Logger.make<unknown, void>(({ annotations, logLevel, message }) => {
      lines.push({
        level: logLevel.label,
        message,
        annotations: Object.fromEntries(HashMap.toEntries(annotations))
      })
    })
    const job = yield* Job.load(
      { id: "job-1", steps: [{ action: "TEST.OK" }, { action: "NOPE", id: "x" }] },
      registry
    )
    yield* Run.run(job).pipe(
      Logger.withMinimumLogLevel(level),
      Effect.provide(Logger.replace(Logger.defaultLogger, logger))
    )
    return lines
  })

describe("logging", () => {
  it.effect("at debug level each step logs one line annotated with the job id, step id and status", () =>
    Effect.gen(function* () {
      const lines = yield* collect(LogLevel.Debug)
      expect(lines).toHaveLength(2)
      expect(lines[1]).toMatchObject({
        level: "DEBUG",
        message: ["step 2 NOPE: BLOCK_NOT_FOUND"],
        annotations: { jobId: "job-1", stepId: "x", status: "BLOCK_NOT_FOUND" }
      })
    })
  )

  it.effect("at the default info level a run logs nothing", () =>
    Effect.gen(function* () {
      expect(yield* collect(LogLevel.Info)).toEqual([])
    })
  )
})
