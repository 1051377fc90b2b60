/**
 * Step errors are the typed failures that give a step its status (R5.2). Each
 * failure status has exactly one error class here, and `statusOf` maps every
 * error to its status; the compiler checks that the mapping is total.
 *
 * Blocks fail with `InvalidArgument` for domain errors (a division by zero, a
 * missing key) and with `AssertionFailed` for assertions. Any other failure in
 * a block's error channel, and any defect, becomes `UnhandledException`.
 *
 * @since 0.1.0
 */
import { Data, Effect } from "effect"
import type { Violation } from "./Size.js"
import * as Status from "./Status.js"
import * as Value from "./Value.js"

/**
 * The block failed with an error it did not classify, or died.
 *
 * @since 0.1.0
 * @category errors
 */
export class UnhandledException extends Data.TaggedError("UnhandledException")<{
  readonly message: string
  readonly cause?: unknown
}> {}

/**
 * The action names no block.
 *
 * @since 0.1.0
 * @category errors
 */
export class BlockNotFound extends Data.TaggedError("BlockNotFound")<{
  readonly action: string
  readonly message: string
}> {}

/**
 * A block rejected a value (a domain error), or a tag referenced nothing.
 *
 * @example
 * ```ts
 * Effect.fail(new InvalidArgument({ message: "division by zero" }))
 * ```
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidArgument extends Data.TaggedError("InvalidArgument")<{
  readonly message: string
}> {}

/**
 * An earlier step already uses this step's id.
 *
 * @since 0.1.0
 * @category errors
 */
export class DuplicateStepIds extends Data.TaggedError("DuplicateStepIds")<{
  readonly id: string
  readonly message: string
}> {}

/**
 * The block's tags are not all present on the job.
 *
 * @since 0.1.0
 * @category errors
 */
export class ForbiddenBlock extends Data.TaggedError("ForbiddenBlock")<{
  readonly missingTags: ReadonlyArray<string>
  readonly message: string
}> {}

/**
 * An assertion failed.
 *
 * @since 0.1.0
 * @category errors
 */
export class AssertionFailed extends Data.TaggedError("AssertionFailed")<{
  readonly message: string
}> {}

/**
 * The step's parameters did not decode against the block's schema.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidType extends Data.TaggedError("InvalidType")<{
  readonly message: string
}> {}

/**
 * The step lies beyond the job's step limit.
 *
 * @since 0.1.0
 * @category errors
 */
export class StepLimitExceeded extends Data.TaggedError("StepLimitExceeded")<{
  readonly limit: number
  readonly message: string
}> {}

/**
 * The block was used more times than its limit allows.
 *
 * @since 0.1.0
 * @category errors
 */
export class BlockLimitExceeded extends Data.TaggedError("BlockLimitExceeded")<{
  readonly limit: number
  readonly message: string
}> {}

/**
 * The step ran longer than its time limit, or the job's deadline passed.
 *
 * @since 0.1.0
 * @category errors
 */
export class TimeLimitExceeded extends Data.TaggedError("TimeLimitExceeded")<{
  readonly message: string
}> {}

/**
 * A value the step produced or received exceeds the size limits (R13.2).
 *
 * @since 0.1.0
 * @category errors
 */
export class SizeLimitExceeded extends Data.TaggedError("SizeLimitExceeded")<{
  /** The limit passed, by its name in `SizeLimits` (e.g. `maxStringLength`), when one is known. */
  readonly limit?: string | undefined
  readonly message: string
}> {}

/**
 * Fails with INVALID_ARGUMENT: the usual way for a block to refuse a value.
 *
 * @example
 * ```ts
 * value2 === 0 ? StepError.invalidArgument("division by zero") : Effect.succeed(value1 / value2)
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const invalidArgument = (message: string): Effect.Effect<never, InvalidArgument> =>
  Effect.fail(new InvalidArgument({ message }))

/**
 * SIZE_LIMIT_EXCEED for a value that passes a size limit, as `Size.measure`
 * found it; `what` says which value (`result`, `parameters`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const sizeViolation = (violation: Violation, what?: string): SizeLimitExceeded =>
  new SizeLimitExceeded({
    limit: violation.limit,
    message: what === undefined ? violation.message : `${what}: ${violation.message}`
  })

/**
 * SIZE_LIMIT_EXCEED for a step whose result or stored value would take the
 * run past `maxRetainedSize`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const retainedSizeExceeded = (maxRetainedSize: number, what: string): SizeLimitExceeded =>
  new SizeLimitExceeded({
    limit: "maxRetainedSize",
    message: `${what}: the run would keep more than ${maxRetainedSize} of results and variables`
  })

/**
 * Every typed failure a step can end with.
 *
 * @since 0.1.0
 * @category models
 */
export type StepError =
  | UnhandledException
  | BlockNotFound
  | InvalidArgument
  | DuplicateStepIds
  | ForbiddenBlock
  | AssertionFailed
  | InvalidType
  | StepLimitExceeded
  | BlockLimitExceeded
  | TimeLimitExceeded
  | SizeLimitExceeded

const statusByTag: { readonly [K in StepError["_tag"]]: Status.Status } = {
  UnhandledException: Status.make("UNHANDLED_EXCEPTION"),
  BlockNotFound: Status.make("BLOCK_NOT_FOUND"),
  InvalidArgument: Status.make("INVALID_ARGUMENT"),
  DuplicateStepIds: Status.make("DUPLICATE_STEP_IDS"),
  ForbiddenBlock: Status.make("FORBIDDEN_BLOCK"),
  AssertionFailed: Status.make("ASSERTION_ERROR"),
  InvalidType: Status.make("INVALID_TYPE"),
  StepLimitExceeded: Status.make("STEP_LIMIT_EXCEED"),
  BlockLimitExceeded: Status.make("BLOCK_LIMIT_EXCEED"),
  TimeLimitExceeded: Status.make("TIME_LIMIT_EXCEED"),
  SizeLimitExceeded: Status.make("SIZE_LIMIT_EXCEED")
}

/**
 * The status a step error gives its step.
 *
 * @since 0.1.0
 * @category mapping
 */
export const statusOf = (error: StepError): Status.Status => statusByTag[error._tag]

/**
 * Whether a value is one of the library's step errors.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isStepError = (u: unknown): u is StepError =>
  typeof u === "object" &&
  u !== null &&
  "_tag" in u &&
  typeof u._tag === "string" &&
  Object.hasOwn(statusByTag, u._tag) &&
  u instanceof Error

/**
 * Classifies anything a block failed with: the library's own errors keep
 * their status, anything else becomes UNHANDLED_EXCEPTION with a message.
 *
 * @since 0.1.0
 * @category mapping
 */
export const fromUnknown = (u: unknown): StepError =>
  isStepError(u) ? u : new UnhandledException({ message: describe(u), cause: u })

/**
 * A short human-readable description of any thrown or failed value.
 *
 * @since 0.1.0
 * @category mapping
 */
export const describe = (u: unknown): string => {
  if (u instanceof Error) return u.message === "" ? u.name : `${u.name}: ${u.message}`
  if (typeof u === "object" && u !== null && "message" in u && typeof u.message === "string") {
    return u.message
  }
  if (Array.isArray(u) || Value.isPlainObject(u)) return Value.preview(u, 200)
  try {
    return String(u)
  } catch {
    return "unknown error"
  }
}
