/**
 * A path is a dot-separated list of segments that walks into a value: keys of
 * plain objects, and integer indexes and slices of arrays and strings (R9.4).
 * Segments that could reach object internals are refused (R9.5); this module
 * holds that guard, which tag paths and variable names share. The walk itself
 * is the resolver's, since it draws on the resolution's work budget.
 *
 * @since 0.1.0
 */

const reserved = new Set(["constructor", "prototype", "__proto__"])

/**
 * Whether a path segment or name is refused: it starts or ends with `_`, or
 * is `constructor`, `prototype` or `__proto__` (R9.5).
 *
 * @since 0.1.0
 * @category guards
 */
export const isForbiddenSegment = (segment: string): boolean =>
  segment.startsWith("_") || segment.endsWith("_") || reserved.has(segment)
