import { Console, Context, Effect, Layer, Schema } from "effect"
import { Block, Job, Parameter, Registry, Run } from "../../src/index.js"

// A global: a service the blocks need and the host provides. Users never see it.
class Prices extends Context.Tag("Prices")<
  Prices,
  { readonly of: (item: string) => Effect.Effect<number> }
>() {}

const price = Block.make({
  category: "shop",
  name: "price",
  parameters: Schema.Struct({ item: Parameter.text }),
  // The block's requirements include Prices...
  run: ({ item }) => Effect.flatMap(Prices, (prices) => prices.of(item))
})

const registry = Registry.make(price)

const fixedPrices = Layer.succeed(Prices, {
  of: (item) => Effect.succeed(item === "apple" ? 0.5 : 2)
})

export const main = Effect.gen(function* () {
  const workflow = { steps: [{ action: "SHOP.PRICE", parameters: { item: "apple" } }] }
  const job = yield* Job.load(workflow, registry)

  // ...so running the job needs Prices: without Effect.provide, this does not compile.
  const result = yield* Run.run(job).pipe(Effect.provide(fixedPrices))

  yield* Console.log(result.steps[0]?.result)
})
