/**
 * A registry is an immutable collection of blocks that a job may use, looked
 * up by display name without regard to case (R4.2). Registries are built from
 * blocks and categories; two blocks with one display name are a developer
 * error, reported when the registry is built.
 *
 * @since 0.1.0
 */
import * as Block from "./Block.js"

/**
 * A registry: blocks by upper-case display name. `R` is the services its
 * blocks need; running a job over it requires them (R4.3).
 *
 * @since 0.1.0
 * @category models
 */
export interface Registry<out R = never> {
  readonly _tag: "Registry"
  /** Blocks by upper-case display name. */
  readonly blocks: ReadonlyMap<string, Block.Block<unknown, unknown, R>>
}

/**
 * A block or a category of blocks, as registries accept them.
 *
 * @since 0.1.0
 * @category models
 */
export type Entry = Block.Any | Block.Category

/**
 * The services that the blocks of some entries need.
 *
 * @since 0.1.0
 * @category models
 */
export type EntryRequirements<E> =
  E extends Block.Category<infer B> ? Block.Requirements<B> : Block.Requirements<E>

/**
 * A developer error: two blocks share a display name.
 *
 * @since 0.1.0
 * @category errors
 */
export class DuplicateBlockError extends Error {
  override readonly name = "DuplicateBlockError"
  constructor(readonly displayName: string) {
    super(`two blocks are named ${displayName}`)
  }
}

/**
 * Builds a registry. Throws `DuplicateBlockError` when two blocks share a
 * display name.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <const Es extends ReadonlyArray<Entry>>(
  ...entries: Es
): Registry<EntryRequirements<Es[number]>> =>
  add(empty, ...entries) as Registry<EntryRequirements<Es[number]>>

/**
 * A registry with no blocks.
 *
 * @since 0.1.0
 * @category constructors
 */
export const empty: Registry<never> = { _tag: "Registry", blocks: new Map() }

/**
 * A new registry with more blocks. Throws `DuplicateBlockError` when a block
 * clashes with one already present (R4.4).
 *
 * @since 0.1.0
 * @category combinators
 */
export const add = <R, const Es extends ReadonlyArray<Entry>>(
  registry: Registry<R>,
  ...entries: Es
): Registry<R | EntryRequirements<Es[number]>> => {
  const blocks = new Map<string, Block.Any>(registry.blocks as ReadonlyMap<string, Block.Any>)
  for (const block of flatten(entries)) {
    const key = Block.normalizeName(block.displayName)
    if (blocks.has(key)) throw new DuplicateBlockError(key)
    blocks.set(key, block)
  }
  return { _tag: "Registry", blocks }
}

/**
 * The blocks of some entries, categories unfolded.
 *
 * @since 0.1.0
 * @category getters
 */
export const flatten = (entries: ReadonlyArray<Entry>): ReadonlyArray<Block.Any> =>
  entries.flatMap((entry) => (Block.isCategory(entry) ? entry.blocks : [entry]))

/**
 * Finds the block an action names, ignoring case (R4.2).
 *
 * @since 0.1.0
 * @category getters
 */
export const lookup = <R>(
  registry: Registry<R>,
  action: string
): Block.Block<unknown, unknown, R> | undefined => registry.blocks.get(Block.normalizeName(action))

/**
 * Every block, in display-name order.
 *
 * @since 0.1.0
 * @category getters
 */
export const list = <R>(registry: Registry<R>): ReadonlyArray<Block.Block<unknown, unknown, R>> =>
  [...registry.blocks.values()].sort((a, b) => (a.displayName < b.displayName ? -1 : 1))
