/**
 * The current run, as a service that the runtime provides to every block
 * (R4.3): its variables, the locals, the job's name and id, the size
 * limits in force, and the budget of what the run may keep. The VARIABLE
 * blocks use it; so can developers' blocks.
 *
 * @since 0.1.0
 */
import { Context } from "effect"
import type { SizeLimits } from "./Limits.js"

/**
 * What the current run offers its blocks.
 *
 * @since 0.1.0
 * @category models
 */
export interface CurrentRunShape {
  /** The run's variables; blocks may change them. Keys are user data. */
  readonly variables: Record<string, unknown>
  /** The developer's locals: read them, never change them. */
  readonly locals: Readonly<Record<string, unknown>>
  readonly jobName: string | null
  readonly jobId: string | null
  readonly sizeLimits: SizeLimits
  /**
   * Charges `size` (as `Size.measure` counts it) to what the run may keep,
   * `sizeLimits.maxRetainedSize`, shared with the step results. A block that
   * stores data for the rest of the run (VARIABLE.SET does) calls it first;
   * false means there is not enough left, and nothing was charged.
   */
  readonly reserve: (size: number) => boolean
}

/**
 * The service for the current run. A block that uses it lists `CurrentRun`
 * in its requirements; the runtime provides it, so jobs never need it.
 *
 * @example
 * ```ts
 * Effect.gen(function* () {
 *   const run = yield* CurrentRun
 *   return Object.keys(run.variables).length
 * })
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class CurrentRun extends Context.Tag("effect-conduit/CurrentRun")<CurrentRun, CurrentRunShape>() {}
