/**
 * The workflow document (SPEC section 3): what a document may hold, the three
 * ways to give one (JSON text, YAML text, a parsed value), and how a malformed
 * document is refused as a whole with one typed error.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit } from "effect"
import * as Job from "../src/Job.js"
import * as Run from "../src/Run.js"
import * as Workflow from "../src/Workflow.js"
import { registry } from "./support/blocks.js"

/** The issues of a load error, as `path: message` lines. */
const issuesOf = (error: Workflow.WorkflowLoadError) =>
  error.issues.map((issue) => (issue.path === "" ? issue.message : `${issue.path}: ${issue.message}`))

const refuse = (input: unknown) => Effect.flip(Workflow.decode(input))

describe("R3.1 the workflow document", () => {
  it.effect("R3.1 a workflow holds a name, an id, variables and steps", () =>
    Effect.gen(function* () {
      const document = {
        name: "Greet",
        id: "w1",
        variables: { who: "World" },
        steps: [{ action: "TEST.OK" }]
      }

      const workflow = yield* Workflow.decode(document)

      expect(workflow).toEqual(document)
    })
  )

  it.effect("R3.1 only steps is required", () =>
    Effect.gen(function* () {
      const workflow = yield* Workflow.decode({ steps: [] })

      expect(workflow).toEqual({ steps: [] })
    })
  )

  it.effect("R3.1 a job without name or id has null for both", () =>
    Effect.gen(function* () {
      const job = yield* Job.load({ steps: [] }, registry)

      expect([job.name, job.id]).toEqual([null, null])
    })
  )

  it.effect("R3.1 R3.2 null for an optional key means it is not given, as YAML writes an empty key", () =>
    Effect.gen(function* () {
      const document = Workflow.parse(
        "name:\nvariables:\nsteps:\n  - action: LOGIC.TRUE\n    parameters:\n    forced:\n    if:\n    id:\n",
        "yaml"
      )

      const job = yield* Effect.flatMap(document, (workflow) => Job.load(workflow, registry))

      expect([job.name, job.variables]).toEqual([null, {}])
      expect(job.steps[0]).toMatchObject({ id: "1", forced: false, conditions: null })
    })
  )

  it.effect("R3.1 workflow variables are merged over the developer's", () =>
    Effect.gen(function* () {
      const document = { variables: { a: "user", b: "user" }, steps: [] }

      const job = yield* Job.load(document, registry, { variables: { a: "developer", c: "developer" } })

      expect(job.variables).toEqual({ a: "user", b: "user", c: "developer" })
    })
  )
})

describe("R3.2 steps", () => {
  it.effect("R3.2 a step holds action, id, parameters, forced and if", () =>
    Effect.gen(function* () {
      const step = { action: "TEST.OK", id: "s", parameters: { value: 1 }, forced: true, if: ["a", "b"] }

      const workflow = yield* Workflow.decode({ steps: [step] })

      expect(workflow.steps[0]).toEqual(step)
    })
  )

  it.effect("R3.2 a step id may be an integer", () =>
    Effect.gen(function* () {
      const workflow = yield* Workflow.decode({ steps: [{ action: "TEST.OK", id: 7 }] })

      expect(workflow.steps[0]!.id).toBe(7)
    })
  )

  it.effect("R3.2 an if may be a single text", () =>
    Effect.gen(function* () {
      const workflow = yield* Workflow.decode({ steps: [{ action: "TEST.OK", if: "yes" }] })

      expect(workflow.steps[0]!.if).toBe("yes")
    })
  )

  it.effect("R3.2 parameters default to {} and forced to false", () =>
    Effect.gen(function* () {
      const job = yield* Job.load({ steps: [{ action: "TEST.OK" }] }, registry)

      expect(job.steps[0]!.parameters).toEqual({})
      expect(job.steps[0]!.forced).toBe(false)
    })
  )
})

describe("R3.3 accepted forms", () => {
  const expected = { name: "Forms", steps: [{ action: "TEST.OK", parameters: { value: 1 } }] }

  it.effect("R3.3 JSON text is accepted", () =>
    Effect.gen(function* () {
      const workflow = yield* Workflow.parse(JSON.stringify(expected))

      expect(workflow).toEqual(expected)
    })
  )

  it.effect("R3.3 YAML text is accepted", () =>
    Effect.gen(function* () {
      const text = "name: Forms\nsteps:\n  - action: TEST.OK\n    parameters:\n      value: 1\n"

      const workflow = yield* Workflow.parse(text)

      expect(workflow).toEqual(expected)
    })
  )

  it.effect("R3.3 an already-parsed value is accepted", () =>
    Effect.gen(function* () {
      const workflow = yield* Workflow.decode(structuredClone(expected))

      expect(workflow).toEqual(expected)
    })
  )

  it.effect("R3.3 Job.load takes text and parsed values alike", () =>
    Effect.gen(function* () {
      const fromText = yield* Job.load("steps:\n  - action: test.ok\n", registry)
      const fromValue = yield* Job.load({ steps: [{ action: "test.ok" }] }, registry)

      expect(fromText.steps.map((step) => step.action)).toEqual(["TEST.OK"])
      expect(fromValue.steps.map((step) => step.action)).toEqual(["TEST.OK"])
    })
  )

  it.effect("R3.3 an explicit format overrides the guess", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(Workflow.parse("steps: []", "json"))

      expect(issuesOf(error)[0]).toMatch(/^invalid JSON/)
    })
  )
})

describe("R3.3 malformed documents", () => {
  it.effect("R3.3 one error names every offending path", () =>
    Effect.gen(function* () {
      const document = {
        steps: [
          { action: "TEST.OK" },
          { action: 42 },
          { action: "TEST.OK", paramters: {} },
          { action: "TEST.OK", forced: "yes" }
        ]
      }

      const error = yield* refuse(document)

      expect(issuesOf(error)).toEqual([
        "steps[1].action: expected a text, got 42",
        "steps[2].paramters: unknown key",
        'steps[3].forced: expected true or false, got "yes"'
      ])
    })
  )

  it.effect("R3.3 the error message lists every issue, one per line", () =>
    Effect.gen(function* () {
      const error = yield* refuse({ steps: [{ action: 1 }, { action: "x", paramters: {} }] })

      expect(error.message).toBe("steps[0].action: expected a text, got 1\nsteps[1].paramters: unknown key")
    })
  )

  it.effect("R3.3 missing steps is refused", () =>
    Effect.gen(function* () {
      const error = yield* refuse({ name: "no steps" })

      expect(issuesOf(error)).toEqual(["steps: is required"])
    })
  )

  it.effect("R3.3 a step without an action is refused", () =>
    Effect.gen(function* () {
      const error = yield* refuse({ steps: [{ id: "a" }] })

      expect(issuesOf(error)).toEqual(["steps[0].action: is required"])
    })
  )

  it.effect("R3.3 steps that is not a list is refused", () =>
    Effect.gen(function* () {
      const error = yield* refuse({ steps: { action: "TEST.OK" } })

      expect(error.issues.map((issue) => issue.path)).toEqual(["steps"])
    })
  )

  it.effect("R3.3 a step that is not an object is refused", () =>
    Effect.gen(function* () {
      const error = yield* refuse({ steps: ["TEST.OK"] })

      expect(issuesOf(error)).toEqual(['steps[0]: expected a step object, got "TEST.OK"'])
    })
  )

  it.effect("R3.3 an unknown top-level key is refused", () =>
    Effect.gen(function* () {
      const error = yield* refuse({ steps: [], nmae: "typo" })

      expect(issuesOf(error)).toEqual(["nmae: unknown key"])
    })
  )

  it.effect("R3.3 fields of the wrong kind are refused, one issue per path", () =>
    Effect.gen(function* () {
      const document = { name: 1, variables: [], steps: [{ action: "x", id: 1.5, parameters: [], if: 3 }] }

      const error = yield* refuse(document)

      expect(error.issues.map((issue) => issue.path)).toEqual([
        "name",
        "variables",
        "steps[0].id",
        "steps[0].parameters",
        "steps[0].if"
      ])
    })
  )

  for (const input of [5, null, [], "steps", true]) {
    it.effect(`R3.3 a document that is not an object (${JSON.stringify(input)}) is refused`, () =>
      Effect.gen(function* () {
        const error = yield* refuse(input)

        expect(error.issues).toHaveLength(1)
        expect(error.issues[0]!.path).toBe("")
        expect(error.issues[0]!.message).toMatch(/^expected a workflow object/)
      })
    )
  }

  it.effect("R3.3 invalid JSON text is refused with a typed error", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(Workflow.parse('{"steps": [}'))

      expect(error._tag).toBe("WorkflowLoadError")
      expect(issuesOf(error)[0]).toMatch(/^invalid JSON: /)
    })
  )

  it.effect("R3.3 invalid YAML text is refused with a typed error", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(Workflow.parse("steps: [a, b\nname: x"))

      expect(error._tag).toBe("WorkflowLoadError")
      expect(issuesOf(error)[0]).toMatch(/^invalid YAML: /)
    })
  )

  it.effect("R3.3 YAML with a key written twice is refused, at any depth, naming the key", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(Workflow.parse("steps: []\nsteps: []\n"))
      const nested = yield* Effect.flip(
        Workflow.parse("steps:\n  - action: A\n    parameters: {x: 1, x: 2}\n")
      )

      expect(issuesOf(error)).toEqual(['invalid YAML: Map keys must be unique ("steps" is repeated)'])
      expect(issuesOf(nested)).toEqual(['invalid YAML: Map keys must be unique ("x" is repeated)'])
    })
  )

  it.effect("R3.3 R13.3 a YAML mapping with many keys loads in linear time", () =>
    Effect.gen(function* () {
      const keys = Array.from({ length: 50_000 }, (_, i) => `  k${i}: ${i}`).join("\n")

      // The parser's own unique-key check would take tens of seconds here, past the test's time-out.
      const workflow = yield* Workflow.parse(`variables:\n${keys}\nsteps: []\n`, "yaml")

      expect(Object.keys(workflow.variables!)).toHaveLength(50_000)
    })
  )

  it.effect("R13.3 tab-separated YAML keys count towards the node estimate", () =>
    Effect.gen(function* () {
      const keys = Array.from({ length: 30 }, (_, i) => `  k${i}:\t${i}`).join("\n")

      const error = yield* Effect.flip(
        Workflow.parse(`variables:\n${keys}\nsteps: []\n`, "yaml", {
          ...Workflow.defaultLoadLimits,
          maxYamlNodes: 40
        })
      )

      expect(issuesOf(error)[0]).toContain("more than about 40 nodes")
    })
  )

  it.effect("R3.3 YAML text that is a scalar is refused like any non-object", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(Workflow.parse("just text"))

      expect(issuesOf(error)).toEqual(['expected a workflow object, got "just text"'])
    })
  )

  it.effect("R3.3 empty text is refused", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(Workflow.parse(""))

      expect(issuesOf(error)).toEqual(["expected a workflow object, got null"])
    })
  )

  it.effect("R3.3 a refused document is a failure, never a defect", () =>
    Effect.gen(function* () {
      const exit = yield* Effect.exit(Job.load("{ not json", registry))

      expect(Exit.isFailure(exit) && exit.cause._tag).toBe("Fail")
    })
  )

  it.effect("R3.3 a malformed document is refused as a whole before anything runs", () =>
    Effect.gen(function* () {
      const seen: Array<unknown> = []
      const document = { steps: [{ action: "TEST.OK" }, { action: "TEST.OK", paramters: {} }] }

      const exit = yield* Effect.exit(
        Effect.flatMap(
          Job.load(document, registry, { onStepUpdate: (event) => void seen.push(event) }),
          Run.run
        )
      )

      expect(Exit.isFailure(exit)).toBe(true)
      expect(seen).toEqual([])
    })
  )

  it.effect("R3.3 a document nested beyond the load limit is refused", () =>
    Effect.gen(function* () {
      let deep: unknown = "bottom"
      for (let i = 0; i < 200; i++) deep = [deep]

      const error = yield* refuse({ steps: [{ action: "TEST.ECHO", parameters: { deep } }] })

      expect(issuesOf(error)).toEqual(["the document is nested deeper than 128 levels"])
    })
  )
})

describe("R3.3 hostile keys", () => {
  const leaked = () => Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")

  it.effect("R3.3 a __proto__ key in JSON parameters stays plain data", () =>
    Effect.gen(function* () {
      const workflow = yield* Workflow.parse(
        '{"steps":[{"action":"x","parameters":{"__proto__":{"polluted":1}}}]}'
      )
      const parameters = workflow.steps[0]!.parameters!

      expect(Object.keys(parameters)).toEqual(["__proto__"])
      expect(Object.getPrototypeOf(parameters)).toBe(Object.prototype)
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      expect(leaked()).toBe(false)
    })
  )

  it.effect("R3.3 a __proto__ key in YAML parameters stays plain data", () =>
    Effect.gen(function* () {
      const text = "steps:\n  - action: x\n    parameters:\n      __proto__:\n        polluted: 1\n"

      const workflow = yield* Workflow.parse(text)
      const parameters = workflow.steps[0]!.parameters!

      expect(Object.keys(parameters)).toEqual(["__proto__"])
      expect(Object.getPrototypeOf(parameters)).toBe(Object.prototype)
      expect(leaked()).toBe(false)
    })
  )

  it.effect("R3.3 a __proto__ key survives a run as data and Object.prototype is untouched", () =>
    Effect.gen(function* () {
      const text =
        '{"variables":{"__proto__":{"polluted":1}},"steps":[{"action":"TEST.ECHO",' +
        '"parameters":{"__proto__":{"polluted":1}}}]}'

      const result = yield* Effect.flatMap(Job.load(text, registry), Run.run)
      const echoed = result.steps[0]!.result as Record<string, unknown>

      expect(result.steps[0]!.status.name).toBe("DONE")
      expect(Object.hasOwn(echoed, "__proto__")).toBe(true)
      expect(Object.getPrototypeOf(echoed)).toBe(Object.prototype)
      expect(Object.keys(result.variables)).toEqual(["__proto__"])
      expect(leaked()).toBe(false)
    })
  )

  it.effect("R3.3 a top-level __proto__ key is an unknown key", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(Workflow.parse('{"steps":[],"__proto__":{"polluted":1}}'))

      expect(issuesOf(error)).toEqual(["__proto__: unknown key"])
      expect(leaked()).toBe(false)
    })
  )
})

describe("R3.4 meaning is not shape", () => {
  it.effect("R3.4 unknown blocks and duplicate ids load and become step statuses", () =>
    Effect.gen(function* () {
      const document = {
        steps: [{ action: "NO.SUCH" }, { action: "TEST.OK", id: "a" }, { action: "TEST.OK", id: "a" }]
      }

      const job = yield* Job.load(document, registry)

      expect(Job.check(job).map((verdict) => verdict.status.name)).toEqual([
        "BLOCK_NOT_FOUND",
        "NONE",
        "DUPLICATE_STEP_IDS"
      ])
    })
  )
})

describe("YAML conveniences (R3.3)", () => {
  it.effect("anchors, aliases and merge keys (<<) work as YAML users expect", () =>
    Effect.gen(function* () {
      const workflow = yield* Workflow.parse(
        [
          "variables:",
          "  defaults: &defaults {text1: Hello, join_with: ' '}",
          "steps:",
          "  - action: TEST.ECHO",
          "    parameters:",
          "      <<: *defaults",
          "      text2: World"
        ].join("\n")
      )
      expect(workflow.steps[0]!.parameters).toEqual({ text1: "Hello", join_with: " ", text2: "World" })
    })
  )
})
