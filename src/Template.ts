/**
 * Templates are parameter strings read in the tag language (SPEC section 9).
 * A template is parsed once into a small syntax tree of literal text and
 * tags; a tag's path may itself hold tags (R9.7). Text that does not form a
 * complete tag is literal (R9.2).
 *
 * The grammar, where `ws` is one or more whitespace characters:
 *
 * ```
 * template := (text | tag)*
 * tag      := opener ws path ws closer     openers {% {: {# {<   closers %} :} #} >}
 * path     := (tag | any non-whitespace character)+
 * ```
 *
 * Parsing runs in time linear in the text, with no recursion over the text:
 * whether a tag starts at a position depends only on what follows it, so the
 * parser fills its tables from the end of the text towards its start.
 *
 * @since 0.1.0
 */

/**
 * The four kinds of tag (R9.1), by their opening character.
 *
 * @since 0.1.0
 * @category models
 */
export type TagKind = "%" | ":" | "#" | "<"

/**
 * Literal text.
 *
 * @since 0.1.0
 * @category models
 */
export interface Text {
  readonly _tag: "Text"
  readonly text: string
}

/**
 * A tag: its kind, its path (text and nested tags), and where it stands in the
 * template (`start` inclusive, `end` exclusive).
 *
 * @since 0.1.0
 * @category models
 */
export interface Tag {
  readonly _tag: "Tag"
  readonly kind: TagKind
  readonly path: ReadonlyArray<Part>
  readonly start: number
  readonly end: number
  /** The tag as written. */
  readonly source: string
}

/**
 * A piece of a template or of a path.
 *
 * @since 0.1.0
 * @category models
 */
export type Part = Text | Tag

/**
 * A parsed template. `whole` is the tag when the string is exactly one tag,
 * ignoring surrounding whitespace (R9.3); such a template resolves to the
 * referenced value with its type.
 *
 * @since 0.1.0
 * @category models
 */
export interface Template {
  readonly source: string
  readonly parts: ReadonlyArray<Part>
  readonly whole: Tag | null
  /** True when the template holds at least one tag. */
  readonly hasTags: boolean
}

/**
 * Tags nest deeper than the limit allows.
 *
 * @since 0.1.0
 * @category errors
 */
export interface TooDeep {
  readonly _tag: "TooDeep"
  readonly depth: number
  readonly position: number
}

const closers: Record<TagKind, string> = { "%": "%}", ":": ":}", "#": "#}", "<": ">}" }

const isOpenerAt = (text: string, i: number): TagKind | undefined => {
  if (text.charCodeAt(i) !== 123 /* { */) return undefined
  const kind = text[i + 1]
  return kind === "%" || kind === ":" || kind === "#" || kind === "<" ? kind : undefined
}

/** Whitespace: what JavaScript's `trim` removes, and U+0085 (next line). */
const isSpace = (code: number): boolean =>
  code === 32 ||
  (code >= 9 && code <= 13) ||
  code === 0xa0 ||
  code === 0x1680 ||
  (code >= 0x2000 && code <= 0x200a) ||
  code === 0x2028 ||
  code === 0x2029 ||
  code === 0x202f ||
  code === 0x205f ||
  code === 0x3000 ||
  code === 0xfeff ||
  code === 0x85

/** Whether a text is only whitespace, by the same rule that separates a tag's path from its markers. */
const isBlank = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return false
  return true
}

/**
 * A string with no tag opener at all; it is its own value.
 *
 * @since 0.1.0
 * @category predicates
 */
export const mayHoldTags = (text: string): boolean => /\{[%:#<]/.test(text)

/**
 * The deepest nesting `parse` accepts whatever limit it is given. Parsing and
 * resolving recurse once per level of nesting, so this keeps them far from the
 * end of the call stack.
 *
 * @since 0.1.0
 * @category parsing
 */
export const maxSupportedDepth = 1000

/**
 * Parses a string into a template. Fails only when tags nest deeper than
 * `maxDepth` (or `maxSupportedDepth`, whichever is smaller); everything else
 * is either a tag or literal text.
 *
 * @example
 * ```ts
 * Template.parse("Hello {# name #}!", 32) // parts: text, a tag, text; whole: null
 * Template.parse("{%x%}", 32)             // no spaces: one literal text part
 * ```
 *
 * @since 0.1.0
 * @category parsing
 */
export const parse = (source: string, maxDepth: number): Template | TooDeep => {
  const depthLimit = Math.min(maxDepth, maxSupportedDepth)
  if (!mayHoldTags(source)) {
    return {
      source,
      parts: source === "" ? [] : [{ _tag: "Text", text: source }],
      whole: null,
      hasTags: false
    }
  }
  const n = source.length
  // spaceEnd[i]: the first position at or after i that is not whitespace.
  const spaceEnd = new Int32Array(n + 1)
  // tagEnd[i]: where the tag starting at i ends, or -1 when no tag starts there.
  const tagEnd = new Int32Array(n + 1).fill(-1)
  // pathEnd[i]: where a path starting at i ends (at whitespace or the end of text).
  const pathEnd = new Int32Array(n + 1)
  spaceEnd[n] = n
  pathEnd[n] = n
  for (let i = n - 1; i >= 0; i--) {
    const space = isSpace(source.charCodeAt(i))
    spaceEnd[i] = space ? spaceEnd[i + 1]! : i
    const kind = isOpenerAt(source, i)
    if (kind !== undefined) tagEnd[i] = tagEndAt(source, i + 2, kind, spaceEnd, pathEnd)
    pathEnd[i] = space ? i : tagEnd[i]! >= 0 ? pathEnd[tagEnd[i]!]! : pathEnd[i + 1]!
  }
  const build = (from: number, to: number, depth: number): Array<Part> | TooDeep => {
    const parts: Array<Part> = []
    let textStart = from
    let i = from
    while (i < to) {
      const end = tagEnd[i]!
      if (end < 0 || end > to) {
        i++
        continue
      }
      if (textStart < i) parts.push({ _tag: "Text", text: source.slice(textStart, i) })
      if (depth >= depthLimit) return { _tag: "TooDeep", depth: depth + 1, position: i }
      const pathStart = spaceEnd[i + 2]!
      const path = build(pathStart, pathEnd[pathStart]!, depth + 1)
      if (!Array.isArray(path)) return path
      parts.push({
        _tag: "Tag",
        kind: source[i + 1] as TagKind,
        path,
        start: i,
        end,
        source: source.slice(i, end)
      })
      i = end
      textStart = end
    }
    if (textStart < to) parts.push({ _tag: "Text", text: source.slice(textStart, to) })
    return parts
  }
  const parts = build(0, n, 0)
  if (!Array.isArray(parts)) return parts
  const tags = parts.filter((part): part is Tag => part._tag === "Tag")
  const others = parts.filter((part) => part._tag === "Text" && !isBlank(part.text))
  const whole = tags.length === 1 && others.length === 0 ? tags[0]! : null
  return { source, parts, whole, hasTags: tags.length > 0 }
}

/** Where a tag whose opener ends just before `i` ends, or -1 when it does not form a tag. */
const tagEndAt = (
  source: string,
  i: number,
  kind: TagKind,
  spaceEnd: Int32Array,
  pathEnd: Int32Array
): number => {
  const n = source.length
  if (i >= n || spaceEnd[i] === i) return -1
  const pathStart = spaceEnd[i]!
  if (pathStart >= n) return -1
  const end = pathEnd[pathStart]!
  if (end === pathStart) return -1
  const closerStart = spaceEnd[end]!
  if (closerStart === end) return -1
  return source.startsWith(closers[kind], closerStart) ? closerStart + 2 : -1
}

/**
 * Whether a parse result is the too-deep error.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isTooDeep = (u: Template | TooDeep): u is TooDeep => (u as TooDeep)._tag === "TooDeep"
