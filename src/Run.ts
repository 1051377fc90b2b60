/**
 * A run is one execution of a job (SPEC section 7): a fold over the steps,
 * in order and one at a time, that gives every step a status and produces a
 * job result. After a failure the remaining steps are SKIPPED unless they are
 * forced. A run is an Effect that never fails because of a step; it can be
 * interrupted, and it can be observed as a `Stream` of events (R11).
 *
 * @since 0.1.0
 */
import {
  Cause,
  Clock,
  Context,
  Duration,
  Effect,
  Either,
  Exit,
  Fiber,
  FiberId,
  FiberRef,
  FiberRefs,
  HashMap,
  LogLevel,
  Option,
  Queue,
  Runtime,
  Stream,
  Tracer
} from "effect"
import * as Contexts from "./Contexts.js"
import { CurrentRun } from "./CurrentRun.js"
import type { CurrentRunShape } from "./CurrentRun.js"
import type { JobFinished, JobResult, RunEvent, StepResult, StepUpdated } from "./Events.js"
import * as Invocation from "./Invocation.js"
import type { Hook, Job, PlannedStep } from "./Job.js"
import * as Resolver from "./Resolver.js"
import * as Size from "./Size.js"
import * as Status from "./Status.js"
import * as StepError from "./StepError.js"
import * as Value from "./Value.js"

/**
 * Runs a job and returns its result. The job's hooks see every event before
 * the returned Effect completes (R11.2).
 *
 * @example
 * ```ts
 * const result = yield* Run.run(job)
 * result.success // false when any step failed
 * ```
 *
 * @since 0.1.0
 * @category running
 */
export const run = <R>(job: Job<R>): Effect.Effect<JobResult, never, Exclude<R, CurrentRun>> => {
  if (job.onStepUpdate === undefined && job.onJobFinish === undefined) return execute(job, undefined)
  return Effect.gen(function* () {
    const queue = yield* Queue.unbounded<RunEvent>()
    const subscriber = yield* Stream.fromQueue(queue).pipe(
      Stream.takeUntil(isJobFinished),
      Stream.runForEach((event) => dispatch(job, event)),
      Effect.annotateLogs(jobAnnotations(job)),
      Effect.fork
    )
    const result = yield* execute(job, (event) => Queue.offer(queue, event))
    yield* Fiber.join(subscriber)
    return result
  })
}

/**
 * Runs a job as a stream of its events: a `StepUpdated` per step, then one
 * `JobFinished`. The job's hooks see each event before the stream emits it.
 * Stopping the stream early interrupts the run.
 *
 * @example
 * ```ts
 * yield* Run.events(job).pipe(
 *   Stream.runForEach((event) => Console.log(event._tag))
 * )
 * ```
 *
 * @since 0.1.0
 * @category running
 */
export const events = <R>(job: Job<R>): Stream.Stream<RunEvent, never, Exclude<R, CurrentRun>> =>
  Stream.unwrapScoped(
    Effect.gen(function* () {
      const queue = yield* Queue.unbounded<RunEvent>()
      yield* Effect.forkScoped(execute(job, (event) => Queue.offer(queue, event)))
      const stream = Stream.fromQueue(queue).pipe(Stream.takeUntil(isJobFinished))
      return job.onStepUpdate === undefined && job.onJobFinish === undefined
        ? stream
        : Stream.tap(stream, (event) => Effect.annotateLogs(dispatch(job, event), jobAnnotations(job)))
    })
  )

const isJobFinished = (event: RunEvent): event is JobFinished => event._tag === "JobFinished"

const dispatch = <R>(job: Job<R>, event: RunEvent): Effect.Effect<void> => {
  const hook = (event._tag === "StepUpdated" ? job.onStepUpdate : job.onJobFinish) as
    Hook<RunEvent> | undefined
  if (hook === undefined) return Effect.void
  return Effect.suspend(() => {
    const outcome: unknown = hook(event)
    if (Effect.isEffect(outcome)) return Effect.asVoid(outcome as Effect.Effect<unknown, unknown>)
    // A hook written as an async function (plain JavaScript) is awaited, so its rejection is logged too.
    if (isPromiseLike(outcome)) return Effect.tryPromise(() => outcome)
    return Effect.void
  }).pipe(
    Effect.catchAllCause((cause) =>
      Effect.logWarning(
        `the ${event._tag === "StepUpdated" ? "onStepUpdate" : "onJobFinish"} hook failed`,
        cause
      )
    )
  )
}

const isPromiseLike = (u: unknown): u is PromiseLike<unknown> =>
  typeof u === "object" && u !== null && typeof (u as { then?: unknown }).then === "function"

const jobAnnotations = (job: Job<any>) => ({ jobId: job.id ?? "", jobName: job.name ?? "" })

// ---- the fold ----

interface Outcome {
  readonly status: Status.Status
  readonly result?: unknown
  readonly error?: string
}

/** Mutable state of one run; never shared between runs (R7.5). */
interface RunState {
  failed: StepResult | null
  deadlinePassed: boolean
  /** The total size of what the run keeps so far: step results and stored variables (`maxRetainedSize`). */
  retained: number
  /** The run's own copy of the job's variables, which VARIABLE blocks change. */
  readonly variables: Record<string, unknown>
  /** What `{% job %}` shows; `success` is set once a step fails and when the run ends (R8.1). */
  readonly jobContext: Contexts.JobContext
  /** What `{% steps %}` shows, one per step, updated in place as steps finish (R7.7). */
  readonly stepContexts: ReadonlyArray<Contexts.StepContext>
  readonly results: Array<StepResult>
  readonly deadlineAt: number
  readonly clock: Clock.Clock
  /** What each step's runtime is made from: the run's own, with the CurrentRun service added. */
  readonly runtime: Runtime.Runtime<any>
  readonly tracer: Tracer.Tracer
  readonly parentSpan: Option.Option<Tracer.AnySpan>
  readonly fiberId: FiberId.Single
  readonly scope: Resolver.Scope
  /** Whether each finished step is logged at Debug level. */
  readonly logSteps: boolean
}

const execute = <R>(
  job: Job<R>,
  publish: ((event: RunEvent) => Effect.Effect<unknown>) | undefined
): Effect.Effect<JobResult, never, Exclude<R, CurrentRun>> =>
  Effect.flatMap(startRun(job), (state) => {
    const steps =
      publish === undefined
        ? Effect.forEach(job.steps, (step, index) => visit(job, state, step, index), { discard: true })
        : Effect.forEach(
            job.steps,
            (step, index) =>
              Effect.flatMap(visit(job, state, step, index), (result) => {
                const updated: StepUpdated = {
                  _tag: "StepUpdated",
                  jobName: job.name,
                  jobId: job.id,
                  step: result
                }
                return publish(Object.freeze(updated))
              }),
            { discard: true }
          )
    return Effect.flatMap(steps, () => {
      const result = finishRun(job, state)
      if (publish === undefined) return Effect.succeed(result)
      const finished: JobFinished = Object.freeze({ _tag: "JobFinished", result, failedStep: state.failed })
      return Effect.as(publish(finished), result)
    })
  }).pipe(Effect.annotateLogs(jobAnnotations(job))) as Effect.Effect<JobResult, never, Exclude<R, CurrentRun>>

/** A fresh state for one run of the job, from the services of the Effect that runs it. */
const startRun = <R>(job: Job<R>): Effect.Effect<RunState> =>
  Effect.map(
    Effect.all([
      Effect.clock,
      Effect.runtime<never>(),
      Effect.tracer,
      Effect.fiberId,
      FiberRef.get(FiberRef.currentMinimumLogLevel)
    ]),
    ([clock, runtime, tracer, fiberId, minimumLogLevel]) => {
      const variables = Value.copy(job.variables) as Record<string, unknown>
      const jobContext: Contexts.JobContext = {
        name: job.name,
        id: job.id,
        success: null,
        parameters: job.locals,
        variables
      }
      const stepContexts = job.steps.map(initialContext)
      const service: CurrentRunShape = {
        variables,
        locals: job.locals,
        jobName: job.name,
        jobId: job.id,
        sizeLimits: job.sizeLimits,
        reserve: (size) => reserve(job, state, size)
      }
      const state: RunState = {
        failed: null,
        deadlinePassed: false,
        retained: 0,
        variables,
        jobContext,
        stepContexts,
        results: [],
        deadlineAt: clock.unsafeCurrentTimeMillis() + Duration.toMillis(job.deadline),
        clock,
        runtime: Runtime.make({
          context: Context.add(runtime.context, CurrentRun, service),
          fiberRefs: runtime.fiberRefs,
          runtimeFlags: runtime.runtimeFlags
        }),
        tracer,
        parentSpan: Context.getOption(runtime.context, Tracer.ParentSpan),
        fiberId: fiberId as FiberId.Single,
        scope: { contexts: Contexts.make(jobContext, stepContexts), limits: job.sizeLimits },
        logSteps: LogLevel.lessThanEqual(minimumLogLevel, LogLevel.Debug)
      }
      return state
    }
  )

/** Runs one step of the fold and records its result; the first failure is the job's failed step (R7.3). */
const visit = <R>(
  job: Job<R>,
  state: RunState,
  step: PlannedStep<R>,
  index: number
): Effect.Effect<StepResult> => {
  const started = state.clock.unsafeCurrentTimeNanos()
  const finish = (outcome: Outcome): StepResult => {
    const elapsed = Number(state.clock.unsafeCurrentTimeNanos() - started) / 1e6
    const result = record(step, outcome, elapsed, state.stepContexts[index]!)
    state.results.push(result)
    if (state.failed === null && Status.isFailure(outcome.status)) {
      state.failed = result
      state.jobContext.success = false
    }
    return result
  }
  const outcome = guardedOutcome(job, step, state)
  const recorded = Effect.isEffect(outcome) ? Effect.map(outcome, finish) : Effect.succeed(finish(outcome))
  // One debug line per step, with its id and status; skipped entirely unless debug logs are on.
  return state.logSteps ? Effect.tap(recorded, logStep) : recorded
}

/** The job result once every step has a status (R7.4). */
const finishRun = (job: Job<any>, state: RunState): JobResult => {
  state.jobContext.success = state.failed === null
  return Object.freeze({
    name: job.name,
    id: job.id,
    success: state.failed === null,
    failedStep: state.failed,
    steps: Object.freeze(state.results),
    variables: state.variables
  })
}

const logStep = (result: StepResult): Effect.Effect<void> =>
  Effect.logDebug(`step ${result.position} ${result.action}: ${result.status.name}`).pipe(
    Effect.annotateLogs({ stepId: result.id, status: result.status.name })
  )

const initialContext = <R>(step: PlannedStep<R>): Contexts.StepContext => ({
  id: step.id,
  position: step.position,
  action: step.action,
  block: { category: step.block?.category ?? null, name: step.block?.name ?? step.action },
  status: step.preflight === undefined ? Status.NONE : StepError.statusOf(step.preflight),
  result: null,
  // A pre-flight failure is visible before the run reaches the step, with its message (R6.6, R8.1).
  error: step.preflight?.message ?? null,
  parameters: step.parameters
})

/** Writes the outcome into the step's context and makes its result (R7.3, R8.1). */
const record = (
  step: PlannedStep<any>,
  outcome: Outcome,
  elapsedMillis: number,
  context: Contexts.StepContext
): StepResult => {
  context.status = outcome.status
  context.result = outcome.status === Status.DONE ? outcome.result : null
  // Contexts show an error only for a failed step (R8.1); the step result also explains skips (R7.3).
  context.error = Status.isFailure(outcome.status) ? (outcome.error ?? null) : null
  const base = {
    id: step.id,
    position: step.position,
    action: step.action,
    status: outcome.status,
    elapsedMillis
  }
  // Frozen, so that no hook or caller can change a status after the fact (R11.2).
  return Object.freeze(
    outcome.status === Status.DONE
      ? { ...base, result: outcome.result }
      : { ...base, ...(outcome.error === undefined ? {} : { error: outcome.error }) }
  )
}

const failure = (error: StepError.StepError): Outcome => ({
  status: StepError.statusOf(error),
  error: clipMessage(error.message)
})

/**
 * The longest error message a step result keeps. Messages are not counted
 * against `maxRetainedSize`, so one that quotes user data (a developer's
 * block may) is cut here instead.
 */
const maxMessageLength = 2_000

const clipMessage = (message: string): string =>
  message.length > maxMessageLength ? `${message.slice(0, maxMessageLength - 3)}...` : message

const defectOutcome = (step: PlannedStep<any>, defect: unknown): Effect.Effect<Outcome> =>
  Effect.as(
    Effect.logError(`step '${step.id}' ended with a defect`, defect),
    failure(new StepError.UnhandledException({ message: StepError.describe(defect), cause: defect }))
  )

/**
 * A step's outcome: plain when it is known without waiting (nearly always),
 * an Effect when the block is still running. Even a defect in the runtime's
 * own work on the step (resolving, checking sizes) becomes UNHANDLED_EXCEPTION
 * instead of ending the run (R7.6); interruption still stops the run.
 */
const guardedOutcome = <R>(
  job: Job<R>,
  step: PlannedStep<R>,
  state: RunState
): Outcome | Effect.Effect<Outcome> => {
  try {
    const outcome = outcomeOf(job, step, state)
    return Effect.isEffect(outcome)
      ? Effect.catchAllDefect(outcome, (defect) => defectOutcome(step, defect))
      : outcome
  } catch (defect) {
    return defectOutcome(step, defect)
  }
}

/** Decides one step (R7.1): skipped, pre-flight failure, condition, or the block's own outcome. */
const outcomeOf = <R>(
  job: Job<R>,
  step: PlannedStep<R>,
  state: RunState
): Outcome | Effect.Effect<Outcome> => {
  if (state.deadlinePassed) return { status: Status.SKIPPED, error: "skipped: the job's deadline passed" }
  if (state.failed !== null && !step.forced) {
    return { status: Status.SKIPPED, error: `skipped: step '${state.failed.id}' failed` }
  }
  if (step.preflight !== undefined) return failure(step.preflight)
  const remaining = state.deadlineAt - state.clock.unsafeCurrentTimeMillis()
  if (remaining <= 0) {
    state.deadlinePassed = true
    return failure(new StepError.TimeLimitExceeded({ message: "the job's deadline passed" }))
  }

  // The conditions and the parameters share one budget of work, so no step can resolve for long (R13.3).
  const scope: Resolver.Scope = { ...state.scope, budget: Resolver.makeBudget(job.sizeLimits) }
  const condition = checkConditions(step, scope)
  if (condition !== undefined) return condition
  const live = new Set<string>()
  const parameters = Resolver.resolve(step.compiled, { ...scope, live })
  if (Either.isLeft(parameters)) return failure(parameters.left)
  const tooLarge = Size.check(parameters.right, job.sizeLimits)
  if (tooLarge !== undefined) return failure(StepError.sizeViolation(tooLarge, "parameters"))
  if (live.size === 0)
    return invokeBlock(job, step, state, parameters.right as Record<string, unknown>, remaining)

  const before = snapshotVariables(state.variables, live)
  const outcome = invokeBlock(job, step, state, parameters.right as Record<string, unknown>, remaining)
  const checked = (outcome: Outcome) => keepVariablesWithinLimits(job, state, before, outcome)
  return Effect.isEffect(outcome)
    ? Effect.map(
        Effect.catchAllDefect(outcome, (defect) => defectOutcome(step, defect)),
        checked
      )
    : checked(outcome)
}

// ---- variables changed in place ----

/** Copies of the variables a step was handed live, as they were before it ran, by name. */
type VariablesBefore = ReadonlyMap<string, unknown>

const snapshotVariables = (variables: Record<string, unknown>, live: ReadonlySet<string>): VariablesBefore =>
  new Map([...live].map((name) => [name, Value.copy(variables[name])]))

/**
 * Variables handed to a block live change only when its step is DONE and
 * they stay within the size limits. A failed step puts them back as they
 * were, so forced steps that fail cannot grow them; and a block given a part
 * of a variable can grow the variable as a whole past the limits (append a
 * deep list to a list nested deep inside it), which fails the step with
 * SIZE_LIMIT_EXCEED (R13.2).
 */
const keepVariablesWithinLimits = (
  job: Job<any>,
  state: RunState,
  before: VariablesBefore,
  outcome: Outcome
): Outcome => {
  const { variables } = state
  const putBack = () => {
    for (const [name, value] of before) Value.setKey(variables, name, value)
  }
  if (outcome.status !== Status.DONE) {
    putBack()
    return outcome
  }
  for (const name of before.keys()) {
    const size = Size.measure(variables[name], job.sizeLimits)
    if (!Size.isViolation(size)) continue
    putBack()
    return failure(
      StepError.sizeViolation(size, `variable ${Value.preview(name)} would pass the size limits`)
    )
  }
  return outcome
}

/**
 * Runs the block. A block that completes without waiting (most do) runs to
 * its end at once, with no fiber switch; one that waits continues in its own
 * fiber, which the step awaits within its time limit and interrupts when the
 * limit passes or the run is interrupted.
 */
// Limitation: a time limit cannot stop a block that computes synchronously; it applies only
// once the block yields (docs/security.md says how developers bound such blocks).
const invokeBlock = <R>(
  job: Job<R>,
  step: PlannedStep<R>,
  state: RunState,
  parameters: Record<string, unknown>,
  remaining: number
): Outcome | Effect.Effect<Outcome> => {
  const span = startSpan(job, step, state)
  const exit = Runtime.runSyncExit(stepRuntime(step, state, span), Invocation.invoke(step.block!, parameters))
  const defect = Exit.isFailure(exit) ? Cause.dieOption(exit.cause) : Option.none()
  if (Option.isSome(defect) && Runtime.isAsyncFiberException(defect.value)) {
    const fiber = defect.value.fiber as Fiber.RuntimeFiber<unknown, StepError.StepError>
    return Effect.onExit(awaitBlock(job, state, fiber, remaining), (outcome) =>
      Effect.sync(() => span.end(state.clock.unsafeCurrentTimeNanos(), outcome))
    )
  }
  span.end(state.clock.unsafeCurrentTimeNanos(), exit)
  if (Exit.isSuccess(exit)) return done(exit.value, job, state)
  const error = Cause.failureOption(exit.cause)
  return Option.isSome(error) ? failure(error.value) : Effect.failCause(exit.cause as Cause.Cause<never>)
}

/** The step's span, named after its action and annotated with the job and step ids. */
const startSpan = <R>(job: Job<R>, step: PlannedStep<R>, state: RunState): Tracer.Span => {
  const span = state.tracer.span(
    step.action,
    state.parentSpan,
    Context.empty(),
    [],
    state.clock.unsafeCurrentTimeNanos(),
    "internal"
  )
  span.attribute("conduit.step.id", step.id)
  if (job.id !== null) span.attribute("conduit.job.id", job.id)
  return span
}

/**
 * The runtime a step's block runs in: the run's services and the CurrentRun
 * service, the step's span as parent of the block's own spans, and `stepId`
 * among the log annotations. Building it costs far less than providing each
 * of these with an Effect combinator, which matters at 100,000 steps (R7.7).
 */
const stepRuntime = <R>(step: PlannedStep<R>, state: RunState, span: Tracer.Span): Runtime.Runtime<any> => {
  const { runtime } = state
  const annotations = FiberRefs.getOrDefault(runtime.fiberRefs, FiberRef.currentLogAnnotations)
  return Runtime.make({
    context: Context.add(runtime.context, Tracer.ParentSpan, span),
    fiberRefs: FiberRefs.updateAs(runtime.fiberRefs, {
      fiberId: state.fiberId,
      fiberRef: FiberRef.currentLogAnnotations,
      value: HashMap.set(annotations, "stepId", step.id)
    }),
    runtimeFlags: runtime.runtimeFlags
  })
}

const awaitBlock = <R>(
  job: Job<R>,
  state: RunState,
  fiber: Fiber.RuntimeFiber<unknown, StepError.StepError>,
  remaining: number
): Effect.Effect<Outcome> => {
  const stepMillis = Duration.toMillis(job.stepTimeout)
  const byDeadline = remaining < stepMillis
  return Fiber.join(fiber).pipe(
    Effect.timeoutFail({
      duration: Duration.millis(byDeadline ? remaining : stepMillis),
      onTimeout: () => {
        if (byDeadline) state.deadlinePassed = true
        return new StepError.TimeLimitExceeded({
          message: byDeadline
            ? "the job's deadline passed"
            : `the step ran longer than ${Duration.format(job.stepTimeout)}`
        })
      }
    }),
    // The block is stopped before the run goes on, so no two blocks ever run at once (R7.1).
    Effect.tapError(() => Fiber.interrupt(fiber)),
    Effect.onInterrupt(() => Fiber.interrupt(fiber)),
    Effect.match({ onFailure: failure, onSuccess: (value) => done(value, job, state) })
  )
}

/** A block's value, checked (R13.2) and kept as a snapshot that no later block can change (R10.2). */
const done = (value: unknown, job: Job<any>, state: RunState): Outcome => {
  const size = Size.measure(value, job.sizeLimits)
  if (Size.isViolation(size)) return failure(StepError.sizeViolation(size, "result"))
  if (!reserve(job, state, size)) {
    return failure(StepError.retainedSizeExceeded(job.sizeLimits.maxRetainedSize, "result"))
  }
  return { status: Status.DONE, result: Value.copy(value === undefined ? null : value) }
}

/**
 * Charges `size` to what the run keeps (`maxRetainedSize`), for a step result
 * or, through `CurrentRun.reserve`, a value a block stores; false, charging
 * nothing, when it would not fit.
 */
const reserve = (job: Job<any>, state: RunState, size: number): boolean => {
  if (state.retained + size > job.sizeLimits.maxRetainedSize) return false
  state.retained += size
  return true
}

/** The outcome of a step whose `if` stops it, or undefined when it may run (R7.1, R9.9, R9.10). */
const checkConditions = (step: PlannedStep<any>, scope: Resolver.Scope): Outcome | undefined => {
  if (step.conditions === null) return undefined
  for (const [index, condition] of step.conditions.entries()) {
    const value = Resolver.resolve(condition, scope)
    if (Either.isLeft(value)) return failure(value.left)
    if (!Value.isTruthy(value.right)) {
      const written = Array.isArray(step.document.if) ? step.document.if[index] : step.document.if
      return { status: Status.IF_CONDITION_FAILED, error: `if condition '${written}' is falsy` }
    }
  }
  return undefined
}
