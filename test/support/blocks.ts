/**
 * Test support: a small registry of blocks with known behaviour, so runtime
 * tests do not depend on the standard library.
 */
import { Effect, Schema } from "effect"
import * as Block from "../../src/Block.js"
import * as Parameter from "../../src/Parameter.js"
import * as Registry from "../../src/Registry.js"
import * as StepError from "../../src/StepError.js"
import * as Value from "../../src/Value.js"

/** TEST.OK(value?) succeeds with `value` (default "ok"). */
export const ok = Block.make({
  category: "test",
  name: "ok",
  parameters: Schema.Struct({ value: Parameter.withDefault(Parameter.any, "ok") }),
  run: ({ value }) => Effect.succeed(value)
})

/** TEST.ADD(a, b) adds two numbers. */
export const add = Block.make({
  category: "test",
  name: "add",
  parameters: Schema.Struct({ a: Parameter.number, b: Parameter.number }),
  run: ({ a, b }) => Effect.succeed(a + b)
})

/** TEST.INVALID fails with the library's InvalidArgument. */
export const invalid = Block.make({
  category: "test",
  name: "invalid",
  parameters: Schema.Struct({}),
  run: () => Effect.fail(new StepError.InvalidArgument({ message: "bad value" }))
})

/** TEST.ASSERT fails with the library's AssertionFailed. */
export const assertion = Block.make({
  category: "test",
  name: "assert",
  parameters: Schema.Struct({}),
  run: () => Effect.fail(new StepError.AssertionFailed({ message: "assertion failed" }))
})

/** TEST.OTHER fails with an error the library does not know. */
export const other = Block.make({
  category: "test",
  name: "other",
  parameters: Schema.Struct({}),
  run: () => Effect.fail(new Error("boom"))
})

/** TEST.DIE dies with a thrown exception. */
export const die = Block.make({
  category: "test",
  name: "die",
  parameters: Schema.Struct({}),
  run: () =>
    Effect.sync(() => {
      throw new TypeError("kaboom")
    })
})

/** TEST.ECHO returns its parameters, whatever they are. */
export const echo = Block.make({
  category: "test",
  name: "echo",
  parameters: "any",
  run: (parameters) => Effect.succeed(parameters)
})

/** TEST.PUSH(list, item) appends a copy of the item in place and returns the list, as LISTS.APPEND does. */
export const push = Block.make({
  category: "test",
  name: "push",
  parameters: Schema.Struct({ list: Parameter.list, item: Parameter.any }),
  run: ({ list, item }) => Effect.sync(() => (list.push(Value.copy(item)), list))
})

/** TEST.PUT(dictionary, key, value) sets a key of the dictionary in place and returns it, as DICTIONARY.SET does. */
export const put = Block.make({
  category: "test",
  name: "put",
  parameters: Schema.Struct({ dictionary: Parameter.dictionary, key: Parameter.text, value: Parameter.any }),
  run: ({ dictionary, key, value }) =>
    Effect.sync(() => (Value.setKey(dictionary, key, Value.copy(value)), dictionary))
})

/** TEST.SLEEP(millis) waits, then succeeds with the time waited. */
export const sleep = Block.make({
  category: "test",
  name: "sleep",
  parameters: Schema.Struct({ millis: Parameter.number }),
  run: ({ millis }) => Effect.as(Effect.sleep(millis), millis)
})

/** TEST.SECRET needs the job tag "admin". */
export const secret = Block.make({
  category: "test",
  name: "secret",
  tags: ["admin"],
  parameters: Schema.Struct({}),
  run: () => Effect.succeed("secret")
})

/** TEST.ONCE may be used once per job. */
export const once = Block.make({
  category: "test",
  name: "once",
  maxUses: 1,
  parameters: Schema.Struct({}),
  run: () => Effect.succeed("once")
})

/** The test registry. */
export const registry = Registry.make(
  ok,
  add,
  invalid,
  assertion,
  other,
  die,
  echo,
  push,
  put,
  sleep,
  secret,
  once
)
