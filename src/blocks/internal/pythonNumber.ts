/**
 * Reading numbers from text as Python's `int(text)` and `float(text)` do:
 * surrounding whitespace is ignored, digits of any script count (`"٤٢"` is
 * 42), single underscores may separate digits (`"1_000"`), and `float` also
 * takes `inf`, `infinity` and `nan` in any case. Anything else is refused.
 *
 * @since 0.1.0
 */
import { digitValue, isSpaceUnit } from "./pythonText.js"

// Python's number parser strips str.isspace() whitespace except the ASCII separators \x1c-\x1f.
const isNumberSpace = (unit: number): boolean => isSpaceUnit(unit) && !(unit >= 0x1c && unit <= 0x1f)

const digits = String.raw`\d+(?:_\d+)*`
const integerSyntax = new RegExp(`^[+-]?${digits}$`)
const mantissa = String.raw`(?:${digits}(?:\.(?:${digits})?)?|\.${digits})`
const floatSyntax = new RegExp(`^[+-]?${mantissa}(?:[eE][+-]?${digits})?$`)
const specialSyntax = /^([+-]?)(inf|infinity|nan)$/i

/** The text without surrounding whitespace and with every decimal digit written in ASCII. */
const normalize = (text: string): string => {
  let start = 0
  let end = text.length
  while (start < end && isNumberSpace(text.charCodeAt(start))) start++
  while (end > start && isNumberSpace(text.charCodeAt(end - 1))) end--
  let ascii = ""
  for (const character of text.slice(start, end)) {
    const value = character.charCodeAt(0) < 0x80 ? undefined : digitValue(character)
    ascii += value === undefined ? character : String(value)
  }
  return ascii
}

/**
 * The integer a text spells for Python's `int(text)`, or undefined when it
 * spells none. Integers beyond the range of doubles come back as the nearest
 * double, or as an infinity for the caller to refuse.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseInteger = (text: string): number | undefined => {
  const normalized = normalize(text)
  if (!integerSyntax.test(normalized)) return undefined
  return Number(normalized.replaceAll("_", "")) + 0
}

/**
 * The number a text spells for Python's `float(text)`, or undefined when it
 * spells none. Values beyond the double range become infinities, as in Python.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseFloat = (text: string): number | undefined => {
  const normalized = normalize(text)
  const special = specialSyntax.exec(normalized)
  if (special !== null) {
    if (special[2]!.toLowerCase() === "nan") return NaN
    return special[1] === "-" ? -Infinity : Infinity
  }
  if (!floatSyntax.test(normalized)) return undefined
  return Number(normalized.replaceAll("_", ""))
}
