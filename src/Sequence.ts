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
export const characters = (text: string): ReadonlyArray<string> =>
  isSingleUnit(text) ? text.split("") : Array.from(text)

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
export const at = (
  sequence: ReadonlyArray<unknown> | string,
  index: number
): { readonly value: unknown } | undefined => {
  if (typeof sequence === "string") {
    const character = characterAt(sequence, index)
    return character === undefined ? undefined : { value: character }
  }
  const position = resolveIndex(index, sequence.length)
  return position === undefined ? undefined : { value: sequence[position] }
}

/**
 * The character (code point) at an index of a text, negative indexes counting
 * from the end, or undefined when out of range. It walks from the nearer end
 * and stops at the index, so its cost grows with the index, not the text.
 *
 * @since 0.1.0
 * @category indexing
 */
export const characterAt = (text: string, index: number): string | undefined => {
  if (!Number.isInteger(index)) return undefined
  if (index >= 0) {
    let start = 0
    for (let k = 0; k < index && start < text.length; k++) start += unitsAt(text, start)
    return start < text.length ? text.slice(start, start + unitsAt(text, start)) : undefined
  }
  let end = text.length
  for (let k = -1; k > index && end > 0; k--) end -= unitsBefore(text, end)
  return end > 0 ? text.slice(end - unitsBefore(text, end), end) : undefined
}

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff

const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff

/** UTF-16 units of the character starting at `i`: 2 for a surrogate pair, else 1 (lone surrogates too). */
const unitsAt = (text: string, i: number): number =>
  isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1)) ? 2 : 1

/** UTF-16 units of the character ending just before `end`. */
const unitsBefore = (text: string, end: number): number =>
  end >= 2 && isLow(text.charCodeAt(end - 1)) && isHigh(text.charCodeAt(end - 2)) ? 2 : 1

/**
 * What a slice selects in a sequence of `size` items, computed as Python's
 * `slice.indices`: the first position, the step, and how many items. Returns
 * undefined for a step of zero.
 *
 * @since 0.1.0
 * @category slicing
 */
export const sliceRange = (
  parts: SliceParts,
  size: number
): { readonly start: number; readonly step: number; readonly count: number } | undefined => {
  const step = parts.step ?? 1
  if (step === 0 || !Number.isFinite(step)) return undefined
  const clamp = (value: number | null, fallback: number, low: number, high: number): number => {
    if (value === null) return fallback
    const position = value < 0 ? value + size : value
    return Math.min(Math.max(position, low), high)
  }
  if (step > 0) {
    const start = clamp(parts.start, 0, 0, size)
    const stop = clamp(parts.stop, size, 0, size)
    return { start, step, count: stop > start ? Math.ceil((stop - start) / step) : 0 }
  }
  const start = clamp(parts.start, size - 1, -1, size - 1)
  const stop = clamp(parts.stop, -1, -1, size - 1)
  return { start, step, count: start > stop ? Math.ceil((start - stop) / -step) : 0 }
}

/**
 * Slices an array or a string as Python does. Returns undefined for a step of
 * zero (Python raises ValueError there) or a step that is not a finite number.
 *
 * @example
 * ```ts
 * Sequence.slice([1, 2, 3, 4, 5], { start: null, stop: null, step: -2 }) // [5, 3, 1]
 * Sequence.slice("a😀b", { start: 1, stop: null, step: null })             // "😀b"
 * ```
 *
 * @since 0.1.0
 * @category slicing
 */
export function slice(sequence: string, parts: SliceParts): string | undefined
export function slice(sequence: ReadonlyArray<unknown>, parts: SliceParts): Array<unknown> | undefined
export function slice(
  sequence: ReadonlyArray<unknown> | string,
  parts: SliceParts
): Array<unknown> | string | undefined
export function slice(
  sequence: ReadonlyArray<unknown> | string,
  parts: SliceParts
): Array<unknown> | string | undefined {
  const isText = typeof sequence === "string"
  if (isText && isSingleUnit(sequence) && (parts.step ?? 1) === 1) {
    const range = sliceRange(parts, sequence.length)!
    return sequence.slice(range.start, range.start + range.count)
  }
  const items = isText ? characters(sequence) : sequence
  const range = sliceRange(parts, items.length)
  if (range === undefined) return undefined
  const picked =
    range.step === 1
      ? items.slice(range.start, range.start + range.count)
      : Array.from({ length: range.count }, (_, k) => items[range.start + k * range.step])
  return isText ? picked.join("") : picked
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
