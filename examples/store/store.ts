/**
 * A category of blocks that use a service: a key/value store, given to the
 * blocks as an Effect `Context.Tag` and provided by a `Layer`. Users call the
 * STORE blocks from their workflow; they can neither see nor replace the
 * store itself (it is a global, R4.3).
 *
 * Run it with `npx tsx examples/store/store.ts`: it runs workflow.yaml beside
 * this file against the standard blocks plus STORE, and prints the result as
 * JSON.
 */
import { Console, Context, Effect, Layer, Schema } from "effect"
import { readFile } from "node:fs/promises"
import { resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { Block, Job, Parameter, Registry, Run, StandardBlocks, StepError } from "../../src/index.js"

// ---- the service ----

/** A key/value store; the blocks below need it, the host provides it. */
export class KeyValueStore extends Context.Tag("examples/KeyValueStore")<
  KeyValueStore,
  {
    readonly get: (key: string) => Effect.Effect<unknown | undefined>
    readonly set: (key: string, value: unknown) => Effect.Effect<void>
    readonly keys: Effect.Effect<ReadonlyArray<string>>
  }
>() {}

/** An in-memory store, filled with some starting entries. */
export const memoryStore = (initial: Readonly<Record<string, unknown>> = {}) =>
  Layer.sync(KeyValueStore, () => {
    const entries = new Map<string, unknown>(Object.entries(initial))
    return {
      get: (key) => Effect.sync(() => entries.get(key)),
      set: (key, value) => Effect.sync(() => void entries.set(key, value)),
      keys: Effect.sync(() => [...entries.keys()].sort())
    }
  })

// ---- the blocks ----

const key = Parameter.text.pipe(Parameter.describe("The key."))

const put = Block.make({
  name: "put",
  description: "Stores a value under a key; returns the value.",
  parameters: Schema.Struct({
    key,
    value: Parameter.any.pipe(Parameter.describe("The value to store."))
  }),
  run: ({ key, value }) =>
    Effect.gen(function* () {
      const store = yield* KeyValueStore
      yield* store.set(key, value)
      return value
    })
})

const get = Block.make({
  name: "get",
  description: "The value stored under a key; fails with INVALID_ARGUMENT when there is none.",
  parameters: Schema.Struct({ key }),
  run: ({ key }) =>
    Effect.flatMap(KeyValueStore, (store) => store.get(key)).pipe(
      Effect.filterOrFail(
        (value) => value !== undefined,
        () => new StepError.InvalidArgument({ message: `nothing is stored under '${key}'` })
      )
    )
})

const keys = Block.make({
  name: "keys",
  description: "Every key of the store, sorted.",
  parameters: Schema.Struct({}),
  run: () => Effect.flatMap(KeyValueStore, (store) => store.keys)
})

/** The STORE category: PUT, GET and KEYS. */
export const Store = Block.category("store", [put, get, keys])

/** The standard blocks plus STORE; running a job on it needs a KeyValueStore. */
export const registry = Registry.add(StandardBlocks.standard, Store)

// ---- the program ----

const workflowFile = fileURLToPath(new URL("workflow.yaml", import.meta.url))

/**
 * Loads workflow.yaml, runs it with an in-memory store, and returns the
 * result in the shape `conduit run --format json` prints.
 */
export const program = Effect.gen(function* () {
  const text = yield* Effect.promise(() => readFile(workflowFile, "utf8"))
  const job = yield* Job.load(text, registry, { stepLimit: 50 })
  const result = yield* Run.run(job).pipe(Effect.provide(memoryStore({ greeting: "Hello" })))
  return {
    name: result.name,
    success: result.success,
    failedStep: result.failedStep?.id ?? null,
    steps: result.steps.map((step) => ({
      id: step.id,
      action: step.action,
      status: step.status.name,
      ...(step.status.name === "DONE" ? { result: step.result } : { error: step.error })
    }))
  }
})

/** The program, printing its result as JSON. */
export const main = Effect.tap(program, (report) => Console.log(JSON.stringify(report, null, 2)))

// Run `main` when this file is the program started (not when a test imports it).
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  Effect.runPromise(main)
}
