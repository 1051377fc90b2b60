import { Console, Effect, Schema } from "effect"
import { Block, Job, Parameter, Registry, Run, StepError } from "../../src/index.js"

const withdraw = Block.make({
  category: "bank",
  name: "withdraw",
  parameters: Schema.Struct({ balance: Parameter.number, amount: Parameter.number }),
  run: ({ balance, amount }) =>
    Effect.gen(function* () {
      // A value the block refuses: INVALID_ARGUMENT.
      if (amount <= 0) {
        return yield* new StepError.InvalidArgument({ message: "amount must be positive" })
      }
      // A rule that does not hold: ASSERTION_ERROR.
      if (amount > balance) return yield* new StepError.AssertionFailed({ message: "not enough money" })
      return balance - amount
    })
})

const flaky = Block.make({
  category: "bank",
  name: "flaky",
  parameters: Schema.Struct({ crash: Parameter.boolean }),
  run: ({ crash }) =>
    crash
      ? Effect.sync(() => {
          throw new RangeError("the vault door is stuck") // a thrown exception: a defect
        })
      : Effect.fail(new Error("the bank is closed")) // an error the library does not know
})

const registry = Registry.make(withdraw, flaky)

// Every step is forced, so each one runs although an earlier one failed.
const step = (action: string, parameters: object) => ({ action, parameters, forced: true })
const workflow = {
  steps: [
    step("BANK.WITHDRAW", { balance: 100, amount: 30 }),
    step("BANK.WITHDRAW", { balance: 100, amount: -5 }),
    step("BANK.WITHDRAW", { balance: 100, amount: 500 }),
    step("BANK.WITHDRAW", { balance: 100, amount: "thirty" }),
    step("BANK.FLAKY", { crash: false }),
    step("BANK.FLAKY", { crash: true })
  ]
}

export const main = Effect.gen(function* () {
  const result = yield* Run.run(yield* Job.load(workflow, registry))

  for (const { status, result: value, error } of result.steps) {
    yield* Console.log(`${status.name} (${status.value}):`, value ?? error)
  }
})
