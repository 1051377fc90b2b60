/**
 * Values are the JSON-like data that flows between steps: null, booleans,
 * numbers, strings, arrays and plain objects. This module holds the few
 * operations the runtime and the blocks share on them: copying, structural
 * equality, truthiness, text form, and writing keys that may be hostile
 * (`__proto__`) without touching any prototype.
 *
 * @since 0.1.0
 */

/**
 * A plain object: made by a literal, `JSON.parse`, or with a null prototype.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isPlainObject = (u: unknown): u is Record<string, unknown> => {
  if (typeof u !== "object" || u === null || Array.isArray(u)) return false
  const proto = Object.getPrototypeOf(u)
  return proto === Object.prototype || proto === null
}

/**
 * Sets an own, enumerable property, even for the key `__proto__`, which plain
 * assignment would treat as a prototype change.
 *
 * @since 0.1.0
 * @category mutations
 */
export const setKey = (target: Record<string, unknown>, key: string, value: unknown): void => {
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true })
  } else {
    target[key] = value
  }
}

/**
 * A deep copy of arrays and plain objects; any other value is shared. Works
 * without recursion, so depth cannot overflow the stack.
 *
 * @since 0.1.0
 * @category constructors
 */
export const copy = <A>(value: A): A => {
  if (typeof value !== "object" || value === null) return value
  const shell = (u: unknown): unknown => (Array.isArray(u) ? new Array(u.length) : isPlainObject(u) ? {} : u)
  const root = shell(value)
  if (root === value) return value
  const pending: Array<[source: unknown, target: any]> = [[value, root]]
  while (pending.length > 0) {
    const [source, target] = pending.pop()!
    const fill = (key: string | number, item: unknown) => {
      const made = typeof item === "object" && item !== null ? shell(item) : item
      if (typeof key === "number") target[key] = made
      else setKey(target, key, made)
      if (made !== item) pending.push([item, made])
    }
    if (Array.isArray(source)) source.forEach((item, index) => fill(index, item))
    else for (const key of Object.keys(source as object)) fill(key, (source as any)[key])
  }
  return root as A
}

/**
 * Deep structural equality of values: arrays element by element, plain
 * objects by their own keys regardless of order, anything else with `===`.
 *
 * @since 0.1.0
 * @category equivalence
 */
export const equals = (a: unknown, b: unknown): boolean => {
  const pending: Array<[unknown, unknown]> = [[a, b]]
  while (pending.length > 0) {
    const [x, y] = pending.pop()!
    if (x === y) continue
    if (Array.isArray(x)) {
      if (!Array.isArray(y) || x.length !== y.length) return false
      for (let i = 0; i < x.length; i++) pending.push([x[i], y[i]])
    } else if (isPlainObject(x)) {
      if (!isPlainObject(y)) return false
      const keys = Object.keys(x)
      if (keys.length !== Object.keys(y).length) return false
      for (const key of keys) {
        if (!Object.hasOwn(y, key)) return false
        pending.push([x[key], y[key]])
      }
    } else {
      return false
    }
  }
  return true
}

/**
 * The truthiness of a resolved condition (R9.9): false, null, 0, NaN, the
 * empty string, an empty array and an empty object are falsy.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isTruthy = (u: unknown): boolean => {
  if (Array.isArray(u)) return u.length > 0
  if (isPlainObject(u)) return Object.keys(u).length > 0
  return Boolean(u)
}

/**
 * The text a value becomes inside a mixed template string (R9.3): strings as
 * they are, numbers and booleans in their JavaScript form, null as `null`,
 * arrays and objects as compact JSON.
 *
 * @since 0.1.0
 * @category conversions
 */
export const toText = (u: unknown): string => {
  if (typeof u === "string") return u
  if (u === null || u === undefined) return "null"
  // A function never shows its source: it reads as it does in JSON output.
  if (typeof u === "object" || typeof u === "function") return toJson(u)
  return String(u)
}

/**
 * Compact JSON that never throws: cycles, bigints and functions become text
 * instead of exceptions.
 *
 * @since 0.1.0
 * @category conversions
 */
export const toJson = (u: unknown, space?: number): string => {
  try {
    return JSON.stringify(u, jsonReplacer, space) ?? "null"
  } catch {
    // A value that refers to itself, or is nested deeper than the engine can stringify.
    return JSON.stringify(`[a ${kindOf(u)} that cannot be shown as JSON]`)
  }
}

/**
 * A `JSON.stringify` replacer that keeps values that JSON cannot hold
 * readable: bigints as digits, functions and symbols by name, non-finite
 * numbers as text.
 *
 * @since 0.1.0
 * @category conversions
 */
export const jsonReplacer = (_key: string, value: unknown): unknown => {
  switch (typeof value) {
    case "bigint":
      return value.toString()
    case "function":
      return `[function ${value.name || "anonymous"}]`
    case "symbol":
      return value.toString()
    case "number":
      return Number.isFinite(value) ? value : String(value)
    case "undefined":
      return null
    default:
      return value
  }
}

/**
 * A short, single-line view of a value for error messages.
 *
 * @since 0.1.0
 * @category conversions
 */
export const preview = (u: unknown, width = 60): string => {
  // Non-finite numbers read as numbers (JSON would quote them as text).
  const text = u === undefined ? "nothing" : typeof u === "number" ? String(u) : toJson(u)
  return text.length > width ? `${text.slice(0, width - 3)}...` : text
}

/**
 * A name for the kind of a value, as users know JSON kinds.
 *
 * @since 0.1.0
 * @category conversions
 */
export const kindOf = (u: unknown): string => {
  if (u === null) return "null"
  if (Array.isArray(u)) return "list"
  if (typeof u === "string") return "text"
  if (isPlainObject(u)) return "dictionary"
  if (typeof u === "object") {
    // Not JSON data: name its class (Buffer, Date, Map), which says more than "object".
    const name = (Object.getPrototypeOf(u) as { constructor?: { name?: unknown } } | null)?.constructor?.name
    return typeof name === "string" && name !== "" ? name : "object"
  }
  return typeof u
}
