/**
 * Contexts are the read-only tree of job and step data that `{% ... %}` tags
 * read (SPEC section 8). A run builds the tree once and updates one step's
 * entry in place when that step ends, so the tree always shows the state just
 * before the current step (R8.2) and preparing a step's view costs the same
 * at step 100,000 as at step 2 (R7.7).
 *
 * @since 0.1.0
 */
import type * as Status from "./Status.js"
import * as Value from "./Value.js"

/**
 * What the contexts know about one step (R8.1).
 *
 * @since 0.1.0
 * @category models
 */
export interface StepContext {
  id: string
  position: number
  action: string
  block: { category: string | null; name: string }
  status: Status.Status
  result: unknown
  error: string | null
  parameters: Record<string, unknown>
}

/**
 * What the contexts know about the job (R8.1).
 *
 * @since 0.1.0
 * @category models
 */
export interface JobContext {
  name: string | null
  id: string | null
  success: boolean | null
  /** The locals (`{< ... >}` reads them too). */
  parameters: Readonly<Record<string, unknown>>
  variables: Record<string, unknown>
}

/**
 * The whole tree: `job` and `steps` by id.
 *
 * @since 0.1.0
 * @category models
 */
export interface Contexts {
  readonly job: JobContext
  readonly steps: Record<string, StepContext>
}

/**
 * Builds the tree for a run. Each step id maps to the first step that holds
 * it; later steps with the same id are not reachable (they fail pre-flight).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (job: JobContext, steps: ReadonlyArray<StepContext>): Contexts => {
  const byId: Record<string, StepContext> = {}
  for (const step of steps) {
    if (!Object.hasOwn(byId, step.id)) Value.setKey(byId, step.id, step)
  }
  return { job, steps: byId }
}
