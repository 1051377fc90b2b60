/**
 * A job is a workflow bound to a registry and the developer's options, ready
 * to run (SPEC section 6). Building a job decides every step's pre-flight
 * status (R6.1): BLOCK_NOT_FOUND, DUPLICATE_STEP_IDS, FORBIDDEN_BLOCK,
 * BLOCK_LIMIT_EXCEED, STEP_LIMIT_EXCEED, else NONE. The statuses take effect
 * when a run reaches the step; `check` shows them without running anything.
 *
 * A job is an immutable value: every run starts from the same initial state.
 *
 * @since 0.1.0
 */
import { Duration, Effect } from "effect"
import type * as Block from "./Block.js"
import type { JobFinished, RunEvent, StepUpdated } from "./Events.js"
import * as Limits from "./Limits.js"
import * as Pattern from "./Pattern.js"
import * as Registry from "./Registry.js"
import * as Resolver from "./Resolver.js"
import * as Size from "./Size.js"
import * as Status from "./Status.js"
import * as StepError from "./StepError.js"
import * as Value from "./Value.js"
import * as Workflow from "./Workflow.js"

/**
 * A hook: a plain function, one that returns an Effect, or an async function
 * (its promise is awaited). A hook that fails, rejects or dies is logged and
 * changes nothing (R11.2).
 *
 * @since 0.1.0
 * @category models
 */
export type Hook<E extends RunEvent> = (
  event: E
) => void | Effect.Effect<unknown, unknown, never> | PromiseLike<unknown>

/**
 * What a developer decides about a job (R13.1). Every field is optional and
 * has a safe default (see `Limits`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Options<Es extends ReadonlyArray<Registry.Entry> = ReadonlyArray<Registry.Entry>> {
  /**
   * Permission tags the job carries (not the tags of the template language): a
   * block runs only when all of its `tags` are here, else FORBIDDEN_BLOCK.
   */
  readonly tags?: Iterable<string> | undefined
  /** How many steps may run; the step at position p > limit gets STEP_LIMIT_EXCEED. */
  readonly stepLimit?: number | undefined
  /** Block-limit overrides: pattern to number, or null for unlimited (R6.4). */
  readonly blockLimits?:
    Iterable<readonly [string, number | null]> | Readonly<Record<string, number | null>> | undefined
  /** The time one step may run. */
  readonly stepTimeout?: Duration.DurationInput | undefined
  /** The time a whole run may take. */
  readonly deadline?: Duration.DurationInput | undefined
  /** Bounds on values; missing fields keep their defaults. */
  readonly sizeLimits?: Partial<Limits.SizeLimits> | undefined
  /** The developer's initial variables; the workflow's `variables` go over them. */
  readonly variables?: Readonly<Record<string, unknown>> | undefined
  /** Values users can read with `{< ... >}` but never change. */
  readonly locals?: Readonly<Record<string, unknown>> | undefined
  /** Private blocks that exist only for this job (R4.4). */
  readonly blocks?: Es | undefined
  /** Called with every step's final state (R11). */
  readonly onStepUpdate?: Hook<StepUpdated> | undefined
  /** Called once when the run has finished (R11). */
  readonly onJobFinish?: Hook<JobFinished> | undefined
}

/**
 * A step as the job knows it: where it stands, what it calls, and its
 * pre-flight status.
 *
 * @since 0.1.0
 * @category models
 */
export interface PlannedStep<R = never> {
  readonly id: string
  readonly position: number
  /** The block's display name, or the action as written when no block has it. */
  readonly action: string
  readonly block: Block.Block<unknown, unknown, R> | undefined
  readonly document: Workflow.StepDocument
  readonly parameters: Record<string, unknown>
  readonly compiled: Resolver.Compiled
  readonly conditions: ReadonlyArray<Resolver.Compiled> | null
  readonly forced: boolean
  /** The pre-flight failure, or undefined when the step may run. */
  readonly preflight: StepError.StepError | undefined
}

/**
 * A job: the workflow's steps with their pre-flight statuses, the registry
 * they call into, and the developer's options with defaults filled in. `R` is
 * the services its blocks need. Immutable; `Run.run` runs it any number of
 * times (R7.5).
 *
 * @since 0.1.0
 * @category models
 */
export interface Job<R = never> {
  readonly _tag: "Job"
  readonly name: string | null
  readonly id: string | null
  readonly steps: ReadonlyArray<PlannedStep<R>>
  readonly registry: Registry.Registry<R>
  readonly tags: ReadonlySet<string>
  readonly stepLimit: number
  readonly stepTimeout: Duration.Duration
  readonly deadline: Duration.Duration
  readonly sizeLimits: Limits.SizeLimits
  /** The initial variables; each run works on its own copy. */
  readonly variables: Readonly<Record<string, unknown>>
  readonly locals: Readonly<Record<string, unknown>>
  readonly onStepUpdate: Hook<StepUpdated> | undefined
  readonly onJobFinish: Hook<JobFinished> | undefined
}

/**
 * A developer error: job options that cannot be used (a duration that is not
 * one, a negative step limit, a size limit that is not a positive number).
 *
 * @since 0.1.0
 * @category errors
 */
export class JobOptionsError extends Error {
  override readonly name = "JobOptionsError"
}

/**
 * Binds a decoded workflow to a registry and options, deciding every step's
 * pre-flight status (R6.1).
 *
 * Throws, as developer errors do: `Registry.DuplicateBlockError` when a
 * private block clashes with the registry (R4.4), and `JobOptionsError` for
 * options that cannot be used. Nothing in the workflow document makes it
 * throw: problems in the document are statuses or load errors.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <R, const Es extends ReadonlyArray<Registry.Entry> = []>(
  workflow: Workflow.Workflow,
  registry: Registry.Registry<R>,
  options: Options<Es> = {}
): Job<R | Registry.EntryRequirements<Es[number]>> => {
  type R2 = Registry.EntryRequirements<Es[number]>
  const blocks = options.blocks ? Registry.add(registry, ...options.blocks) : registry
  const tags = new Set(options.tags ?? [])
  const stepLimit = options.stepLimit ?? Limits.defaultStepLimit
  if (!(stepLimit >= 0)) throw new JobOptionsError(`stepLimit must be at least 0, got ${stepLimit}`)
  const sizeLimits = { ...Limits.defaultSizeLimits, ...options.sizeLimits }
  for (const [name, limit] of Object.entries(sizeLimits)) {
    if (!(typeof limit === "number" && limit > 0))
      throw new JobOptionsError(`sizeLimits.${name} must be a positive number`)
  }
  checkDeveloperData("variables", options.variables)
  checkDeveloperData("locals", options.locals)
  const overrides = compileOverrides(options.blockLimits)
  const seenIds = new Set<string>()
  const uses = new Map<string, number>()

  const steps = workflow.steps.map((document, index): PlannedStep<R | R2> => {
    const position = index + 1
    const id = idOf(document.id, position)
    const block = Registry.lookup(blocks, document.action) as
      Block.Block<unknown, unknown, R | R2> | undefined
    let used = 0
    if (block !== undefined) {
      used = (uses.get(block.displayName) ?? 0) + 1
      uses.set(block.displayName, used)
    }
    const preflight = preflightOf({
      id,
      position,
      block,
      action: document.action,
      used,
      seenIds,
      tags,
      stepLimit,
      overrides
    })
    seenIds.add(id)
    const parameters = document.parameters ?? {}
    const conditions =
      document.if == null ? null : typeof document.if === "string" ? [document.if] : document.if
    return {
      id,
      position,
      action: block?.displayName ?? document.action,
      block,
      document,
      parameters,
      // A step with a pre-flight failure never resolves anything, so it is not compiled (R6.6).
      compiled: preflight === undefined ? Resolver.compile(parameters, sizeLimits) : notCompiled,
      conditions:
        conditions === null || preflight !== undefined
          ? null
          : conditions.map((condition) => Resolver.compile(condition, sizeLimits)),
      forced: document.forced ?? false,
      preflight
    }
  })

  return {
    _tag: "Job",
    name: workflow.name ?? null,
    id: workflow.id ?? null,
    steps,
    registry: blocks,
    tags,
    stepLimit,
    stepTimeout: durationOption("stepTimeout", options.stepTimeout ?? Limits.defaultStepTimeout),
    deadline: durationOption("deadline", options.deadline ?? Limits.defaultDeadline),
    sizeLimits,
    variables: mergeVariables(options.variables, workflow.variables),
    locals: options.locals ?? {},
    onStepUpdate: options.onStepUpdate,
    onJobFinish: options.onJobFinish
  }
}

/**
 * The same job with other hooks (R11.2); hooks not given are kept.
 *
 * @since 0.1.0
 * @category combinators
 */
export const withHooks = <R>(
  job: Job<R>,
  hooks: { readonly onStepUpdate?: Hook<StepUpdated>; readonly onJobFinish?: Hook<JobFinished> }
): Job<R> => ({
  ...job,
  onStepUpdate: hooks.onStepUpdate ?? job.onStepUpdate,
  onJobFinish: hooks.onJobFinish ?? job.onJobFinish
})

/**
 * Loads a workflow from JSON or YAML text, or from a parsed value, and binds
 * it. Fails with `WorkflowLoadError` for a malformed document (R3.3). The
 * developer errors `make` throws become defects of the returned Effect.
 *
 * @since 0.1.0
 * @category constructors
 */
export const load = <R, const Es extends ReadonlyArray<Registry.Entry> = []>(
  input: string | unknown,
  registry: Registry.Registry<R>,
  options: Options<Es> = {}
): Effect.Effect<Job<R | Registry.EntryRequirements<Es[number]>>, Workflow.WorkflowLoadError> =>
  (typeof input === "string" ? Workflow.parse(input) : Workflow.decode(input)).pipe(
    Effect.map((workflow) => make(workflow, registry, options))
  )

/**
 * One step's pre-flight verdict, as `check` reports it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Verdict {
  readonly id: string
  readonly position: number
  readonly action: string
  readonly status: Status.Status
  readonly error: string | undefined
}

/**
 * Every step's pre-flight status, without running anything (R6.6).
 *
 * @since 0.1.0
 * @category checking
 */
export const check = <R>(job: Job<R>): ReadonlyArray<Verdict> =>
  job.steps.map((step) => ({
    id: step.id,
    position: step.position,
    action: step.action,
    status: step.preflight === undefined ? Status.NONE : StepError.statusOf(step.preflight),
    error: step.preflight?.message
  }))

// ---- internal ----

const notCompiled: Resolver.Compiled = Resolver.compile({}, Limits.defaultSizeLimits)

/** Far more than any real set of variables or locals, and finite: a value that refers to itself passes it. */
const maxDeveloperDataSize = 100_000_000

/**
 * Developer variables and locals are copied and walked by runs, so a value
 * that refers to itself (or is absurdly large) is a developer error here,
 * rather than a run that never ends.
 */
const checkDeveloperData = (name: string, data: Readonly<Record<string, unknown>> | undefined): void => {
  if (data === undefined) return
  const measured = Size.measure(data, { ...Size.unbounded, maxTotalSize: maxDeveloperDataSize })
  if (Size.isViolation(measured)) {
    throw new JobOptionsError(
      `${name} must be data that does not refer to itself, at most ${maxDeveloperDataSize} in size`
    )
  }
}

const durationOption = (name: string, input: Duration.DurationInput): Duration.Duration => {
  const decoded = Duration.decodeUnknown(input)
  if (decoded._tag === "None") throw new JobOptionsError(`${name} is not a duration: ${String(input)}`)
  return decoded.value
}

interface Override {
  readonly pattern: Pattern.Pattern
  readonly limit: number | null
}

const compileOverrides = (input: Options["blockLimits"]): ReadonlyArray<Override> => {
  if (input === undefined) return []
  const pairs =
    Symbol.iterator in input
      ? [...(input as Iterable<readonly [string, number | null]>)]
      : Object.entries(input)
  return pairs.map(([pattern, limit]) => ({ pattern: Pattern.make(pattern), limit }))
}

/** The limit for a block: an exact override, else the first matching pattern, else `maxUses` (R6.3, R6.4). */
const limitFor = (block: Block.Any, overrides: ReadonlyArray<Override>): number | null => {
  const exact = overrides.find(
    (override) => override.pattern.exact && override.pattern.matches(block.displayName)
  )
  if (exact !== undefined) return exact.limit
  const matching = overrides.find(
    (override) => !override.pattern.exact && override.pattern.matches(block.displayName)
  )
  return matching !== undefined ? matching.limit : block.maxUses
}

const preflightOf = (step: {
  readonly id: string
  readonly position: number
  readonly block: Block.Any | undefined
  readonly action: string
  readonly used: number
  readonly seenIds: ReadonlySet<string>
  readonly tags: ReadonlySet<string>
  readonly stepLimit: number
  readonly overrides: ReadonlyArray<Override>
}): StepError.StepError | undefined => {
  const { block } = step
  if (block === undefined) {
    return new StepError.BlockNotFound({ action: step.action, message: `no block is named '${step.action}'` })
  }
  if (step.seenIds.has(step.id)) {
    return new StepError.DuplicateStepIds({
      id: step.id,
      message: `an earlier step already has the id '${step.id}'`
    })
  }
  const missingTags = block.tags.filter((tag) => !step.tags.has(tag))
  if (missingTags.length > 0) {
    return new StepError.ForbiddenBlock({
      missingTags,
      message: `${block.displayName} needs the job tag(s) ${missingTags.join(", ")}`
    })
  }
  const limit = limitFor(block, step.overrides)
  if (limit !== null && step.used > limit) {
    return new StepError.BlockLimitExceeded({
      limit,
      message: `${block.displayName} may be used ${limit} time(s) in a job; this is use ${step.used}`
    })
  }
  if (step.position > step.stepLimit) {
    return new StepError.StepLimitExceeded({
      limit: step.stepLimit,
      message: `the job may run ${step.stepLimit} step(s); this is step ${step.position}`
    })
  }
  return undefined
}

/** A step's id (R6.2): an integer in plain decimal digits, even past 1e21; the position without one. */
const idOf = (id: Workflow.StepDocument["id"], position: number): string => {
  if (id === undefined || id === null) return String(position)
  return typeof id === "number" && Number.isInteger(id) ? BigInt(id).toString() : String(id)
}

const mergeVariables = (
  developer: Readonly<Record<string, unknown>> | undefined,
  user: Readonly<Record<string, unknown>> | null | undefined
): Readonly<Record<string, unknown>> => {
  const merged: Record<string, unknown> = {}
  for (const source of [developer, user]) {
    if (source == null) continue
    for (const key of Object.keys(source)) Value.setKey(merged, key, source[key])
  }
  return merged
}
