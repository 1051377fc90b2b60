/**
 * A status is the outcome code of one step (SPEC section 5). Every status has
 * a stable name and numeric value that users see in results and output.
 *
 * @since 0.1.0
 */

/**
 * The numeric value of every status, keyed by its name.
 *
 * @since 0.1.0
 * @category models
 */
export const values = {
  NONE: -1,
  DONE: 0,
  SKIPPED: 100,
  UNHANDLED_EXCEPTION: 101,
  BLOCK_NOT_FOUND: 102,
  INVALID_ARGUMENT: 103,
  DUPLICATE_STEP_IDS: 104,
  FORBIDDEN_BLOCK: 105,
  ASSERTION_ERROR: 106,
  INVALID_TYPE: 107,
  STEP_LIMIT_EXCEED: 108,
  BLOCK_LIMIT_EXCEED: 109,
  IF_CONDITION_FAILED: 110,
  TIME_LIMIT_EXCEED: 111,
  SIZE_LIMIT_EXCEED: 112
} as const

/**
 * The name of a status, e.g. `"DONE"`.
 *
 * @since 0.1.0
 * @category models
 */
export type StatusName = keyof typeof values

/**
 * A status as users see it: its name and its value.
 *
 * @since 0.1.0
 * @category models
 */
export interface Status {
  readonly name: StatusName
  readonly value: number
}

const byName = Object.fromEntries(
  Object.entries(values).map(([name, value]) => [name, Object.freeze({ name, value })])
) as { readonly [K in StatusName]: Status }

/**
 * The status with the given name.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (name: StatusName): Status => byName[name]

/**
 * Every status except NONE, DONE and IF_CONDITION_FAILED is a failure (R5.1).
 *
 * @since 0.1.0
 * @category predicates
 */
export const isFailure = (status: Status): boolean =>
  status.name !== "NONE" && status.name !== "DONE" && status.name !== "IF_CONDITION_FAILED"

/**
 * The statuses the runtime names directly: not run yet, ran without error,
 * skipped after a failure, stopped by its `if`. Any other status is made with
 * `make` from its name.
 *
 * @since 0.1.0
 * @category constants
 */
export const NONE = byName.NONE
/**
 * @since 0.1.0
 * @category constants
 */
export const DONE = byName.DONE
/**
 * @since 0.1.0
 * @category constants
 */
export const SKIPPED = byName.SKIPPED
/**
 * @since 0.1.0
 * @category constants
 */
export const IF_CONDITION_FAILED = byName.IF_CONDITION_FAILED
