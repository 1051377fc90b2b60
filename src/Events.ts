/**
 * Events are what a run publishes as it goes (R11.1): one `StepUpdated` per
 * step once its status is final, then one `JobFinished` with the job result.
 * Hooks and streams observe runs through them.
 *
 * @since 0.1.0
 */
import type * as Status from "./Status.js"

/**
 * The outcome of one step (R7.3).
 *
 * @since 0.1.0
 * @category models
 */
export interface StepResult {
  readonly id: string
  readonly position: number
  /** The block's display name, or the action as written when not found. */
  readonly action: string
  readonly status: Status.Status
  /** The block's value; present only for DONE. */
  readonly result?: unknown
  /** A human-readable message for failures, SKIPPED and IF_CONDITION_FAILED. */
  readonly error?: string
  /** Wall time spent on the step, in milliseconds. */
  readonly elapsedMillis: number
}

/**
 * The outcome of a run (R7.4).
 *
 * @since 0.1.0
 * @category models
 */
export interface JobResult {
  readonly name: string | null
  readonly id: string | null
  /** True when no step failed. */
  readonly success: boolean
  /** The first failed step, or null. */
  readonly failedStep: StepResult | null
  readonly steps: ReadonlyArray<StepResult>
  /** The variables as the run left them. */
  readonly variables: Record<string, unknown>
}

/**
 * A step's status is final.
 *
 * @since 0.1.0
 * @category models
 */
export interface StepUpdated {
  readonly _tag: "StepUpdated"
  readonly jobName: string | null
  readonly jobId: string | null
  readonly step: StepResult
}

/**
 * The run has finished.
 *
 * @since 0.1.0
 * @category models
 */
export interface JobFinished {
  readonly _tag: "JobFinished"
  readonly result: JobResult
  readonly failedStep: StepResult | null
}

/**
 * Anything a run publishes.
 *
 * @since 0.1.0
 * @category models
 */
export type RunEvent = StepUpdated | JobFinished
