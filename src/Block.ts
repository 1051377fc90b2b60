/**
 * A block is a developer-defined operation that workflow steps call by name:
 * a name, an optional category, a parameter schema and a function from the
 * decoded parameters to an `Effect`. Its display name is `CATEGORY.NAME` in
 * upper case (or `NAME` without a category). Globals are simply the services
 * in the Effect's requirements (R4.3); users can neither see nor pass them.
 *
 * @example
 * ```ts
 * import { Effect, Schema } from "effect"
 * import { Block, Parameter } from "effect-conduit"
 *
 * const half = Block.make({
 *   category: "math",
 *   name: "half",
 *   parameters: Schema.Struct({ value: Parameter.number }),
 *   run: ({ value }) => Effect.succeed(value / 2)
 * })
 * ```
 *
 * @since 0.1.0
 */
import type { Effect } from "effect"
import { Schema, SchemaAST } from "effect"
import * as Parameter from "./Parameter.js"

/**
 * Brands block values, so that `isBlock` can recognise them.
 *
 * @since 0.1.0
 * @category symbols
 */
export const TypeId: unique symbol = Symbol.for("effect-conduit/Block")

/**
 * @since 0.1.0
 * @category symbols
 */
export type TypeId = typeof TypeId

/**
 * A block with its parameter type erased, as registries hold it. `E` and `R`
 * are the errors it may fail with and the services it needs.
 *
 * @since 0.1.0
 * @category models
 */
export interface Block<out A = unknown, out E = unknown, out R = never> {
  readonly [TypeId]: TypeId
  /** The block's name in upper case, without its category. */
  readonly name: string
  /** The category in upper case, or null. */
  readonly category: string | null
  /** `CATEGORY.NAME`, or `NAME` without a category. */
  readonly displayName: string
  readonly description: string
  /** The parameter schema, or `"any"` for a block that takes any parameters. */
  readonly parameters: Schema.Schema<any, any, never> | "any"
  /** Permission tags the job must carry for this block to run, else FORBIDDEN_BLOCK (not template tags). */
  readonly tags: ReadonlyArray<string>
  /** How many steps of one job may use this block; null means unlimited. */
  readonly maxUses: number | null
  readonly run: (parameters: any) => Effect.Effect<A, E, R>
}

/**
 * Any block, whatever it returns, fails with or needs.
 *
 * @since 0.1.0
 * @category models
 */
export type Any = Block<unknown, unknown, any>

/**
 * The services a block, or a union of blocks, needs.
 *
 * @since 0.1.0
 * @category models
 */
export type Requirements<B> = B extends Block<any, any, infer R> ? R : never

interface CommonOptions {
  readonly name: string
  readonly category?: string | null | undefined
  readonly description?: string | undefined
  readonly tags?: ReadonlyArray<string> | undefined
  readonly maxUses?: number | null | undefined
}

/**
 * A developer error: a block definition that cannot be used.
 *
 * @since 0.1.0
 * @category errors
 */
export class BlockDefinitionError extends Error {
  override readonly name = "BlockDefinitionError"
}

/**
 * Defines a block. `parameters` is an `effect/Schema` struct (use the
 * schemas of `Parameter` for JSON kinds and defaults), or `"any"` to accept
 * any parameters, which `run` receives as one object.
 *
 * Throws `BlockDefinitionError` for a name or category containing a dot or
 * being empty, or a negative `maxUses`: these are developer errors.
 *
 * @since 0.1.0
 * @category constructors
 */
export function make<P, A, E, R>(
  options: CommonOptions & {
    readonly parameters: Schema.Schema<P, any, never>
    readonly run: (parameters: P) => Effect.Effect<A, E, R>
  }
): Block<A, E, R>
export function make<A, E, R>(
  options: CommonOptions & {
    readonly parameters: "any"
    readonly run: (parameters: Record<string, unknown>) => Effect.Effect<A, E, R>
  }
): Block<A, E, R>
export function make(
  options: CommonOptions & {
    readonly parameters: Schema.Schema<any, any, never> | "any"
    readonly run: (parameters: any) => Effect.Effect<any, any, any>
  }
): Any {
  const name = checkName(options.name, "name")
  const category = options.category == null ? null : checkName(options.category, "category")
  const maxUses = options.maxUses ?? null
  if (maxUses !== null && !(Number.isInteger(maxUses) && maxUses >= 0)) {
    throw new BlockDefinitionError(`block ${name}: maxUses must be a whole number of at least 0`)
  }
  return {
    [TypeId]: TypeId,
    name,
    category,
    displayName: category === null ? name : `${category}.${name}`,
    description: options.description ?? "",
    parameters: isEmptyStruct(options.parameters) ? Parameter.none : options.parameters,
    tags: [...(options.tags ?? [])],
    maxUses,
    run: options.run
  }
}

/**
 * Whether a value is a block.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isBlock = (u: unknown): u is Any => typeof u === "object" && u !== null && TypeId in u

/**
 * The upper-case form used for display names and lookups (R4.2).
 *
 * @since 0.1.0
 * @category names
 */
export const normalizeName = (name: string): string => name.toUpperCase()

/** `Schema.Struct({})` is TypeScript's `{}` and would accept any parameters; such a block takes none. */
const isEmptyStruct = (parameters: Schema.Schema<any, any, never> | "any"): boolean =>
  parameters !== "any" &&
  SchemaAST.isTypeLiteral(parameters.ast) &&
  parameters.ast.propertySignatures.length === 0 &&
  parameters.ast.indexSignatures.length === 0

const checkName = (raw: string, what: string): string => {
  if (typeof raw !== "string" || raw.trim() === "") {
    throw new BlockDefinitionError(`a block ${what} must be non-empty text`)
  }
  if (raw.includes(".")) throw new BlockDefinitionError(`block ${what} "${raw}" must not contain a dot`)
  return normalizeName(raw)
}

// ---- categories ----

/**
 * A category: a named group of blocks, all given that category.
 *
 * @since 0.1.0
 * @category models
 */
export interface Category<out B extends Any = Any> {
  readonly _tag: "Category"
  readonly name: string
  readonly blocks: ReadonlyArray<B>
}

/**
 * Groups blocks under a category name; each block takes the category (any
 * category it was made with is replaced).
 *
 * @since 0.1.0
 * @category constructors
 */
export const category = <const Bs extends ReadonlyArray<Any>>(
  name: string,
  blocks: Bs
): Category<Bs[number]> => {
  const normalized = checkName(name, "category")
  return {
    _tag: "Category",
    name: normalized,
    blocks: blocks.map((block) => ({
      ...block,
      category: normalized,
      displayName: `${normalized}.${block.name}`
    }))
  }
}

/**
 * Whether a value is a category.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isCategory = (u: unknown): u is Category =>
  typeof u === "object" &&
  u !== null &&
  (u as { _tag?: unknown })._tag === "Category" &&
  Array.isArray((u as any).blocks)
