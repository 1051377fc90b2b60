import { Console, Effect, Schema } from "effect"
import { Block, Job, Run, StandardBlocks } from "../../src/index.js"

// A block made for one job only, e.g. one that knows the current user.
const whoami = (user: string) =>
  Block.make({ name: "whoami", parameters: Schema.Struct({}), run: () => Effect.succeed(user) })

const workflow = {
  steps: [{ action: "WHOAMI" }, { action: "TEXT.UPPERCASE", parameters: { text: "{: 1 :}" } }]
}

export const main = Effect.gen(function* () {
  // The job for Ada has WHOAMI beside the standard blocks...
  const forAda = yield* Job.load(workflow, StandardBlocks.standard, { blocks: [whoami("ada")] })
  const ada = yield* Run.run(forAda)
  yield* Console.log(ada.steps.map((step) => `${step.status.name} ${step.result}`).join(", "))

  // ...while the standard registry itself is unchanged.
  const plain = yield* Run.run(yield* Job.load(workflow, StandardBlocks.standard))
  yield* Console.log(plain.steps[0]?.status.name, "-", plain.steps[0]?.error)
})
