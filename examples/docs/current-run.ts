import { Console, Effect, Schema } from "effect"
import { Block, CurrentRun, Job, Parameter, Registry, Run, StepError } from "../../src/index.js"

// A block that reads and changes the run's variables through the CurrentRun service,
// which the runtime gives every block (no Layer needed).
const increment = Block.make({
  category: "counter",
  name: "increment",
  parameters: Schema.Struct({ name: Parameter.text, by: Parameter.withDefault(Parameter.number, 1) }),
  run: ({ name, by }) =>
    Effect.gen(function* () {
      const run = yield* CurrentRun.CurrentRun
      const current = Object.hasOwn(run.variables, name) ? run.variables[name] : 0
      if (typeof current !== "number") {
        return yield* Effect.fail(new StepError.InvalidArgument({ message: `${name} is not a number` }))
      }
      run.variables[name] = current + by
      return current + by
    })
})

const workflow = {
  steps: [
    { action: "COUNTER.INCREMENT", parameters: { name: "clicks" } },
    { action: "COUNTER.INCREMENT", parameters: { name: "clicks", by: 10 } },
    { action: "COUNTER.INCREMENT", parameters: { name: "label" } }
  ]
}

export const main = Effect.gen(function* () {
  const job = yield* Job.load(workflow, Registry.make(increment), { variables: { label: "x" } })
  const result = yield* Run.run(job)

  yield* Console.log(result.steps.map((step) => step.result ?? step.error))
  yield* Console.log(result.variables)
})
