/**
 * The LISTS category: blocks that build, read and change lists, following
 * Python's `list` (SPEC section 12). Indexes count from the end when
 * negative; equality is deep and structural.
 *
 * APPEND, CLEAR, EXTEND, SORT, INSERT, REMOVE and REVERSE change the list
 * they are given and return it, so a list read from a variable with one tag
 * changes the variable (R10.2); POP returns the item it removed. Every other
 * block leaves its inputs as they were.
 *
 * @since 0.1.0
 */
import { Effect, Schema } from "effect"
import * as Block from "../Block.js"
import * as Parameter from "../Parameter.js"
import * as Sequence from "../Sequence.js"
import * as StepError from "../StepError.js"
import * as Value from "../Value.js"
import { ensureListLength } from "./internal/size.js"
import { sortInPlace } from "./internal/sort.js"

const theList = Parameter.list.pipe(Parameter.describe("The list to work on."))
const anItem = Parameter.any.pipe(Parameter.describe("The item, any value."))

const invalid = StepError.invalidArgument

const indexOf = (list: ReadonlyArray<unknown>, item: unknown): number =>
  list.findIndex((x) => Value.equals(x, item))

// Items stored into a list are copies: storing a live variable into itself would make a cycle, and
// storing it elsewhere would let a later change of one variable silently change another.
const stored = Value.copy

// ---- building and reading ----

const create = Block.make({
  name: "CREATE",
  description: "A new list of the values given, in order; an empty list when none is given.",
  parameters: Schema.Struct({
    value1: Parameter.optional(Parameter.any.pipe(Parameter.describe("The first item, if any."))),
    value2: Parameter.optional(Parameter.any.pipe(Parameter.describe("The second item, if any.")))
  }),
  run: ({ value1, value2 }) => {
    const items: Array<unknown> = []
    if (value1 !== undefined) items.push(value1)
    if (value2 !== undefined) items.push(value2)
    return Effect.succeed(items)
  }
})

const count = Block.make({
  name: "COUNT",
  description: "The number of items in a list.",
  parameters: Schema.Struct({ list: theList }),
  run: ({ list }) => Effect.succeed(list.length)
})

const get = Block.make({
  name: "GET",
  description: "The item at an index; negative indexes count from the end. Fails when out of range.",
  parameters: Schema.Struct({
    list: theList,
    index: Parameter.integer.pipe(Parameter.describe("The position; -1 is the last item."))
  }),
  run: ({ list, index }) => {
    const found = Sequence.at(list, index)
    return found === undefined
      ? invalid(`list index ${index} out of range for a list of ${list.length} items`)
      : Effect.succeed(found.value)
  }
})

const index = Block.make({
  name: "INDEX",
  description: "The index of the first item equal to the given one, or -1 when there is none.",
  parameters: Schema.Struct({ list: theList, item: anItem }),
  run: ({ list, item }) => Effect.succeed(indexOf(list, item))
})

const countItem = Block.make({
  name: "COUNT_ITEM",
  description: "How many items of a list equal the given one.",
  parameters: Schema.Struct({ item: anItem, list: theList }),
  run: ({ item, list }) =>
    Effect.succeed(list.reduce<number>((n, x) => (Value.equals(x, item) ? n + 1 : n), 0))
})

const copy = Block.make({
  name: "COPY",
  description: "A deep copy of a list: changing the copy never changes the original.",
  parameters: Schema.Struct({ list: theList }),
  run: ({ list }) => Effect.succeed(Value.copy(list))
})

const merge = Block.make({
  name: "MERGE",
  description: "A new list with the items of the first list followed by those of the second.",
  parameters: Schema.Struct({
    list1: Parameter.list.pipe(Parameter.describe("The list whose items come first.")),
    list2: Parameter.list.pipe(Parameter.describe("The list whose items come after."))
  }),
  run: ({ list1, list2 }) =>
    ensureListLength(list1.length + list2.length).pipe(Effect.as([...list1, ...list2]))
})

const flatten = Block.make({
  name: "FLATTEN",
  description: "A new list where the items of inner lists take their place; only one level deep.",
  parameters: Schema.Struct({ list: Parameter.list.pipe(Parameter.describe("A list that may hold lists.")) }),
  run: ({ list }) => {
    const size = list.reduce<number>((n, item) => n + (Array.isArray(item) ? item.length : 1), 0)
    return ensureListLength(size).pipe(
      Effect.map(() => {
        const flat: Array<unknown> = []
        for (const item of list) {
          if (Array.isArray(item)) for (const inner of item) flat.push(inner)
          else flat.push(item)
        }
        return flat
      })
    )
  }
})

// ---- changing in place ----

const append = Block.make({
  name: "APPEND",
  description: "Adds an item at the end of a list, in place; returns the list.",
  parameters: Schema.Struct({
    item: Parameter.any.pipe(Parameter.describe("The item to add.")),
    list: theList
  }),
  run: ({ item, list }) =>
    ensureListLength(list.length + 1).pipe(
      Effect.map(() => {
        list.push(stored(item))
        return list
      })
    )
})

const extend = Block.make({
  name: "EXTEND",
  description: "Adds the items of the second list at the end of the first, in place; returns the first.",
  parameters: Schema.Struct({
    list1: Parameter.list.pipe(Parameter.describe("The list to extend; it is changed.")),
    list2: Parameter.list.pipe(Parameter.describe("The list whose items are added; it is not changed."))
  }),
  run: ({ list1, list2 }) =>
    ensureListLength(list1.length + list2.length).pipe(
      Effect.map(() => {
        const added = stored(list2)
        for (const item of added) list1.push(item)
        return list1
      })
    )
})

const insert = Block.make({
  name: "INSERT",
  description:
    "Inserts an item before an index, in place, as Python's list.insert: an index past either end " +
    "puts the item at that end. Returns the list.",
  parameters: Schema.Struct({
    list: theList,
    index: Parameter.integer.pipe(
      Parameter.describe("The position the item will take; negative counts from the end.")
    ),
    item: Parameter.any.pipe(Parameter.describe("The item to insert."))
  }),
  run: ({ list, index, item }) =>
    ensureListLength(list.length + 1).pipe(
      Effect.map(() => {
        const position = index < 0 ? Math.max(index + list.length, 0) : Math.min(index, list.length)
        list.splice(position, 0, stored(item))
        return list
      })
    )
})

const remove = Block.make({
  name: "REMOVE",
  description:
    "Removes the first item equal to the given one, in place; returns the list. Fails when absent.",
  parameters: Schema.Struct({
    item: Parameter.any.pipe(Parameter.describe("The item to remove.")),
    list: theList
  }),
  run: ({ item, list }) => {
    const position = indexOf(list, item)
    if (position < 0) return invalid(`${Value.preview(item)} is not in the list`)
    list.splice(position, 1)
    return Effect.succeed(list)
  }
})

const pop = Block.make({
  name: "POP",
  description:
    "Removes the item at an index (the last by default) and returns that item. Fails when out of range.",
  parameters: Schema.Struct({
    list: theList,
    index: Parameter.withDefault(
      Parameter.integer.pipe(Parameter.describe("The position of the item to remove; -1 is the last.")),
      -1
    )
  }),
  run: ({ list, index }) => {
    if (list.length === 0) return invalid("cannot pop from an empty list")
    const position = Sequence.resolveIndex(index, list.length)
    if (position === undefined) {
      return invalid(`pop index ${index} out of range for a list of ${list.length} items`)
    }
    return Effect.succeed(list.splice(position, 1)[0])
  }
})

const clear = Block.make({
  name: "CLEAR",
  description: "Removes every item of a list, in place; returns the now empty list.",
  parameters: Schema.Struct({ list: theList }),
  run: ({ list }) => {
    list.length = 0
    return Effect.succeed(list)
  }
})

const reverse = Block.make({
  name: "REVERSE",
  description: "Reverses the order of a list, in place; returns the list.",
  parameters: Schema.Struct({ list: theList }),
  run: ({ list }) => Effect.succeed(list.reverse())
})

const sort = Block.make({
  name: "SORT",
  description:
    "Sorts a list in place, stably, and returns it. The items must be all numbers or all texts " +
    "(texts order by code point).",
  parameters: Schema.Struct({
    list: theList,
    reverse: Parameter.withDefault(
      Parameter.boolean.pipe(Parameter.describe("Sort from largest to smallest instead.")),
      false
    )
  }),
  run: ({ list, reverse }) => sortInPlace(list, reverse)
})

/**
 * The LISTS category: CREATE, COUNT, APPEND, CLEAR, EXTEND, SORT, INSERT,
 * COPY, REMOVE, POP, REVERSE, COUNT_ITEM, MERGE, FLATTEN, GET and INDEX.
 *
 * Fails with INVALID_ARGUMENT for an index out of range (GET, POP), an item
 * not in the list (REMOVE) and items that cannot be ordered (SORT); with
 * SIZE_LIMIT_EXCEED when APPEND, EXTEND, INSERT, MERGE or FLATTEN would make a
 * list longer than the run allows.
 *
 * @since 0.1.0
 * @category categories
 */
export const Lists = Block.category("LISTS", [
  create,
  count,
  append,
  clear,
  extend,
  sort,
  insert,
  copy,
  remove,
  pop,
  reverse,
  countItem,
  merge,
  flatten,
  get,
  index
])
