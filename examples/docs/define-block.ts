import { Console, Effect, Schema } from "effect"
import { Block, Job, Parameter, Registry, Run, StandardBlocks } from "../../src/index.js"

// A block: a name, an optional category, a parameter schema and a function to an Effect.
const repeat = Block.make({
  category: "text_tools",
  name: "repeat",
  description: "Repeats a text a number of times, with a separator between the copies.",
  parameters: Schema.Struct({
    text: Parameter.text.pipe(Parameter.describe("The text to repeat.")),
    times: Parameter.integer.pipe(Parameter.describe("How many copies.")),
    separator: Parameter.withDefault(Parameter.text, ""),
    suffix: Parameter.optional(Parameter.text)
  }),
  run: ({ text, times, separator, suffix }) =>
    Effect.succeed(Array.from({ length: times }, () => text).join(separator) + (suffix ?? ""))
})

// A registry is the set of blocks a job may call: here the standard blocks plus ours.
const registry = Registry.add(StandardBlocks.standard, repeat)

const workflow = {
  steps: [
    { id: "cheer", action: "TEXT_TOOLS.REPEAT", parameters: { text: "hip", times: 2, separator: " " } },
    { action: "text_tools.repeat", parameters: { text: "{: cheer :} hooray", times: 1, suffix: "!" } },
    { action: "TEXT_TOOLS.REPEAT", parameters: { text: "no", times: 1.5 } }
  ]
}

export const main = Effect.gen(function* () {
  const result = yield* Run.run(yield* Job.load(workflow, registry))

  for (const step of result.steps) {
    yield* Console.log(step.status.name, step.result ?? step.error)
  }
})
