/**
 * Limits bound what a hostile workflow can make the host do (SPEC section 13):
 * how many steps run, how long a step or a whole run may take, and how large
 * a value a step may receive or produce. Every limit has a default meant for
 * untrusted input; developers loosen or tighten them per job.
 *
 * @since 0.1.0
 */
import { Duration } from "effect"

/**
 * Bounds on any value a step receives (after tag resolution) or produces
 * (before it is stored), and on tags (R13.2).
 *
 * @since 0.1.0
 * @category models
 */
export interface SizeLimits {
  /** Longest string, in UTF-16 code units. */
  readonly maxStringLength: number
  /** Most elements in one array. */
  readonly maxArrayLength: number
  /** Most keys in one object. */
  readonly maxObjectKeys: number
  /** Deepest nesting of arrays and objects; a scalar has depth 0. */
  readonly maxDepth: number
  /**
   * Largest total size, roughly the length of the value written as JSON, each
   * list and dictionary counting 16 (see `Size.containerUnits`).
   */
  readonly maxTotalSize: number
  /** Deepest nesting of tags inside tag paths. */
  readonly maxTagDepth: number
  /** Longest text a template may resolve to, and longest parameter string parsed. */
  readonly maxTemplateLength: number
  /**
   * Largest total size of all that one run keeps, step results and values
   * stored with VARIABLE.SET and CREATE, counted as `maxTotalSize` counts one
   * value. Each result is a snapshot, so without it many steps of moderate
   * results could fill the heap.
   */
  readonly maxRetainedSize: number
}

/**
 * The default size limits: generous for real automation, small enough that a
 * run cannot take more than a few hundred megabytes.
 *
 * @since 0.1.0
 * @category defaults
 */
export const defaultSizeLimits: SizeLimits = {
  maxStringLength: 1_000_000,
  maxArrayLength: 100_000,
  maxObjectKeys: 100_000,
  maxDepth: 64,
  maxTotalSize: 4_000_000,
  maxTagDepth: 32,
  maxTemplateLength: 1_000_000,
  maxRetainedSize: 50_000_000
}

/**
 * The default time a single step may run.
 *
 * @since 0.1.0
 * @category defaults
 */
export const defaultStepTimeout: Duration.Duration = Duration.seconds(10)

/**
 * The default time a whole run may take.
 *
 * @since 0.1.0
 * @category defaults
 */
export const defaultDeadline: Duration.Duration = Duration.seconds(60)

/**
 * The default step limit: how many steps of a workflow may run.
 *
 * @since 0.1.0
 * @category defaults
 */
export const defaultStepLimit = 100_000
