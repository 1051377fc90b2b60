/**
 * Ordering of values for the standard blocks (SPEC R12): two numbers compare
 * as numbers, two texts by code point as Python orders `str`, and any other
 * pair cannot be ordered, which is a domain error (INVALID_ARGUMENT).
 *
 * @since 0.1.0
 */
import { Either } from "effect"
import * as StepError from "../../StepError.js"
import * as Value from "../../Value.js"

/**
 * Compares two texts by code point, as Python does; JavaScript's `<` compares
 * UTF-16 units, which orders `"\uffff"` after `"😀"`. Lone surrogates count as
 * the code points they are. Negative, zero or positive like `a - b`.
 *
 * @since 0.1.0
 * @category ordering
 */
export const compareText = (a: string, b: string): number => {
  const shorter = Math.min(a.length, b.length)
  let i = 0
  while (i < shorter && a.charCodeAt(i) === b.charCodeAt(i)) i++
  if (i === shorter) return a.length - b.length

  // When the texts part inside a surrogate pair, compare the code points that start at the shared high half.
  const splitsPair =
    i > 0 && isHigh(a.charCodeAt(i - 1)) && (isLow(a.charCodeAt(i)) || isLow(b.charCodeAt(i)))
  const start = splitsPair ? i - 1 : i
  return a.codePointAt(start)! - b.codePointAt(start)!
}

const describe = (u: unknown): string => (u === null ? "null" : `${Value.kindOf(u)} ${Value.preview(u, 30)}`)

const isHigh = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff
const isLow = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff

/**
 * Compares two values that can be ordered: negative when `a` comes first,
 * zero when neither does, positive when `b` does, and NaN when a number is
 * NaN, so that every ordering test on the result is false, as in Python.
 * Fails with INVALID_ARGUMENT for anything but two numbers or two texts.
 *
 * @example
 * ```ts
 * compare(1, 2)     // Either.right(-1)
 * compare("b", "a") // Either.right(1)
 * compare(1, "a")   // Either.left(InvalidArgument)
 * ```
 *
 * @since 0.1.0
 * @category ordering
 */
export const compare = (a: unknown, b: unknown): Either.Either<number, StepError.InvalidArgument> => {
  if (typeof a === "number" && typeof b === "number") {
    return Either.right(a < b ? -1 : a > b ? 1 : a === b ? 0 : NaN)
  }
  if (typeof a === "string" && typeof b === "string") return Either.right(Math.sign(compareText(a, b)))
  return Either.left(
    new StepError.InvalidArgument({
      message: `cannot order ${describe(a)} and ${describe(b)}: only two numbers or two texts can be ordered`
    })
  )
}
