/**
 * A workflow is the user-authored document: an optional name and id, initial
 * variables, and a list of steps, each calling a block by its action name
 * (SPEC section 3). This module decodes workflows from JSON or YAML text or
 * from an already-parsed value, refusing a malformed document as a whole with
 * one typed error that names every offending path (R3.3).
 *
 * @since 0.1.0
 */
import { Data, Effect, Either, JSONSchema, Schema } from "effect"
import * as YAML from "yaml"
import * as DecodeIssue from "./DecodeIssue.js"
import * as Size from "./Size.js"
import * as StepError from "./StepError.js"
import * as Value from "./Value.js"

/**
 * A plain object whose content is user data, kept by reference: decoding
 * checks its kind and never rebuilds it, so hostile keys stay plain data.
 */
const UserObject = Schema.declare((u): u is Record<string, unknown> => Value.isPlainObject(u), {
  message: (issue) => `expected an object, got ${Value.preview(issue.actual)}`,
  jsonSchema: { type: "object" }
})

/**
 * An optional field: absent, `undefined`, `null` (what YAML gives for `key:`
 * with nothing after it) or a value of `schema`; the first three all mean
 * "not given". Every problem with it reads as the one message given, instead
 * of one line per union member.
 */
const optionalField = <S extends Schema.Schema.Any>(schema: S, expected: string, description: string) =>
  Schema.optionalWith(
    Schema.UndefinedOr(Schema.NullOr(schema)).annotations({
      message: (issue) => ({ message: `${expected}, got ${Value.preview(issue.actual)}`, override: true })
    }),
    { exact: true }
  ).annotations({ description })

/**
 * The schema of one step (R3.2).
 *
 * @since 0.1.0
 * @category schemas
 */
export const StepDocument = Schema.Struct({
  action: Schema.String.annotations({
    message: (issue) => `expected a text, got ${Value.preview(issue.actual)}`,
    description: "The block to call, e.g. TEXT.JOIN (any case)."
  }),
  id: optionalField(
    Schema.Union(
      Schema.String,
      Schema.Number.pipe(Schema.filter(Number.isInteger, { jsonSchema: { type: "integer" } }))
    ),
    "expected a text or an integer",
    "The step's id; defaults to its 1-based position."
  ),
  parameters: optionalField(UserObject, "expected an object", "The block's parameters; may hold tags."),
  forced: optionalField(Schema.Boolean, "expected true or false", "Run even after a failure."),
  if: optionalField(
    Schema.Union(Schema.String, Schema.Array(Schema.String)),
    "expected a text or a list of texts",
    "Condition(s); the step runs only when all are truthy."
  )
}).annotations({
  title: "A workflow step",
  message: (issue) => `expected a step object, got ${Value.preview(issue.actual)}`
})

/**
 * The schema of a workflow document (R3.1).
 *
 * @since 0.1.0
 * @category schemas
 */
export const WorkflowDocument = Schema.Struct({
  name: optionalField(Schema.String, "expected a text", "Workflow name."),
  id: optionalField(Schema.String, "expected a text", "Workflow id."),
  variables: optionalField(UserObject, "expected an object", "Initial variables, over the developer's."),
  steps: Schema.Array(StepDocument).annotations({
    message: (issue) => `expected a list of steps, got ${Value.preview(issue.actual)}`,
    description: "The steps, run in order."
  })
}).annotations({
  title: "An effect-conduit workflow",
  description: "A workflow: steps that call blocks by name, run in order (effect-conduit).",
  message: (issue) => `expected a workflow object, got ${Value.preview(issue.actual)}`
})

/**
 * The JSON Schema (draft-07) of workflow documents, made from the same Schema
 * that decodes them, for editors to validate and complete workflow files.
 *
 * @since 0.1.0
 * @category schemas
 */
export const jsonSchema = (): object => JSONSchema.make(WorkflowDocument)

/**
 * A step as written in the document.
 *
 * @since 0.1.0
 * @category models
 */
export type StepDocument = typeof StepDocument.Type

/**
 * A decoded workflow.
 *
 * @since 0.1.0
 * @category models
 */
export type Workflow = typeof WorkflowDocument.Type

/**
 * One problem with a document: where it is and what is wrong.
 *
 * @since 0.1.0
 * @category models
 */
export type LoadIssue = DecodeIssue.DecodeIssue

/**
 * The document could not be loaded; `issues` names every offending path.
 *
 * @since 0.1.0
 * @category errors
 */
export class WorkflowLoadError extends Data.TaggedError("WorkflowLoadError")<{
  readonly issues: ReadonlyArray<LoadIssue>
}> {
  override get message(): string {
    return DecodeIssue.format(this.issues, "\n")
  }
}

/**
 * Bounds applied while loading a document, before and during decoding.
 *
 * @since 0.1.0
 * @category models
 */
export interface LoadLimits {
  /** Longest document text, in UTF-16 code units. */
  readonly maxLength: number
  /** Deepest nesting of arrays and objects anywhere in the document. */
  readonly maxDepth: number
  /**
   * Largest document once parsed, YAML aliases expanded, counted as `Size`
   * counts values: roughly its length as JSON, each list and object counting 16.
   */
  readonly maxSize: number
  /** Most YAML aliases a document may use. */
  readonly maxAliases: number
  /**
   * Most YAML nodes, estimated from separators before parsing: the YAML
   * parser takes a few hundred bytes of memory per node, far more than JSON.
   */
  readonly maxYamlNodes: number
  /** Most steps a document may have; a job takes about a kilobyte per step. */
  readonly maxSteps: number
}

/**
 * Default load limits.
 *
 * @since 0.1.0
 * @category defaults
 */
export const defaultLoadLimits: LoadLimits = {
  maxLength: 10_000_000,
  maxDepth: 128,
  maxSize: 30_000_000,
  maxAliases: 100,
  maxYamlNodes: 200_000,
  maxSteps: 100_000
}

/**
 * The format of a document's text.
 *
 * @since 0.1.0
 * @category models
 */
export type Format = "json" | "yaml"

const decodeDocument = Schema.decodeUnknownEither(WorkflowDocument, {
  errors: "all",
  onExcessProperty: "error"
})

/**
 * Decodes an already-parsed value as a workflow.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decode = (
  input: unknown,
  limits: LoadLimits = defaultLoadLimits
): Effect.Effect<Workflow, WorkflowLoadError> =>
  Effect.suspend(() => {
    try {
      const problem = shapeProblem(input, limits)
      if (problem !== undefined) return Effect.fail(single(problem))
      return Either.match(decodeDocument(input), {
        onLeft: (error) =>
          Effect.fail(new WorkflowLoadError({ issues: DecodeIssue.fromParseError(error, "unknown key") })),
        onRight: Effect.succeed
      })
    } catch (error) {
      // An already-parsed value can be anything: a getter or a proxy that throws is refused too.
      return Effect.fail(single(`the document cannot be read: ${StepError.describe(error)}`))
    }
  })

/**
 * The load error for a document longer than `maxLength`, for a reader that
 * stops before it has the whole text (the command line's).
 *
 * @since 0.1.0
 * @category errors
 */
export const documentTooLong = (limits: LoadLimits = defaultLoadLimits): WorkflowLoadError =>
  single(`the document is longer than ${limits.maxLength} characters`)

/**
 * Parses JSON or YAML text and decodes it as a workflow. Without a format,
 * text that starts with `{` or `[` is read as JSON (or, when it is not JSON,
 * as a YAML flow collection) and anything else as YAML.
 *
 * @since 0.1.0
 * @category decoding
 */
export const parse = (
  text: string,
  format?: Format,
  limits: LoadLimits = defaultLoadLimits
): Effect.Effect<Workflow, WorkflowLoadError> =>
  Effect.suspend(() => {
    if (text.length > limits.maxLength) return Effect.fail(documentTooLong(limits))
    const body = text.startsWith("\ufeff") ? text.slice(1) : text
    const parsed =
      format === "json"
        ? parseJson(body)
        : format === "yaml"
          ? parseYaml(body, limits)
          : parseEither(body, limits)
    return Either.isLeft(parsed) ? Effect.fail(single(parsed.left)) : decode(parsed.right, limits)
  })

/**
 * A document of unknown format: JSON when it looks like JSON, else YAML. A
 * YAML flow mapping (`{steps: [...]}`) looks like JSON, so when JSON fails
 * YAML is tried before the JSON error is reported.
 */
const parseEither = (text: string, limits: LoadLimits): Either.Either<unknown, string> => {
  if (!/^\s*[{[]/.test(text)) return parseYaml(text, limits)
  const json = parseJson(text)
  if (Either.isRight(json)) return json
  const yaml = parseYaml(text, limits)
  return Either.isRight(yaml) ? yaml : json
}

const parseJson = (text: string): Either.Either<unknown, string> => {
  try {
    return Either.right(JSON.parse(text))
  } catch (error) {
    return Either.left(`invalid JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
}

const parseYaml = (text: string, limits: LoadLimits): Either.Either<unknown, string> => {
  const nodes = (text.match(/[,\n[{]|:\s|-\s/g) ?? []).length
  if (nodes > limits.maxYamlNodes) {
    return Either.left(
      `the YAML document has more than about ${limits.maxYamlNodes} nodes; use JSON for larger documents`
    )
  }
  if (flowDepth(text) > 8 * limits.maxDepth) {
    // The parser recurses once per level of a flow collection, so this is refused before parsing.
    return Either.left(`the YAML document is nested deeper than ${limits.maxDepth} levels`)
  }
  try {
    // The parser's own check of unique keys takes time in the square of a mapping's size;
    // `duplicateKey` does the same check in linear time.
    const document = YAML.parseDocument(text, {
      prettyErrors: false,
      uniqueKeys: false,
      merge: true,
      logLevel: "error"
    })
    if (document.errors.length > 0) return Either.left(`invalid YAML: ${document.errors[0]!.message}`)
    const duplicate = duplicateKey(document)
    if (duplicate !== undefined) {
      return Either.left(`invalid YAML: Map keys must be unique (${Value.preview(duplicate)} is repeated)`)
    }
    return Either.right(document.toJS({ maxAliasCount: limits.maxAliases }))
  } catch (error) {
    return Either.left(`invalid YAML: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/** The first key that a YAML mapping repeats, if any (merge keys `<<` may repeat). */
const duplicateKey = (document: YAML.Document): string | undefined => {
  let duplicate: string | undefined
  YAML.visit(document, {
    Map(_, map) {
      const seen = new Set<string>()
      for (const item of map.items) {
        const key = YAML.isScalar(item.key) ? String(item.key.value) : String(item.key)
        if (key === "<<") continue
        if (seen.has(key)) {
          duplicate = key
          return YAML.visit.BREAK
        }
        seen.add(key)
      }
      return undefined
    }
  })
  return duplicate
}

/**
 * The deepest nesting of `[` and `{` in a text, counting every bracket (even
 * one inside a quoted string, so it errs on the deep side: the caller allows
 * far more than the depth limit).
 */
const flowDepth = (text: string): number => {
  let depth = 0
  let deepest = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 91 /* [ */ || code === 123 /* { */) deepest = Math.max(deepest, ++depth)
    else if ((code === 93 /* ] */ || code === 125) /* } */ && depth > 0) depth--
  }
  return deepest
}

const single = (message: string) => new WorkflowLoadError({ issues: [{ path: "", message }] })

/**
 * The first way a parsed document is too deep, too large or not JSON data,
 * or undefined. A document whose YAML aliases share one huge value counts it
 * at every alias, and is refused as soon as the count passes the bound.
 */
const shapeProblem = (input: unknown, limits: LoadLimits): string | undefined => {
  const steps = Value.isPlainObject(input) ? input.steps : undefined
  if (Array.isArray(steps) && steps.length > limits.maxSteps) {
    return `the document has ${steps.length} steps, more than the limit of ${limits.maxSteps}`
  }
  const measured = Size.measure(input, {
    ...Size.unbounded,
    maxDepth: limits.maxDepth,
    maxTotalSize: limits.maxSize,
    jsonOnly: true
  })
  if (!Size.isViolation(measured)) return undefined
  switch (measured.limit) {
    case "maxDepth":
      return `the document is nested deeper than ${limits.maxDepth} levels`
    case "maxTotalSize":
      return `the document is larger than ${limits.maxSize} once parsed (YAML aliases expanded)`
    default:
      return `the document holds ${measured.message.replace(/^a value is /, "a value that is ")}`
  }
}
