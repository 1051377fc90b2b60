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
  const upper = source.toUpperCase()
  const exact = !/[*?]/.test(source)
  if (exact) return { source, exact, matches: (name) => name.toUpperCase() === upper }
  const body = upper
    .split("")
    .map((char) =>
      char === "*" ? "[^]*" : char === "?" ? "[^]" : char.replace(/[.+^${}()|[\]\\/]/g, "\\$&")
    )
    .join("")
    .replace(/(\[\^\]\*)+/g, "[^]*")
  const regex = new RegExp(`^${body}$`, "u")
  return { source, exact, matches: (name) => regex.test(name.toUpperCase()) }
}
