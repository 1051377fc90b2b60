/**
 * The JSON Schemas that editors and tools use: the one `conduit schema`
 * prints for workflow documents, and the parameter schemas that the catalog
 * (`conduit blocks --format json`) gives for every block. Both are checked
 * with a maintained validator (Ajv, draft-07).
 */
import { describe, expect, it } from "@effect/vitest"
import { Ajv } from "ajv"
import type { ValidateFunction } from "ajv"
import { Effect, FastCheck, Schema } from "effect"
import { execFile } from "node:child_process"
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import * as YAML from "yaml"
import * as Block from "../src/Block.js"
import { standard } from "../src/blocks/Standard.js"
import * as Catalog from "../src/Catalog.js"
import * as Parameter from "../src/Parameter.js"
import * as Registry from "../src/Registry.js"
import { arbitraryWorkflow } from "../src/testing.js"
import * as Workflow from "../src/Workflow.js"

const root = fileURLToPath(new URL("..", import.meta.url))
const casesDir = fileURLToPath(new URL("../../shared/cases/", import.meta.url))

/** Runs the command line from source, as `npx conduit` would from the build. */
const conduit = async (...args: ReadonlyArray<string>): Promise<string> => {
  const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url))
  const { stdout } = await promisify(execFile)(tsx, ["src/cli/bin.ts", ...args], { cwd: root })
  return stdout
}

/** Ajv in strict mode; union types (`"type": ["string", "array"]`) are valid draft-07. */
const compile = (schema: unknown): ValidateFunction =>
  new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema as object)

const validator = compile(Workflow.jsonSchema())

/** Documents users may write, beside the shared cases. */
const inlineDocuments: ReadonlyArray<readonly [string, unknown]> = [
  ["the smallest document", { steps: [] }],
  [
    "a step with every key",
    {
      name: "all keys",
      id: "w1",
      variables: { count: 1 },
      steps: [
        { action: "MATH.SUM", id: 7, parameters: { value1: 1, value2: 2 }, forced: true, if: ["{# count #}"] }
      ]
    }
  ],
  ["null name and id", { name: null, id: null, steps: [{ action: "LOGIC.TRUE", id: null }] }],
  ["a string condition", { steps: [{ action: "LOGIC.TRUE", if: "yes" }] }]
]

const invalidDocuments: ReadonlyArray<readonly [string, unknown]> = [
  ["a misspelt step key", { steps: [{ action: "LOGIC.TRUE", paramters: {} }] }],
  ["a misspelt workflow key", { stepz: [], steps: [] }],
  ["no steps", { name: "x" }],
  ["an action that is not text", { steps: [{ action: 1 }] }],
  ["a fractional id", { steps: [{ action: "LOGIC.TRUE", id: 1.5 }] }],
  ["forced as text", { steps: [{ action: "LOGIC.TRUE", forced: "yes" }] }],
  ["parameters as a list", { steps: [{ action: "LOGIC.TRUE", parameters: [] }] }],
  ["not an object", [1, 2]]
]

interface CaseDocument {
  readonly name: string
  readonly document: unknown
  /** The case expects the document to be refused when loading (exit code 2). */
  readonly refused: boolean
}

/**
 * The public case documents, or generated documents when the shared cases
 * are not beside this repository.
 */
const caseDocuments = (): ReadonlyArray<CaseDocument> => {
  if (!existsSync(casesDir)) {
    console.warn(`schema.test: ${casesDir} is missing; validating generated documents instead`)
    return FastCheck.sample(arbitraryWorkflow(standard, { maxSteps: 5 }), 50).map((document, index) => ({
      name: `generated document ${index + 1}`,
      document,
      refused: false
    }))
  }
  return readdirSync(casesDir)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => {
      const spec = JSON.parse(readFileSync(casesDir + file, "utf8"))
      const document = spec.workflowYaml !== undefined ? YAML.parse(spec.workflowYaml) : spec.workflow
      return { name: file, document, refused: spec.expect?.exit === 2 }
    })
}

describe("the workflow JSON Schema", () => {
  it("is a draft-07 schema with closed objects and descriptions", () => {
    const schema = Workflow.jsonSchema() as any
    const step = schema.properties.steps.items

    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#")
    expect(schema.$defs, "no later-draft keywords").toBeUndefined()
    expect(step.additionalProperties).toBe(false)
    expect(schema.additionalProperties).toBe(false)
    for (const key of ["action", "id", "parameters", "forced", "if"]) {
      expect(step.properties[key].description, key).toEqual(expect.any(String))
    }
  })

  const cases = caseDocuments()
  it("has public case documents to validate", () => {
    expect(cases.length).toBeGreaterThan(0)
  })

  for (const { document, name, refused } of cases) {
    if (refused) {
      it(`refuses ${name}, which the loader refuses too`, () => {
        expect(validator(document)).toBe(false)
      })
    } else {
      it(`accepts ${name}`, () => {
        expect(validator(document), JSON.stringify(validator.errors)).toBe(true)
      })
    }
  }

  for (const [name, document] of inlineDocuments) {
    it(`accepts ${name}`, () => {
      expect(validator(document), JSON.stringify(validator.errors)).toBe(true)
    })
  }

  for (const [name, document] of invalidDocuments) {
    it(`refuses ${name}`, () => {
      expect(validator(document)).toBe(false)
    })
  }

  it("names the misspelt key", () => {
    validator({ steps: [{ action: "LOGIC.TRUE", paramters: {} }] })

    expect(validator.errors).toContainEqual(
      expect.objectContaining({ instancePath: "/steps/0", params: { additionalProperty: "paramters" } })
    )
  })

  const generated = arbitraryWorkflow(standard, { maxSteps: 4 })
  it.prop("accepts every generated workflow", [generated], ([document]) => {
    expect(validator(document), JSON.stringify(validator.errors)).toBe(true)
  })

  it("is what `conduit schema` prints", { timeout: 60_000 }, async () => {
    const printed = JSON.parse(await conduit("schema"))

    expect(printed).toEqual(Workflow.jsonSchema())
  })
})

describe("the parameter JSON Schemas of the catalog", () => {
  const entries = Catalog.ofRegistry(standard)

  /** A validator for each block whose schema compiles; the first test reports the others. */
  const validators = new Map<string, ValidateFunction>()
  const problems: Array<string> = []
  for (const entry of entries) {
    try {
      validators.set(entry.name, compile(entry.schema))
    } catch (error) {
      problems.push(`${entry.name}: ${(error as Error).message}`)
    }
  }

  it("gives every block a JSON Schema that compiles", () => {
    expect(problems).toEqual([])
  })

  it("describes every block's parameters as an object", () => {
    const notObjects = entries.filter((entry) => (entry.schema as { type?: unknown }).type !== "object")

    expect(notObjects.map((entry) => entry.name)).toEqual([])
  })

  it("lists the same parameters as the schema's properties", () => {
    for (const entry of entries.filter((e) => !e.anyParameters)) {
      const schema = entry.schema as { properties?: object; required?: ReadonlyArray<string> }

      expect(
        entry.parameters.map((p) => p.name),
        entry.name
      ).toEqual(Object.keys(schema.properties ?? {}))
      const required = entry.parameters.filter((p) => p.required).map((p) => p.name)
      expect(required, entry.name).toEqual(schema.required ?? [])
    }
  })

  it.prop(
    "accepts parameters that the block's own schema accepts",
    [arbitraryWorkflow(standard, { referenceProbability: 0, maxSteps: 10 })],
    ([document]) => {
      for (const step of document.steps) {
        const validate = validators.get(step.action)
        if (validate === undefined) continue

        expect(validate(step.parameters), `${step.action}: ${JSON.stringify(validate.errors)}`).toBe(true)
      }
    }
  )

  it("refuses a misspelt parameter", () => {
    const join = compile(Catalog.describe(Registry.lookup(standard, "TEXT.JOIN")!).schema)

    expect(join({ text1: "a", text2: "b" })).toBe(true)
    expect(join({ text1: "a", text2: "b", joinwith: "-" })).toBe(false)
  })

  it("shows a choice among literals as its choices, and an integer parameter's default and description", () => {
    const block = Block.make({
      name: "pick",
      parameters: Schema.Struct({
        level: Schema.Literal("low", "high"),
        count: Parameter.withDefault(Parameter.integer.pipe(Parameter.describe("How many.")), 1)
      }),
      run: () => Effect.succeed(null)
    })

    const [level, count] = Catalog.describe(block).parameters

    expect(level).toMatchObject({ name: "level", type: '"low" | "high"', required: true })
    expect(count).toMatchObject({ name: "count", type: "integer", default: "1", description: "How many." })
  })

  it("is what `conduit blocks --format json` prints", { timeout: 60_000 }, async () => {
    const printed = JSON.parse(await conduit("blocks", "--format", "json"))

    expect(printed).toEqual(JSON.parse(JSON.stringify(entries)))
  })
})
