/**
 * Sequences are the values that indexes and slices apply to: arrays, and
 * strings counted in characters (code points, not UTF-16 units), as Python
 * counts them. Indexing and slicing follow Python: negative positions count
 * from the end, and slices take `start:stop:step` with each part optional.
 *
 * @since 0.1.0
 */

/**
 * Parts of a slice; a missing part is null, as in Python's `slice(None, 2)`.
 *
 * @since 0.1.0
 * @category models
 */
export interface SliceParts {
  readonly start: number | null
  readonly stop: number | null
  readonly step: number | null
}

/**
 * Splits text into characters (code points). ASCII-only text takes a fast path.
 *
 * @since 0.1.0
 * @category text
 */
export const characters = (text: string): ReadonlyArray<string> => (isSingleUnit(text) ? text.split("") : Array.from(text))

/**
 * The number of characters (code points) in a text.
 *
 * @since 0.1.0
 * @category text
 */
export const length = (text: string): number => {
  if (isSingleUnit(text)) return text.length
  let count = 0
  for (const _ of text) count++
  return count
}

const isSingleUnit = (text: string): boolean => !/[\uD800-\uDFFF]/.test(text)

/**
 * The position an index points at in a sequence of `size` items, with
 * negative indexes counting from the end, or undefined when out of range.
 *
 * @since 0.1.0
 * @category indexing
 */
export const resolveIndex = (index: number, size: number): number | undefined => {
  const position = index < 0 ? index + size : index
  return Number.isInteger(position) && position >= 0 && position < size ? position : undefined
}

/**
 * The item at an index of an array or a string, or undefined when out of range.
 *
 * @since 0.1.0
 * @category indexing
 */
export const at = (sequence: ReadonlyArray<unknown> | string, index: number): { readonly value: unknown } | undefined => {
  const items = typeof sequence === "string" ? characters(sequence) : sequence
  const position = resolveIndex(index, items.length)
  return position === undefined ? undefined : { value: items[position] }
}

/**
 * The positions a slice selects in a sequence of `size` items, computed as
 * Python's `slice.indices`. Returns undefined for a step of zero.
 *
 * @since 0.1.0
 * @category slicing
 */
export const slicePositions = (parts: SliceParts, size: number): ReadonlyArray<number> | undefined => {
  const step = parts.step ?? 1
  if (step === 0 || !Number.isFinite(step)) return undefined
  const clamp = (value: number | null, fallback: number, low: number, high: number): number => {
    if (value === null) return fallback
    const position = value < 0 ? value + size : value
    return Math.min(Math.max(position, low), high)
  }
  const positions: Array<number> = []
  if (step > 0) {
    const start = clamp(parts.start, 0, 0, size)
    const stop = clamp(parts.stop, size, 0, size)
    for (let i = start; i < stop; i += step) positions.push(i)
  } else {
    const start = clamp(parts.start, size - 1, -1, size - 1)
    const stop = clamp(parts.stop, -1, -1, size - 1)
    for (let i = start; i > stop; i += step) positions.push(i)
  }
  return positions
}

/**
 * Slices an array or a string as Python does. Returns undefined for a step of
 * zero (Python raises ValueError there).
 *
 * @since 0.1.0
 * @category slicing
 */
export function slice(sequence: string, parts: SliceParts): string | undefined
export function slice(sequence: ReadonlyArray<unknown>, parts: SliceParts): Array<unknown> | undefined
export function slice(sequence: ReadonlyArray<unknown> | string, parts: SliceParts): Array<unknown> | string | undefined
export function slice(sequence: ReadonlyArray<unknown> | string, parts: SliceParts): Array<unknown> | string | undefined {
  const items = typeof sequence === "string" ? characters(sequence) : sequence
  const positions = slicePositions(parts, items.length)
  if (positions === undefined) return undefined
  const picked = positions.map((position) => items[position])
  return typeof sequence === "string" ? picked.join("") : picked
}

const integerPart = /^[+-]?\d+$/

/**
 * Reads a path segment of the form `start:stop:step` (each part optional, at
 * most two colons), or returns undefined when the segment is not a slice.
 *
 * @since 0.1.0
 * @category slicing
 */
export const parseSlice = (segment: string): SliceParts | undefined => {
  const parts = segment.split(":")
  if (parts.length < 2 || parts.length > 3) return undefined
  const numbers: Array<number | null> = []
  for (const part of parts) {
    if (part === "") numbers.push(null)
    else if (integerPart.test(part)) numbers.push(Number(part))
    else return undefined
  }
  return { start: numbers[0] ?? null, stop: numbers[1] ?? null, step: numbers[2] ?? null }
}

/**
 * Reads a path segment that is an integer (`3`, `-1`), or returns undefined.
 *
 * @since 0.1.0
 * @category indexing
 */
export const parseIndex = (segment: string): number | undefined =>
  integerPart.test(segment) ? Number(segment) : undefined
