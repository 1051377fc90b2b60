import { Console, Effect } from "effect"
import { Job, Run, StandardBlocks } from "../../src/index.js"

// The document your users write; here an object, but JSON or YAML text works the same.
const workflow = {
  name: "Greeting",
  steps: [
    { id: "greeting", action: "TEXT.JOIN", parameters: { text1: "Hello", text2: "World" } },
    { action: "text.uppercase", parameters: { text: "{: greeting :}" } },
    { action: "MATH.SUM", parameters: { value1: 1, value2: "two" } },
    { action: "TEXT.LOWERCASE", parameters: { text: "never runs" } }
  ]
}

export const main = Effect.gen(function* () {
  // Load: decode the document and bind it to the blocks it may call.
  const job = yield* Job.load(workflow, StandardBlocks.standard)

  // Run: every step gets a status; the Effect itself does not fail because of a step.
  const result = yield* Run.run(job)

  for (const step of result.steps) {
    yield* Console.log(step.id, step.action, step.status.name, step.result ?? step.error)
  }
  yield* Console.log("success:", result.success, "- failed step:", result.failedStep?.id)
})
