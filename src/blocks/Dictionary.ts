/**
 * The DICTIONARY category: blocks that build, read and change dictionaries
 * (plain objects), following Python's `dict` (SPEC section 12).
 *
 * Keys are user data and may be anything, `__proto__` and `constructor`
 * included: they are read among a dictionary's own keys only and written as
 * own properties, so no block reaches or changes a prototype.
 *
 * SET, DELETE, UPDATE and CLEAR change the dictionary they are given and
 * return it, so a dictionary read from a variable with one tag changes the
 * variable (R10.2); POP returns the value it removed. Every other block
 * leaves its inputs as they were.
 *
 * @since 0.1.0
 */
import { Effect, Schema } from "effect"
import * as Block from "../Block.js"
import * as Parameter from "../Parameter.js"
import * as StepError from "../StepError.js"
import * as Value from "../Value.js"
import { ensureKeyCount } from "./internal/size.js"

const theDictionary = Parameter.dictionary.pipe(Parameter.describe("The dictionary to work on."))
const theKey = Parameter.text.pipe(Parameter.describe("The key."))

const invalid = StepError.invalidArgument

const missingKey = (key: string) => invalid(`key ${Value.preview(key)} is not in the dictionary`)

/** The number of keys `target` would have after taking every key of `source`. */
const unionSize = (target: Record<string, unknown>, source: Record<string, unknown>): number => {
  let size = Object.keys(target).length
  for (const key of Object.keys(source)) if (!Object.hasOwn(target, key)) size++
  return size
}

// ---- building ----

const create = Block.make({
  name: "CREATE",
  description: "A new dictionary whose keys and values are the parameters given to the step.",
  parameters: "any",
  run: (parameters) => {
    const made: Record<string, unknown> = {}
    for (const key of Object.keys(parameters)) Value.setKey(made, key, parameters[key])
    return Effect.succeed(made)
  }
})

const createFromPairs = Block.make({
  name: "CREATE_FROM_PAIRS",
  description: "A new dictionary with one key and its value.",
  parameters: Schema.Struct({
    key: Parameter.text.pipe(Parameter.describe("The key of the pair.")),
    value: Parameter.any.pipe(Parameter.describe("The value of the pair."))
  }),
  run: ({ key, value }) => {
    const made: Record<string, unknown> = {}
    Value.setKey(made, key, value)
    return Effect.succeed(made)
  }
})

const createFromList = Block.make({
  name: "CREATE_FROM_LIST",
  description:
    "A new dictionary from pairs: a list of [key, value] lists, or a single [key, value] list whose " +
    "key is a text. A later pair with the same key wins.",
  parameters: Schema.Struct({
    pairs: Parameter.list.pipe(Parameter.describe("[key, value] pairs, or one [key, value] pair."))
  }),
  run: ({ pairs }) => {
    const list = pairs.length === 2 && typeof pairs[0] === "string" ? [pairs] : pairs
    const made: Record<string, unknown> = {}
    for (let i = 0; i < list.length; i++) {
      const pair = list[i]
      if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== "string") {
        return invalid(`pair ${i} must be a list of a text key and a value, got ${Value.preview(pair)}`)
      }
      Value.setKey(made, pair[0], pair[1])
    }
    return Effect.succeed(made)
  }
})

const merge = Block.make({
  name: "MERGE",
  description: "A new dictionary with the keys of both; where both have a key, the second one's value wins.",
  parameters: Schema.Struct({
    dict1: Parameter.dictionary.pipe(Parameter.describe("The first dictionary.")),
    dict2: Parameter.dictionary.pipe(Parameter.describe("The second dictionary; its values win."))
  }),
  run: ({ dict1, dict2 }) =>
    ensureKeyCount(unionSize(dict1, dict2)).pipe(
      Effect.map(() => {
        const made: Record<string, unknown> = {}
        for (const key of Object.keys(dict1)) Value.setKey(made, key, dict1[key])
        for (const key of Object.keys(dict2)) Value.setKey(made, key, dict2[key])
        return made
      })
    )
})

// ---- reading ----

const get = Block.make({
  name: "GET",
  description: "The value of a key; the default when the key is missing, or a failure without one.",
  parameters: Schema.Struct({
    key: theKey,
    dictionary: theDictionary,
    default: Parameter.optional(
      Parameter.any.pipe(Parameter.describe("The value to give when the key is missing."))
    )
  }),
  run: (p) => {
    if (Object.hasOwn(p.dictionary, p.key)) return Effect.succeed(p.dictionary[p.key])
    return p.default !== undefined ? Effect.succeed(p.default) : missingKey(p.key)
  }
})

const count = Block.make({
  name: "COUNT",
  description: "The number of keys in a dictionary.",
  parameters: Schema.Struct({ dictionary: theDictionary }),
  run: ({ dictionary }) => Effect.succeed(Object.keys(dictionary).length)
})

const listKeys = Block.make({
  name: "LIST_KEYS",
  description: "A list of the keys of a dictionary.",
  parameters: Schema.Struct({ dictionary: theDictionary }),
  run: ({ dictionary }) => Effect.succeed(Object.keys(dictionary))
})

const listValues = Block.make({
  name: "LIST_VALUES",
  description: "A list of the values of a dictionary, in the order of its keys.",
  parameters: Schema.Struct({ dictionary: theDictionary }),
  run: ({ dictionary }) => Effect.succeed(Object.values(dictionary))
})

const listItems = Block.make({
  name: "LIST_ITEMS",
  description: "A list of [key, value] pairs of a dictionary.",
  parameters: Schema.Struct({ dictionary: theDictionary }),
  run: ({ dictionary }) => Effect.succeed(Object.keys(dictionary).map((key) => [key, dictionary[key]]))
})

const isDictionary = Block.make({
  name: "IS_DICTIONARY",
  description: "Whether a value is a dictionary.",
  parameters: Schema.Struct({ value: Parameter.any.pipe(Parameter.describe("Any value.")) }),
  run: ({ value }) => Effect.succeed(Value.isPlainObject(value))
})

const isKeyExists = Block.make({
  name: "IS_KEY_EXISTS",
  description: "Whether a dictionary has a key.",
  parameters: Schema.Struct({ key: theKey, dictionary: theDictionary }),
  run: ({ key, dictionary }) => Effect.succeed(Object.hasOwn(dictionary, key))
})

const isValueExists = Block.make({
  name: "IS_VALUE_EXISTS",
  description: "Whether some key of a dictionary has a value equal to the given one.",
  parameters: Schema.Struct({
    value: Parameter.any.pipe(Parameter.describe("The value to look for.")),
    dictionary: theDictionary
  }),
  run: ({ value, dictionary }) =>
    Effect.succeed(Object.keys(dictionary).some((key) => Value.equals(dictionary[key], value)))
})

// ---- changing in place ----

const set = Block.make({
  name: "SET",
  description: "Gives a key a value, adding the key when it is missing, in place; returns the dictionary.",
  parameters: Schema.Struct({
    key: theKey,
    value: Parameter.any.pipe(Parameter.describe("The value for the key.")),
    dictionary: theDictionary
  }),
  run: ({ key, value, dictionary }) => {
    const size = Object.hasOwn(dictionary, key) ? 0 : Object.keys(dictionary).length + 1
    return ensureKeyCount(size).pipe(
      Effect.map(() => {
        // A copy: storing a live variable into itself would make a cycle (see LISTS.APPEND).
        Value.setKey(dictionary, key, Value.copy(value))
        return dictionary
      })
    )
  }
})

const del = Block.make({
  name: "DELETE",
  description:
    "Removes a key, in place; returns the dictionary. A missing key is ignored, or fails when " +
    "silent is false.",
  parameters: Schema.Struct({
    key: theKey,
    dictionary: theDictionary,
    silent: Parameter.withDefault(
      Parameter.boolean.pipe(Parameter.describe("Ignore a missing key instead of failing.")),
      true
    )
  }),
  run: ({ key, dictionary, silent }) => {
    if (Object.hasOwn(dictionary, key)) delete dictionary[key]
    else if (!silent) return missingKey(key)
    return Effect.succeed(dictionary)
  }
})

const pop = Block.make({
  name: "POP",
  description:
    "Removes a key and returns its value; returns the default when the key is missing, or fails without one.",
  parameters: Schema.Struct({
    key: theKey,
    dictionary: theDictionary,
    default: Parameter.optional(
      Parameter.any.pipe(Parameter.describe("The value to give when the key is missing."))
    )
  }),
  run: (p) => {
    if (!Object.hasOwn(p.dictionary, p.key)) {
      return p.default !== undefined ? Effect.succeed(p.default) : missingKey(p.key)
    }
    const value = p.dictionary[p.key]
    delete p.dictionary[p.key]
    return Effect.succeed(value)
  }
})

const update = Block.make({
  name: "UPDATE",
  description:
    "Copies every key and value of the second dictionary into the first, in place; returns the first.",
  parameters: Schema.Struct({
    dict1: Parameter.dictionary.pipe(Parameter.describe("The dictionary to update; it is changed.")),
    dict2: Parameter.dictionary.pipe(
      Parameter.describe("The dictionary whose keys are copied; it is not changed.")
    )
  }),
  run: ({ dict1, dict2 }) =>
    ensureKeyCount(unionSize(dict1, dict2)).pipe(
      Effect.map(() => {
        const added = Value.copy(dict2)
        for (const key of Object.keys(added)) Value.setKey(dict1, key, added[key])
        return dict1
      })
    )
})

const clear = Block.make({
  name: "CLEAR",
  description: "Removes every key of a dictionary, in place; returns the now empty dictionary.",
  parameters: Schema.Struct({ dictionary: theDictionary }),
  run: ({ dictionary }) => {
    for (const key of Object.keys(dictionary)) delete dictionary[key]
    return Effect.succeed(dictionary)
  }
})

/**
 * The DICTIONARY category: CREATE, CREATE_FROM_PAIRS, CREATE_FROM_LIST, GET,
 * SET, DELETE, MERGE, POP, UPDATE, CLEAR, COUNT, LIST_KEYS, LIST_VALUES,
 * LIST_ITEMS, IS_DICTIONARY, IS_KEY_EXISTS and IS_VALUE_EXISTS.
 *
 * Fails with INVALID_ARGUMENT for a missing key (GET and POP without a
 * default, DELETE when not silent) and malformed pairs (CREATE_FROM_LIST);
 * with SIZE_LIMIT_EXCEED when SET, MERGE or UPDATE would give a dictionary
 * more keys than the run allows.
 *
 * @since 0.1.0
 * @category categories
 */
export const Dictionary = Block.category("DICTIONARY", [
  create,
  createFromPairs,
  createFromList,
  get,
  set,
  del,
  merge,
  pop,
  update,
  clear,
  count,
  listKeys,
  listValues,
  listItems,
  isDictionary,
  isKeyExists,
  isValueExists
])
