/**
 * The OBJECT category: blocks that work on any kind of value: slices of texts
 * and lists, copies, and lengths (SPEC section 12). None changes its inputs.
 *
 * A slice is plain data, `{ "start": 1, "stop": null, "step": -1 }`, with
 * null for a part left out; it follows Python's slices, and texts count
 * characters (code points).
 *
 * @since 0.1.0
 */
import { Effect, Schema } from "effect"
import * as Block from "../Block.js"
import * as Parameter from "../Parameter.js"
import * as Sequence from "../Sequence.js"
import * as StepError from "../StepError.js"
import * as Value from "../Value.js"
import { sequence, sized, slicePart } from "./internal/schemas.js"

const part = (description: string) => Parameter.optional(slicePart.pipe(Parameter.describe(description)))

const sliceParts = {
  start: part("Where the slice starts; negative counts from the end. Left out or null: the natural start."),
  stop: part("Where the slice stops, not included; negative counts from the end. Left out or null: the end."),
  step: part("The distance between items taken; negative walks backwards. Left out or null: 1.")
}

const toParts = (parts: { start?: number | null; stop?: number | null; step?: number | null }) => ({
  start: parts.start ?? null,
  stop: parts.stop ?? null,
  step: parts.step ?? null
})

const theValue = sequence.pipe(Parameter.describe("The text or list to slice."))

const applySlice = (
  value: string | Array<unknown>,
  parts: Sequence.SliceParts
): Effect.Effect<string | Array<unknown>, StepError.InvalidArgument> => {
  const sliced = Sequence.slice(value, parts)
  return sliced === undefined
    ? Effect.fail(new StepError.InvalidArgument({ message: "slice step cannot be zero" }))
    : Effect.succeed(sliced)
}

const createSlice = Block.make({
  name: "CREATE_SLICE",
  description: 'A slice, as data: { "start", "stop", "step" }, with null for each part left out.',
  parameters: Schema.Struct(sliceParts),
  run: (parts) => Effect.succeed(toParts(parts))
})

const applySliceBlock = Block.make({
  name: "APPLY_SLICE",
  description: "The part of a text or list that a slice (from CREATE_SLICE) selects. Fails for a step of 0.",
  parameters: Schema.Struct({
    value: theValue,
    slice: Schema.Struct(sliceParts).pipe(
      Parameter.describe('The slice: { "start", "stop", "step" }, each an integer or null, each optional.')
    )
  }),
  run: ({ value, slice }) => applySlice(value, toParts(slice))
})

const sliceValue = Block.make({
  name: "SLICE_VALUE",
  description: "The part of a text or list between start and stop, every step items. Fails for a step of 0.",
  parameters: Schema.Struct({ value: theValue, ...sliceParts }),
  run: ({ value, ...parts }) => applySlice(value, toParts(parts))
})

const copy = Block.make({
  name: "COPY",
  description: "A deep copy of a value: changing the copy never changes the original.",
  parameters: Schema.Struct({ value: Parameter.any.pipe(Parameter.describe("The value to copy.")) }),
  run: ({ value }) => Effect.succeed(Value.copy(value))
})

const length = Block.make({
  name: "LENGTH",
  description: "The number of characters of a text, items of a list, or keys of a dictionary.",
  parameters: Schema.Struct({ value: sized.pipe(Parameter.describe("A text, list or dictionary.")) }),
  run: ({ value }) => {
    if (typeof value === "string") return Effect.succeed(Sequence.length(value))
    return Effect.succeed(Array.isArray(value) ? value.length : Object.keys(value).length)
  }
})

/**
 * The OBJECT category: CREATE_SLICE, APPLY_SLICE, SLICE_VALUE, COPY and
 * LENGTH. Slicing fails with INVALID_ARGUMENT for a step of 0; a value of the
 * wrong kind gives INVALID_TYPE.
 *
 * @example
 * ```yaml
 * - action: OBJECT.SLICE_VALUE
 *   parameters: { value: "héllo", start: 1, stop: 3 }   # "él"
 * ```
 *
 * @since 0.1.0
 * @category categories
 */
export const ObjectBlocks = Block.category("OBJECT", [createSlice, applySliceBlock, sliceValue, copy, length])
