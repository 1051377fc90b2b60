/**
 * Decode issues: what `effect/Schema` found wrong with user data, written the
 * way workflow authors read it. Documents (R3.3) and step parameters (R5.2)
 * share one format, so that a path reads the same in a load error and in an
 * INVALID_TYPE message: `steps[2].parameters`, `texts[1]`.
 *
 * @since 0.1.0
 */
import { ParseResult } from "effect"

/**
 * One problem: where it is (empty for the value as a whole) and what is wrong.
 *
 * @since 0.1.0
 * @category models
 */
export interface DecodeIssue {
  readonly path: string
  readonly message: string
}

/**
 * Every issue of a decode error. `unknownKey` names what an unexpected key
 * is to the reader: "unknown key" in a document, "unknown parameter" in a
 * step's parameters.
 *
 * @since 0.1.0
 * @category decoding
 */
export const fromParseError = (
  error: ParseResult.ParseError,
  unknownKey: string
): ReadonlyArray<DecodeIssue> =>
  ParseResult.ArrayFormatter.formatErrorSync(error).map((issue) => ({
    path: formatPath(issue.path),
    message:
      issue._tag === "Unexpected" ? unknownKey : issue._tag === "Missing" ? "is required" : issue.message
  }))

/**
 * How many issues a message names at the most; a list of a hundred thousand
 * wrong items gives a message of a few lines, not megabytes.
 *
 * @since 0.1.0
 * @category formatting
 */
export const maxIssuesShown = 20

/**
 * Issues as text, `path: message` each, joined by `separator`: the first
 * `maxIssuesShown` of them, then how many more there are.
 *
 * @since 0.1.0
 * @category formatting
 */
export const format = (issues: ReadonlyArray<DecodeIssue>, separator: string): string => {
  const shown = issues
    .slice(0, maxIssuesShown)
    .map((issue) => (issue.path === "" ? issue.message : `${issue.path}: ${issue.message}`))
  const more = issues.length - shown.length
  return [...shown, ...(more > 0 ? [`and ${more} more`] : [])].join(separator)
}

/**
 * Writes a decode path as users read it: indexes in brackets, keys after
 * dots (`steps[2].paramters`).
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatPath = (path: ReadonlyArray<PropertyKey>): string =>
  path
    .map((key, index) =>
      typeof key === "number" ? `[${key}]` : index === 0 ? clipKey(String(key)) : `.${clipKey(String(key))}`
    )
    .join("")

/** Keys are user text, as long as a tag can make them: a path shows at most 40 characters of each. */
const clipKey = (key: string): string => (key.length > 40 ? `${key.slice(0, 37)}...` : key)
