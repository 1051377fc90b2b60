/**
 * Substring search in time linear in the text plus the piece. The engine's
 * `indexOf` (and so `includes`, `split`, `replaceAll`) can take time in the
 * product of both lengths for crafted input: a million-character text and a
 * long piece that almost matches everywhere take tens of seconds. The text
 * blocks search through here instead (SPEC R13.3).
 *
 * Positions are UTF-16 offsets; the pieces found are those Python finds.
 *
 * @since 0.1.0
 */

// Limitation: a piece that starts or ends with a lone surrogate can match half of a surrogate pair,
// which Python (counting code points) would not.

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

  if (piece.length <= shortPiece) {
    let position = text.indexOf(piece)
    while (position !== -1 && found.length < wanted) {
      found.push(position)
      position = text.indexOf(piece, position + piece.length)
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
      found.push(i - piece.length + 1)
      matched = 0
    }
  }
  return found
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
