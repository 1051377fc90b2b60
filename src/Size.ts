/**
 * Size checks bound the values a step receives and produces (R13.2): string
 * length, array length, object keys, nesting depth and total size. A check
 * walks the value once, without recursion, and stops as soon as a limit is
 * passed, so its cost is at most proportional to the limit.
 *
 * @since 0.1.0
 */
import type { SizeLimits } from "./Limits.js"
import * as Value from "./Value.js"

/**
 * The first limit a value passes, in words, or undefined when it fits. The
 * total size counts string lengths plus a few units per number, key and
 * container, roughly the value's length as JSON; a value that refers to
 * itself counts forever, so it always fails.
 *
 * @since 0.1.0
 * @category checks
 */
export const check = (value: unknown, limits: SizeLimits): string | undefined => {
  const measured = measure(value, limits)
  return typeof measured === "string" ? measured : undefined
}

/**
 * The total size of a value (as `check` counts it), or the first limit it
 * passes, in words.
 *
 * @since 0.1.0
 * @category checks
 */
export const measure = (value: unknown, limits: SizeLimits): number | string => {
  if (typeof value !== "object" || value === null) {
    if (typeof value === "string") {
      return value.length > limits.maxStringLength ? stringTooLong(limits) : value.length + 2
    }
    return 8
  }
  let total = 0
  const pending: Array<unknown> = [value]
  const depths: Array<number> = [0]
  while (pending.length > 0) {
    const item = pending.pop()
    const depth = depths.pop()!
    if (typeof item === "string") {
      if (item.length > limits.maxStringLength) return stringTooLong(limits)
      total += item.length + 2
    } else if (typeof item === "object" && item !== null) {
      const isArray = Array.isArray(item)
      if (!isArray && !Value.isPlainObject(item)) {
        total += 8
        continue
      }
      if (depth >= limits.maxDepth) return `a value is nested deeper than ${limits.maxDepth} levels`
      if (isArray) {
        if (item.length > limits.maxArrayLength) return `a list has more than ${limits.maxArrayLength} items`
        total += 2 + item.length
        for (let i = 0; i < item.length; i++) {
          pending.push(item[i])
          depths.push(depth + 1)
        }
      } else {
        const keys = Object.keys(item)
        if (keys.length > limits.maxObjectKeys) return `an object has more than ${limits.maxObjectKeys} keys`
        total += 2
        for (const key of keys) {
          if (key.length > limits.maxStringLength) return stringTooLong(limits)
          total += key.length + 4
          pending.push((item as Record<string, unknown>)[key])
          depths.push(depth + 1)
        }
      }
    } else {
      total += 8
    }
    if (total > limits.maxTotalSize) return `a value is larger than the total size limit of ${limits.maxTotalSize}`
  }
  return total
}

const stringTooLong = (limits: SizeLimits) => `a text is longer than ${limits.maxStringLength} characters`
