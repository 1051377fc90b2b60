/**
 * Patterns name blocks in block-limit overrides (R6.4): matched against
 * display names without regard to case, where `*` matches any run of
 * characters and `?` exactly one.
 *
 * @since 0.1.0
 */

/**
 * A compiled pattern.
 *
 * @since 0.1.0
 * @category models
 */
export interface Pattern {
  readonly source: string
  /** True when the pattern has no wildcard: an exact name. */
  readonly exact: boolean
  readonly matches: (displayName: string) => boolean
}

/**
 * Compiles a pattern.
 *
 * @example
 * ```ts
 * Pattern.make("logic.*").matches("LOGIC.TRUE") // true
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (source: string): Pattern => {
  const upper = Array.from(source.toUpperCase())
  const exact = !upper.includes("*") && !upper.includes("?")
  return { source, exact, matches: (name) => globMatches(upper, Array.from(name.toUpperCase())) }
}

/**
 * Glob matching in time proportional to the pattern times the name, never
 * worse: on a mismatch after a `*`, the `*` takes one more character and
 * matching goes on from there (a regular expression would backtrack into
 * every earlier `*` as well).
 */
const globMatches = (pattern: ReadonlyArray<string>, name: ReadonlyArray<string>): boolean => {
  let p = 0
  let n = 0
  let star = -1
  let starName = 0
  while (n < name.length) {
    if (p < pattern.length && (pattern[p] === "?" || (pattern[p] !== "*" && pattern[p] === name[n]))) {
      p++
      n++
    } else if (p < pattern.length && pattern[p] === "*") {
      star = p++
      starName = n
    } else if (star >= 0) {
      p = star + 1
      n = ++starName
    } else {
      return false
    }
  }
  while (p < pattern.length && pattern[p] === "*") p++
  return p === pattern.length
}
