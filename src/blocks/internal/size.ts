/**
 * Size checks for blocks that build or grow a collection: the would-be size
 * is checked against the run's size limits (R13.2) before anything is built
 * or changed, so a step cannot make a value larger than the limits allow.
 *
 * @since 0.1.0
 */
import { Effect } from "effect"
import * as CurrentRun from "../../CurrentRun.js"
import * as StepError from "../../StepError.js"

/**
 * Fails with SIZE_LIMIT_EXCEED when a list would have more items than the
 * run allows.
 *
 * @since 0.1.0
 * @category checks
 */
export const ensureListLength = (
  length: number
): Effect.Effect<void, StepError.SizeLimitExceeded, CurrentRun.CurrentRun> =>
  Effect.flatMap(CurrentRun.CurrentRun, ({ sizeLimits }) =>
    length > sizeLimits.maxArrayLength
      ? Effect.fail(
          new StepError.SizeLimitExceeded({
            message: `the list would have ${length} items, more than the limit of ${sizeLimits.maxArrayLength}`
          })
        )
      : Effect.void
  )

/**
 * Fails with SIZE_LIMIT_EXCEED when a dictionary would have more keys than
 * the run allows.
 *
 * @since 0.1.0
 * @category checks
 */
export const ensureKeyCount = (
  count: number
): Effect.Effect<void, StepError.SizeLimitExceeded, CurrentRun.CurrentRun> =>
  Effect.flatMap(CurrentRun.CurrentRun, ({ sizeLimits }) =>
    count > sizeLimits.maxObjectKeys
      ? Effect.fail(
          new StepError.SizeLimitExceeded({
            message: `the dictionary would have ${count} keys, more than the limit of ${sizeLimits.maxObjectKeys}`
          })
        )
      : Effect.void
  )
