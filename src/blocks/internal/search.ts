/**
 * Substring search in time linear in the text plus the piece. The engine's
 * `indexOf` (and so `includes`, `split`, `replaceAll`) can take time in the
 * product of both lengths for crafted input: a million-character text and a
 * long piece that almost matches everywhere take tens of seconds. The text
 * blocks search through here instead (SPEC R13.3).
 *
 * Positions are UTF-16 offsets; the pieces found are those Python finds,
 * which counts code points: a piece that starts or ends with a lone
 * surrogate never matches half of a surrogate pair.
 *
 * @since 0.1.0
 */

/** Below this length the engine's search cannot be slow enough to matter. */
const shortPiece = 16

/**
 * The start positions of the non-overlapping occurrences of a non-empty
 * `piece` in `text`, left to right, at most `limit` of them (no limit when
 * `limit` is negative), as Python's `count`, `split` and `replace` find them.
 *
 * @since 0.1.0
 * @category search
 */
export const occurrences = (text: string, piece: string, limit = -1): Array<number> => {
  const found: Array<number> = []
  if (piece.length === 0 || limit === 0) return found
  const wanted = limit < 0 ? Infinity : limit
  const whole = (start: number) => isMatchOfCharacters(text, start, piece.length)

  if (piece.length <= shortPiece) {
    let position = text.indexOf(piece)
    while (position !== -1 && found.length < wanted) {
      if (whole(position)) {
        found.push(position)
        position = text.indexOf(piece, position + piece.length)
      } else {
        position = text.indexOf(piece, position + 1)
      }
    }
    return found
  }

  const fallback = failureTable(piece)
  let matched = 0
  for (let i = 0; i < text.length && found.length < wanted; i++) {
    const unit = text.charCodeAt(i)
    while (matched > 0 && unit !== piece.charCodeAt(matched)) matched = fallback[matched - 1]!
    if (unit === piece.charCodeAt(matched)) matched++
    if (matched === piece.length) {
      const start = i - piece.length + 1
      if (whole(start)) {
        found.push(start)
        matched = 0
      } else {
        // Half a surrogate pair: no match here, but one may overlap it.
        matched = fallback[matched - 1]!
      }
    }
  }
  return found
}

/**
 * Whether `text` starts with `piece` as Python sees it: the match ends
 * between two characters, not inside a surrogate pair.
 *
 * @since 0.1.0
 * @category search
 */
export const startsWith = (text: string, piece: string): boolean =>
  text.startsWith(piece) && isMatchOfCharacters(text, 0, piece.length)

/**
 * Whether `text` ends with `piece` as Python sees it (see `startsWith`).
 *
 * @since 0.1.0
 * @category search
 */
export const endsWith = (text: string, piece: string): boolean =>
  text.endsWith(piece) && isMatchOfCharacters(text, text.length - piece.length, piece.length)

/** Whether the `length` units at `start` begin and end between characters (code points). */
const isMatchOfCharacters = (text: string, start: number, length: number): boolean =>
  isCharacterBoundary(text, start) && isCharacterBoundary(text, start + length)

/** Whether a position lies between two characters rather than inside a surrogate pair. */
const isCharacterBoundary = (text: string, position: number): boolean => {
  if (position <= 0 || position >= text.length) return true
  const before = text.charCodeAt(position - 1)
  const after = text.charCodeAt(position)
  return !(before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff)
}

/**
 * Whether `piece` occurs in `text` (the empty piece always does).
 *
 * @since 0.1.0
 * @category search
 */
export const contains = (text: string, piece: string): boolean =>
  piece.length === 0 || occurrences(text, piece, 1).length > 0

/**
 * Knuth-Morris-Pratt: for each prefix of the piece, the length of its longest
 * proper prefix that is also a suffix.
 */
const failureTable = (piece: string): Uint32Array => {
  const table = new Uint32Array(piece.length)
  let length = 0
  for (let i = 1; i < piece.length; i++) {
    const unit = piece.charCodeAt(i)
    while (length > 0 && unit !== piece.charCodeAt(length)) length = table[length - 1]!
    if (unit === piece.charCodeAt(length)) length++
    table[i] = length
  }
  return table
}
