/**
 * Testing helpers for developers who expose blocks to users, published as
 * `effect-conduit/testing`: an `Arbitrary` of valid workflow documents for a
 * registry, generated from the blocks' parameter schemas, and `runWorkflow`,
 * which loads and runs a document in one Effect.
 *
 * Property tests with these helpers check what must hold whatever a user
 * writes: every generated document loads, and every run ends with a status for
 * every step.
 *
 * @example
 * ```ts
 * import { describe, expect, it } from "@effect/vitest"
 * import { Effect } from "effect"
 * import { arbitraryWorkflow, runWorkflow } from "effect-conduit/testing"
 *
 * describe("my blocks", () => {
 *   it.effect.prop("every step ends with a status", [arbitraryWorkflow(registry)], ([workflow]) =>
 *     Effect.gen(function* () {
 *       const result = yield* runWorkflow(workflow, registry)
 *       expect(result.steps).toHaveLength(workflow.steps.length)
 *     }))
 * })
 * ```
 *
 * @since 0.1.0
 */
import { Arbitrary, Effect, FastCheck, Option, Schema, SchemaAST } from "effect"
import type * as Block from "./Block.js"
import type { CurrentRun } from "./CurrentRun.js"
import type { JobResult } from "./Events.js"
import * as Job from "./Job.js"
import * as Registry from "./Registry.js"
import * as Run from "./Run.js"
import type * as Status from "./Status.js"
import * as Value from "./Value.js"
import type * as Workflow from "./Workflow.js"

/**
 * How `arbitraryWorkflow` shapes the documents it generates.
 *
 * @since 0.1.0
 * @category models
 */
export interface WorkflowOptions {
  /** The fewest steps a document has; default 1. */
  readonly minSteps?: number | undefined
  /** The most steps a document has; default 8. */
  readonly maxSteps?: number | undefined
  /**
   * The chance, from 0 to 1, that a parameter value is replaced by a reference
   * to an earlier step's result (`{: id :}`); default 0.2. A reference may
   * give the step INVALID_TYPE at run time when the result has another kind.
   */
  readonly referenceProbability?: number | undefined
  /** Which blocks steps may call; default every block of the registry. */
  readonly include?: ((block: Block.Any) => boolean) | undefined
}

/**
 * A workflow document as `arbitraryWorkflow` generates it: plain JSON data.
 *
 * @since 0.1.0
 * @category models
 */
export interface GeneratedWorkflow {
  readonly name: string
  readonly steps: ReadonlyArray<GeneratedStep>
}

/**
 * One generated step. `id` is left out on some steps, which then take their
 * position as id; explicit ids never clash with positions.
 *
 * @since 0.1.0
 * @category models
 */
export interface GeneratedStep {
  readonly action: string
  readonly id?: string
  readonly parameters: Record<string, unknown>
}

/**
 * A fast-check `Arbitrary` of valid workflow documents for a registry. Each
 * step calls one of the registry's blocks with parameters generated from the
 * block's parameter schema (`Arbitrary.make` on the schema's encoded side, so
 * defaults may be left out); a block that takes any parameters gets a small
 * record of JSON values. Step ids are unique, and some parameter values are
 * replaced by references to earlier steps' results.
 *
 * Generated documents are JSON data and always load; whether a step succeeds
 * depends on its block. A `Schema.declare` schema without an `arbitrary`
 * annotation gets values of the kind its `jsonSchema` annotation names,
 * filtered by the declaration; annotate declarations whose values are rarer
 * than that.
 *
 * @example
 * ```ts
 * import { FastCheck } from "effect"
 * import { StandardBlocks } from "effect-conduit"
 * import { arbitraryWorkflow } from "effect-conduit/testing"
 *
 * const workflows = arbitraryWorkflow(StandardBlocks.standard, { maxSteps: 3 })
 * const samples = FastCheck.sample(workflows, 5)
 * ```
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const arbitraryWorkflow = <R>(
  registry: Registry.Registry<R>,
  options: WorkflowOptions = {}
): FastCheck.Arbitrary<GeneratedWorkflow> => {
  const fc = FastCheck
  const minSteps = options.minSteps ?? 1
  const maxSteps = Math.max(minSteps, options.maxSteps ?? 8)
  const probability = options.referenceProbability ?? 0.2
  const include = options.include ?? (() => true)
  const blocks = Registry.list(registry as Registry.Registry<any>).filter(include)
  if (blocks.length === 0) return fc.constant({ name: "no blocks", steps: [] })

  const call = fc.oneof(
    ...blocks.map((block) =>
      fc.record({ action: fc.constant(block.displayName), parameters: parametersOf(block) })
    )
  )
  const draft = fc.record({
    name: fc.string({ maxLength: 20 }),
    calls: fc.array(call, { minLength: minSteps, maxLength: maxSteps }),
    explicitIds: fc.array(fc.boolean(), { minLength: maxSteps, maxLength: maxSteps })
  })

  return draft.chain(({ name, calls, explicitIds }) => {
    // An explicit id never equals a position, so ids stay unique (R6.2).
    const ids = calls.map((_, index) => (explicitIds[index] ? `s${index + 1}` : String(index + 1)))
    const references = calls.map((call, index) =>
      fc.tuple(...Object.keys(call.parameters).map(() => referenceChoice(index, probability)))
    )
    return fc.tuple(...references).map((choices) => ({
      name,
      steps: calls.map(({ action, parameters: drafted }, index): GeneratedStep => {
        const parameters: Record<string, unknown> = {}
        Object.keys(drafted).forEach((key, k) => {
          const earlier = choices[index]![k]
          Value.setKey(parameters, key, earlier === undefined ? drafted[key] : `{: ${ids[earlier]} :}`)
        })
        return explicitIds[index] ? { action, id: ids[index]!, parameters } : { action, parameters }
      })
    }))
  })
}

/**
 * Loads a workflow (JSON or YAML text, or a parsed document) and runs it
 * against a registry with the given job options. Fails only when the document
 * cannot be loaded; every step problem is a status in the result.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { StandardBlocks } from "effect-conduit"
 * import { runWorkflow } from "effect-conduit/testing"
 *
 * const document = { steps: [{ action: "MATH.SUM", parameters: { value1: 1, value2: 2 } }] }
 * const result = await Effect.runPromise(runWorkflow(document, StandardBlocks.standard))
 * result.steps[0]?.result // 3
 * ```
 *
 * @since 0.1.0
 * @category running
 */
export const runWorkflow = <R, const Es extends ReadonlyArray<Registry.Entry> = []>(
  document: unknown,
  registry: Registry.Registry<R>,
  options: Job.Options<Es> = {}
): Effect.Effect<
  JobResult,
  Workflow.WorkflowLoadError,
  Exclude<R | Registry.EntryRequirements<Es[number]>, CurrentRun>
> => Effect.flatMap(Job.load(document, registry, options), (job) => Run.run(job))

/**
 * The status name of every step of a result, in order; handy in assertions.
 *
 * @example
 * ```ts
 * expect(statusNames(result)).toEqual(["DONE", "INVALID_TYPE", "SKIPPED"])
 * ```
 *
 * @since 0.1.0
 * @category getters
 */
export const statusNames = (result: JobResult): Array<Status.StatusName> =>
  result.steps.map((step) => step.status.name)

// ---- internal ----

/** Which earlier step (by index) a parameter refers to, or undefined to keep its value. */
const referenceChoice = (index: number, probability: number): FastCheck.Arbitrary<number | undefined> => {
  if (index === 0 || probability <= 0) return FastCheck.constant(undefined)
  const chance = FastCheck.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })
  return FastCheck.tuple(chance, FastCheck.nat({ max: index - 1 })).map(([roll, earlier]) =>
    roll < probability ? earlier : undefined
  )
}

type Fc = typeof FastCheck

const jsonValue = (fc: Fc): FastCheck.Arbitrary<unknown> => fc.jsonValue({ maxDepth: 2 })

const jsonRecord = (fc: Fc): FastCheck.Arbitrary<Record<string, unknown>> =>
  fc.dictionary(fc.string({ maxLength: 8 }), jsonValue(fc), { maxKeys: 4 })

/** Parameters for a block: from its schema's encoded side, so defaults may be left out. */
const parametersOf = (block: Block.Any): FastCheck.Arbitrary<Record<string, unknown>> => {
  if (block.parameters === "any") return jsonRecord(FastCheck)
  let arbitrary: FastCheck.Arbitrary<Record<string, unknown>>
  try {
    const encoded = Schema.encodedBoundSchema(block.parameters)
    arbitrary = Arbitrary.make(Schema.make<Record<string, unknown>>(forJson(encoded.ast)))
  } catch {
    // Limitation: a schema Arbitrary cannot handle gets JSON records; its steps mostly end INVALID_TYPE.
    return jsonRecord(FastCheck)
  }
  return arbitrary.map(asJson)
}

/**
 * Parameters as a JSON document holds them: optional parameters generated as
 * `undefined` are left out, and `-0` becomes `0`, as a JSON round trip does.
 */
const asJson = (parameters: Record<string, unknown>): Record<string, unknown> =>
  JSON.parse(JSON.stringify(parameters)) as Record<string, unknown>

const arbitraryAnnotation = SchemaAST.getAnnotation<unknown>(SchemaAST.ArbitraryAnnotationId)

const withArbitrary = (ast: SchemaAST.AST, make: (fc: Fc) => FastCheck.Arbitrary<unknown>) =>
  SchemaAST.annotations(ast, { [SchemaAST.ArbitraryAnnotationId]: () => make })

/**
 * The same schema, changed so that `Arbitrary.make` gives JSON data: finite
 * numbers, JSON values for unknown ones, and values for declarations that
 * carry no `arbitrary` annotation, chosen by their `jsonSchema` annotation.
 */
const forJson = (ast: SchemaAST.AST): SchemaAST.AST => {
  if (Option.isSome(arbitraryAnnotation(ast))) return ast
  switch (ast._tag) {
    case "NumberKeyword":
      return Schema.Finite.ast
    case "UnknownKeyword":
    case "AnyKeyword":
      return withArbitrary(ast, jsonValue)
    case "Declaration": {
      const is = Schema.is(Schema.make(ast))
      const hint = Option.getOrUndefined(SchemaAST.getJSONSchemaAnnotation(ast))
      return withArbitrary(ast, (fc) => ofJsonSchema(fc, hint).filter(is))
    }
    case "Refinement":
      return new SchemaAST.Refinement(forJson(ast.from), ast.filter, ast.annotations)
    case "Union":
      return SchemaAST.Union.make(ast.types.map(forJson), ast.annotations)
    case "TupleType": {
      const elements = ast.elements.map(
        (e) => new SchemaAST.OptionalType(forJson(e.type), e.isOptional, e.annotations)
      )
      const rest = ast.rest.map((r) => new SchemaAST.Type(forJson(r.type), r.annotations))
      return new SchemaAST.TupleType(elements, rest, ast.isReadonly, ast.annotations)
    }
    case "TypeLiteral": {
      const properties = ast.propertySignatures.map(
        (p) =>
          new SchemaAST.PropertySignature(p.name, forJson(p.type), p.isOptional, p.isReadonly, p.annotations)
      )
      // An index signature of `Never` forbids extra keys: generate none.
      const indexes = ast.indexSignatures
        .filter((i) => i.type._tag !== "NeverKeyword")
        .map((i) => new SchemaAST.IndexSignature(i.parameter, forJson(i.type), i.isReadonly))
      const rebuilt = new SchemaAST.TypeLiteral(properties, indexes, ast.annotations)
      // `Arbitrary.make` reads a struct without fields as "any object"; as parameters it means none.
      const empty = properties.length === 0 && indexes.length === 0
      return empty ? withArbitrary(rebuilt, (fc) => fc.constant({})) : rebuilt
    }
    default:
      return ast
  }
}

/** Values of the kinds a JSON Schema annotation names; any JSON value without one. */
const ofJsonSchema = (fc: Fc, hint: object | undefined): FastCheck.Arbitrary<unknown> => {
  const type = (hint as { readonly type?: unknown } | undefined)?.type
  const kinds = (Array.isArray(type) ? type : [type]).filter((k): k is string => typeof k === "string")
  if (kinds.length === 0) return jsonValue(fc)
  return fc.oneof(...kinds.map((kind) => ofKind(fc, kind)))
}

const ofKind = (fc: Fc, kind: string): FastCheck.Arbitrary<unknown> => {
  switch (kind) {
    case "string":
      return fc.string({ maxLength: 12 })
    case "integer":
      return fc.integer({ min: -1000, max: 1000 })
    case "number":
      return fc.double({ noNaN: true, noDefaultInfinity: true })
    case "boolean":
      return fc.boolean()
    case "null":
      return fc.constant(null)
    case "array":
      return fc.array(jsonValue(fc), { maxLength: 5 })
    case "object":
      return jsonRecord(fc)
    default:
      return jsonValue(fc)
  }
}
