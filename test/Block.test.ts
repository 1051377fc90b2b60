/**
 * Blocks (SPEC R4.1, R4.2) and statuses (SPEC section 5): how a block is
 * defined and named, and how everything a block can do ends as a status.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import * as Block from "../src/Block.js"
import type { JobResult } from "../src/Events.js"
import * as Job from "../src/Job.js"
import * as Parameter from "../src/Parameter.js"
import * as Registry from "../src/Registry.js"
import * as Run from "../src/Run.js"
import * as Status from "../src/Status.js"
import * as StepError from "../src/StepError.js"
import { registry } from "./support/blocks.js"

const noParameters = Schema.Struct({})

const runOne = (action: string, parameters: Record<string, unknown> = {}, reg = registry) =>
  Effect.map(
    Effect.flatMap(Job.load({ steps: [{ action, parameters }] }, reg), Run.run),
    (result: JobResult) => result.steps[0]!
  )

describe("R4.1 defining a block", () => {
  it("R4.1 a block has a name, a category, a description, tags and maxUses", () => {
    const block = Block.make({
      category: "text",
      name: "shout",
      description: "Shouts.",
      tags: ["loud"],
      maxUses: 3,
      parameters: Schema.Struct({ text: Parameter.text }),
      run: ({ text }) => Effect.succeed(text.toUpperCase())
    })

    expect([block.name, block.category, block.description, block.tags, block.maxUses]).toEqual([
      "SHOUT",
      "TEXT",
      "Shouts.",
      ["loud"],
      3
    ])
  })

  it("R4.1 tags default to none, maxUses to unlimited and the category to null", () => {
    const block = Block.make({ name: "plain", parameters: noParameters, run: () => Effect.void })

    expect([block.category, block.tags, block.maxUses, block.description]).toEqual([null, [], null, ""])
  })

  it.effect("R4.1 a block that accepts any parameters receives them all", () =>
    Effect.gen(function* () {
      const step = yield* runOne("TEST.ECHO", { a: 1, b: [true], c: { d: null } })

      expect(step.status.name).toBe("DONE")
      expect(step.result).toEqual({ a: 1, b: [true], c: { d: null } })
    })
  )

  it.effect("R4.1 a block receives its parameters decoded, with defaults applied", () =>
    Effect.gen(function* () {
      const step = yield* runOne("TEST.OK")

      expect(step.result).toBe("ok")
    })
  )

  it("R4.1 a negative maxUses is a developer error", () => {
    expect(() =>
      Block.make({ name: "x", maxUses: -1, parameters: noParameters, run: () => Effect.void })
    ).toThrow(Block.BlockDefinitionError)
  })

  it("R4.1 an empty name is a developer error", () => {
    expect(() => Block.make({ name: " ", parameters: noParameters, run: () => Effect.void })).toThrow(
      Block.BlockDefinitionError
    )
  })

  it("R4.1 isBlock recognises blocks and nothing else", () => {
    const block = Block.make({ name: "x", parameters: noParameters, run: () => Effect.void })

    expect([Block.isBlock(block), Block.isBlock({ name: "X" }), Block.isBlock(null)]).toEqual([
      true,
      false,
      false
    ])
  })
})

describe("R4.2 display names", () => {
  it("R4.2 the display name is CATEGORY.NAME in upper case", () => {
    const block = Block.make({
      category: "Text",
      name: "join",
      parameters: noParameters,
      run: () => Effect.void
    })

    expect(block.displayName).toBe("TEXT.JOIN")
  })

  it("R4.2 a block without category is displayed by its name alone", () => {
    const block = Block.make({ name: "hello", parameters: noParameters, run: () => Effect.void })

    expect(block.displayName).toBe("HELLO")
  })

  it("R4.2 a category gives its blocks its name in upper case", () => {
    const block = Block.make({
      category: "old",
      name: "join",
      parameters: noParameters,
      run: () => Effect.void
    })

    const category = Block.category("text", [block])

    expect(category.name).toBe("TEXT")
    expect(category.blocks.map((b) => [b.category, b.displayName])).toEqual([["TEXT", "TEXT.JOIN"]])
  })

  it("R4.2 a name containing a dot is refused", () => {
    expect(() => Block.make({ name: "a.b", parameters: noParameters, run: () => Effect.void })).toThrow(
      Block.BlockDefinitionError
    )
  })

  it("R4.2 a category containing a dot is refused", () => {
    expect(() =>
      Block.make({ category: "a.b", name: "c", parameters: noParameters, run: () => Effect.void })
    ).toThrow(/must not contain a dot/)
  })

  it("R4.2 a category built with Block.category refuses a dot too", () => {
    expect(() => Block.category("a.b", [])).toThrow(Block.BlockDefinitionError)
  })
})

describe("R5 status values", () => {
  const table: ReadonlyArray<readonly [Status.StatusName, number]> = [
    ["NONE", -1],
    ["DONE", 0],
    ["SKIPPED", 100],
    ["UNHANDLED_EXCEPTION", 101],
    ["BLOCK_NOT_FOUND", 102],
    ["INVALID_ARGUMENT", 103],
    ["DUPLICATE_STEP_IDS", 104],
    ["FORBIDDEN_BLOCK", 105],
    ["ASSERTION_ERROR", 106],
    ["INVALID_TYPE", 107],
    ["STEP_LIMIT_EXCEED", 108],
    ["BLOCK_LIMIT_EXCEED", 109],
    ["IF_CONDITION_FAILED", 110],
    ["TIME_LIMIT_EXCEED", 111],
    ["SIZE_LIMIT_EXCEED", 112]
  ]

  it("R5 there are exactly the fifteen statuses of the table", () => {
    expect(Object.entries(Status.values)).toEqual(table)
  })

  for (const [name, value] of table) {
    it(`R5 ${name} has the value ${value}`, () => {
      expect(Status.make(name)).toEqual({ name, value })
    })
  }

  it("R5.1 every status except NONE, DONE and IF_CONDITION_FAILED is a failure", () => {
    const notFailures = table.filter(([name]) => !Status.isFailure(Status.make(name))).map(([name]) => name)

    expect(notFailures).toEqual(["NONE", "DONE", "IF_CONDITION_FAILED"])
  })
})

describe("R5.2 statusOf", () => {
  const errors: ReadonlyArray<readonly [StepError.StepError, Status.StatusName]> = [
    [new StepError.UnhandledException({ message: "m" }), "UNHANDLED_EXCEPTION"],
    [new StepError.BlockNotFound({ action: "x", message: "m" }), "BLOCK_NOT_FOUND"],
    [new StepError.InvalidArgument({ message: "m" }), "INVALID_ARGUMENT"],
    [new StepError.DuplicateStepIds({ id: "a", message: "m" }), "DUPLICATE_STEP_IDS"],
    [new StepError.ForbiddenBlock({ missingTags: ["t"], message: "m" }), "FORBIDDEN_BLOCK"],
    [new StepError.AssertionFailed({ message: "m" }), "ASSERTION_ERROR"],
    [new StepError.InvalidType({ message: "m" }), "INVALID_TYPE"],
    [new StepError.StepLimitExceeded({ limit: 1, message: "m" }), "STEP_LIMIT_EXCEED"],
    [new StepError.BlockLimitExceeded({ limit: 1, message: "m" }), "BLOCK_LIMIT_EXCEED"],
    [new StepError.TimeLimitExceeded({ message: "m" }), "TIME_LIMIT_EXCEED"],
    [new StepError.SizeLimitExceeded({ message: "m" }), "SIZE_LIMIT_EXCEED"]
  ]

  it("R5.2 every failure status has its own error type and statusOf is total", () => {
    const failureStatuses = Object.keys(Status.values).filter((name) =>
      Status.isFailure(Status.make(name as any))
    )
    const mapped = errors.map(([error]) => StepError.statusOf(error).name)

    expect(new Set(mapped).size).toBe(errors.length)
    expect([...mapped].sort()).toEqual(failureStatuses.filter((name) => name !== "SKIPPED").sort())
  })

  for (const [error, name] of errors) {
    it(`R5.2 ${error._tag} maps to ${name}`, () => {
      expect(StepError.statusOf(error).name).toBe(name)
    })
  }

  it("R5.2 an unknown failure is classified as UnhandledException with its message", () => {
    const classified = StepError.fromUnknown(new RangeError("too far"))

    expect(classified._tag).toBe("UnhandledException")
    expect(classified.message).toBe("RangeError: too far")
  })

  it("R5.2 a library error keeps its own status when classified", () => {
    const error = new StepError.InvalidArgument({ message: "bad" })

    expect(StepError.fromUnknown(error)).toBe(error)
  })

  it("R5.2 a look-alike object with a library tag is not trusted", () => {
    expect(StepError.fromUnknown({ _tag: "InvalidArgument", message: "fake" })._tag).toBe(
      "UnhandledException"
    )
  })
})

describe("R5.2 what a block's outcome becomes", () => {
  it.effect("R5.2 a block that succeeds gives DONE with its value", () =>
    Effect.gen(function* () {
      const step = yield* runOne("TEST.ADD", { a: 2, b: 3 })

      expect(step.status).toEqual({ name: "DONE", value: 0 })
      expect(step.result).toBe(5)
      expect(step.error).toBeUndefined()
    })
  )

  it.effect("R5.2 failing with InvalidArgument gives INVALID_ARGUMENT with the block's message", () =>
    Effect.gen(function* () {
      const step = yield* runOne("TEST.INVALID")

      expect(step.status).toEqual({ name: "INVALID_ARGUMENT", value: 103 })
      expect(step.error).toBe("bad value")
    })
  )

  it.effect("R5.2 failing with AssertionFailed gives ASSERTION_ERROR", () =>
    Effect.gen(function* () {
      const step = yield* runOne("TEST.ASSERT")

      expect(step.status).toEqual({ name: "ASSERTION_ERROR", value: 106 })
      expect(step.error).toBe("assertion failed")
    })
  )

  it.effect("R5.2 an unknown failure gives UNHANDLED_EXCEPTION with a message", () =>
    Effect.gen(function* () {
      const step = yield* runOne("TEST.OTHER")

      expect(step.status).toEqual({ name: "UNHANDLED_EXCEPTION", value: 101 })
      expect(step.error).toBe("Error: boom")
    })
  )

  it.effect("R5.2 a defect (a thrown exception) gives UNHANDLED_EXCEPTION with a message", () =>
    Effect.gen(function* () {
      const step = yield* runOne("TEST.DIE")

      expect(step.status).toEqual({ name: "UNHANDLED_EXCEPTION", value: 101 })
      expect(step.error).toBe("TypeError: kaboom")
    })
  )

  it.effect("R5.2 an exception thrown while building the block's Effect gives UNHANDLED_EXCEPTION", () =>
    Effect.gen(function* () {
      const throws = Block.make({
        name: "throws",
        parameters: "any",
        run: (): Effect.Effect<never> => {
          throw new Error("too early")
        }
      })

      const step = yield* runOne("THROWS", {}, Registry.make(throws))

      expect(step.status.name).toBe("UNHANDLED_EXCEPTION")
      expect(step.error).toBe("Error: too early")
    })
  )

  it.effect("R5.2 failing with plain data gives UNHANDLED_EXCEPTION that shows the data", () =>
    Effect.gen(function* () {
      const failsWithData = Block.make({
        name: "data",
        parameters: "any",
        run: () => Effect.fail({ code: 7 })
      })

      const step = yield* runOne("DATA", {}, Registry.make(failsWithData))

      expect(step.status.name).toBe("UNHANDLED_EXCEPTION")
      expect(step.error).toBe('{"code":7}')
    })
  )

  it.effect("R5.2 a block that interrupts itself gives UNHANDLED_EXCEPTION and the run goes on", () =>
    Effect.gen(function* () {
      const quits = Block.make({ name: "quits", parameters: "any", run: () => Effect.interrupt })
      const reg = Registry.add(registry, quits)

      const result = yield* Effect.flatMap(
        Job.load({ steps: [{ action: "QUITS" }, { action: "TEST.OK", forced: true }] }, reg),
        Run.run
      )

      expect(result.steps.map((step) => step.status.name)).toEqual(["UNHANDLED_EXCEPTION", "DONE"])
      expect(result.steps[0]!.error).toBe("the block was interrupted")
    })
  )

  it.effect(
    "R5.2 a parameter of the wrong type gives INVALID_TYPE naming the parameter and the expectation",
    () =>
      Effect.gen(function* () {
        const step = yield* runOne("TEST.ADD", { a: "x", b: 1 })

        expect(step.status).toEqual({ name: "INVALID_TYPE", value: 107 })
        expect(step.error).toBe('a: expected a number, got "x"')
      })
  )

  it.effect("R5.2 a nested parameter path is named in full", () =>
    Effect.gen(function* () {
      const point = Block.make({
        name: "point",
        parameters: Schema.Struct({ at: Schema.Struct({ x: Parameter.number }) }),
        run: ({ at }) => Effect.succeed(at.x)
      })

      const step = yield* runOne("POINT", { at: { x: true } }, Registry.make(point))

      expect(step.status.name).toBe("INVALID_TYPE")
      expect(step.error).toBe("at.x: expected a number, got true")
    })
  )

  it.effect("R5.2 an index in a parameter path is written in brackets, as in document load errors", () =>
    Effect.gen(function* () {
      const points = Block.make({
        name: "points",
        parameters: Schema.Struct({ at: Schema.Array(Schema.Struct({ x: Parameter.number })) }),
        run: ({ at }) => Effect.succeed(at.length)
      })

      const step = yield* runOne("POINTS", { at: [{ x: 1 }, { x: "2" }] }, Registry.make(points))

      expect(step.error).toBe('at[1].x: expected a number, got "2"')
    })
  )

  it.effect("R5.2 a missing parameter gives INVALID_TYPE naming it", () =>
    Effect.gen(function* () {
      const step = yield* runOne("TEST.ADD", { a: 1 })

      expect(step.status.name).toBe("INVALID_TYPE")
      expect(step.error).toBe("b: is required")
    })
  )

  it.effect("R5.2 an unexpected parameter gives INVALID_TYPE naming it", () =>
    Effect.gen(function* () {
      const step = yield* runOne("TEST.ADD", { a: 1, b: 2, c: 3 })

      expect(step.status.name).toBe("INVALID_TYPE")
      expect(step.error).toBe("c: unknown parameter")
    })
  )

  it.effect("R5.2 every decode problem is reported at once", () =>
    Effect.gen(function* () {
      const step = yield* runOne("TEST.ADD", { a: "x", b: "y" })

      expect(step.error).toBe('a: expected a number, got "x"; b: expected a number, got "y"')
    })
  )

  it.effect("R5.2 a decode failure means the block does not run", () =>
    Effect.gen(function* () {
      let calls = 0
      const counted = Block.make({
        name: "counted",
        parameters: Schema.Struct({ n: Parameter.number }),
        run: () => Effect.sync(() => calls++)
      })

      yield* runOne("COUNTED", { n: "one" }, Registry.make(counted))

      expect(calls).toBe(0)
    })
  )
})
