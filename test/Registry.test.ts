/**
 * Registries (SPEC R4.2–R4.4): case-insensitive lookup, duplicate display
 * names refused when a registry is built, globals as Effect services, and a
 * job's private blocks.
 */
import { describe, expect, it } from "@effect/vitest"
import { Context, Effect, Layer, Schema } from "effect"
import * as Block from "../src/Block.js"
import * as CurrentRun from "../src/CurrentRun.js"
import type { JobResult } from "../src/Events.js"
import * as Job from "../src/Job.js"
import * as Parameter from "../src/Parameter.js"
import * as Registry from "../src/Registry.js"
import * as Run from "../src/Run.js"
import { ok, registry } from "./support/blocks.js"

const noParameters = Schema.Struct({})

const constant = (name: string, value: unknown, category?: string) =>
  Block.make({ name, category, parameters: noParameters, run: () => Effect.succeed(value) })

const statuses = (result: JobResult) => result.steps.map((step) => step.status.name)

describe("R4.2 lookup", () => {
  for (const action of ["test.ok", "Test.Ok", "TEST.OK", "tEsT.oK"]) {
    it(`R4.2 '${action}' finds TEST.OK`, () => {
      expect(Registry.lookup(registry, action)).toBe(ok)
    })
  }

  it("R4.2 a name that no block has finds nothing", () => {
    expect(Registry.lookup(registry, "TEST.NOPE")).toBeUndefined()
  })

  it("R4.2 inherited object members are not blocks", () => {
    expect(Registry.lookup(registry, "constructor")).toBeUndefined()
    expect(Registry.lookup(registry, "__proto__")).toBeUndefined()
  })

  it.effect("R4.2 a step finds its block whatever the case and shows the display name", () =>
    Effect.gen(function* () {
      const job = yield* Job.load({ steps: [{ action: "test.add", parameters: { a: 1, b: 1 } }] }, registry)

      const result = yield* Run.run(job)

      expect(result.steps[0]!.action).toBe("TEST.ADD")
      expect(result.steps[0]!.status.name).toBe("DONE")
    })
  )

  it("R4.2 list gives every block in display-name order", () => {
    const reg = Registry.make(constant("b", 1), constant("a", 2, "z"), constant("a", 3))

    expect(Registry.list(reg).map((block) => block.displayName)).toEqual(["A", "B", "Z.A"])
  })

  it("R4.2 categories are unfolded into their blocks", () => {
    const reg = Registry.make(Block.category("math", [constant("one", 1), constant("two", 2)]))

    expect(Registry.list(reg).map((block) => block.displayName)).toEqual(["MATH.ONE", "MATH.TWO"])
  })
})

describe("R4.2 duplicate display names", () => {
  it("R4.2 two blocks with one display name are refused when the registry is built", () => {
    expect(() => Registry.make(constant("same", 1, "cat"), constant("same", 2, "cat"))).toThrow(
      Registry.DuplicateBlockError
    )
  })

  it("R4.2 names that differ only in case are the same display name", () => {
    expect(() => Registry.make(constant("Same", 1, "Cat"), constant("sAME", 2, "cAT"))).toThrow(
      "two blocks are named CAT.SAME"
    )
  })

  it("R4.2 a block clashing with a category's block is refused", () => {
    expect(() => Registry.make(Block.category("cat", [constant("x", 1)]), constant("x", 2, "cat"))).toThrow(
      Registry.DuplicateBlockError
    )
  })

  it("R4.2 the same name in different categories is allowed", () => {
    const reg = Registry.make(constant("x", 1, "a"), constant("x", 2, "b"), constant("x", 3))

    expect(Registry.list(reg)).toHaveLength(3)
  })

  it("R4.2 adding a clashing block to an existing registry is refused", () => {
    expect(() => Registry.add(registry, constant("ok", 1, "test"))).toThrow(Registry.DuplicateBlockError)
  })

  it("R4.2 adding blocks leaves the original registry unchanged", () => {
    const before = Registry.list(registry).length

    Registry.add(registry, constant("extra", 1))

    expect(Registry.list(registry).length).toBe(before)
  })
})

// ---- globals ----

interface Greetings {
  readonly greet: (name: string) => string
}
const Greetings = Context.GenericTag<Greetings>("test/Greetings")

const greet = Block.make({
  category: "hello",
  name: "greet",
  parameters: Schema.Struct({ name: Parameter.text }),
  run: ({ name }) => Effect.map(Greetings, (greetings) => greetings.greet(name))
})

const polite: Greetings = { greet: (name) => `Good day, ${name}` }

describe("R4.3 globals", () => {
  it.effect("R4.3 a block's service is provided with a Layer", () =>
    Effect.gen(function* () {
      const job = yield* Job.load(
        { steps: [{ action: "HELLO.GREET", parameters: { name: "Ada" } }] },
        Registry.make(greet)
      )

      const result = yield* Run.run(job).pipe(Effect.provide(Layer.succeed(Greetings, polite)))

      expect(result.steps[0]!.result).toBe("Good day, Ada")
    })
  )

  it.effect("R4.3 a block's service is provided with provideService", () =>
    Effect.gen(function* () {
      const job = yield* Job.load(
        { steps: [{ action: "hello.greet", parameters: { name: "Bo" } }] },
        Registry.make(greet)
      )

      const result = yield* Effect.provideService(Run.run(job), Greetings, { greet: (name) => `Hi ${name}` })

      expect(result.steps[0]!.result).toBe("Hi Bo")
    })
  )

  it("R4.3 running a job requires its blocks' services, checked by the compiler", () => {
    const job = Job.make({ steps: [] }, Registry.make(greet, ok))
    const run: Effect.Effect<JobResult, never, Greetings> = Run.run(job)

    // @ts-expect-error the Greetings service is not provided
    const unprovided: Effect.Effect<JobResult, never, never> = Run.run(job)

    expect([run, unprovided].every(Effect.isEffect)).toBe(true)
  })

  it.effect("R4.3 users cannot pass a global as a parameter", () =>
    Effect.gen(function* () {
      const document = {
        steps: [{ action: "HELLO.GREET", parameters: { name: "Ada", Greetings: { greet: "x" } } }]
      }
      const job = yield* Job.load(document, Registry.make(greet))

      const result = yield* Run.run(job).pipe(Effect.provideService(Greetings, polite))

      expect(statuses(result)).toEqual(["INVALID_TYPE"])
    })
  )

  it.effect("R4.3 the runtime gives blocks the current run: variables, locals, name and id", () =>
    Effect.gen(function* () {
      const inspect = Block.make({
        name: "inspect",
        parameters: noParameters,
        run: () =>
          Effect.map(CurrentRun.CurrentRun, (run) => ({
            variables: run.variables,
            locals: run.locals,
            name: run.jobName,
            id: run.jobId
          }))
      })
      const document = { name: "Job", id: "j1", variables: { v: 1 }, steps: [{ action: "INSPECT" }] }
      const job = yield* Job.load(document, Registry.make(inspect), { locals: { l: 2 } })

      const result = yield* Run.run(job)

      expect(result.steps[0]!.result).toEqual({
        variables: { v: 1 },
        locals: { l: 2 },
        name: "Job",
        id: "j1"
      })
    })
  )
})

describe("R4.4 private blocks", () => {
  it.effect("R4.4 a job's private block can be called by its steps", () =>
    Effect.gen(function* () {
      const mine = constant("mine", "private value", "own")
      const job = yield* Job.load({ steps: [{ action: "own.mine" }] }, registry, { blocks: [mine] })

      const result = yield* Run.run(job)

      expect(result.steps[0]!.result).toBe("private value")
    })
  )

  it.effect("R4.4 private blocks exist only for that job", () =>
    Effect.gen(function* () {
      const mine = constant("mine", 1, "own")
      yield* Job.load({ steps: [] }, registry, { blocks: [mine] })

      const other = yield* Job.load({ steps: [{ action: "OWN.MINE" }] }, registry)

      expect(Job.check(other)[0]!.status.name).toBe("BLOCK_NOT_FOUND")
      expect(Registry.lookup(registry, "OWN.MINE")).toBeUndefined()
    })
  )

  it.effect("R4.4 private blocks may come as a category", () =>
    Effect.gen(function* () {
      const job = yield* Job.load({ steps: [{ action: "own.a" }] }, registry, {
        blocks: [Block.category("own", [constant("a", "A")])]
      })

      const result = yield* Run.run(job)

      expect(result.steps[0]!.result).toBe("A")
    })
  )

  it("R4.4 a private block clashing with the registry is a developer error", () => {
    expect(() => Job.make({ steps: [] }, registry, { blocks: [constant("ok", 1, "test")] })).toThrow(
      Registry.DuplicateBlockError
    )
  })

  it("R4.4 a clash differing only in case is still a clash", () => {
    expect(() => Job.make({ steps: [] }, registry, { blocks: [constant("Ok", 1, "Test")] })).toThrow(
      "two blocks are named TEST.OK"
    )
  })

  it.effect("R4.4 a private block's service is required by the job", () =>
    Effect.gen(function* () {
      const job = Job.make({ steps: [{ action: "HELLO.GREET", parameters: { name: "Cy" } }] }, registry, {
        blocks: [greet]
      })

      const result = yield* Effect.provideService(Run.run(job), Greetings, polite)

      expect(result.steps[0]!.result).toBe("Good day, Cy")
    })
  )
})
