import { Effect, Schema } from "effect"
import { Block, Job, Parameter, Registry, Run, StandardBlocks, StepError } from "../../src/index.js"

// A block: a name, a category, a parameter schema and an Effect.
const greet = Block.make({
  category: "hello",
  name: "greet",
  description: "Greets someone by name.",
  parameters: Schema.Struct({ name: Parameter.text, punctuation: Parameter.withDefault(Parameter.text, "!") }),
  run: ({ name, punctuation }) =>
    name === ""
      ? Effect.fail(new StepError.InvalidArgument({ message: "name must not be empty" }))
      : Effect.succeed(`Hello, ${name}${punctuation}`)
})

const registry = Registry.add(StandardBlocks.standard, greet)

// A workflow as your users write it: the second step reads the first step's result.
const workflow = {
  name: "greeting",
  steps: [
    { id: "hi", action: "hello.greet", parameters: { name: "Ada" } },
    { action: "TEXT.UPPERCASE", parameters: { text: "{: hi :}" } }
  ]
}

export const main = Effect.gen(function* () {
  const job = yield* Job.load(workflow, registry, { stepLimit: 100 })
  const result = yield* Run.run(job)
  console.log(result.success, result.steps.map((step) => [step.id, step.status.name, step.result]))
})

// Run it with Effect.runPromise(main), or yield* main inside your own Effect.
