/**
 * Ordering for `LISTS.SORT`: only two numbers or two texts can be compared
 * (SPEC section 12). Texts order by code point, as Python orders `str`, not
 * by UTF-16 unit as JavaScript's `<` does.
 *
 * @since 0.1.0
 */
import { Effect } from "effect"
import * as StepError from "../../StepError.js"
import * as Value from "../../Value.js"

/**
 * Compares two texts by code point: negative, zero or positive.
 *
 * @since 0.1.0
 * @category ordering
 */
export const compareCodePoints = (a: string, b: string): number => {
  const shortest = Math.min(a.length, b.length)
  for (let i = 0; i < shortest; i++) {
    if (a.charCodeAt(i) !== b.charCodeAt(i)) return compareCodePointsAt(a, b, i)
  }
  return a.length - b.length
}

const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff

// The texts first differ at unit `i`. When the unit before is a high surrogate, the code point that
// differs may start there (a pair in one text, a lone surrogate in the other).
const compareCodePointsAt = (a: string, b: string, i: number): number => {
  const start = i > 0 && isHighSurrogate(a.charCodeAt(i - 1)) ? i - 1 : i
  const x = a.codePointAt(start)!
  const y = b.codePointAt(start)!
  return x !== y ? x - y : a.codePointAt(i)! - b.codePointAt(i)!
}

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
  if (list.every((item) => typeof item === "string")) return compareCodePoints
  return undefined
}
