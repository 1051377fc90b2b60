/**
 * The TEXT category: blocks that build, inspect and transform texts, as
 * Python's `str` methods do (SPEC section 12). Lengths and indexes count
 * characters (code points), whitespace is what `str.isspace()` accepts, and
 * searching, splitting and replacing find the pieces Python finds.
 *
 * Blocks whose result can be much longer than their input (JOIN, JOIN_LIST,
 * REPLACE) work out the length first and fail with SIZE_LIMIT_EXCEED rather
 * than build a text longer than the run allows (R13.2). Every block takes
 * time linear in the size of its parameters.
 *
 * @since 0.1.0
 */
import { Effect, Schema } from "effect"
import type { ParseResult } from "effect"
import * as Block from "../Block.js"
import * as CurrentRun from "../CurrentRun.js"
import * as Parameter from "../Parameter.js"
import * as Sequence from "../Sequence.js"
import * as StepError from "../StepError.js"
import * as Value from "../Value.js"
import * as PythonText from "./internal/pythonText.js"
import * as Search from "./internal/search.js"

// ---- parameters ----

/** Parameter.expecting, overriding the messages of inner schemas (of a list's items). */
const expecting = (what: string) => (issue: ParseResult.ParseIssue) => ({
  message: Parameter.expecting(what)(issue),
  override: true
})

/** A text, or null where Python takes `None` ("not given"). */
const textOrNull = Schema.NullOr(Schema.String).annotations({ message: expecting("a text or null") })

const listOfTexts = Schema.Array(Parameter.text).annotations({
  message: (issue) => `expected a list of texts, got ${Value.preview(issue.actual)}`
})

const theText = Parameter.text.pipe(Parameter.describe("The text to work on."))
const thePiece = Parameter.text.pipe(Parameter.describe("The piece of text to look for."))

const textOnly = Schema.Struct({ text: theText })
const textAndPiece = Schema.Struct({ text: theText, piece: thePiece })

// ---- helpers ----

const invalid = StepError.invalidArgument

/**
 * Fails with SIZE_LIMIT_EXCEED when a text of `length` UTF-16 units would be
 * longer than the run allows; called before the text is built.
 */
const ensureTextLength = (
  length: number
): Effect.Effect<void, StepError.SizeLimitExceeded, CurrentRun.CurrentRun> =>
  Effect.flatMap(CurrentRun.CurrentRun, ({ sizeLimits: { maxStringLength } }) =>
    length > maxStringLength
      ? Effect.fail(
          new StepError.SizeLimitExceeded({
            message: `the text would be ${length} code units long, more than the limit of ${maxStringLength}`
          })
        )
      : Effect.void
  )

/** Python's `text.split(separator, maxsplit)` for a non-empty separator. */
const splitOn = (text: string, separator: string, maxsplit: number): Array<string> => {
  const pieces: Array<string> = []
  let start = 0
  for (const position of Search.occurrences(text, separator, maxsplit)) {
    pieces.push(text.slice(start, position))
    start = position + separator.length
  }
  pieces.push(text.slice(start))
  return pieces
}

/**
 * Python's `text.replace("", insert, count)`: `insert` before each character
 * and at the end, the first `count` of those places only when `count` is not negative.
 */
const insertBetweenCharacters = (text: string, insert: string, count: number): string => {
  const characters = Sequence.characters(text)
  const slots = count < 0 ? characters.length + 1 : Math.min(count, characters.length + 1)
  const parts: Array<string> = []
  for (let i = 0; i < characters.length; i++) {
    if (i < slots) parts.push(insert)
    parts.push(characters[i]!)
  }
  if (slots > characters.length) parts.push(insert)
  return parts.join("")
}

// ---- building ----

const create = Block.make({
  name: "CREATE",
  description: "The text form of any value: texts as they are, other values as they appear in templates.",
  parameters: Schema.Struct({ value: Parameter.any.pipe(Parameter.describe("Any value.")) }),
  run: ({ value }) => Effect.succeed(Value.toText(value))
})

const join = Block.make({
  name: "JOIN",
  description: "Joins two texts with a text between them.",
  parameters: Schema.Struct({
    text1: Parameter.text.pipe(Parameter.describe("The text that comes first.")),
    text2: Parameter.text.pipe(Parameter.describe("The text that comes last.")),
    join_with: Parameter.withDefault(
      Parameter.text.pipe(Parameter.describe("The text put between them.")),
      " "
    )
  }),
  run: ({ text1, text2, join_with }) =>
    ensureTextLength(text1.length + join_with.length + text2.length).pipe(
      Effect.map(() => text1 + join_with + text2)
    )
})

const joinList = Block.make({
  name: "JOIN_LIST",
  description: "Joins the texts of a list, with a separator between each two.",
  parameters: Schema.Struct({
    list: listOfTexts.pipe(Parameter.describe("A list of texts.")),
    separator: Parameter.withDefault(
      Parameter.text.pipe(Parameter.describe("The text put between two items.")),
      ""
    )
  }),
  run: ({ list, separator }) => {
    const length =
      list.reduce((total, item) => total + item.length, 0) + separator.length * Math.max(list.length - 1, 0)
    return ensureTextLength(length).pipe(Effect.map(() => list.join(separator)))
  }
})

const replace = Block.make({
  name: "REPLACE",
  description:
    "Replaces occurrences of a piece, left to right, as Python's str.replace: at most `count` of them " +
    "unless it is negative. An empty `old` inserts `new` between characters and at both ends.",
  parameters: Schema.Struct({
    text: theText,
    old: Parameter.text.pipe(Parameter.describe("The piece to replace.")),
    new: Parameter.text.pipe(Parameter.describe("The text put in its place.")),
    count: Parameter.withDefault(
      Parameter.integer.pipe(Parameter.describe("How many occurrences to replace; negative means all.")),
      -1
    )
  }),
  run: ({ text, old, new: replacement, count }) => {
    if (old.length === 0) {
      const characters = Sequence.length(text)
      const slots = count < 0 ? characters + 1 : Math.min(count, characters + 1)
      return ensureTextLength(text.length + slots * replacement.length).pipe(
        Effect.map(() => insertBetweenCharacters(text, replacement, count))
      )
    }

    const positions = Search.occurrences(text, old, count)
    return ensureTextLength(text.length + positions.length * (replacement.length - old.length)).pipe(
      Effect.map(() => {
        const parts: Array<string> = []
        let start = 0
        for (const position of positions) {
          parts.push(text.slice(start, position), replacement)
          start = position + old.length
        }
        parts.push(text.slice(start))
        return parts.join("")
      })
    )
  }
})

// ---- reading ----

const includes = Block.make({
  name: "INCLUDES",
  description: "Whether the piece occurs in the text (the empty piece always does).",
  parameters: textAndPiece,
  run: ({ text, piece }) => Effect.succeed(Search.contains(text, piece))
})

const count = Block.make({
  name: "COUNT",
  description: "The number of characters in the text, counted as code points as Python counts them.",
  parameters: textOnly,
  run: ({ text }) => Effect.succeed(Sequence.length(text))
})

const get = Block.make({
  name: "GET",
  description: "The character at an index; negative indexes count from the end. Fails when out of range.",
  parameters: Schema.Struct({
    text: theText,
    index: Parameter.integer.pipe(Parameter.describe("The position; 0 is the first character, -1 the last."))
  }),
  run: ({ text, index }) => {
    const found = Sequence.at(text, index)
    return found === undefined
      ? invalid(`text index ${index} out of range for a text of ${Sequence.length(text)} characters`)
      : Effect.succeed(found.value as string)
  }
})

const countPiece = Block.make({
  name: "COUNT_PIECE",
  description:
    "How many times the piece occurs in the text without overlapping, as Python's str.count; " +
    "the empty piece occurs once more than there are characters.",
  parameters: textAndPiece,
  run: ({ text, piece }) =>
    Effect.succeed(piece.length === 0 ? Sequence.length(text) + 1 : Search.occurrences(text, piece).length)
})

const isEmpty = Block.make({
  name: "IS_EMPTY",
  description:
    "Whether the text is empty; with include_spaces false, a text of only whitespace counts as empty.",
  parameters: Schema.Struct({
    text: theText,
    include_spaces: Parameter.withDefault(
      Parameter.boolean.pipe(Parameter.describe("Whether whitespace counts as content.")),
      true
    )
  }),
  run: ({ text, include_spaces }) =>
    Effect.succeed(include_spaces ? text.length === 0 : PythonText.isBlank(text))
})

const startsWith = Block.make({
  name: "STARTS_WITH",
  description: "Whether the text begins with the piece.",
  parameters: textAndPiece,
  run: ({ text, piece }) => Effect.succeed(Search.startsWith(text, piece))
})

const endsWith = Block.make({
  name: "ENDS_WITH",
  description: "Whether the text ends with the piece.",
  parameters: textAndPiece,
  run: ({ text, piece }) => Effect.succeed(Search.endsWith(text, piece))
})

const isNumeric = Block.make({
  name: "IS_NUMERIC",
  description:
    "Whether the text is not empty and every character has a numeric value, as Python's str.isnumeric: " +
    "digits of any script, fractions such as ½, superscripts such as ², numerals such as Ⅻ and 百.",
  parameters: textOnly,
  run: ({ text }) => Effect.succeed(PythonText.isNumeric(text))
})

const isText = Block.make({
  name: "IS_TEXT",
  description: "Whether the value is a text.",
  parameters: Schema.Struct({ value: Parameter.any.pipe(Parameter.describe("Any value.")) }),
  run: ({ value }) => Effect.succeed(typeof value === "string")
})

// ---- transforming ----

const strip = Block.make({
  name: "STRIP",
  description:
    "The text without leading and trailing whitespace, or without leading and trailing characters " +
    "that appear in `chars` when it is given.",
  parameters: Schema.Struct({
    text: theText,
    chars: Parameter.withDefault(
      textOrNull.pipe(Parameter.describe("The characters to remove; null removes whitespace.")),
      null
    )
  }),
  run: ({ text, chars }) =>
    Effect.succeed(chars === null ? PythonText.strip(text) : PythonText.stripChars(text, chars))
})

const uppercase = Block.make({
  name: "UPPERCASE",
  description: "The text in upper case (ß becomes SS).",
  parameters: textOnly,
  run: ({ text }) => Effect.succeed(text.toUpperCase())
})

const lowercase = Block.make({
  name: "LOWERCASE",
  description: "The text in lower case.",
  parameters: textOnly,
  run: ({ text }) => Effect.succeed(text.toLowerCase())
})

const titlecase = Block.make({
  name: "TITLECASE",
  description:
    "The text with each word capitalised, as Python's str.title: a word starts at any letter that " +
    "does not follow a letter, so after an apostrophe or a digit too.",
  parameters: textOnly,
  run: ({ text }) => Effect.succeed(PythonText.title(text))
})

const split = Block.make({
  name: "SPLIT",
  description:
    "Splits the text at each occurrence of the separator. Without a separator it splits on runs of " +
    "whitespace and drops empty pieces. With maxsplit not negative, at most that many splits are made.",
  parameters: Schema.Struct({
    text: theText,
    separator: Parameter.withDefault(
      textOrNull.pipe(Parameter.describe("Where to split; null splits on runs of whitespace.")),
      null
    ),
    maxsplit: Parameter.withDefault(
      Parameter.integer.pipe(Parameter.describe("The most splits to make; negative means no limit.")),
      -1
    )
  }),
  run: ({ text, separator, maxsplit }) => {
    if (separator === null) return Effect.succeed(PythonText.splitOnSpace(text, maxsplit))
    if (separator.length === 0) return invalid("empty separator")
    return Effect.succeed(splitOn(text, separator, maxsplit))
  }
})

/**
 * The TEXT category (SPEC section 12): CREATE, JOIN, JOIN_LIST, INCLUDES,
 * COUNT, GET, COUNT_PIECE, IS_EMPTY, STRIP, UPPERCASE, LOWERCASE, SPLIT,
 * TITLECASE, STARTS_WITH, ENDS_WITH, IS_NUMERIC, IS_TEXT and REPLACE.
 *
 * Wrong parameter kinds give INVALID_TYPE; an index out of range or an empty
 * separator gives INVALID_ARGUMENT; a result longer than the run's string
 * limit gives SIZE_LIMIT_EXCEED.
 *
 * @example
 * ```json
 * { "action": "TEXT.SPLIT", "parameters": { "text": "  a  b c ", "maxsplit": 1 } }
 * ```
 * gives `["a", "b c "]`.
 *
 * @since 0.1.0
 * @category categories
 */
export const Text = Block.category("TEXT", [
  create,
  join,
  joinList,
  includes,
  count,
  get,
  countPiece,
  isEmpty,
  strip,
  uppercase,
  lowercase,
  split,
  titlecase,
  startsWith,
  endsWith,
  isNumeric,
  isText,
  replace
])
