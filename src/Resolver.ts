/**
 * The resolver turns a step's parameters as written into the values its
 * block receives (SPEC section 9). Parameters are compiled once when the job
 * is built (every string parsed into a template) and resolved against the
 * contexts each time the step runs.
 *
 * Values a tag reads from variables are handed over live, so in-place blocks
 * change the variable (R10.2); values from anywhere else are copied, so no
 * block can change a local, a step result or the contexts. A substituted
 * value is data and is never read again as a template (R9.8).
 *
 * @since 0.1.0
 */
import { Either } from "effect"
import type * as Contexts from "./Contexts.js"
import type { SizeLimits } from "./Limits.js"
import * as Path from "./Path.js"
import * as Sequence from "./Sequence.js"
import * as StepError from "./StepError.js"
import * as Template from "./Template.js"
import * as Value from "./Value.js"

/**
 * A compiled parameter value.
 *
 * @since 0.1.0
 * @category models
 */
export type Compiled =
  | { readonly _tag: "Plain"; readonly value: unknown }
  | { readonly _tag: "Template"; readonly template: Template.Template }
  | { readonly _tag: "Invalid"; readonly error: StepError.SizeLimitExceeded }
  | { readonly _tag: "List"; readonly items: ReadonlyArray<Compiled> }
  | { readonly _tag: "Dict"; readonly entries: ReadonlyArray<readonly [key: Compiled, value: Compiled]> }

/**
 * What resolution may fail with: a dead reference, or a size limit.
 *
 * @since 0.1.0
 * @category models
 */
export type ResolveError = StepError.InvalidArgument | StepError.SizeLimitExceeded

/**
 * What resolution reads: the contexts and the limits in force.
 *
 * @since 0.1.0
 * @category models
 */
export interface Scope {
  readonly contexts: Contexts.Contexts
  readonly limits: SizeLimits
}

/**
 * Compiles a value as written: strings that may hold tags are parsed, and
 * containers without any tag inside are kept whole. Recursion follows the
 * document's depth, which loading bounds.
 *
 * @since 0.1.0
 * @category compiling
 */
export const compile = (value: unknown, limits: SizeLimits): Compiled => {
  if (typeof value === "string") return compileString(value, limits)
  if (Array.isArray(value)) {
    const items = value.map((item) => compile(item, limits))
    return items.every(isPlain) ? plain(value) : { _tag: "List", items }
  }
  if (Value.isPlainObject(value)) {
    const entries = Object.keys(value).map((key) => [compileString(key, limits), compile(value[key], limits)] as const)
    return entries.every(([key, item]) => isPlain(key) && isPlain(item)) ? plain(value) : { _tag: "Dict", entries }
  }
  return plain(value)
}

const plain = (value: unknown): Compiled => ({ _tag: "Plain", value })

const isPlain = (compiled: Compiled): boolean => compiled._tag === "Plain"

const compileString = (text: string, limits: SizeLimits): Compiled => {
  if (!Template.mayHoldTags(text)) return plain(text)
  if (text.length > limits.maxTemplateLength) {
    return invalid(`a template is longer than ${limits.maxTemplateLength} characters`)
  }
  const template = Template.parse(text, limits.maxTagDepth)
  if (Template.isTooDeep(template)) {
    return invalid(`tags nest deeper than ${limits.maxTagDepth} levels (at character ${template.position})`)
  }
  return template.hasTags ? { _tag: "Template", template } : plain(text)
}

const invalid = (message: string): Compiled => ({
  _tag: "Invalid",
  error: new StepError.SizeLimitExceeded({ message })
})

/**
 * Resolves a compiled value against the contexts.
 *
 * @since 0.1.0
 * @category resolving
 */
export const resolve = (compiled: Compiled, scope: Scope): Either.Either<unknown, ResolveError> => {
  switch (compiled._tag) {
    case "Plain":
      return Either.right(Value.copy(compiled.value))
    case "Invalid":
      return Either.left(compiled.error)
    case "Template":
      return resolveTemplate(compiled.template, scope)
    case "List": {
      const out: Array<unknown> = []
      for (const item of compiled.items) {
        const resolved = resolve(item, scope)
        if (Either.isLeft(resolved)) return resolved
        out.push(resolved.right)
      }
      return Either.right(out)
    }
    case "Dict": {
      const out: Record<string, unknown> = {}
      for (const [key, item] of compiled.entries) {
        const resolvedKey = resolve(key, scope)
        if (Either.isLeft(resolvedKey)) return resolvedKey
        const resolved = resolve(item, scope)
        if (Either.isLeft(resolved)) return resolved
        Value.setKey(out, Value.toText(resolvedKey.right), resolved.right)
      }
      return Either.right(out)
    }
  }
}

/**
 * Resolves one template: a whole tag gives the referenced value with its
 * type (R9.3); anything else gives text.
 *
 * @since 0.1.0
 * @category resolving
 */
export const resolveTemplate = (template: Template.Template, scope: Scope): Either.Either<unknown, ResolveError> => {
  if (template.whole !== null) {
    return Either.map(readTag(template.whole, scope), ({ value, live }) => (live ? value : Value.copy(value)))
  }
  return joinParts(template.parts, scope)
}

const joinParts = (parts: ReadonlyArray<Template.Part>, scope: Scope): Either.Either<string, ResolveError> => {
  let text = ""
  for (const part of parts) {
    if (part._tag === "Text") {
      text += part.text
    } else {
      const read = readTag(part, scope)
      if (Either.isLeft(read)) return Either.left(read.left)
      text += Value.toText(read.right.value)
    }
    if (text.length > scope.limits.maxTemplateLength) {
      return Either.left(
        new StepError.SizeLimitExceeded({
          message: `a template resolves to more than ${scope.limits.maxTemplateLength} characters`
        })
      )
    }
  }
  return Either.right(text)
}

interface Read {
  readonly value: unknown
  /** True when the value is (part of) a variable, handed over by reference. */
  readonly live: boolean
}

const rootPaths: Record<Template.TagKind, ReadonlyArray<string>> = {
  "%": [],
  ":": ["steps"],
  "#": ["job", "variables"],
  "<": ["job", "parameters"]
}

const readTag = (tag: Template.Tag, scope: Scope): Either.Either<Read, ResolveError> => {
  const pathText = joinParts(tag.path, scope)
  if (Either.isLeft(pathText)) return Either.left(pathText.left)
  const written = pathText.right.split(".")
  const segments =
    tag.kind === ":" ? [...rootPaths[":"], written[0]!, "result", ...written.slice(1)] : [...rootPaths[tag.kind], ...written]
  const value = walk(scope.contexts, segments, rootPaths[tag.kind].length, tag)
  const live = segments.length >= 2 && segments[0] === "job" && segments[1] === "variables"
  return Either.map(value, (value) => ({ value, live }))
}

/** Walks `segments` from the root; the first `implicit` segments come from the tag kind, not the user. */
const walk = (
  root: unknown,
  segments: ReadonlyArray<string>,
  implicit: number,
  tag: Template.Tag
): Either.Either<unknown, StepError.InvalidArgument> => {
  let current: unknown = root
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!
    const fail = (why: string) =>
      Either.left(
        new StepError.InvalidArgument({
          message: `${tag.source}: cannot resolve ${segments.join(".")}: ${why} at '${segments.slice(0, i + 1).join(".")}'`
        })
      )
    if (i >= implicit && Path.isForbiddenSegment(segment)) return fail(`segment '${segment}' is not allowed`)
    if (typeof current === "string" || Array.isArray(current)) {
      const index = Sequence.parseIndex(segment)
      if (index !== undefined) {
        const item = Sequence.at(current, index)
        if (item === undefined) return fail(`index ${segment} is out of range`)
        current = item.value
        continue
      }
      const parts = Sequence.parseSlice(segment)
      if (parts === undefined) return fail(`'${segment}' is not an index or a slice of a ${Value.kindOf(current)}`)
      const sliced = Sequence.slice(current, parts)
      if (sliced === undefined) return fail("a slice step cannot be zero")
      current = sliced
    } else if (Value.isPlainObject(current)) {
      if (!Object.hasOwn(current, segment)) return fail(`no key '${segment}'`)
      current = current[segment]
    } else {
      return fail(`cannot look up '${segment}' in ${Value.kindOf(current)}`)
    }
  }
  return Either.right(current)
}
