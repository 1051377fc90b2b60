/**
 * Sizes bound the values a step receives and produces (R13.2), and the
 * documents users load (R13.3): string length, array length, object keys,
 * nesting depth and total size. A measurement walks the value once, without
 * recursion, and stops as soon as a bound is passed, so its cost is at most
 * proportional to the bound.
 *
 * The total size counts string lengths, a few units per number and key, and
 * `containerUnits` per list and dictionary: roughly the value's length as
 * JSON, except that an empty container counts about what it costs in memory
 * (a list of a million `{}` is small as text and large in the heap). A value
 * that refers to itself counts forever, so it always passes its bounds.
 *
 * @since 0.1.0
 */
import type { SizeLimits } from "./Limits.js"
import * as Value from "./Value.js"

/**
 * What one list or dictionary counts towards the total size, besides its
 * items: about its size in memory, in units of the bytes a character takes.
 *
 * @since 0.1.0
 * @category measuring
 */
export const containerUnits = 16

/**
 * Bounds for one measurement; any of them may be `Infinity`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Bounds {
  readonly maxStringLength: number
  readonly maxArrayLength: number
  readonly maxObjectKeys: number
  readonly maxDepth: number
  readonly maxTotalSize: number
  /** When true, anything but JSON data (a Date, a Buffer, a function) is a violation. */
  readonly jsonOnly?: boolean | undefined
}

/**
 * The first bound a value passes: which one, and in words.
 *
 * @since 0.1.0
 * @category models
 */
export interface Violation {
  readonly limit:
    "maxStringLength" | "maxArrayLength" | "maxObjectKeys" | "maxDepth" | "maxTotalSize" | "json"
  readonly message: string
}

/**
 * Whether a measurement ended in a violation.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isViolation = (measured: number | Violation): measured is Violation =>
  typeof measured !== "number"

/**
 * The total size of a value, or the first bound it passes.
 *
 * @since 0.1.0
 * @category measuring
 */
export const measure = (value: unknown, bounds: Bounds): number | Violation => {
  let total = 0
  const pending: Array<unknown> = [value]
  const depths: Array<number> = [0]
  while (pending.length > 0) {
    const item = pending.pop()
    const depth = depths.pop()!
    if (typeof item === "string") {
      if (item.length > bounds.maxStringLength) return textTooLong(bounds)
      total += item.length + 2
    } else if (Array.isArray(item) || Value.isPlainObject(item)) {
      if (depth >= bounds.maxDepth) {
        return { limit: "maxDepth", message: `a value is nested deeper than ${bounds.maxDepth} levels` }
      }
      const keys = Array.isArray(item) ? null : Object.keys(item)
      if (keys === null) {
        const list = item as Array<unknown>
        if (list.length > bounds.maxArrayLength) {
          return { limit: "maxArrayLength", message: `a list has more than ${bounds.maxArrayLength} items` }
        }
        total += containerUnits + list.length
        for (let i = 0; i < list.length && total <= bounds.maxTotalSize; i++) {
          pending.push(list[i])
          depths.push(depth + 1)
        }
      } else {
        if (keys.length > bounds.maxObjectKeys) {
          return {
            limit: "maxObjectKeys",
            message: `a dictionary has more than ${bounds.maxObjectKeys} keys`
          }
        }
        total += containerUnits
        for (const key of keys) {
          if (key.length > bounds.maxStringLength) return textTooLong(bounds)
          total += key.length + 4
          pending.push((item as Record<string, unknown>)[key])
          depths.push(depth + 1)
        }
      }
    } else if (bounds.jsonOnly === true && !isJsonScalar(item)) {
      return { limit: "json", message: `a value is not JSON data (${Value.kindOf(item)})` }
    } else {
      total += 8
    }
    if (total > bounds.maxTotalSize) {
      return {
        limit: "maxTotalSize",
        message: `a value is larger than the total size limit of ${bounds.maxTotalSize}`
      }
    }
  }
  return total
}

/**
 * The first size limit a value passes, or undefined when it fits (R13.2).
 *
 * @since 0.1.0
 * @category measuring
 */
export const check = (value: unknown, limits: SizeLimits): Violation | undefined => {
  const measured = measure(value, limits)
  return isViolation(measured) ? measured : undefined
}

/**
 * The total size of a value, counted no further than a little past `cap`:
 * what measuring costs stays within the budget it is checked against.
 *
 * @since 0.1.0
 * @category measuring
 */
export const totalUpTo = (value: unknown, cap: number): number => {
  const measured = measure(value, { ...unbounded, maxTotalSize: cap })
  return isViolation(measured) ? cap + 1 : measured
}

/**
 * Bounds that only `maxTotalSize` (set by the caller) limits.
 *
 * @since 0.1.0
 * @category measuring
 */
export const unbounded: Bounds = {
  maxStringLength: Infinity,
  maxArrayLength: Infinity,
  maxObjectKeys: Infinity,
  maxDepth: Infinity,
  maxTotalSize: Infinity
}

const isJsonScalar = (u: unknown): boolean =>
  u === null || u === undefined || typeof u === "number" || typeof u === "boolean"

const textTooLong = (bounds: Bounds): Violation => ({
  limit: "maxStringLength",
  message: `a text is longer than ${bounds.maxStringLength} characters`
})
