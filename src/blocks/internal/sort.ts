/**
 * Sorting for `LISTS.SORT`: only two numbers or two texts can be compared
 * (SPEC section 12), and texts order by code point as Python orders `str`
 * (see `order.ts`). A list of any other items fails before anything moves.
 *
 * @since 0.1.0
 */
import { Effect } from "effect"
import * as StepError from "../../StepError.js"
import * as Value from "../../Value.js"
import { compareText } from "./order.js"

const compareNumbers = (a: number, b: number): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Sorts a list in place, stably, and returns it. Fails with INVALID_ARGUMENT
 * unless the items are all numbers or all texts (a list of fewer than two
 * items is never compared, so it is returned as it is, as Python does).
 *
 * @since 0.1.0
 * @category ordering
 */
export const sortInPlace = (
  list: Array<unknown>,
  reverse: boolean
): Effect.Effect<Array<unknown>, StepError.InvalidArgument> => {
  if (list.length < 2) return Effect.succeed(list)

  const compare = comparatorFor(list)
  if (compare === undefined) {
    const kinds = [...new Set(list.map(Value.kindOf))].join(", ")
    return Effect.fail(
      new StepError.InvalidArgument({
        message: `cannot order a list of ${kinds}: items must be all numbers or all texts`
      })
    )
  }

  // A reversed comparator, not a reversal afterwards, keeps equal items in order, as Python does.
  return Effect.succeed(list.sort(reverse ? (a, b) => compare(b, a) : compare))
}

const comparatorFor = (list: ReadonlyArray<unknown>): ((a: any, b: any) => number) | undefined => {
  if (list.every((item) => typeof item === "number")) return compareNumbers
  if (list.every((item) => typeof item === "string")) return compareText
  return undefined
}
