// Blocks for `conduit --blocks`: an ES module whose default export is a
// category, a block, or an array of them. It imports the library by its
// package name, as any module of yours would (inside this repository that is
// the build in dist/, made by `npm run build`).
import { Effect, Schema } from "effect"
import { Block, Parameter } from "effect-conduit"

const hello = Block.make({
  name: "hello",
  description: "Greets someone by name.",
  parameters: Schema.Struct({ name: Parameter.text }),
  run: ({ name }) => Effect.succeed(`Hello, ${name}!`)
})

const secret = Block.make({
  name: "secret",
  description: "Tells the secret; only jobs tagged admin may call it.",
  tags: ["admin"],
  parameters: Schema.Struct({}),
  run: () => Effect.succeed("the cake is in the oven")
})

const slow = Block.make({
  name: "slow",
  description: "Waits a number of milliseconds, then answers.",
  parameters: Schema.Struct({ millis: Parameter.withDefault(Parameter.integer, 1000) }),
  run: ({ millis }) => Effect.as(Effect.sleep(millis), "done waiting")
})

export default Block.category("greet", [hello, secret, slow])
