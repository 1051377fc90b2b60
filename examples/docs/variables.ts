import { Console, Effect } from "effect"
import { Job, Run, StandardBlocks } from "../../src/index.js"

const workflow = {
  variables: { greeting: "Hi" },
  steps: [
    { id: "next", action: "MATH.SUM", parameters: { value1: "{# visits #}", value2: 1 } },
    { action: "VARIABLE.SET", parameters: { name: "visits", value: "{: next :}" } },
    { action: "LISTS.APPEND", parameters: { list: "{# seen #}", item: "{< user >}" } },
    { id: "colors", action: "LISTS.APPEND", parameters: { list: "{< colors >}", item: "blue" } },
    { action: "TEXT.JOIN", parameters: { text1: "{# greeting #},", text2: "{< user >}" } }
  ]
}

const locals = { user: "ada", colors: ["red"] }

export const main = Effect.gen(function* () {
  const job = yield* Job.load(workflow, StandardBlocks.standard, {
    // The developer's variables; the workflow's own `variables` go over them.
    variables: { greeting: "Hello", visits: 3, seen: [] },
    // Locals: users read them with {< ... >} and can never change them.
    locals
  })
  const result = yield* Run.run(job)

  yield* Console.log("results:", result.steps.map((step) => step.result))
  yield* Console.log("variables:", result.variables)
  yield* Console.log("locals:", locals)

  // Every run starts again from the job's initial variables.
  const again = yield* Run.run(job)
  yield* Console.log("second run:", again.variables)
})
