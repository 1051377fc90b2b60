import { Console, Effect, Schema } from "effect"
import { Block, Job, Registry, Run } from "../../src/index.js"

// Only jobs that carry the tag "admin" may call this block.
const shutdown = Block.make({
  category: "system",
  name: "shutdown",
  tags: ["admin"],
  parameters: Schema.Struct({}),
  run: () => Effect.succeed("shutting down")
})

// At most one step of a job may call this block.
const sendMail = Block.make({
  category: "system",
  name: "send_mail",
  maxUses: 1,
  parameters: Schema.Struct({}),
  run: () => Effect.succeed("sent")
})

const registry = Registry.make(shutdown, sendMail)

const steps = (...actions: Array<string>) => ({
  steps: actions.map((action) => ({ action, forced: true }))
})

const statuses = (options: Job.Options, document: object) =>
  Effect.gen(function* () {
    const result = yield* Run.run(yield* Job.load(document, registry, options))
    return result.steps.map((step) => step.status.name).join(", ")
  })

export const main = Effect.gen(function* () {
  yield* Console.log(yield* statuses({}, steps("SYSTEM.SHUTDOWN")))
  yield* Console.log(yield* statuses({ tags: ["admin"] }, steps("SYSTEM.SHUTDOWN")))
  yield* Console.log(yield* statuses({}, steps("SYSTEM.SEND_MAIL", "SYSTEM.SEND_MAIL")))
  // The job's block limits override maxUses: a number, or null for no limit.
  const unlimited = { blockLimits: { "SYSTEM.*": null } }
  yield* Console.log(yield* statuses(unlimited, steps("SYSTEM.SEND_MAIL", "SYSTEM.SEND_MAIL")))
})
