/**
 * The resolver turns a step's parameters as written into the values its
 * block receives (SPEC section 9). Parameters are compiled once when the job
 * is built (every string parsed into a template) and resolved against the
 * contexts each time the step runs.
 *
 * Values a tag reads from variables are handed over live, so in-place blocks
 * change the variable (R10.2); values from anywhere else (`job.variables` as
 * a whole too) are copied, so no block can change a local, a step result or
 * the contexts. A substituted value is data and is never read again as a
 * template (R9.8).
 *
 * Every resolution draws on a budget of work (see `Budget`), so that no
 * template, however short, makes the host walk or copy more than a bounded
 * amount of data (R13.3).
 *
 * @since 0.1.0
 */
import { Either } from "effect"
import type * as Contexts from "./Contexts.js"
import type { SizeLimits } from "./Limits.js"
import * as Path from "./Path.js"
import * as Sequence from "./Sequence.js"
import * as Size from "./Size.js"
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
 * The work one resolution may still do, in units of about one character or
 * one item read. Reading a value costs about its size, so a short template
 * cannot make the host do unbounded work: a thousand tags that each slice a
 * text of a million characters exhaust the budget instead of running for
 * minutes. Running out fails with SIZE_LIMIT_EXCEED.
 *
 * @since 0.1.0
 * @category models
 */
export interface Budget {
  left: number
}

/**
 * A fresh budget: twice what a step may receive and what its templates may
 * produce, far more than any honest parameter needs.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeBudget = (limits: SizeLimits): Budget => ({
  left: 2 * (limits.maxTotalSize + limits.maxTemplateLength)
})

/**
 * What resolution reads: the contexts and the limits in force.
 *
 * @since 0.1.0
 * @category models
 */
export interface Scope {
  readonly contexts: Contexts.Contexts
  readonly limits: SizeLimits
  /**
   * The work left. Give a step's conditions and parameters one budget so that
   * they share it; without one, each call of `resolve` starts a fresh budget.
   */
  readonly budget?: Budget | undefined
  /**
   * When given, collects the names of the variables whose containers were
   * handed over live (R10.2): what a block may change in place.
   */
  readonly live?: Set<string> | undefined
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
    const entries = Object.keys(value).map(
      (key) => [compileString(key, limits), compile(value[key], limits)] as const
    )
    return entries.every(([key, item]) => isPlain(key) && isPlain(item))
      ? plain(value)
      : { _tag: "Dict", entries }
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
    const allowed = Math.min(limits.maxTagDepth, Template.maxSupportedDepth)
    return invalid(`tags nest deeper than ${allowed} levels (at character ${template.position})`)
  }
  return template.hasTags ? { _tag: "Template", template } : plain(text)
}

const invalid = (message: string): Compiled => ({
  _tag: "Invalid",
  error: new StepError.SizeLimitExceeded({ message })
})

/**
 * Resolves a compiled value against the contexts. Fails with
 * INVALID_ARGUMENT for a reference that leads nowhere (R9.6) and with
 * SIZE_LIMIT_EXCEED when a template grows past `maxTemplateLength` or the
 * resolution runs out of budget.
 *
 * @example
 * ```ts
 * const compiled = Resolver.compile({ total: "{: sum :}", label: "sum={: sum :}" }, limits)
 * Resolver.resolve(compiled, { contexts, limits }) // Right({ total: 3, label: "sum=3" })
 * ```
 *
 * @since 0.1.0
 * @category resolving
 */
export const resolve = (compiled: Compiled, scope: Scope): Either.Either<unknown, ResolveError> =>
  resolveIn(compiled, resolution(scope))

/**
 * Resolves one template: a whole tag gives the referenced value with its
 * type (R9.3); anything else gives text.
 *
 * @since 0.1.0
 * @category resolving
 */
export const resolveTemplate = (
  template: Template.Template,
  scope: Scope
): Either.Either<unknown, ResolveError> => resolveTemplateIn(template, resolution(scope))

// ---- internal ----

/** One resolution: the scope with the budget it draws on. */
interface Resolution {
  readonly contexts: Contexts.Contexts
  readonly limits: SizeLimits
  readonly budget: Budget
  readonly live: Set<string> | undefined
  /** The copy made of each container read so far, so that two tags reading one value give one copy. */
  copies: Map<object, unknown> | undefined
}

const resolution = (scope: Scope): Resolution => ({
  contexts: scope.contexts,
  limits: scope.limits,
  budget: scope.budget ?? makeBudget(scope.limits),
  live: scope.live,
  copies: undefined
})

/**
 * A copy of a container that is not live. Tags that read the same value in
 * one resolution get the same copy, as Python's names would give the same
 * object: `{: a :} is {: a :}` holds, and a block given it twice sees one list.
 */
const copyOnce = (r: Resolution, value: object): unknown => {
  r.copies ??= new Map()
  const known = r.copies.get(value)
  if (known !== undefined) return known
  const copied = Value.copy(value)
  r.copies.set(value, copied)
  return copied
}

type SizeLimitExceeded = StepError.SizeLimitExceeded

/** Takes `units` of work from the budget, or fails when too little is left. */
const charge = (r: Resolution, units: number): SizeLimitExceeded | undefined => {
  r.budget.left -= units
  return r.budget.left < 0
    ? new StepError.SizeLimitExceeded({ message: "tags read more data than the size limits allow" })
    : undefined
}

const resolveIn = (compiled: Compiled, r: Resolution): Either.Either<unknown, ResolveError> => {
  switch (compiled._tag) {
    case "Plain":
      return Either.right(Value.copy(compiled.value))
    case "Invalid":
      return Either.left(compiled.error)
    case "Template":
      return resolveTemplateIn(compiled.template, r)
    case "List": {
      const out: Array<unknown> = []
      for (const item of compiled.items) {
        const resolved = resolveIn(item, r)
        if (Either.isLeft(resolved)) return resolved
        out.push(resolved.right)
      }
      return Either.right(out)
    }
    case "Dict": {
      const out: Record<string, unknown> = {}
      for (const [key, item] of compiled.entries) {
        const resolvedKey = resolveKey(key, r)
        if (Either.isLeft(resolvedKey)) return resolvedKey
        const resolved = resolveIn(item, r)
        if (Either.isLeft(resolved)) return resolved
        Value.setKey(out, resolvedKey.right, resolved.right)
      }
      return Either.right(out)
    }
  }
}

/** A key as text (R9.9); a whole tag reading a container is written as JSON, charged like any text. */
const resolveKey = (key: Compiled, r: Resolution): Either.Either<string, ResolveError> => {
  const resolved = resolveIn(key, r)
  if (Either.isLeft(resolved) || typeof resolved.right === "string")
    return resolved as Either.Either<string, ResolveError>
  const value = resolved.right
  if (typeof value === "object" && value !== null) {
    const tooMuch = chargeForText(r, value)
    if (tooMuch !== undefined) return Either.left(tooMuch)
  }
  return Either.right(Value.toText(value))
}

const resolveTemplateIn = (
  template: Template.Template,
  r: Resolution
): Either.Either<unknown, ResolveError> => {
  if (template.whole === null) return joinParts(template.parts, r)
  const read = readTag(template.whole, r)
  if (Either.isLeft(read)) return read
  const { live, value } = read.right
  if (typeof value !== "object" || value === null) return Either.right(value)
  // A container is charged its size even when handed over live: the block, a condition's
  // truthiness or a key's text will walk it, and a step may read it many times (R13.3).
  const tooMuch = charge(r, Size.totalUpTo(value, r.budget.left))
  if (tooMuch !== undefined) return Either.left(tooMuch)
  if (live === null) return Either.right(copyOnce(r, value))
  r.live?.add(live)
  return Either.right(value)
}

/** Joins text and tag values into one text (R9.3); a substituted value is never parsed again (R9.8). */
const joinParts = (
  parts: ReadonlyArray<Template.Part>,
  r: Resolution
): Either.Either<string, ResolveError> => {
  let text = ""
  for (const part of parts) {
    let piece: string
    if (part._tag === "Text") {
      piece = part.text
    } else {
      const read = readTag(part, r)
      if (Either.isLeft(read)) return Either.left(read.left)
      const value = read.right.value
      if (typeof value === "object" && value !== null) {
        const tooMuch = chargeForText(r, value)
        if (tooMuch !== undefined) return Either.left(tooMuch)
      }
      piece = Value.toText(value)
    }
    const tooMuch = charge(r, piece.length)
    if (tooMuch !== undefined) return Either.left(tooMuch)
    text += piece
    if (text.length > r.limits.maxTemplateLength) {
      return Either.left(
        new StepError.SizeLimitExceeded({
          message: `a template resolves to more than ${r.limits.maxTemplateLength} characters`
        })
      )
    }
  }
  return Either.right(text)
}

/**
 * Charges for writing a container as JSON text; one nested deeper than the
 * depth limit is refused rather than written (a developer's locals may be).
 */
const chargeForText = (r: Resolution, value: object): SizeLimitExceeded | undefined => {
  const measured = Size.measure(value, {
    ...Size.unbounded,
    maxDepth: r.limits.maxDepth,
    maxTotalSize: r.budget.left
  })
  if (Size.isViolation(measured) && measured.limit === "maxDepth") {
    return new StepError.SizeLimitExceeded({
      limit: "maxDepth",
      message: `a value inserted into a text: ${measured.message}`
    })
  }
  return charge(r, Size.isViolation(measured) ? r.budget.left + 1 : measured)
}

interface Read {
  readonly value: unknown
  /** When the value is (part of) a variable, handed over by reference (R10.2): its name; else null. */
  readonly live: string | null
}

/** Where each kind of tag starts in the contexts (R9.1). */
const rootPaths: Record<Template.TagKind, ReadonlyArray<string>> = {
  "%": [],
  ":": ["steps"],
  "#": ["job", "variables"],
  "<": ["job", "parameters"]
}

/** Reads the value a tag refers to; nested tags in its path are resolved first (R9.7). */
const readTag = (tag: Template.Tag, r: Resolution): Either.Either<Read, ResolveError> => {
  const pathText = joinParts(tag.path, r)
  if (Either.isLeft(pathText)) return Either.left(pathText.left)

  const written = pathText.right.split(".")
  const root = rootPaths[tag.kind]
  const segments =
    tag.kind === ":" ? [...root, written[0]!, "result", ...written.slice(1)] : [...root, ...written]
  const value = walk(segments, root.length, tag, r)

  // A variable or a part of one is live; `job.variables` as a whole is not a variable, and a copy
  // of it keeps in-place blocks from adding names that VARIABLE blocks refuse (R9.5).
  const isVariable = segments.length >= 3 && segments[0] === "job" && segments[1] === "variables"
  const live = isVariable ? segments[2]! : null
  return Either.map(value, (value) => ({ value, live }))
}

/**
 * Walks `segments` from the root of the contexts (R9.4); the first `implicit`
 * segments come from the tag's kind, not from the user, and are exempt from
 * the guards of R9.5.
 */
const walk = (
  segments: ReadonlyArray<string>,
  implicit: number,
  tag: Template.Tag,
  r: Resolution
): Either.Either<unknown, ResolveError> => {
  let current: unknown = r.contexts
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!
    if (i >= implicit && Path.isForbiddenSegment(segment)) {
      return Either.left(
        deadReference(tag, segments, i, "the segment is refused (it could reach object internals)")
      )
    }
    const next = advance(current, segment, current === r.contexts.steps, r)
    if (next._tag === "Over") return Either.left(next.error)
    if (next._tag === "Dead") return Either.left(deadReference(tag, segments, i, next.why))
    current = next.value
  }
  return Either.right(current)
}

/** Where one more segment leads: a value, a dead end, or past the work budget. */
type Advance =
  | { readonly _tag: "Found"; readonly value: unknown }
  | { readonly _tag: "Dead"; readonly why: string }
  | { readonly _tag: "Over"; readonly error: SizeLimitExceeded }

/** One segment further into a value: a key of a plain object, an index or a slice of an array or a text. */
const advance = (current: unknown, segment: string, isStepTable: boolean, r: Resolution): Advance => {
  if (Value.isPlainObject(current)) {
    if (Object.hasOwn(current, segment)) return found(current[segment])
    return dead(isStepTable ? `no step has the id '${clip(segment)}'` : `there is no key '${clip(segment)}'`)
  }
  if (typeof current !== "string" && !Array.isArray(current)) {
    return dead(`${describeKind(current)} has no keys, indexes or slices`)
  }

  const index = Sequence.parseIndex(segment)
  if (index !== undefined) {
    const cost = typeof current === "string" ? Math.min(current.length, Math.abs(index) + 1) : 1
    const tooMuch = charge(r, cost)
    if (tooMuch !== undefined) return { _tag: "Over", error: tooMuch }
    const item = Sequence.at(current, index)
    if (item !== undefined) return found(item.value)
    const size = Array.isArray(current) ? ` for a list of ${current.length} items` : ""
    return dead(`index ${clip(segment)} is out of range${size}`)
  }

  const parts = Sequence.parseSlice(segment)
  if (parts === undefined)
    return dead(`${describeKind(current)} takes an index or a slice, not '${clip(segment)}'`)
  const tooMuch = charge(r, typeof current === "string" ? current.length : 1)
  if (tooMuch !== undefined) return { _tag: "Over", error: tooMuch }
  const sliced = Sequence.slice(current, parts)
  if (sliced === undefined)
    return dead(parts.step === 0 ? "a slice step cannot be zero" : "a slice step is too large")
  const alsoTooMuch = typeof sliced === "string" ? undefined : charge(r, sliced.length)
  return alsoTooMuch === undefined ? found(sliced) : { _tag: "Over", error: alsoTooMuch }
}

const found = (value: unknown): Advance => ({ _tag: "Found", value })

const dead = (why: string): Advance => ({ _tag: "Dead", why })

/** The error for a reference that leads nowhere: the tag, the full path and the segment that failed (R9.6). */
const deadReference = (
  tag: Template.Tag,
  segments: ReadonlyArray<string>,
  failed: number,
  why: string
): StepError.InvalidArgument =>
  new StepError.InvalidArgument({
    message: `${clip(tag.source)}: cannot resolve '${clip(segments.join("."))}' at segment '${clip(
      segments[failed]!
    )}': ${why}`
  })

/** A value's kind with its article, for messages: "a number", "an object", "null". */
const describeKind = (u: unknown): string => {
  const kind = Value.kindOf(u)
  return kind === "null" || kind === "undefined" ? kind : /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`
}

/** Shortens user text for a message. */
const clip = (text: string): string => (text.length > 80 ? `${text.slice(0, 77)}...` : text)
