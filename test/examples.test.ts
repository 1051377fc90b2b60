/**
 * Every example under examples/ runs as examples/README.md says: each
 * workflow with the options its command line gives, each step ending with
 * the status listed there, and the store program printing its result.
 */
import { describe, expect, it, vi } from "@effect/vitest"
import { Effect } from "effect"
import { readdirSync, readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { standard } from "../src/blocks/Standard.js"
import type * as Job from "../src/Job.js"
import { runWorkflow, statusNames } from "../src/testing.js"
import * as Store from "../examples/store/store.js"

const examples = fileURLToPath(new URL("../examples/", import.meta.url))

interface Expectation {
  /** The job options the example's command line gives. */
  readonly options?: Job.Options
  readonly statuses: ReadonlyArray<string>
  readonly results?: Readonly<Record<string, unknown>>
  readonly variables?: Readonly<Record<string, unknown>>
}

const expectations: Readonly<Record<string, Expectation>> = {
  "quick-start.json": {
    statuses: ["DONE", "DONE", "DONE"],
    results: { greeting: "Hello World", space: "Hello Space", "3": "HELLO SPACE" }
  },
  "variables.yaml": {
    statuses: ["DONE", "DONE", "DONE", "DONE", "DONE"],
    results: { welcome: "Hello, Ada and Grace (2 guests)" },
    variables: { greeting: "Hello", guests: ["Ada", "Grace"], guest_count: 2 }
  },
  "conditions.json": {
    statuses: ["DONE", "DONE", "IF_CONDITION_FAILED", "DONE"],
    results: { warning: "Hot: 31C", summary: "Hot: 31C" }
  },
  "forced-steps.json": {
    statuses: ["INVALID_ARGUMENT", "SKIPPED", "DONE", "DONE"],
    results: { cleanup: "failed step: INVALID_ARGUMENT" }
  },
  "limits.json": {
    // npx conduit run examples/limits.json --step-limit 3 --block-limit 'TEXT.*=1'
    options: { stepLimit: 3, blockLimits: { "TEXT.*": 1 } },
    statuses: ["DONE", "DONE", "BLOCK_LIMIT_EXCEED", "STEP_LIMIT_EXCEED", "SKIPPED"]
  }
}

const workflowFiles = readdirSync(examples)
  .filter((file) => /\.(json|ya?ml)$/.test(file))
  .sort()

describe("the example workflows", () => {
  it("each has its expectation here", () => {
    expect(workflowFiles).toEqual(Object.keys(expectations).sort())
  })

  for (const file of workflowFiles) {
    it.effect(`${file} ends with the statuses its README lists`, () =>
      Effect.gen(function* () {
        const expected = expectations[file]!
        const text = readFileSync(examples + file, "utf8")

        const result = yield* runWorkflow(text, standard, expected.options)

        expect(statusNames(result)).toEqual(expected.statuses)
        for (const [id, value] of Object.entries(expected.results ?? {})) {
          expect(result.steps.find((step) => step.id === id)?.result, id).toEqual(value)
        }
        if (expected.variables !== undefined) expect(result.variables).toEqual(expected.variables)
      })
    )
  }
})

describe("the store example", () => {
  it.effect("runs the user's workflow against the store and prints the result as JSON", () =>
    Effect.gen(function* () {
      const [report, printed] = yield* Effect.acquireUseRelease(
        Effect.sync(() => vi.spyOn(console, "log").mockImplementation(() => {})),
        (log) =>
          Effect.map(
            Store.main,
            (report) => [report, log.mock.calls.map((call) => String(call[0]))] as const
          ),
        (log) => Effect.sync(() => log.mockRestore())
      )

      expect(printed).toHaveLength(1)
      expect(JSON.parse(printed[0]!)).toEqual(report)
      expect(report.failedStep).toBe("missing")
      expect(report.steps.map((step) => [step.id, step.status])).toEqual([
        ["greeting", "DONE"],
        ["message", "DONE"],
        ["3", "DONE"],
        ["keys", "DONE"],
        ["missing", "INVALID_ARGUMENT"],
        ["report", "DONE"]
      ])
      expect(report.steps.at(-1)).toMatchObject({ result: "stored keys: greeting, message" })
    })
  )

  it.effect("a STORE block sees only the store the host provides", () =>
    Effect.gen(function* () {
      const document = { steps: [{ action: "STORE.GET", parameters: { key: "secret" } }] }

      const result = yield* runWorkflow(document, Store.registry).pipe(
        Effect.provide(Store.memoryStore({ secret: 42 }))
      )

      expect(result.steps[0]!.result).toBe(42)
    })
  )
})
