/**
 * Text operations that behave as Python's `str` methods do, for the standard
 * blocks (SPEC R12): whitespace as `str.isspace()` sees it, `strip`, `split`
 * without a separator, `title` and `isnumeric`. Whitespace characters all lie
 * in the Basic Multilingual Plane, so the whitespace functions work on UTF-16
 * units; the others work on code points.
 *
 * The tables below were generated with Python 3.11 (Unicode 14.0); characters
 * that Unicode added later follow the JavaScript engine's Unicode data.
 *
 * @since 0.1.0
 */

// ---- whitespace ----

/**
 * Whether one UTF-16 unit is whitespace for Python's `str.isspace()`. Unlike
 * JavaScript's `\s` this counts `\x1c`-`\x1f` and `\x85`, and not `\ufeff`.
 *
 * @since 0.1.0
 * @category whitespace
 */
export const isSpaceUnit = (unit: number): boolean =>
  (unit >= 0x09 && unit <= 0x0d) ||
  (unit >= 0x1c && unit <= 0x20) ||
  (unit >= 0x85 &&
    (unit === 0x85 ||
      unit === 0xa0 ||
      unit === 0x1680 ||
      (unit >= 0x2000 && unit <= 0x200a) ||
      unit === 0x2028 ||
      unit === 0x2029 ||
      unit === 0x202f ||
      unit === 0x205f ||
      unit === 0x3000))

/**
 * Whether a text is made only of Python whitespace (true for the empty text).
 *
 * @since 0.1.0
 * @category whitespace
 */
export const isBlank = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (!isSpaceUnit(text.charCodeAt(i))) return false
  return true
}

/**
 * Python's `text.strip()`: removes leading and trailing whitespace.
 *
 * @since 0.1.0
 * @category whitespace
 */
export const strip = (text: string): string => {
  let start = 0
  let end = text.length
  while (start < end && isSpaceUnit(text.charCodeAt(start))) start++
  while (end > start && isSpaceUnit(text.charCodeAt(end - 1))) end--
  return text.slice(start, end)
}

/**
 * Python's `text.strip(chars)`: removes leading and trailing characters (code
 * points) that appear in `chars`.
 *
 * @since 0.1.0
 * @category whitespace
 */
export const stripChars = (text: string, chars: string): string => {
  const remove = new Set(Array.from(chars))
  const characters = Array.from(text)
  let start = 0
  let end = characters.length
  while (start < end && remove.has(characters[start]!)) start++
  while (end > start && remove.has(characters[end - 1]!)) end--
  return characters.slice(start, end).join("")
}

/**
 * Python's `text.split(maxsplit=maxsplit)` without a separator: splits on
 * runs of whitespace, ignoring leading and trailing whitespace, doing at most
 * `maxsplit` splits when it is not negative (the rest, stripped of leading
 * whitespace, is the last piece).
 *
 * @since 0.1.0
 * @category whitespace
 */
export const splitOnSpace = (text: string, maxsplit: number): Array<string> => {
  const pieces: Array<string> = []
  let remaining = maxsplit < 0 ? Infinity : maxsplit
  let i = 0

  while (remaining-- > 0) {
    while (i < text.length && isSpaceUnit(text.charCodeAt(i))) i++
    if (i === text.length) break
    const start = i
    while (i < text.length && !isSpaceUnit(text.charCodeAt(i))) i++
    pieces.push(text.slice(start, i))
  }

  if (i < text.length) {
    while (i < text.length && isSpaceUnit(text.charCodeAt(i))) i++
    if (i < text.length) pieces.push(text.slice(i))
  }
  return pieces
}

// ---- titlecase ----

const cased = /\p{Cased}/u
const caseIgnorable = /\p{Case_Ignorable}/u

/**
 * Titlecase mappings that differ from the uppercase mapping, besides the two
 * ranges handled in `titleOf`. Generated with:
 * `[(hex(c), chr(c).title()) for c in range(0x110000) if chr(c).title() != chr(c).upper()]`.
 */
const titleExceptions: ReadonlyMap<number, string> = new Map([
  [0xdf, "Ss"],
  [0x1c4, "\u01c5"],
  [0x1c5, "\u01c5"],
  [0x1c6, "\u01c5"],
  [0x1c7, "\u01c8"],
  [0x1c8, "\u01c8"],
  [0x1c9, "\u01c8"],
  [0x1ca, "\u01cb"],
  [0x1cb, "\u01cb"],
  [0x1cc, "\u01cb"],
  [0x1f1, "\u01f2"],
  [0x1f2, "\u01f2"],
  [0x1f3, "\u01f2"],
  [0x587, "\u0535\u0582"],
  [0x1fb2, "\u1fba\u0345"],
  [0x1fb3, "\u1fbc"],
  [0x1fb4, "\u0386\u0345"],
  [0x1fb7, "\u0391\u0342\u0345"],
  [0x1fbc, "\u1fbc"],
  [0x1fc2, "\u1fca\u0345"],
  [0x1fc3, "\u1fcc"],
  [0x1fc4, "\u0389\u0345"],
  [0x1fc7, "\u0397\u0342\u0345"],
  [0x1fcc, "\u1fcc"],
  [0x1ff2, "\u1ffa\u0345"],
  [0x1ff3, "\u1ffc"],
  [0x1ff4, "\u038f\u0345"],
  [0x1ff7, "\u03a9\u0342\u0345"],
  [0x1ffc, "\u1ffc"],
  [0xfb00, "Ff"],
  [0xfb01, "Fi"],
  [0xfb02, "Fl"],
  [0xfb03, "Ffi"],
  [0xfb04, "Ffl"],
  [0xfb05, "St"],
  [0xfb06, "St"],
  [0xfb13, "\u0544\u0576"],
  [0xfb14, "\u0544\u0565"],
  [0xfb15, "\u0544\u056b"],
  [0xfb16, "\u054e\u0576"],
  [0xfb17, "\u0544\u056d"]
])

const titleOf = (character: string): string => {
  const code = character.codePointAt(0)!
  // Georgian Mkhedruli letters are their own titlecase (their uppercase is Mtavruli).
  if (code >= 0x10d0 && code <= 0x10ff) return character
  // Greek letters with ypogegrammeni titlecase to the matching prosgegrammeni letter.
  if (code >= 0x1f80 && code <= 0x1faf) return String.fromCodePoint(code | 8)
  return titleExceptions.get(code) ?? character.toUpperCase()
}

/**
 * Python's choice between final and medial sigma when lowering `Σ` at
 * `position`: final when a cased letter precedes it and none follows, skipping
 * case-ignorable characters both ways.
 */
const lowerSigma = (characters: ReadonlyArray<string>, position: number): string => {
  let before = position - 1
  while (before >= 0 && caseIgnorable.test(characters[before]!)) before--
  if (before < 0 || !cased.test(characters[before]!)) return "σ"
  let after = position + 1
  while (after < characters.length && caseIgnorable.test(characters[after]!)) after++
  return after === characters.length || !cased.test(characters[after]!) ? "ς" : "σ"
}

/**
 * Python's `text.title()`: a character that follows a cased character is
 * lowered, any other is titlecased. So a letter after an apostrophe or a digit
 * starts a word (`"they're 1st"` becomes `"They'Re 1St"`).
 *
 * @since 0.1.0
 * @category case
 */
export const title = (text: string): string => {
  const characters = Array.from(text)
  let previousIsCased = false
  let result = ""
  for (let i = 0; i < characters.length; i++) {
    const character = characters[i]!
    if (!previousIsCased) result += titleOf(character)
    else if (character === "Σ") result += lowerSigma(characters, i)
    else result += character.toLowerCase()
    previousIsCased = cased.test(character)
  }
  return result
}

// ---- numeric ----

const numericCategory = /\p{N}/u

/**
 * Characters with a Unicode numeric value outside the number categories
 * (Nd, Nl, No): Han numerals such as 一, 百, 萬. Pairs of first and last code
 * point. Generated with:
 * `[hex(c) for c in range(0x110000) if chr(c).isnumeric() and unicodedata.category(chr(c))[0] != "N"]`.
 */
const ideographicNumerals: ReadonlyArray<number> = [
  0x3405, 0x3405, 0x3483, 0x3483, 0x382a, 0x382a, 0x3b4d, 0x3b4d, 0x4e00, 0x4e00, 0x4e03, 0x4e03, 0x4e07,
  0x4e07, 0x4e09, 0x4e09, 0x4e5d, 0x4e5d, 0x4e8c, 0x4e8c, 0x4e94, 0x4e94, 0x4e96, 0x4e96, 0x4ebf, 0x4ec0,
  0x4edf, 0x4edf, 0x4ee8, 0x4ee8, 0x4f0d, 0x4f0d, 0x4f70, 0x4f70, 0x5104, 0x5104, 0x5146, 0x5146, 0x5169,
  0x5169, 0x516b, 0x516b, 0x516d, 0x516d, 0x5341, 0x5341, 0x5343, 0x5345, 0x534c, 0x534c, 0x53c1, 0x53c4,
  0x56db, 0x56db, 0x58f1, 0x58f1, 0x58f9, 0x58f9, 0x5e7a, 0x5e7a, 0x5efe, 0x5eff, 0x5f0c, 0x5f0e, 0x5f10,
  0x5f10, 0x62fe, 0x62fe, 0x634c, 0x634c, 0x67d2, 0x67d2, 0x6f06, 0x6f06, 0x7396, 0x7396, 0x767e, 0x767e,
  0x8086, 0x8086, 0x842c, 0x842c, 0x8cae, 0x8cae, 0x8cb3, 0x8cb3, 0x8d30, 0x8d30, 0x9621, 0x9621, 0x9646,
  0x9646, 0x964c, 0x964c, 0x9678, 0x9678, 0x96f6, 0x96f6, 0xf96b, 0xf96b, 0xf973, 0xf973, 0xf978, 0xf978,
  0xf9b2, 0xf9b2, 0xf9d1, 0xf9d1, 0xf9d3, 0xf9d3, 0xf9fd, 0xf9fd, 0x20001, 0x20001, 0x20064, 0x20064, 0x200e2,
  0x200e2, 0x20121, 0x20121, 0x2092a, 0x2092a, 0x20983, 0x20983, 0x2098c, 0x2098c, 0x2099c, 0x2099c, 0x20aea,
  0x20aea, 0x20afd, 0x20afd, 0x20b19, 0x20b19, 0x22390, 0x22390, 0x22998, 0x22998, 0x23b1b, 0x23b1b, 0x2626d,
  0x2626d, 0x2f890, 0x2f890
]

const isIdeographicNumeral = (code: number): boolean => {
  let low = 0
  let high = ideographicNumerals.length / 2 - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    if (code < ideographicNumerals[2 * middle]!) high = middle - 1
    else if (code > ideographicNumerals[2 * middle + 1]!) low = middle + 1
    else return true
  }
  return false
}

/**
 * Python's `text.isnumeric()`: the text is not empty and every character has
 * a Unicode numeric value (digits, `½`, `²`, `Ⅻ`, Han numerals such as `百`).
 *
 * @since 0.1.0
 * @category numeric
 */
export const isNumeric = (text: string): boolean => {
  if (text.length === 0) return false
  for (const character of text) {
    if (!numericCategory.test(character) && !isIdeographicNumeral(character.codePointAt(0)!)) return false
  }
  return true
}

const decimalDigit = /\p{Nd}/u

/**
 * The value of a decimal digit of any script (`"٣"` is 3), or undefined for
 * any other character. Unicode encodes each script's digits as a contiguous
 * run from 0 to 9, and adjacent runs are whole, so the value is the distance
 * from the start of the run, modulo 10.
 *
 * @since 0.1.0
 * @category numeric
 */
export const digitValue = (character: string): number | undefined => {
  const code = character.codePointAt(0)!
  if (code >= 0x30 && code <= 0x39) return code - 0x30
  const known = digitValues.get(code)
  if (known !== undefined) return known
  if (!decimalDigit.test(character)) return undefined
  let start = code
  while (start > 0 && decimalDigit.test(String.fromCodePoint(start - 1))) start--
  const value = (code - start) % 10
  digitValues.set(code, value)
  return value
}

// Bounded by the number of decimal digits in Unicode (under a thousand).
const digitValues = new Map<number, number>()
